// The report as CSV (for Swedish Excel: UTF-8 BOM, `;` between fields, decimal comma), Markdown or JSON.
import { stringify } from 'csv-stringify/sync';
import type { FileConfig } from '../core/settings.js';
import type { Messages } from '../i18n/index.js';
import { orgName } from '../core/render.js';
import { decimal } from '../core/report/figures.js';
import type { QuarterReport } from '../core/report/indicators.js';
import { labelOf } from '../core/vocabulary.js';

export type ReportFormat = 'csv' | 'md' | 'json';
export { decimal };

/** One row per figure: indicator, category, value — long format, easy to pivot in Excel. */
export function reportRows(r: QuarterReport, cfg: FileConfig, m: Messages, comma: boolean): [string, string, string, string, string][] {
  const L = m.report.labels;
  const rows: [string, string, string, string, string][] = [];
  for (const f of r.forums) {
    const add = (indicator: string, category: string, value: number | string | null) =>
      rows.push([f.forumKey, r.quarter, indicator, category, typeof value === 'number' || value === null ? decimal(value, comma) : value]);
    add(L.meetingsHeld, '', f.meetingsHeld);
    add(L.casesRaised, '', f.casesRaised);
    for (const g of f.byTargetGroup) add(L.byTargetGroup, g.key ? (cfg.targetGroups[g.key] ?? g.key) : m.labels.noGroup, g.count);
    for (const o of f.byOrganisation) add(L.byOrganisation, orgName(cfg, o.key), o.count);
    add(L.medianDays, '', f.daysToFirstStep.median);
    add(L.casesWithStep, '', f.daysToFirstStep.cases);
    add(L.stepsDue, '', f.steps.due);
    add(L.stepsOnTime, '', f.steps.onTime);
    add(L.stepsShare, '%', f.steps.sharePercent);
    add(L.handovers, L.onTime, f.handovers.onTime);
    add(L.handovers, L.late, f.handovers.late);
    add(L.handovers, L.never, f.handovers.never);
    add(L.handovers, L.pending, f.handovers.pending);
    for (const [o, n] of Object.entries(f.outcomes)) add(L.outcomes, labelOf(m.outcome, o, o), n);
    // Forum routines (issue 17), for forums that have any due in the quarter.
    if (f.routines?.due) {
      const R = m.routines;
      add(R.indicator, R.onTime, f.routines.onTime);
      add(R.indicator, R.late, f.routines.late);
      add(R.indicator, R.notDone, f.routines.never);
      add(R.indicator, R.pending, f.routines.pending);
    }
  }
  return rows;
}

export function formatReport(r: QuarterReport, cfg: FileConfig, m: Messages, format: ReportFormat): string {
  if (format === 'json') return `${JSON.stringify(r, null, 2)}\n`;
  if (format === 'csv') {
    // Swedish Excel reads `;` and decimal comma; the BOM makes it read UTF-8 (å, ä, ö).
    return stringify([m.report.csvHeader, ...reportRows(r, cfg, m, true)], { bom: true, delimiter: ';', record_delimiter: 'windows' });
  }
  return markdown(r, cfg, m);
}

function markdown(r: QuarterReport, cfg: FileConfig, m: Messages): string {
  const comma = m.report.decimalComma;
  const out = [`# ${m.report.title({ quarter: r.quarter, from: r.from, to: r.to })}`, '', m.report.asOf({ date: r.asOf }), ''];
  for (const f of r.forums) {
    out.push(`## ${f.forumName}`, '', `| ${m.report.csvHeader[2]} | ${m.report.csvHeader[3]} | ${m.report.csvHeader[4]} |`, '|---|---|---:|');
    for (const row of reportRows({ ...r, forums: [f] }, cfg, m, comma)) out.push(`| ${row[2]} | ${row[3]} | ${row[4]} |`);
    out.push('');
  }
  return out.join('\n');
}
