// Which language to answer in, decided in one place for every adapter and every message.
import type { Lang } from './model.js';

export function isLang(x: unknown): x is Lang {
  return x === 'sv' || x === 'en';
}

/**
 * The first hint that is a language Samråd speaks, else the fallback (the configured language).
 * Callers pass hints from the most to the least specific: what the form or card was written in,
 * the person's own choice, the language the command was typed in, the platform's locale.
 */
export function chooseLang(fallback: Lang, ...hints: unknown[]): Lang {
  return hints.find(isLang) ?? fallback;
}
