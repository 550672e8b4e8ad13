// The read-only pages and their downloads. Every one needs a page token of its own kind (forum,
// dashboard, member); a wrong, revoked or other kind of token gets the same 404 as a page that does
// not exist, so nothing can be probed. vega and resvg (~2 s, ~50 MB to load) are imported on the
// first dashboard request, so a process that never draws a chart never pays for them.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FileConfig } from '../../core/settings.js';
import type { Clock, Lang } from '../../core/model.js';
import type { PageGrant } from '../../core/pagetoken.js';
import type { Store } from '../../core/stores.js';
import type { Route } from '../server.js';
import { CHART_IDS, type ChartId } from './dashboard-data.js';
import { forumPage } from './forum.js';
import { html, page, sendHtml } from './html.js';
import { minePage } from './mine.js';
import { pageWords } from './words.js';

export interface PageDeps {
  store: Store;
  config: FileConfig;
  clock: Clock;
}

function query(req: IncomingMessage): URLSearchParams {
  return new URL(req.url ?? '/', 'http://localhost').searchParams;
}

function langOf(params: URLSearchParams, cfg: FileConfig): Lang {
  const l = params.get('lang');
  return l === 'en' || l === 'sv' ? l : cfg.language;
}

function notFound(res: ServerResponse, lang: Lang): void {
  const w = pageWords(lang);
  sendHtml(res, 404, page(w, w.notFound, html`<main id="main"><h1>${w.notFound}</h1></main>`));
}

/** The grant of the request's token when it is of `scope` (and, for a forum, of that forum). */
async function grant(d: PageDeps, params: URLSearchParams, scope: PageGrant['scope'], forumKey?: string): Promise<PageGrant | null> {
  const g = await d.store.pages.find(params.get('token'));
  if (!g || g.scope !== scope) return null;
  if (forumKey !== undefined && g.forumKey !== forumKey) return null;
  return g;
}

/** `?token=…&lang=` for the language switch link (the token and nothing else carried over). */
function langHref(path: string, token: string): string {
  return `${path}?token=${encodeURIComponent(token)}&lang=`;
}

export function pageRoutes(d: PageDeps): Route[] {
  return [
    {
      method: 'GET',
      path: '/dashboard',
      async handle(req, res) {
        const params = query(req);
        if (!(await grant(d, params, 'dashboard'))) return notFound(res, langOf(params, d.config));
        const { dashboardData, dashboardPage, parseDashboardQuery } = await import('./dashboard.js');
        const now = d.clock.now();
        const q = parseDashboardQuery(params, d.config, now);
        const data = await dashboardData(d.store, d.config, q, now);
        sendHtml(res, 200, await dashboardPage(d.config, q, data, params.get('token')!, now));
      },
    },
    {
      method: 'GET',
      path: /^\/dashboard\/([a-z]+)\.(csv|png)$/,
      async handle(req, res, match) {
        const params = query(req);
        const id = match![1] as ChartId;
        if (!CHART_IDS.includes(id) || !(await grant(d, params, 'dashboard'))) return notFound(res, langOf(params, d.config));
        const { dashboardData, parseDashboardQuery } = await import('./dashboard.js');
        const { chartCsv, chartPng } = await import('./charts.js');
        const now = d.clock.now();
        const q = parseDashboardQuery(params, d.config, now);
        const table = (await dashboardData(d.store, d.config, q, now)).tables.find((t) => t.id === id)!;
        const name = `samrad-${id}-${q.from.label}-${q.to.label}`;
        const w = pageWords(q.lang);
        const headers = { 'cache-control': 'private, no-store', 'referrer-policy': 'no-referrer', 'x-content-type-options': 'nosniff' };
        if (match![2] === 'csv') {
          res.writeHead(200, { ...headers, 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}.csv"` });
          return void res.end(chartCsv(table, w));
        }
        const png = await chartPng(table, w);
        res.writeHead(200, { ...headers, 'content-type': 'image/png', 'content-length': png.length, 'content-disposition': `attachment; filename="${name}.png"` });
        res.end(png);
      },
    },
    {
      method: 'GET',
      path: /^\/forum\/([a-z0-9-]{1,60})$/,
      async handle(req, res, match) {
        const params = query(req);
        const lang = langOf(params, d.config);
        const key = match![1];
        const forum = (await grant(d, params, 'forum', key)) ? await d.store.forums.byKey(key) : null;
        if (!forum) return notFound(res, lang);
        sendHtml(res, 200, await forumPage(d.store, d.config, forum, lang, d.clock.now(), langHref(`/forum/${key}`, params.get('token')!)));
      },
    },
    {
      method: 'GET',
      path: '/mine',
      async handle(req, res) {
        const params = query(req);
        const lang = langOf(params, d.config);
        const g = await grant(d, params, 'member');
        const member = g?.memberId ? await d.store.members.byId(g.memberId) : null;
        if (!member) return notFound(res, lang);
        sendHtml(res, 200, await minePage(d.store, d.config, member, lang, d.clock.now(), langHref('/mine', params.get('token')!)));
      },
    },
  ];
}
