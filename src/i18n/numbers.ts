// Numbers as Swedish readers expect them: `4 000` (a space between thousands), `30,5` (decimal comma).
// English keeps `4,000` and `30.5`.
import type { Lang } from '../core/model.js';

/** 4000 → "4 000" (sv) / "4,000" (en); a string that is not a number is returned as it is. */
export function integer(n: number | string, lang: Lang): string {
  const v = typeof n === 'number' ? n : Number(n);
  if (!Number.isFinite(v)) return String(n);
  const digits = String(Math.round(Math.abs(v))).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'sv' ? '\u00a0' : ',');
  return `${v < 0 ? '-' : ''}${digits}`;
}
