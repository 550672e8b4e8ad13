// Dates as people write them in a chat line: `+3` (working days), `+2v` / `om 2 veckor`, `+3m` /
// `om 3 månader` (KAA's "kontakta igen efter tre månader"), `i morgon`, `i övermorgon`, `3 december`,
// `3 dec`, `den 3:e`, weekday names, `1/12`, ISO. A reading that fails says why (`31/2`: februari has no
// 31st; `igår`: the date has passed), so the answer can tell the person what to write instead.
// Pure: `today` is always a parameter.
import { addDays, addWorkingDays, holidayName, isoWeekday, isWorkingDay, nextWorkingDay, type IsoDate } from './dates.js';

export type DateProblem =
  | { why: 'unknown' }
  | { why: 'noSuchDay'; month: number; day: number; days: number }
  | { why: 'noSuchMonth'; month: number }
  | { why: 'past'; date: IsoDate }
  | { why: 'tooFar'; max: string };

export type DateReading = { date: IsoDate } | { problem: DateProblem };

const pad = (n: number) => String(n).padStart(2, '0');

/** Month words (Swedish and English, full and short) → 1–12. */
const MONTHS: Record<string, number> = {};
const monthNames: Array<[number, string[]]> = [
  [1, ['januari', 'january', 'jan']],
  [2, ['februari', 'february', 'feb']],
  [3, ['mars', 'march', 'mar']],
  [4, ['april', 'apr']],
  [5, ['maj', 'may']],
  [6, ['juni', 'june', 'jun']],
  [7, ['juli', 'july', 'jul']],
  [8, ['augusti', 'august', 'aug']],
  [9, ['september', 'sept', 'sep']],
  [10, ['oktober', 'october', 'okt', 'oct']],
  [11, ['november', 'nov']],
  [12, ['december', 'dec']],
];
for (const [n, words] of monthNames) for (const w of words) MONTHS[w] = n;

const WEEKDAYS: Record<string, number> = {};
const dayNames: Array<[number, string[]]> = [
  [1, ['måndag', 'mandag', 'mån', 'man', 'monday', 'mon']],
  [2, ['tisdag', 'tis', 'tuesday', 'tue', 'tues']],
  [3, ['onsdag', 'ons', 'wednesday', 'wed']],
  [4, ['torsdag', 'tor', 'tors', 'thursday', 'thu', 'thur', 'thurs']],
  [5, ['fredag', 'fre', 'friday', 'fri']],
  [6, ['lördag', 'lordag', 'lör', 'lor', 'saturday', 'sat']],
  [7, ['söndag', 'sondag', 'sön', 'son', 'sunday', 'sun']],
];
for (const [n, words] of dayNames) for (const w of words) WEEKDAYS[w] = n;

const YESTERDAY = new Set(['igår', 'i går', 'yesterday', 'i förrgår', 'förrgår']);
const TODAY = new Set(['idag', 'i dag', 'today']);
const TOMORROW = new Set(['imorgon', 'i morgon', 'imorn', 'i morn', 'tomorrow']);
const DAY_AFTER = new Set(['iövermorgon', 'i övermorgon', 'övermorgon', 'day after tomorrow']);

// Unit words after `om N` / `in N` (and the letter after `+N`).
type Unit = 'workingDays' | 'days' | 'weeks' | 'months';
const UNITS: Record<string, Unit> = {
  arbetsdag: 'workingDays', arbetsdagar: 'workingDays', 'working day': 'workingDays', 'working days': 'workingDays',
  dag: 'days', dagar: 'days', day: 'days', days: 'days', d: 'days',
  vecka: 'weeks', veckor: 'weeks', week: 'weeks', weeks: 'weeks', v: 'weeks', w: 'weeks',
  månad: 'months', månader: 'months', mån: 'months', month: 'months', months: 'months', m: 'months',
};
const MAX_AHEAD = { workingDays: 365, days: 730, weeks: 104, months: 24 } as const;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Same day of month N months later, clamped to the month's last day (31 Aug + 6 → 28/29 Feb). */
export function addMonths(date: IsoDate, n: number): IsoDate {
  const [y, mo, d] = date.split('-').map(Number);
  const total = y * 12 + (mo - 1) + n;
  const [ny, nm] = [Math.floor(total / 12), (total % 12) + 1];
  return `${ny}-${pad(nm)}-${pad(Math.min(d, daysInMonth(ny, nm)))}`;
}

function ymd(y: number, mo: number, d: number): DateReading {
  if (mo < 1 || mo > 12) return { problem: { why: 'noSuchMonth', month: mo } };
  const days = daysInMonth(y, mo);
  if (d < 1 || d > days) return { problem: { why: 'noSuchDay', month: mo, day: d, days } };
  return { date: `${String(y).padStart(4, '0')}-${pad(mo)}-${pad(d)}` };
}

/** A day and month without a year: the next such date from today on (a deadline is never in the past). */
function nextDayMonth(today: IsoDate, mo: number, d: number): DateReading {
  const year = Number(today.slice(0, 4));
  // 29 February: the next year that has one.
  for (let y = year; y <= year + 8; y++) {
    const r = ymd(y, mo, d);
    if ('problem' in r) {
      if (r.problem.why === 'noSuchDay' && mo === 2 && d === 29) continue;
      return r;
    }
    if (r.date >= today) return r;
  }
  return { problem: { why: 'unknown' } };
}

function shift(today: IsoDate, n: number, unit: Unit): DateReading {
  if (n < 1) return { problem: { why: 'unknown' } };
  if (n > MAX_AHEAD[unit]) return { problem: { why: 'tooFar', max: `${MAX_AHEAD[unit]}` } };
  switch (unit) {
    case 'workingDays':
      return { date: addWorkingDays(today, n) };
    case 'days':
      return { date: addDays(today, n) };
    case 'weeks':
      return { date: addDays(today, 7 * n) };
    case 'months':
      return { date: addMonths(today, n) };
  }
}

const NUMBER_WORDS: Record<string, number> = { en: 1, ett: 1, one: 1, a: 1, två: 2, two: 2, tre: 3, three: 3, fyra: 4, four: 4, fem: 5, five: 5, sex: 6, six: 6 };

/** The date a phrase names, past or future, or null (`igår` is none: nobody means yesterday as a date field). */
export function parseDate(input: string, today: IsoDate): IsoDate | null {
  const r = readAny(input.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' '), today);
  return 'date' in r ? r.date : null;
}

/** Reads a date phrase; never throws. Past dates are a problem (`why: 'past'`). */
export function readDate(input: string, today: IsoDate): DateReading {
  const read = readDateAnyTime(input, today);
  if ('date' in read && read.date < today) return { problem: { why: 'past', date: read.date } };
  return read;
}

/** Like readDate, but a date in the past is read too (a reported start date may lie behind us). */
export function readDateAnyTime(input: string, today: IsoDate): DateReading {
  const s = input.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
  if (YESTERDAY.has(s)) return { date: addDays(today, s.includes('förr') ? -2 : -1) };
  return readAny(s, today);
}

function readAny(s: string, today: IsoDate): DateReading {
  const unknown: DateReading = { problem: { why: 'unknown' } };
  if (!s) return unknown;
  if (TODAY.has(s)) return { date: today };
  if (TOMORROW.has(s)) return { date: addDays(today, 1) };
  if (DAY_AFTER.has(s)) return { date: addDays(today, 2) };
  if (YESTERDAY.has(s)) return { problem: { why: 'past', date: addDays(today, s.includes('förr') ? -2 : -1) } };

  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (iso) return ymd(Number(iso[1]), Number(iso[2]), Number(iso[3]));

  const wd = WEEKDAYS[s];
  if (wd !== undefined) return { date: addDays(today, ((wd - isoWeekday(today) + 6) % 7) + 1) };

  // `+3` working days; `+3d` days, `+2v`/`+2w` weeks, `+3m` months.
  const plus = /^\+\s?(\d{1,4})\s?([a-zåäö]*)$/.exec(s);
  if (plus) {
    const unit = plus[2] ? UNITS[plus[2]] : 'workingDays';
    return unit ? shift(today, Number(plus[1]), unit) : unknown;
  }
  // `om 3 månader`, `om två veckor`, `in 3 months`, `om en månad`.
  const inN = /^(?:om|in) (\d{1,4}|[a-zåäö]+) ([a-zåäö ]+)$/.exec(s);
  if (inN) {
    const n = /^\d+$/.test(inN[1]) ? Number(inN[1]) : NUMBER_WORDS[inN[1]];
    const unit = UNITS[inN[2]];
    return n !== undefined && unit ? shift(today, n, unit) : unknown;
  }

  // `1/12`, `1/12/2026`, `1/12/26` (day/month).
  const dm = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?$/.exec(s);
  if (dm) {
    const [d, mo] = [Number(dm[1]), Number(dm[2])];
    if (dm[3] !== undefined) return ymd(dm[3].length === 2 ? 2000 + Number(dm[3]) : Number(dm[3]), mo, d);
    return nextDayMonth(today, mo, d);
  }

  // `3 december`, `3 dec`, `den 3 december 2027`, `3:e december`, `december 3`.
  const named = /^(?:den )?(\d{1,2})(?::[ea])?\.? ([a-zåäö]+)\.?(?: (\d{4}))?$/.exec(s) ?? swapMonthFirst(s);
  if (named) {
    const mo = MONTHS[named[2]];
    if (!mo) return unknown;
    return named[3] ? ymd(Number(named[3]), mo, Number(named[1])) : nextDayMonth(today, mo, Number(named[1]));
  }

  // `den 3:e`, `den 3`, `3:e`: that day of this month, or of the next month when it has passed.
  const dayOnly = /^(?:den (\d{1,2})(?::[ea])?|(\d{1,2}):[ea]|the (\d{1,2})(?:st|nd|rd|th)?)$/.exec(s);
  if (dayOnly) {
    const d = Number(dayOnly[1] ?? dayOnly[2] ?? dayOnly[3]);
    const [y, mo] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
    if (d < 1 || d > 31) return { problem: { why: 'noSuchDay', month: mo, day: d, days: daysInMonth(y, mo) } };
    const here = ymd(y, mo, d);
    if ('date' in here && here.date >= today) return here;
    // The next month that has that day (the 31st skips the short months).
    for (let k = 1; k <= 3; k++) {
      const next = addMonths(`${y}-${pad(mo)}-01`, k);
      const r = ymd(Number(next.slice(0, 4)), Number(next.slice(5, 7)), d);
      if ('date' in r) return r;
    }
    return unknown;
  }
  return unknown;
}

function swapMonthFirst(s: string): RegExpExecArray | null {
  const m = /^([a-zåäö]+)\.? (\d{1,2})(?:st|nd|rd|th)?(?:,? (\d{4}))?$/.exec(s);
  if (!m || !MONTHS[m[1]]) return null;
  const out = [m[0], m[2], m[1], m[3]] as unknown as RegExpExecArray;
  return out;
}

/** The longest run of leading words (at most four) that reads as a date; 0 when the first word is none. */
export function dateWordCount(words: string[]): number {
  for (let n = Math.min(4, words.length); n >= 1; n--) {
    const phrase = words.slice(0, n).join(' ');
    const r = readAny(phrase.normalize('NFC').toLowerCase(), '2000-01-01');
    // A phrase that names a date — even an impossible one, `31/2` — is the date the person meant.
    if ('date' in r || r.problem.why !== 'unknown' || YESTERDAY.has(phrase.toLowerCase())) return n;
  }
  return 0;
}

/** A due date on a weekend or holiday moves to the next working day; `moved` says from what and why. */
export function workingDue(date: IsoDate): { date: IsoDate; moved?: { from: IsoDate; holiday: string | null; weekday: number } } {
  if (isWorkingDay(date)) return { date };
  return { date: nextWorkingDay(date), moved: { from: date, holiday: holidayName(date), weekday: isoWeekday(date) } };
}

