// GET /dashboard?token=…[&forum=][&from=YYYY-Qn][&to=YYYY-Qn][&group=][&lang=en]: the steering group's
// page. Filters are a plain GET form, so the page works without JavaScript; each chart has its numbers
// in a table under it and CSV/PNG downloads of the same table.
import type { FileConfig } from '../../core/settings.js';
import { localDate } from '../../core/dates.js';
import type { Lang } from '../../core/model.js';
import type { Store } from '../../core/stores.js';
import { messages } from '../../i18n/index.js';
import { quarterReports } from '../../core/report/indicators.js';
import { parseQuarter, quarterOfDate, quartersBetween, shiftQuarter, type Quarter } from '../../core/report/quarter.js';
import { chartSvg } from './charts.js';
import { dashboardTables, type ChartTable } from './dashboard-data.js';
import { formatDate, formatNumber, html, Html, page } from './html.js';
import { pageWords, type PageWords } from './words.js';

/** The trend covers at most eight quarters (two years of quarterly follow-up). */
export const MAX_QUARTERS = 8;
/** How far back the quarter pickers reach. */
const PICKABLE_QUARTERS = 16;

export interface DashboardQuery {
  lang: Lang;
  forum: string | null;
  group: string | null;
  from: Quarter;
  to: Quarter;
  notices: string[];
}

/** Reads the filters; what is not recognised is left out and said so on the page, never an error. */
export function parseDashboardQuery(params: URLSearchParams, cfg: FileConfig, now: Date): DashboardQuery {
  const lang: Lang = params.get('lang') === 'en' ? 'en' : params.get('lang') === 'sv' ? 'sv' : cfg.language;
  const w = pageWords(lang);
  const notices: string[] = [];
  const pick = <T>(name: string, ok: (v: string) => T | null): T | null => {
    const v = params.get(name);
    if (!v) return null;
    const got = ok(v);
    if (got === null) notices.push(w.badFilter(v.slice(0, 40)));
    return got;
  };
  const current = quarterOfDate(localDate(now));
  const forum = pick('forum', (v) => (cfg.forums.some((f) => f.key === v) ? v : null));
  const group = pick('group', (v) => (v in cfg.targetGroups ? v : null));
  let to = pick('to', parseQuarter) ?? current;
  let from = pick('from', parseQuarter) ?? shiftQuarter(to, -(MAX_QUARTERS - 1));
  if (from.from > to.from) [from, to] = [to, from];
  if (quartersBetween(from, to).length > MAX_QUARTERS) {
    from = shiftQuarter(to, -(MAX_QUARTERS - 1));
    notices.push(w.clamped(MAX_QUARTERS));
  }
  return { lang, forum, group, from, to, notices };
}

/** The query string that reproduces these filters (token first), for links and downloads. */
export function dashboardParams(token: string, q: DashboardQuery, lang: Lang = q.lang): string {
  const p = new URLSearchParams({ token });
  if (q.forum) p.set('forum', q.forum);
  p.set('from', q.from.label);
  p.set('to', q.to.label);
  if (q.group) p.set('group', q.group);
  p.set('lang', lang);
  return p.toString();
}

export interface DashboardData {
  asOf: string;
  tables: ChartTable[];
}

export async function dashboardData(store: Store, cfg: FileConfig, q: DashboardQuery, now: Date): Promise<DashboardData> {
  const reports = await quarterReports(store, cfg, quartersBetween(q.from, q.to), now, { forumKeys: q.forum ? [q.forum] : undefined, targetGroup: q.group ?? undefined });
  return { asOf: localDate(now), tables: dashboardTables(reports, cfg, messages(q.lang), pageWords(q.lang)) };
}

function cell(v: number | null, t: ChartTable, w: PageWords): Html {
  if (v === null) return html`<td class="num"><span aria-hidden="true">–</span><span class="sr">${w.noValue}</span></td>`;
  const n = formatNumber(v, w);
  return html`<td class="num">${t.percent ? (w.htmlLang === 'sv' ? `${n}\u00a0%` : `${n}%`) : n}</td>`;
}

function table(t: ChartTable, w: PageWords): Html {
  return html`<div class="scroll" role="region" aria-labelledby="cap-${t.id}" tabindex="0"><table id="table-${t.id}"><caption id="cap-${t.id}">${w.tableOf(t.title)}</caption>
<thead><tr><th scope="col">${t.rowHeader}</th>${t.columns.map((c) => html`<th scope="col" class="num">${c}</th>`)}</tr></thead>
<tbody>${t.rows.map((r) => html`<tr><th scope="row">${r.label}</th>${r.cells.map((v) => cell(v, t, w))}</tr>`)}</tbody></table></div>`;
}

async function section(t: ChartTable, w: PageWords, params: string): Promise<Html> {
  // The SVG is decoration for sighted readers: its name is the figure's, and the table carries the numbers.
  const svg = (await chartSvg(t, w)).replace('<svg ', '<svg aria-hidden="true" focusable="false" ');
  return html`<section aria-labelledby="h-${t.id}" id="chart-${t.id}">
<h2 id="h-${t.id}">${t.title}</h2>
<p class="muted">${t.description}</p>
<figure><div class="chart" role="img" aria-label="${t.title}. ${t.description}">${new Html(svg)}</div></figure>
${table(t, w)}
<p class="downloads"><a href="/dashboard/${t.id}.csv?${params}" aria-label="${w.downloadCsv(t.title)}" download>${w.csv}</a><a href="/dashboard/${t.id}.png?${params}" aria-label="${w.downloadPng(t.title)}" download>${w.png}</a></p>
</section>`;
}

function filters(cfg: FileConfig, q: DashboardQuery, w: PageWords, token: string, now: Date): Html {
  const current = quarterOfDate(localDate(now));
  const options = quartersBetween(shiftQuarter(current, -(PICKABLE_QUARTERS - 1)), current).reverse();
  const quarterSelect = (name: string, label: string, chosen: Quarter) =>
    html`<label>${label}<select name="${name}">${options.map((o) => html`<option value="${o.label}"${o.label === chosen.label ? new Html(' selected') : ''}>${o.label}</option>`)}</select></label>`;
  const sel = (v: string, chosen: string | null) => (v === (chosen ?? '') ? new Html(' selected') : '');
  return html`<form class="filters" method="get" action="/dashboard" aria-label="${w.filters}">
<input type="hidden" name="token" value="${token}"><input type="hidden" name="lang" value="${q.lang}">
<label>${w.forum}<select name="forum"><option value=""${sel('', q.forum)}>${w.allForums}</option>${cfg.forums.map((f) => html`<option value="${f.key}"${sel(f.key, q.forum)}>${f.name}</option>`)}</select></label>
${quarterSelect('from', w.fromQuarter, q.from)}${quarterSelect('to', w.toQuarter, q.to)}
<label>${w.targetGroup}<select name="group"><option value=""${sel('', q.group)}>${w.allGroups}</option>${Object.entries(cfg.targetGroups).map(([k, name]) => html`<option value="${k}"${sel(k, q.group)}>${name}</option>`)}</select></label>
<button type="submit">${w.show}</button>
</form>`;
}

export async function dashboardPage(cfg: FileConfig, q: DashboardQuery, data: DashboardData, token: string, now: Date): Promise<string> {
  const w = pageWords(q.lang);
  const params = dashboardParams(token, q);
  const other: Lang = q.lang === 'sv' ? 'en' : 'sv';
  const sections: Html[] = [];
  for (const t of data.tables) sections.push(await section(t, w, params));
  const summary = w.selection({
    forums: q.forum ? (cfg.forums.find((f) => f.key === q.forum)?.name ?? q.forum) : w.allForums.toLowerCase(),
    from: q.from.label,
    to: q.to.label,
    group: q.group ? (cfg.targetGroups[q.group] ?? q.group) : w.allGroups.toLowerCase(),
  });
  return page(
    w,
    w.dashboardTitle,
    html`<header><p class="muted">${w.samrad} · <a href="/dashboard?${dashboardParams(token, q, other)}" lang="${other}">${w.language}</a></p><h1>${w.dashboardTitle}</h1><p>${w.dashboardIntro}</p><p class="muted">${w.asOf(formatDate(data.asOf, w))}</p></header>
<main id="main">
${filters(cfg, q, w, token, now)}
<p id="selection" aria-live="polite">${summary}</p>
${q.notices.map((n) => html`<p class="notice" role="status">${n}</p>`)}
${sections}
</main>`,
  );
}
