// When a forum routine is due: its RRULE (`FREQ=YEARLY;BYMONTH=4,10;BYMONTHDAY=1`: 1 April and
// 1 October), fixed days of every year (`dates: ["01-15"]`), or the start of named school terms
// (`termStart: ht`: the first working day of the autumn term, plus `offsetWorkingDays`). A due day on
// a weekend or holiday moves to the next working day, as for any due date.
import { addDays, addWorkingDays, isValidIsoDate, type IsoDate } from '../dates.js';
import { dueFrom } from '../due.js';
import { ruleDates, spanStarts, type DateSpan } from '../recurrence.js';
import { DEFAULT_RULE_ANCHOR } from '../settings-calendar.js';
import type { RoutineRule } from '../settings-routines.js';

/** The due days of a routine's occurrences in [from, to], in order. `terms`: calendar.terms. */
export function routineDueDates(rule: RoutineRule, terms: (DateSpan & { key: string })[], from: IsoDate, to: IsoDate): IsoDate[] {
  if (to < from) return [];
  // A raw day up to a week before `from` may move onto a working day inside the range.
  const rawFrom = addDays(from, -7);
  let raw: IsoDate[];
  if ('rrule' in rule) raw = ruleDates({ rrule: rule.rrule, anchor: rule.anchor ?? DEFAULT_RULE_ANCHOR }, rawFrom, to);
  else if ('dates' in rule) {
    raw = [];
    for (let y = Number(rawFrom.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) for (const md of rule.dates) raw.push(`${y}-${md}`);
    raw = raw.filter(isValidIsoDate);
  } else {
    const keys = Array.isArray(rule.termStart) ? rule.termStart : [rule.termStart];
    const offset = rule.offsetWorkingDays;
    raw = spanStarts(terms.filter((t) => keys.includes(t.key)), rawFrom, to).map((d) => {
      const first = dueFrom(d).date;
      return offset ? addWorkingDays(first, offset) : first;
    });
  }
  return [...new Set(raw.map((d) => dueFrom(d).date))].filter((d) => d >= from && d <= to).sort();
}

/** The next due day on or after `from` (within two years), or null. */
export function nextRoutineDate(rule: RoutineRule, terms: (DateSpan & { key: string })[], from: IsoDate): IsoDate | null {
  return routineDueDates(rule, terms, from, addDays(from, 731))[0] ?? null;
}
