// Meeting cadences ("every 2nd Thursday 09:00") and what Swedish holidays do to them.
import { type IsoDate, addDays, daysBetween, holidayName, isWorkingDay, localDate, nextWorkingDay, zonedInstant } from './dates.js';

export type HolidayPolicy = 'next-working-day' | 'cancel';

export interface Cadence {
  everyWeeks: number;
  anchor: IsoDate;
  time: string; // 'HH:MM', Europe/Stockholm
  durationMinutes: number;
  holidayPolicy: HolidayPolicy;
}

export interface Occurrence {
  scheduledDate: IsoDate; // anchor + k*everyWeeks weeks; identifies the occurrence even when moved
  date: IsoDate; // where it actually takes place
  start: Date;
  end: Date;
  status: 'scheduled' | 'moved' | 'cancelled';
  holiday?: string;
}

// How far a search walks before concluding there is nothing (e.g. every date cancelled).
const MAX_STEPS = 2000;

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

export function occurrencesBetween(c: Cadence, from: IsoDate, to: IsoDate): Occurrence[] {
  const out: Occurrence[] = [];
  for (let k = Math.max(0, indexOnOrBefore(c, addDays(from, -1)) + 1); ; k++) {
    const d = scheduledAt(c, k);
    if (d > to) return out;
    out.push(occurrenceOn(c, d));
  }
}

export function nextOccurrence(c: Cadence, now: Date): Occurrence {
  // Start a little before today: an occurrence scheduled earlier may have been moved past now.
  const k0 = Math.max(0, indexOnOrBefore(c, addDays(localDate(now), -14)));
  for (let k = k0; k < k0 + MAX_STEPS; k++) {
    const occ = occurrenceOn(c, scheduledAt(c, k));
    if (occ.status !== 'cancelled' && occ.end > now) return occ;
  }
  throw new Error(`No upcoming occurrence for cadence anchored ${c.anchor}`);
}

export function previousOccurrence(c: Cadence, now: Date): Occurrence | null {
  // Moving only ever delays, so nothing scheduled after today (+ a margin for long meetings) has ended.
  const kMax = indexOnOrBefore(c, addDays(localDate(now), 1));
  for (let k = kMax; k >= 0 && k > kMax - MAX_STEPS; k--) {
    const occ = occurrenceOn(c, scheduledAt(c, k));
    if (occ.status !== 'cancelled' && occ.end <= now) return occ;
  }
  return null;
}
