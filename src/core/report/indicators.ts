// The quarterly follow-up the strategic group asks for, per forum: cases raised (by target group and by
// organisation), days from raised to first agreed step, steps done on time, handovers answered on
// time / late / never, outcomes. Pure arithmetic over rows; the stores fetch them.
import type { FileConfig } from '../settings.js';
import type { CaseRow, ForumRow, HandoverRow, MeetingRow, RoutineOccurrenceRow, Store, StepRow } from '../stores.js';
import { daysBetween, type IsoDate, localDate } from '../dates.js';
import { OUTCOMES, type Outcome } from '../vocabulary.js';
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

export interface HandoverCounts {
  due: number;
  onTime: number;
  late: number;
  never: number;
  pending: number;
}

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

export interface ForumRows {
  raised: CaseRow[];
  /** Every step of the raised cases (for the first one). */
  stepsOfRaised: StepRow[];
  stepsDue: StepRow[];
  handoversDue: HandoverRow[];
  closed: CaseRow[];
  meetings: MeetingRow[];
  /** Occurrences of the forum's routines due in the quarter (issue 17). */
  routinesDue?: RoutineOccurrenceRow[];
}

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function countBy(keys: string[], order: string[]): Count[] {
  const counts = new Map(order.map((k) => [k, 0]));
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts].map(([key, count]) => ({ key, count }));
}

// localDate (Intl's formatToParts) is the cost of a report over many quarters. Europe/Stockholm's offset
// is whole hours and changes on the hour, so every instant of one UTC hour has the same local date:
// one formatting per hour of the history.
const dayOfHour = new Map<number, IsoDate>();
function localDay(d: Date): IsoDate {
  const hour = Math.floor(d.getTime() / 3_600_000);
  let v = dayOfHour.get(hour);
  if (v === undefined) {
    if (dayOfHour.size > 200_000) dayOfHour.clear();
    dayOfHour.set(hour, (v = localDate(new Date(hour * 3_600_000))));
  }
  return v;
}

export function forumIndicators(cfg: FileConfig, forum: ForumRow, q: Quarter, asOf: IsoDate, rows: ForumRows): ForumIndicators {
  const localDate = localDay;
  const firstStep = new Map<number, Date>();
  for (const s of rows.stepsOfRaised) {
    const seen = firstStep.get(s.caseId);
    if (!seen || s.createdAt < seen) firstStep.set(s.caseId, s.createdAt);
  }
  const days = rows.raised.filter((c) => firstStep.has(c.id)).map((c) => daysBetween(localDate(c.createdAt), localDate(firstStep.get(c.id)!)));
  const groups = rows.raised.flatMap((c) => (c.targetGroups.length ? c.targetGroups : ['']));
  const stepsDue = rows.stepsDue.filter((s) => s.status === 'done' || s.dueDate < asOf);
  const onTime = stepsDue.filter((s) => s.status === 'done' && s.doneAt && localDate(s.doneAt) <= s.dueDate).length;
  const h = handoverCounts(rows.handoversDue, asOf);
  const byTemplate = templateOrder(cfg, rows.handoversDue).map((template) => ({ template, ...handoverCounts(rows.handoversDue.filter((x) => x.templateKey === template), asOf) }));
  const outcomes = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  for (const c of rows.closed) if (c.outcome && c.outcome in outcomes) outcomes[c.outcome as Outcome]++;
  return {
    forumKey: forum.key,
    forumName: forum.name,
    kind: forum.kind,
    meetingsHeld: rows.meetings.filter((m) => m.status === 'held' && m.date >= q.from && m.date <= q.to).length,
    casesRaised: rows.raised.length,
    byTargetGroup: countBy(groups, [...Object.keys(cfg.targetGroups), '']).filter((c) => c.count > 0 || c.key !== ''),
    byOrganisation: countBy(rows.raised.map((c) => c.organisationKey), cfg.organisations.map((o) => o.key)),
    daysToFirstStep: { median: median(days), cases: days.length },
    steps: { due: stepsDue.length, onTime, sharePercent: stepsDue.length ? Math.round((onTime / stepsDue.length) * 1000) / 10 : null },
    handovers: h,
    handoversByTemplate: byTemplate,
    outcomes,
    routines: routineCounts(rows.routinesDue ?? [], asOf),
  };
}

/** Done on time = marked done on or before its due day (local date), as for steps. */
function routineCounts(list: RoutineOccurrenceRow[], asOf: IsoDate): HandoverCounts {
  const r = { due: list.length, onTime: 0, late: 0, never: 0, pending: 0 };
  for (const o of list) {
    if (o.status === 'done' && o.doneAt) localDay(o.doneAt) <= o.dueDate ? r.onTime++ : r.late++;
    else if (o.dueDate < asOf) r.never++;
    else r.pending++;
  }
  return r;
}

function handoverCounts(list: HandoverRow[], asOf: IsoDate): HandoverCounts {
  const h = { due: list.length, onTime: 0, late: 0, never: 0, pending: 0 };
  for (const x of list) {
    if (x.status === 'answered' && x.answeredAt) localDate(x.answeredAt) <= x.dueDate ? h.onTime++ : h.late++;
    else if (x.dueDate < asOf) h.never++;
    else h.pending++;
  }
  return h;
}

/** Configured templates with SFI first (the agreements' canonical loop), then any no longer configured. */
function templateOrder(cfg: FileConfig, list: HandoverRow[]): string[] {
  const keys = [...new Set([...cfg.handoverTemplates.map((t) => t.key), ...list.map((x) => x.templateKey)])];
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

const within = (d: Date, q: Quarter) => d.getTime() >= q.start.getTime() && d.getTime() < q.end.getTime();

/**
 * The report of each quarter (oldest first), as `quarterReport` gives it for that quarter alone:
 * the rows of the whole span are read once per forum and split by quarter, so a trend of eight
 * quarters costs the queries of one.
 */
export async function quarterReports(store: Store, cfg: FileConfig, quarters: Quarter[], now: Date, filter: ReportFilter = {}): Promise<QuarterReport[]> {
  const asOf = localDate(now);
  if (!quarters.length) return [];
  const [first, last] = [quarters[0], quarters[quarters.length - 1]];
  const forums = (await store.forums.all()).filter((f) => !filter.forumKeys || filter.forumKeys.includes(f.key));
  const perForum = await Promise.all(
    forums.map(async (f) => {
      const [raised, stepsDue, handoversDue, closed, meetings, routinesDue] = await Promise.all([
        store.cases.raisedBetween(f.key, first.start, last.end),
        store.steps.dueBetween(f.key, first.from, last.to),
        store.handovers.dueBetween(f.key, first.from, last.to),
        store.cases.closedBetween(f.key, first.start, last.end),
        store.meetings.ofForum(f.key),
        store.routines.dueBetween(f.key, first.from, last.to),
      ]);
      const rows = { raised, stepsDue, handoversDue, closed, meetings, routinesDue, stepsOfRaised: await store.steps.forCases(raised.map((c) => c.id)) };
      return { forum: f, rows: filter.targetGroup ? await ofTargetGroup(store, rows, filter.targetGroup) : rows };
    }),
  );
  return quarters.map((q) => ({
    quarter: q.label,
    from: q.from,
    to: q.to,
    asOf,
    ...(filter.targetGroup ? { targetGroup: filter.targetGroup } : {}),
    forums: perForum.map(({ forum, rows }) =>
      forumIndicators(cfg, forum, q, asOf, {
        raised: rows.raised.filter((c) => within(c.createdAt, q)),
        stepsOfRaised: rows.stepsOfRaised,
        stepsDue: rows.stepsDue.filter((s) => s.dueDate >= q.from && s.dueDate <= q.to),
        handoversDue: rows.handoversDue.filter((x) => x.dueDate >= q.from && x.dueDate <= q.to),
        closed: rows.closed.filter((c) => c.closedAt && within(c.closedAt, q)),
        meetings: rows.meetings,
        routinesDue: rows.routinesDue?.filter((o) => o.dueDate >= q.from && o.dueDate <= q.to),
      }),
    ),
  }));
}

/** Keeps the cases of one target group, and the steps and handovers of those cases. */
async function ofTargetGroup(store: Store, rows: ForumRows, group: string): Promise<ForumRows> {
  const cases = await store.cases.byIds([...rows.stepsDue.map((s) => s.caseId), ...rows.handoversDue.map((x) => x.caseId)]);
  const inGroup = (c: CaseRow | undefined) => Boolean(c?.targetGroups.includes(group));
  return {
    ...rows,
    raised: rows.raised.filter(inGroup),
    closed: rows.closed.filter(inGroup),
    stepsDue: rows.stepsDue.filter((s) => inGroup(cases.get(s.caseId))),
    handoversDue: rows.handoversDue.filter((x) => inGroup(cases.get(x.caseId))),
  };
}
