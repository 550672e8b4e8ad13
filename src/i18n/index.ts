import type { Lang } from '../core/model.js';
import { en } from './en.js';
import { sv, type Messages } from './sv.js';

export type { Messages };

export function messages(lang: Lang): Messages {
  return lang === 'en' ? en : sv;
}
