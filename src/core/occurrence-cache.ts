// A forum's occurrences over a window are a pure function of its cadence and the window's dates, and
// working them out (a time-zone conversion and a holiday look-up per date, ~30 dates) was the largest
// piece of Node's work in `ärende ny` that was not the database (issue 19: upcomingMeeting ~7 % of the
// server's CPU). They are kept here, keyed by exactly those inputs, so a cadence changed in the
// settings or another day's window is simply another key: nothing can go stale, and no replica needs
// telling. The stored meeting rows (moves, cancellations) are not cached: they are read with every
// command and applied to these, so a change made by any replica is seen at once.
import { occurrencesBetween, type Cadence, type Occurrence } from './calendar.js';
import type { IsoDate } from './dates.js';

/** Windows kept (a few per forum: today's, and the tick's). */
export const MAX_WINDOWS = 512;

const cache = new Map<string, readonly Occurrence[]>();

/** occurrencesBetween, remembered. The occurrences are shared: copy one before changing it. */
export function cachedOccurrences(c: Cadence, from: IsoDate, to: IsoDate): readonly Occurrence[] {
  const key = JSON.stringify([c.everyWeeks, c.anchor, c.time, c.durationMinutes, c.holidayPolicy, c.rrule ?? null, c.pauses ?? [], c.within ?? null, from, to]);
  const hit = cache.get(key);
  if (hit) {
    // Most recently used last, so the oldest goes first when the cache is full.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const list = Object.freeze(occurrencesBetween(c, from, to).map((o) => Object.freeze(o)));
  if (cache.size >= MAX_WINDOWS) cache.delete(cache.keys().next().value!);
  cache.set(key, list);
  return list;
}
