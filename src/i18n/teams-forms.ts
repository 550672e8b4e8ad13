// Teams form cards (adapters/teams/render.ts): what a required field says when left empty, the hint in
// a person field, and the line above a form that came back to be corrected.
import type { Lang } from '../core/model.js';

const sv = {
  required: (p: { label: string }) => `Fyll i ${p.label.toLowerCase()}.`,
  personPlaceholder: '@namn eller e-postadress',
  correct: 'Något behöver rättas – se under fälten och skicka igen.',
};
const en: typeof sv = {
  required: (p) => `Please fill in ${p.label.toLowerCase()}.`,
  personPlaceholder: '@name or e-mail address',
  correct: 'Something needs correcting – see below the fields and send again.',
};

export type TeamsFormTexts = typeof sv;
export const teamsFormTexts = (lang: Lang): TeamsFormTexts => (lang === 'en' ? en : sv);
