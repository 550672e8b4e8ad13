// Swedish texts for dates as people write them (src/core/date-words.ts): why a date is not one, and
// the note that a due date moved off a weekend or holiday. Spread into sv.ts; en: dates.en.ts.
const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

/** The parameters of `badDateWhy`: the word typed, the reason and the reason's figures (all strings). */
export interface DateWhy {
  value: string;
  why: string;
  month?: string;
  day?: string;
  days?: string;
  date?: string;
  max?: string;
}

function dateWhy(p: DateWhy): string {
  switch (p.why) {
    case 'noSuchDay':
      return `${MONTHS[Number(p.month) - 1] ?? 'månaden'} har inte ${p.day} dagar (bara ${p.days})`;
    case 'noSuchMonth':
      return `det finns ingen månad ${p.month}`;
    case 'past':
      return `datumet har passerat (${p.date})`;
    case 'tooFar':
      return `det ligger för långt fram (högst ${p.max})`;
    default:
      return 'det är inget datum jag känner igen';
  }
}

export const dateErrorsSv = {
  badDateWhy: (p: DateWhy) =>
    `"${p.value}" går inte som datum: ${dateWhy(p)}. Skriv t.ex. 2026-12-01, 1/12, 3 december, den 3:e, i morgon, fredag, +3 (arbetsdagar), +2v eller om 3 månader.`,
  badTime: (p: { value: string }) => `"${p.value}" är ingen tid. Skriv t.ex. 13:30.`,
};

export const dateTextsSv = {
  dueMoved: (p: { from: string; why: string; to: string }) => `${p.from} är ingen arbetsdag (${p.why}), så sista dagen blir ${p.to}.`,
};
