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
