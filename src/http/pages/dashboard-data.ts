// The dashboard's figures as tables, one per chart: built only from the reports of `samrad report`
// (quarterReports), so every number on the page is one the report prints. Only counts: no codes, no text.
import type { FileConfig } from '../../core/settings.js';
import { orgName, templateName } from '../../core/render.js';
import { OUTCOMES } from '../../core/vocabulary.js';
import type { Messages } from '../../i18n/index.js';
import type { ForumIndicators, QuarterReport } from '../../core/report/indicators.js';
import type { PageWords } from './words.js';

export type ChartId = 'cases' | 'groups' | 'organisations' | 'days' | 'steps' | 'handovers' | 'outcomes';
export const CHART_IDS: ChartId[] = ['cases', 'groups', 'organisations', 'days', 'steps', 'handovers', 'outcomes'];

export interface ChartTable {
  id: ChartId;
  title: string;
  description: string;
  axis: string;
  /** Header of the first column (what a row is). */
  rowHeader: string;
  columns: string[];
  rows: { label: string; cells: (number | null)[] }[];
  /** line: a trend per row; stacked: rows stacked per column; bars: one bar per row, stacked by column. */
  kind: 'line' | 'stacked' | 'bars';
  percent?: boolean;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Every chart's table for the quarters of `reports` (oldest first). */
export function dashboardTables(reports: QuarterReport[], cfg: FileConfig, m: Messages, w: PageWords): ChartTable[] {
  const quarters = reports.map((r) => r.quarter);
  const forums = reports[0]?.forums ?? [];
  const at = (qi: number, key: string): ForumIndicators => reports[qi].forums.find((f) => f.forumKey === key)!;
  const perForum = (value: (f: ForumIndicators) => number | null) =>
    forums.map((f) => ({ label: f.forumName, cells: quarters.map((_, qi) => value(at(qi, f.forumKey))) }));
  const summed = (value: (f: ForumIndicators) => number) => quarters.map((_, qi) => sum(reports[qi].forums.map(value)));
  const c = w.charts;
  const groupKeys = [...Object.keys(cfg.targetGroups), ''];
  const groupCount = (f: ForumIndicators, key: string) => f.byTargetGroup.find((g) => g.key === key)?.count ?? 0;
  const orgCount = (f: ForumIndicators, key: string) => f.byOrganisation.find((o) => o.key === key)?.count ?? 0;
  const templates = forums[0]?.handoversByTemplate.map((t) => t.template) ?? [];
  const states = ['onTime', 'late', 'never', 'pending'] as const;
  const all = reports.flatMap((r) => r.forums);
  return [
    { id: 'cases', ...chart(c.cases), rowHeader: w.forum, columns: quarters, kind: 'line', rows: perForum((f) => f.casesRaised) },
    {
      id: 'groups',
      ...chart(c.groups),
      rowHeader: w.targetGroup,
      columns: quarters,
      kind: 'line',
      rows: groupKeys
        .map((k) => ({ label: k ? (cfg.targetGroups[k] ?? k) : w.noGroup, cells: summed((f) => groupCount(f, k)) }))
        .filter((r, i) => groupKeys[i] !== '' || r.cells.some((n) => n > 0)),
    },
    {
      id: 'organisations',
      ...chart(c.organisations),
      rowHeader: w.raisedBy,
      columns: quarters,
      kind: 'stacked',
      rows: cfg.organisations.map((o) => ({ label: orgName(cfg, o.key), cells: summed((f) => orgCount(f, o.key)) })),
    },
    { id: 'days', ...chart(c.days), rowHeader: w.forum, columns: quarters, kind: 'line', rows: perForum((f) => f.daysToFirstStep.median) },
    { id: 'steps', ...chart(c.steps), rowHeader: w.forum, columns: quarters, kind: 'line', percent: true, rows: perForum((f) => f.steps.sharePercent) },
    {
      id: 'handovers',
      ...chart(c.handovers),
      rowHeader: w.template,
      columns: states.map((s) => w.handoverStates[s]),
      kind: 'bars',
      rows: templates.map((t) => ({
        label: templateName(cfg, t),
        cells: states.map((s) => sum(all.map((f) => f.handoversByTemplate.find((x) => x.template === t)?.[s] ?? 0))),
      })),
    },
    {
      id: 'outcomes',
      ...chart(c.outcomes),
      rowHeader: m.report.labels.outcomes,
      columns: quarters,
      kind: 'stacked',
      rows: OUTCOMES.map((o) => ({ label: m.outcome[o] ?? o, cells: summed((f) => f.outcomes[o]) })),
    },
  ];
}

function chart(c: { title: string; desc: string; axis: string }) {
  return { title: c.title, description: c.desc, axis: c.axis };
}
