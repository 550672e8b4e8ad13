// "torsdag 3 december": a date as people say it, without the year (the confirmations of issue 18).
import type { Messages } from '../i18n/index.js';
import { isoWeekday, type IsoDate } from './dates.js';

export function dayName(m: Messages, iso: IsoDate): string {
  const [, mo, d] = iso.split('-').map(Number);
  return m.followup.day({ weekday: m.weekdays[isoWeekday(iso) - 1], d, month: m.protokoll.months[mo - 1] });
}
