// Meeting cadences ("every 2nd Thursday 09:00") and what Swedish holidays do to them.
import { type IsoDate, addDays, daysBetween, holidayName, isoWeekday, isWorkingDay, localDate, nextWorkingDay, zonedInstant } from './dates.js';
import { icsRule, inSpan, ruleDates, type DateSpan } from './recurrence.js';

export type HolidayPolicy = 'next-working-day' | 'cancel';

export interface Cadence {
  everyWeeks: number;
  anchor: IsoDate;
  time: string; // 'HH:MM', Europe/Stockholm
  durationMinutes: number;
  holidayPolicy: HolidayPolicy;
  /** An RFC 5545 RRULE body (dates from `anchor` on) instead of every N weeks. */
  rrule?: string | null;
  /** Spans without meetings (summer, Christmas); an occurrence scheduled in one is not held. */
  pauses?: DateSpan[];
  /** When set, meetings are held only inside these spans (the school terms). */
  within?: DateSpan[] | null;
}

export interface Occurrence {
  scheduledDate: IsoDate; // anchor + k*everyWeeks weeks; identifies the occurrence even when moved
  date: IsoDate; // where it actually takes place
  start: Date;
  end: Date;
  status: 'scheduled' | 'moved' | 'cancelled';
  holiday?: string;
}

function periodDays(c: Cadence): number {
  if (!Number.isInteger(c.everyWeeks) || c.everyWeeks < 1) throw new RangeError(`everyWeeks must be a positive integer: ${c.everyWeeks}`);
  return c.everyWeeks * 7;
}

function scheduledAt(c: Cadence, k: number): IsoDate {
  return addDays(c.anchor, k * periodDays(c));
}

/** Index of the last scheduled date on or before `date` (-1 when before the anchor). */
function indexOnOrBefore(c: Cadence, date: IsoDate): number {
  return Math.floor(daysBetween(c.anchor, date) / periodDays(c));
}

export function occurrenceOn(c: Cadence, scheduledDate: IsoDate): Occurrence {
  let date = scheduledDate;
  let status: Occurrence['status'] = 'scheduled';
  if (!isWorkingDay(scheduledDate)) {
    status = c.holidayPolicy === 'cancel' ? 'cancelled' : 'moved';
    if (status === 'moved') date = nextWorkingDay(scheduledDate);
  }
  const start = zonedInstant(date, c.time);
  const occ: Occurrence = { scheduledDate, date, start, end: new Date(start.getTime() + c.durationMinutes * 60_000), status };
  const holiday = status === 'scheduled' ? null : holidayName(scheduledDate);
  if (holiday) occ.holiday = holiday;
  return occ;
}

/** Scheduled dates of the cadence in [from, to], pauses and terms applied, in order. */
export function scheduledDates(c: Cadence, from: IsoDate, to: IsoDate): IsoDate[] {
  let dates: IsoDate[];
  if (c.rrule) dates = ruleDates({ rrule: c.rrule, anchor: c.anchor }, from < c.anchor ? c.anchor : from, to);
  else {
    dates = [];
    for (let k = Math.max(0, indexOnOrBefore(c, addDays(from, -1)) + 1); ; k++) {
      const d = scheduledAt(c, k);
      if (d > to) break;
      dates.push(d);
    }
  }
  const pauses = c.pauses ?? [];
  return dates.filter((d) => !pauses.some((p) => inSpan(d, p)) && (!c.within || c.within.some((w) => inSpan(d, w))));
}

export function occurrencesBetween(c: Cadence, from: IsoDate, to: IsoDate): Occurrence[] {
  return scheduledDates(c, from, to).map((d) => occurrenceOn(c, d));
}

// Searches walk in windows of a few periods each, for at most ten years, before concluding there is
// nothing (e.g. every date cancelled or paused).
const SEARCH_DAYS = 3660;
const windowDays = (c: Cadence) => Math.max(31, c.everyWeeks * 7 * 2);

export function nextOccurrence(c: Cadence, now: Date): Occurrence {
  // Start a little before today: an occurrence scheduled earlier may have been moved past now.
  let from = addDays(localDate(now), -14);
  const size = windowDays(c);
  for (let w = 0; w * size < SEARCH_DAYS; w++, from = addDays(from, size)) {
    for (const d of scheduledDates(c, from, addDays(from, size - 1))) {
      const occ = occurrenceOn(c, d);
      if (occ.status !== 'cancelled' && occ.end > now) return occ;
    }
  }
  throw new Error(`No upcoming occurrence for cadence anchored ${c.anchor}`);
}

export function previousOccurrence(c: Cadence, now: Date): Occurrence | null {
  // Moving only ever delays, so nothing scheduled after today (+ a margin for long meetings) has ended.
  let to = addDays(localDate(now), 1);
  const size = windowDays(c);
  for (let w = 0; w * size < SEARCH_DAYS && to >= c.anchor; w++, to = addDays(to, -size)) {
    const dates = scheduledDates(c, addDays(to, -(size - 1)), to);
    for (let i = dates.length - 1; i >= 0; i--) {
      const occ = occurrenceOn(c, dates[i]);
      if (occ.status !== 'cancelled' && occ.end <= now) return occ;
    }
  }
  return null;
}

const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** The cadence as an RFC 5545 RRULE body: the forum's rule, or every N weeks on the anchor's weekday. */
export function cadenceRrule(c: Cadence): string {
  if (c.rrule) return icsRule({ rrule: c.rrule, anchor: c.anchor });
  return `FREQ=WEEKLY;INTERVAL=${c.everyWeeks};BYDAY=${BYDAY[isoWeekday(c.anchor) - 1]}`;
}
