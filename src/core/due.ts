// What a handler does with a date the person typed: read it (refusing with the reason), and for a due
// date move a weekend or holiday to the next working day and say so in the answer.
import type { Messages } from '../i18n/index.js';
import { readDate, workingDue, type DateProblem } from './date-words.js';
import { isoWeekday, type IsoDate } from './dates.js';
import { UserError } from './errors.js';

function problemParams(value: string, p: DateProblem): Record<string, string> {
  const out: Record<string, string> = { value: value.slice(0, 30), why: p.why };
  for (const [k, v] of Object.entries(p)) if (k !== 'why') out[k] = String(v);
  return out;
}

/** The date a word names, from today on; refuses with why it is not one (`31/2`, `igår`). */
export function readDay(today: IsoDate, word: string): IsoDate {
  const r = readDate(word, today);
  if ('problem' in r) {
    // The long-standing answers for an unknown word and a past date; the new reasons for the rest.
    if (r.problem.why === 'unknown') throw new UserError('badDate', { value: word.slice(0, 30) });
    if (r.problem.why === 'past') throw new UserError('pastDate', { date: r.problem.date });
    throw new UserError('badDateWhy', problemParams(word, r.problem));
  }
  return r.date;
}

export interface Due {
  date: IsoDate;
  /** Set when the date typed was not a working day and the due date moved to the next one. */
  moved: { from: IsoDate; holiday: string | null; weekday: number } | null;
}

/** A due date as typed, moved to the next working day when it falls on a weekend or holiday. */
export function readDue(today: IsoDate, word: string): Due {
  const w = workingDue(readDay(today, word));
  return { date: w.date, moved: w.moved ?? null };
}

/** A date computed by the bot (a follow-up's `+5`, a routine's day): the same working-day rule. */
export function dueFrom(date: IsoDate): Due {
  const w = workingDue(date);
  return { date: w.date, moved: w.moved ?? null };
}

/** The sentence that tells the person their due date moved, or '' when it did not. */
export function movedNote(m: Messages, due: Due): string {
  if (!due.moved) return '';
  const day = (d: IsoDate) => `${m.weekdays[isoWeekday(d) - 1]} ${d}`;
  return m.dates.dueMoved({ from: day(due.moved.from), why: due.moved.holiday ?? m.weekdays[due.moved.weekday - 1], to: day(due.date) });
}
