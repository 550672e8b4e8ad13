// The quarterly follow-up the strategic group asks for, per forum: cases raised (by target group and by
// organisation), days from raised to first agreed step, steps done on time, handovers answered on
// time / late / never, outcomes. The database counts them (store.indicators, src/db/stores/indicators.ts);
// here they are put in the report's order, with zeros for what nothing was counted in.
import type { FileConfig } from '../settings.js';
import type { ForumRow, LoopCounts, Store } from '../stores.js';
import { type IsoDate, localDate, TZ } from '../dates.js';
import { OUTCOMES, type Outcome } from '../vocabulary.js';
import { byCell, type CellCounts, type KeyCount } from './cells.js';
import type { Quarter } from './quarter.js';

export interface Count {
  key: string;
  count: number;
}

export interface ForumIndicators {
  forumKey: string;
  forumName: string;
  kind: string;
  meetingsHeld: number;
  casesRaised: number;
  /** A case with several target groups counts once in each; key '' = no group given. */
  byTargetGroup: Count[];
  byOrganisation: Count[];
  /** Calendar days from a case being raised to its first agreed step, over cases raised this quarter that have one. */
  daysToFirstStep: { median: number | null; cases: number };
  /** Steps due this quarter whose due date has passed (or that are done); on time = done by the due date. */
  steps: { due: number; onTime: number; sharePercent: number | null };
  /** Handovers due this quarter: answered by the due date, after it, not at all (date passed), not yet due. */
  handovers: { due: number; onTime: number; late: number; never: number; pending: number };
  /** The same per handover template (every configured one, SFI first). */
  handoversByTemplate: TemplateHandovers[];
  /** Cases closed this quarter, by outcome. */
  outcomes: Record<Outcome, number>;
  /** Forum routines due this quarter (issue 17): done by the due day, after it, not done (day passed), not yet due. */
  routines: HandoverCounts;
}

export type HandoverCounts = LoopCounts;

export interface TemplateHandovers extends HandoverCounts {
  template: string;
}

export interface QuarterReport {
  quarter: string;
  from: IsoDate;
  to: IsoDate;
  asOf: IsoDate;
  /** Only cases of this target group (and their steps and handovers) were counted. */
  targetGroup?: string;
  forums: ForumIndicators[];
}

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** `order` first (zeros included), then keys no longer configured as they first appeared. */
function inOrder(counts: KeyCount[], order: string[]): Count[] {
  const known = new Set(order);
  const got = new Map(counts.map((c) => [c.key, c.count]));
  const others = counts.filter((c) => !known.has(c.key)).sort((a, b) => a.first - b.first);
  return [...order.map((key) => ({ key, count: got.get(key) ?? 0 })), ...others.map((c) => ({ key: c.key, count: c.count }))];
}

const noLoop = (): HandoverCounts => ({ due: 0, onTime: 0, late: 0, never: 0, pending: 0 });

function forumIndicators(cfg: FileConfig, forum: ForumRow, c: CellCounts): ForumIndicators {
  const outcomes = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  for (const o of c.outcomes) if (Object.hasOwn(outcomes, o.key)) outcomes[o.key as Outcome] += o.count;
  const { due, onTime } = c.steps;
  const handovers = noLoop();
  for (const t of c.handovers) for (const k of Object.keys(handovers) as (keyof HandoverCounts)[]) handovers[k] += t[k];
  return {
    forumKey: forum.key,
    forumName: forum.name,
    kind: forum.kind,
    meetingsHeld: c.meetingsHeld,
    casesRaised: c.organisations.reduce((n, o) => n + o.count, 0),
    byTargetGroup: inOrder(c.targetGroups, [...Object.keys(cfg.targetGroups), '']).filter((g) => g.count > 0 || g.key !== ''),
    byOrganisation: inOrder(c.organisations, cfg.organisations.map((o) => o.key)),
    daysToFirstStep: c.firstStep,
    steps: { due, onTime, sharePercent: due ? Math.round((onTime / due) * 1000) / 10 : null },
    handovers,
    handoversByTemplate: templateOrder(cfg, c).map((template) => {
      const t = c.handovers.find((x) => x.template === template);
      return { template, ...(t ? { due: t.due, onTime: t.onTime, late: t.late, never: t.never, pending: t.pending } : noLoop()) };
    }),
    outcomes,
    routines: c.routines,
  };
}

/** Configured templates with SFI first (the agreements' canonical loop), then any no longer configured. */
function templateOrder(cfg: FileConfig, c: CellCounts): string[] {
  const seen = [...c.handovers].sort((a, b) => a.first - b.first).map((t) => t.template);
  const keys = [...new Set([...cfg.handoverTemplates.map((t) => t.key), ...seen])];
  return keys.sort((a, b) => Number(b === 'sfi') - Number(a === 'sfi'));
}

export interface ReportFilter {
  /** Only these forums (all when absent). */
  forumKeys?: string[];
  /** Only cases of this target group, with their steps and handovers. */
  targetGroup?: string;
}

/** Computes the report for every forum (or one) as of `now`. */
export async function quarterReport(store: Store, cfg: FileConfig, q: Quarter, now: Date, forumKey?: string, targetGroup?: string): Promise<QuarterReport> {
  const [r] = await quarterReports(store, cfg, [q], now, { forumKeys: forumKey ? [forumKey] : undefined, targetGroup });
  return r;
}

/**
 * The report of each quarter (oldest first), as `quarterReport` gives it for that quarter alone. The
 * database counts every forum and quarter at once (store.indicators, a few grouped queries); here the
 * counts are put in the order the report lists them.
 */
export async function quarterReports(store: Store, cfg: FileConfig, quarters: Quarter[], now: Date, filter: ReportFilter = {}): Promise<QuarterReport[]> {
  const asOf = localDate(now);
  if (!quarters.length) return [];
  const forums = (await store.forums.all()).filter((f) => !filter.forumKeys || filter.forumKeys.includes(f.key));
  const counts = await store.indicators.counts({ forumKeys: forums.map((f) => f.key), quarters, asOf, targetGroup: filter.targetGroup || undefined, timeZone: TZ });
  const cells = byCell(counts);
  return quarters.map((q, i) => ({
    quarter: q.label,
    from: q.from,
    to: q.to,
    asOf,
    ...(filter.targetGroup ? { targetGroup: filter.targetGroup } : {}),
    forums: forums.map((forum) => forumIndicators(cfg, forum, cells(forum.key, i))),
  }));
}
