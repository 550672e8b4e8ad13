// A calendar quarter in Europe/Stockholm: 2026-Q4 is 2026-10-01 00:00 up to 2027-01-01 00:00 local time.
import { addDays, type IsoDate, zonedInstant } from '../dates.js';

export interface Quarter {
  label: string;
  /** First and last day, inclusive. */
  from: IsoDate;
  to: IsoDate;
  /** [start, end) as instants. */
  start: Date;
  end: Date;
}

export function parseQuarter(text: string): Quarter | null {
  const m = /^(\d{4})-Q([1-4])$/i.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const q = Number(m[2]);
  const from = `${year}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`;
  const next = q === 4 ? `${year + 1}-01-01` : `${year}-${String(q * 3 + 1).padStart(2, '0')}-01`;
  return { label: `${year}-Q${q}`, from, to: addDays(next, -1), start: zonedInstant(from, '00:00'), end: zonedInstant(next, '00:00') };
}

/** The quarter a local date falls in. */
export function quarterOfDate(date: IsoDate): Quarter {
  return parseQuarter(`${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`)!;
}

/** The quarter `n` quarters after (negative: before) `q`. */
export function shiftQuarter(q: Quarter, n: number): Quarter {
  const [year, k] = [Number(q.label.slice(0, 4)), Number(q.label.slice(6))];
  const i = year * 4 + (k - 1) + n;
  return parseQuarter(`${Math.floor(i / 4)}-Q${(i % 4) + 1}`)!;
}

/** Every quarter from `from` to `to`, both included, oldest first (empty when `to` is before `from`). */
export function quartersBetween(from: Quarter, to: Quarter): Quarter[] {
  const out: Quarter[] = [];
  for (let q = from; q.from <= to.from; q = shiftQuarter(q, 1)) out.push(q);
  return out;
}
