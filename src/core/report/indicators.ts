// The quarterly follow-up the strategic group asks for, per forum: cases raised (by target group and by
// organisation), days from raised to first agreed step, steps done on time, handovers answered on
// time / late / never, outcomes. Pure arithmetic over rows; the stores fetch them.
import type { FileConfig } from '../settings.js';
import type { CaseRow, ForumRow, HandoverRow, MeetingRow, Store, StepRow } from '../stores.js';
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
  /** Cases closed this quarter, by outcome. */
  outcomes: Record<Outcome, number>;
}

export interface QuarterReport {
  quarter: string;
  from: IsoDate;
  to: IsoDate;
  asOf: IsoDate;
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

export function forumIndicators(cfg: FileConfig, forum: ForumRow, q: Quarter, asOf: IsoDate, rows: ForumRows): ForumIndicators {
  const firstStep = new Map<number, Date>();
  for (const s of rows.stepsOfRaised) {
    const seen = firstStep.get(s.caseId);
    if (!seen || s.createdAt < seen) firstStep.set(s.caseId, s.createdAt);
  }
  const days = rows.raised.filter((c) => firstStep.has(c.id)).map((c) => daysBetween(localDate(c.createdAt), localDate(firstStep.get(c.id)!)));
  const groups = rows.raised.flatMap((c) => (c.targetGroups.length ? c.targetGroups : ['']));
  const stepsDue = rows.stepsDue.filter((s) => s.status === 'done' || s.dueDate < asOf);
  const onTime = stepsDue.filter((s) => s.status === 'done' && s.doneAt && localDate(s.doneAt) <= s.dueDate).length;
  const h = { due: rows.handoversDue.length, onTime: 0, late: 0, never: 0, pending: 0 };
  for (const x of rows.handoversDue) {
    if (x.status === 'answered' && x.answeredAt) localDate(x.answeredAt) <= x.dueDate ? h.onTime++ : h.late++;
    else if (x.dueDate < asOf) h.never++;
    else h.pending++;
  }
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
    outcomes,
  };
}

/** Computes the report for every forum (or one) as of `now`. */
export async function quarterReport(store: Store, cfg: FileConfig, q: Quarter, now: Date, forumKey?: string): Promise<QuarterReport> {
  const asOf = localDate(now);
  const forums = (await store.forums.all()).filter((f) => !forumKey || f.key === forumKey);
  const out: ForumIndicators[] = [];
  for (const f of forums) {
    const [raised, stepsDue, handoversDue, closed, meetings] = await Promise.all([
      store.cases.raisedBetween(f.key, q.start, q.end),
      store.steps.dueBetween(f.key, q.from, q.to),
      store.handovers.dueBetween(f.key, q.from, q.to),
      store.cases.closedBetween(f.key, q.start, q.end),
      store.meetings.ofForum(f.key),
    ]);
    const stepsOfRaised = await store.steps.forCases(raised.map((c) => c.id));
    out.push(forumIndicators(cfg, f, q, asOf, { raised, stepsOfRaised, stepsDue, handoversDue, closed, meetings }));
  }
  return { quarter: q.label, from: q.from, to: q.to, asOf, forums: out };
}
