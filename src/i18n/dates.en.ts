// English texts for dates as people write them; same shape as dates.sv.ts.
import type { DateWhy, dateErrorsSv, dateTextsSv } from './dates.sv.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function dateWhy(p: DateWhy): string {
  switch (p.why) {
    case 'noSuchDay':
      return `${MONTHS[Number(p.month) - 1] ?? 'the month'} has no ${p.day} days (only ${p.days})`;
    case 'noSuchMonth':
      return `there is no month ${p.month}`;
    case 'past':
      return `the date has passed (${p.date})`;
    case 'tooFar':
      return `it is too far ahead (at most ${p.max})`;
    default:
      return 'it is not a date I recognise';
  }
}

export const dateErrorsEn = {
  badDateWhy: (p: DateWhy) =>
    `"${p.value}" does not work as a date: ${dateWhy(p)}. Write e.g. 2026-12-01, 1/12, 3 December, tomorrow, friday, +3 (working days), +2w or in 3 months.`,
  badTime: (p: { value: string }) => `"${p.value}" is not a time. Write e.g. 13:30.`,
} satisfies typeof dateErrorsSv;

export const dateTextsEn = {
  dueMoved: (p: { from: string; why: string; to: string }) => `${p.from} is not a working day (${p.why}), so the due date is ${p.to}.`,
} satisfies typeof dateTextsSv;
