// The indicators' counts as the database gives them (only the cells with something in them), sorted
// into one bag per forum and quarter; a cell nothing was counted in is an empty bag.
import type { IndicatorCounts, LoopCounts } from '../stores.js';

export interface KeyCount {
  key: string;
  count: number;
  /** Orders keys that are no longer configured by first appearance. */
  first: number;
}

export interface CellCounts {
  organisations: KeyCount[];
  targetGroups: KeyCount[];
  firstStep: { median: number | null; cases: number };
  steps: { due: number; onTime: number };
  handovers: (LoopCounts & { template: string; first: number })[];
  outcomes: { key: string; count: number }[];
  meetingsHeld: number;
  routines: LoopCounts;
}

const noLoop = (): LoopCounts => ({ due: 0, onTime: 0, late: 0, never: 0, pending: 0 });

const empty = (): CellCounts => ({
  organisations: [],
  targetGroups: [],
  firstStep: { median: null, cases: 0 },
  steps: { due: 0, onTime: 0 },
  handovers: [],
  outcomes: [],
  meetingsHeld: 0,
  routines: noLoop(),
});

function add(list: KeyCount[], key: string, count: number, first: number): void {
  const seen = list.find((k) => k.key === key);
  if (!seen) list.push({ key, count, first });
  else {
    seen.count += count;
    seen.first = Math.min(seen.first, first);
  }
}

/** The counts of one forum and quarter (the index in the requested quarters). */
export function byCell(c: IndicatorCounts): (forumKey: string, quarter: number) => CellCounts {
  const cells = new Map<string, CellCounts>();
  const cell = (r: { forumKey: string; quarter: number }) => {
    const k = `${r.quarter} ${r.forumKey}`;
    let v = cells.get(k);
    if (!v) cells.set(k, (v = empty()));
    return v;
  };
  for (const r of c.raised) {
    const v = cell(r);
    add(v.organisations, r.organisationKey, r.count, r.first);
    // Once in each group of the list ('' when none): as the list's own order, after the lowest case id.
    (r.targetGroups.length ? r.targetGroups : ['']).forEach((g, i) => add(v.targetGroups, g, r.count, r.first * 1000 + i + 1));
  }
  for (const r of c.firstStep) cell(r).firstStep = { median: r.median, cases: r.cases };
  for (const r of c.steps) cell(r).steps = { due: r.due, onTime: r.onTime };
  for (const r of c.handovers) cell(r).handovers.push({ template: r.template, first: r.first, due: r.due, onTime: r.onTime, late: r.late, never: r.never, pending: r.pending });
  for (const r of c.outcomes) cell(r).outcomes.push({ key: r.key, count: r.count });
  for (const r of c.meetingsHeld) cell(r).meetingsHeld = r.count;
  for (const r of c.routines) cell(r).routines = { due: r.due, onTime: r.onTime, late: r.late, never: r.never, pending: r.pending };
  return (forumKey, quarter) => cells.get(`${quarter} ${forumKey}`) ?? empty();
}
