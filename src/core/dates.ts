// Calendar arithmetic on plain 'YYYY-MM-DD' strings and Swedish working days.
// Pure: "today" and "now" are always parameters, never read from the clock.
import Holidays from 'date-holidays-parser';
import { SWEDISH_HOLIDAY_DATA } from './holidays-se.js';

export type IsoDate = string; // 'YYYY-MM-DD'
export const TZ = 'Europe/Stockholm';

const DAY_MS = 86_400_000;
const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

// Dates are handled as UTC midnights so that arithmetic never meets a DST shift.
function toUtcMs(date: IsoDate): number {
  const m = ISO_RE.exec(date);
  if (!m || !isValidIsoDate(date)) throw new RangeError(`Invalid date: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function fromUtcMs(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

export function isValidIsoDate(s: string): boolean {
  const m = ISO_RE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

export function addDays(date: IsoDate, n: number): IsoDate {
  return fromUtcMs(toUtcMs(date) + n * DAY_MS);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

export function isoWeekday(date: IsoDate): number {
  const d = new Date(toUtcMs(date)).getUTCDay();
  return d === 0 ? 7 : d;
}

// ---- time zones (Intl only) ----

const formatters = new Map<string, Intl.DateTimeFormat>();
function wallParts(instant: Date, tz: string): Record<string, number> {
  let f = formatters.get(tz);
  if (!f) {
    // hourCycle h23: some ICU versions render midnight as "24" with hour12: false.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz, hourCycle: 'h23',
      year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(tz, f);
  }
  const out: Record<string, number> = {};
  for (const p of f.formatToParts(instant)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function localDate(instant: Date, tz: string = TZ): IsoDate {
  const p = wallParts(instant, tz);
  return `${String(p.year).padStart(4, '0')}-${pad(p.month)}-${pad(p.day)}`;
}

export function localTime(instant: Date, tz: string = TZ): string {
  const p = wallParts(instant, tz);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** Offset of tz from UTC at `instant`, in ms (e.g. +3_600_000 for CET). */
function offsetMs(instant: number, tz: string): number {
  const p = wallParts(new Date(instant), tz);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(instant / 1000) * 1000;
}

export function zonedInstant(date: IsoDate, time: string, tz: string = TZ): Date {
  const m = /^(\d{1,2}):(\d{2})$/.exec(time);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) throw new RangeError(`Invalid time: ${time}`);
  const wall = toUtcMs(date) + (Number(m[1]) * 60 + Number(m[2])) * 60_000;
  // The offset depends on the answer; a second pass settles it across a DST change.
  // A time skipped by spring-forward (02:30) comes out an hour later; a repeated one as its second reading.
  const first = wall - offsetMs(wall, tz);
  return new Date(wall - offsetMs(first, tz));
}

// ---- Swedish holidays ----

// Sweden's rules only (scripts/holidays-se.mjs): date-holidays' own entry point parses every country's.
const SWEDISH = new Holidays(SWEDISH_HOLIDAY_DATA, 'SE');
const holidayCache = new Map<number, Map<IsoDate, string>>();

function holidaysOf(year: number): Map<IsoDate, string> {
  let map = holidayCache.get(year);
  if (map) return map;
  map = new Map();
  for (const h of SWEDISH.getHolidays(year, 'sv')) {
    if (h.type === 'public') map.set(h.date.slice(0, 10), h.name);
  }
  // Not "röda dagar" by law (date-holidays types them 'bank'/'observance'), but nobody holds a
  // meeting on them. Added by date rule so the answer does not hinge on the library's type labels.
  const eves: Array<[IsoDate, string]> = [
    [`${year}-12-24`, 'julafton'],
    [`${year}-12-31`, 'nyårsafton'],
    [midsummerEve(year), 'midsommarafton'],
    [addDays(easterSunday(year), -1), 'påskafton'],
  ];
  for (const [d, name] of eves) if (!map.has(d)) map.set(d, name);
  holidayCache.set(year, map);
  return map;
}

function midsummerEve(year: number): IsoDate {
  // The Friday between 19 and 25 June.
  const june19 = `${year}-06-19`;
  return addDays(june19, (5 - isoWeekday(june19) + 7) % 7);
}

function easterSunday(year: number): IsoDate {
  // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  const a = year % 19, b = Math.floor(year / 100), c = year % 100;
  const d = Math.floor(b / 4), e = b % 4, f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31), day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${pad(month)}-${pad(day)}`;
}

export function holidayName(date: IsoDate): string | null {
  toUtcMs(date); // validates
  return holidaysOf(Number(date.slice(0, 4))).get(date) ?? null;
}

export function isWorkingDay(date: IsoDate): boolean {
  return isoWeekday(date) <= 5 && holidayName(date) === null;
}

export function nextWorkingDay(date: IsoDate): IsoDate {
  let d = date;
  while (!isWorkingDay(d)) d = addDays(d, 1);
  return d;
}

export function addWorkingDays(date: IsoDate, n: number): IsoDate {
  const step = n < 0 ? -1 : 1;
  let d = date;
  for (let left = Math.abs(n); left > 0; ) {
    d = addDays(d, step);
    if (isWorkingDay(d)) left--;
  }
  return d;
}

export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  if (to < from) return -workingDaysBetween(to, from);
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d)) count++;
  return count;
}

// Parsing what people type (`+3m`, `3 december`, `i morgon`, …) is in date-words.ts.
