// The Teams tabs (teams/manifest.json): the channel tab's configuration page and the personal tab.
// Neither mints a token: a tab opens only what a link from chat already opens.
//   - GET /teams/tab/config[?link=…]: the coordinator pastes the link `sida` (or `rapport länk`) gave
//     them; the page checks it and, inside Teams, saves it as the tab's contentUrl with the Teams JS
//     SDK (pages.config). A channel tab is seen by the whole channel, like the link posted there.
//   - GET /teams/tab/mine[?link=…|?token=…|?forget=1]: the person pastes their own `mina länk` once;
//     the tab keeps it in that person's Teams (localStorage of this origin) and opens `mina` as a page.
// Complete without JavaScript and without the SDK (the check is the server's); the script only
// talks to Teams and remembers the personal link.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Lang } from '../../core/model.js';
import type { PageGrant } from '../../core/pagetoken.js';
import { dashboardPath, forumPagePath, minePagePath } from '../../core/pagetoken.js';
import type { Route } from '../server.js';
import { html, type Html, page } from './html.js';
import { minePage } from './mine.js';
import type { PageDeps } from './routes.js';
import { tabWords } from './teams-words.js';
import { pageWords } from './words.js';

/** The Teams JavaScript SDK as Microsoft publishes it (pinned); the only script from elsewhere. */
export const TEAMS_SDK_URL = 'https://res.cdn.office.net/teams-js/2.58.0/js/MicrosoftTeams.min.js';
const TAB_SCRIPT = '/teams/tab/tab.js';

const CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  `script-src 'self' https://res.cdn.office.net`,
  "connect-src 'self'",
  "img-src 'self' data:",
  "form-action 'self'",
  'frame-ancestors https://teams.microsoft.com https://*.teams.microsoft.com https://*.office.com https://*.cloud.microsoft',
].join('; ');

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'private, no-store',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'content-security-policy': CSP,
    ...headers,
  });
  res.end(body);
}

const SCRIPTS = `<script src="${TEAMS_SDK_URL}"></script><script src="${TAB_SCRIPT}"></script>`;

function withScripts(doc: string): string {
  return doc.replace('</body>', `${SCRIPTS}</body>`);
}

/** Teams hands its locale (`sv-se`, `en-us`); the pages take `sv` or `en`. */
function langOf(params: URLSearchParams, fallback: Lang): Lang {
  const l = (params.get('lang') ?? '').toLowerCase();
  return l.startsWith('en') ? 'en' : l.startsWith('sv') ? 'sv' : fallback;
}

/** What both tab pages read first: the query, its language and words, and the link pasted into the form. */
function tabRequest(req: IncomingMessage, fallback: Lang) {
  const params = new URL(req.url ?? '/', 'http://localhost').searchParams;
  const lang = langOf(params, fallback);
  return { params, lang, w: pageWords(lang), t: tabWords(lang), pasted: params.get('link') };
}

/** A pasted link (absolute, or just its path) → its path and token; nothing else of it is kept. */
export function readLink(link: string | null): { path: string; token: string } | null {
  if (!link) return null;
  let u: URL;
  try {
    u = new URL(link.trim(), 'http://samrad.invalid');
  } catch {
    return null;
  }
  const token = u.searchParams.get('token');
  return token ? { path: u.pathname, token } : null;
}

async function grantOf(d: PageDeps, link: { path: string; token: string } | null): Promise<PageGrant | null> {
  return link ? d.store.pages.find(link.token) : null;
}

/** The tab's target when the pasted link is a live forum-page or dashboard link, else null. */
async function tabTarget(d: PageDeps, linkText: string | null): Promise<{ path: string; name: string; entity: string; forumName?: string } | null> {
  const link = readLink(linkText);
  const g = await grantOf(d, link);
  if (!g || !link) return null;
  if (g.scope === 'forum' && g.forumKey && link.path === `/forum/${g.forumKey}`) {
    const forum = await d.store.forums.byKey(g.forumKey);
    return forum ? { path: forumPagePath(forum.key, link.token), name: forum.name, entity: `forum-${forum.key}`, forumName: forum.name } : null;
  }
  if (g.scope === 'dashboard' && link.path === '/dashboard') return { path: dashboardPath(link.token), name: '', entity: 'dashboard' };
  return null;
}

function form(action: string, label: string, button: string, lang: Lang): Html {
  return html`<form method="get" action="${action}" class="filters"><input type="hidden" name="lang" value="${lang}"><label>${label}<input type="text" inputmode="url" name="link" required autocomplete="off" spellcheck="false" size="60"></label><button type="submit">${button}</button></form>`;
}

export function teamsTabRoutes(d: PageDeps): Route[] {
  return [
    {
      method: 'GET',
      path: TAB_SCRIPT,
      handle(_req, res) {
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=300', 'x-content-type-options': 'nosniff' });
        res.end(TAB_JS);
      },
    },
    {
      method: 'GET',
      path: '/teams/tab/config',
      async handle(req: IncomingMessage, res: ServerResponse) {
        const { lang, w, t, pasted } = tabRequest(req, d.config.language);
        const target = pasted === null ? null : await tabTarget(d, pasted);
        const name = target ? target.name || t.dashboardName : '';
        const result =
          pasted === null
            ? ''
            : target
              ? html`<p class="notice" role="status" id="tab-target" data-path="${target.path}" data-name="${name}" data-entity="${target.entity}">${target.forumName ? t.forumOk(target.forumName) : t.dashboardOk}</p>`
              : html`<p class="notice" role="alert" id="tab-invalid">${t.badLink}</p>`;
        const body = html`<header><p class="muted">${w.samrad}</p><h1>${t.configTitle}</h1></header>
<main id="main"><div id="tab-config"><p>${t.configIntro}</p>${form('/teams/tab/config', t.linkLabel, t.check, lang)}${result}</div></main>`;
        send(res, 200, withScripts(page(w, t.configTitle, body)));
      },
    },
    {
      method: 'GET',
      path: '/teams/tab/mine',
      async handle(req: IncomingMessage, res: ServerResponse) {
        const { params, lang, w, t, pasted } = tabRequest(req, d.config.language);
        if (pasted !== null) {
          // A pasted link that works: open the tab on it (the script then remembers it).
          const link = readLink(pasted);
          const g = await grantOf(d, link);
          if (g?.scope === 'member' && link?.path === '/mine') {
            return send(res, 303, '', { location: `/teams/tab/mine?token=${encodeURIComponent(link.token)}&lang=${lang}` });
          }
        }
        const token = params.get('token');
        if (token !== null) {
          const g = await d.store.pages.find(token);
          const member = g?.scope === 'member' && g.memberId ? await d.store.members.byId(g.memberId) : null;
          if (member) {
            const doc = await minePage(d.store, d.config, member, lang, d.clock.now(), `${minePagePath(token)}&lang=`);
            const keep = html`<footer><p id="mine-tab" data-remember="${token}"><a href="/teams/tab/mine?forget=1&amp;lang=${lang}">${t.mineForget}</a></p></footer>`;
            return send(res, 200, withScripts(doc.replace('</body>', `${keep.value}</body>`)));
          }
        }
        const bad = pasted !== null || token !== null;
        const state = params.has('forget') || token !== null ? 'forget' : 'setup';
        const body = html`<header><p class="muted">${w.samrad}</p><h1>${t.mineTitle}</h1></header>
<main id="main"><div id="mine-tab" data-state="${state}"><p>${t.mineIntro}</p>${bad ? html`<p class="notice" role="alert" id="mine-invalid">${t.mineBad}</p>` : ''}${form('/teams/tab/mine', t.mineLabel, t.mineOpen, lang)}</div></main>`;
        send(res, token !== null ? 404 : 200, withScripts(page(w, t.mineTitle, body)));
      },
    },
  ];
}

/**
 * The tabs' one script. In the configuration page: tell Teams whether the link is good and, on
 * Save, set the tab's contentUrl to it. In the personal tab: remember the person's own link in
 * this origin's localStorage, reopen it next time, forget it when it stopped working.
 */
const TAB_JS = `(function () {
  'use strict';
  var KEY = 'samrad.mine';
  var teams = window.microsoftTeams;
  var store = null;
  try { store = window.localStorage; } catch (e) { store = null; }
  var mine = document.getElementById('mine-tab');
  if (mine && store) {
    var remember = mine.getAttribute('data-remember');
    var state = mine.getAttribute('data-state');
    if (remember) store.setItem(KEY, remember);
    else if (state === 'forget') store.removeItem(KEY);
    else if (state === 'setup' && store.getItem(KEY)) {
      var lang = new URLSearchParams(location.search).get('lang');
      location.replace('/teams/tab/mine?token=' + encodeURIComponent(store.getItem(KEY)) + (lang ? '&lang=' + encodeURIComponent(lang) : ''));
      return;
    }
  }
  if (!teams || !teams.app) return;
  teams.app.initialize().then(function () {
    var config = document.getElementById('tab-config');
    if (!config) return;
    var target = document.getElementById('tab-target');
    teams.pages.config.registerOnSaveHandler(function (save) {
      if (!target) return save.notifyFailure('no link');
      var url = new URL(target.getAttribute('data-path'), location.origin).href;
      teams.pages.config.setConfig({
        entityId: target.getAttribute('data-entity'),
        contentUrl: url,
        websiteUrl: url,
        suggestedDisplayName: target.getAttribute('data-name')
      }).then(function () { save.notifySuccess(); }, function (e) { save.notifyFailure(String(e)); });
    });
    teams.pages.config.setValidityState(Boolean(target));
  });
})();
`;
