// Small readers for the words of a command line, shared by the specs' parse functions.
import { z } from 'zod';
import type { ParseError } from './spec.js';

export const CASE_CODE = /^[A-ZÅÄÖ]{2,6}-\d{4}-\d{3,}$/;
export const caseCode = z.string().regex(CASE_CODE);
export const mentionToken = z.string().regex(/^@\S+$/);
export const positiveId = z.coerce.number().int().positive().max(2_147_483_647);
// No maximum here: the guard refuses a text over the limit whole and says so, never cut (issue 15).
export const freeText = z.string().trim().min(1);

/** Lower-case and fold å/ä/ö so `arende ny` and `ärende ny` both work. */
export function fold(word: string): string {
  return word.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** A case code in any case, upper-cased; null when the word is none. */
export function code(word: string | undefined): string | null {
  if (!word) return null;
  const c = word.toUpperCase();
  return caseCode.safeParse(c).success ? c : null;
}

export const isMention = (w: string | undefined): w is string => w !== undefined && mentionToken.safeParse(w).success;

/** The error for a wrong command shape; the core fills in the group's usage. */
export const USAGE: ParseError = { error: 'usage' };
export const badCaseCode = (w: string): ParseError => ({ error: 'badCaseCode', params: { value: w.slice(0, 30) } });
export const badMention = (w: string | undefined): ParseError => ({ error: 'badMention', params: { value: (w ?? '').slice(0, 40) } });
export const badId = (w: string): ParseError => ({ error: 'badId', params: { value: w.slice(0, 20) } });

/** `#12` or `12`. */
export function idWord(w: string): number | ParseError {
  const n = positiveId.safeParse(w.replace(/^#/, ''));
  return n.success ? n.data : badId(w);
}

/** A list's page: no words (the first page) or one page number (`ärende lista 2`, what "Visa fler" sends). */
/** The one id a command takes (`åtgärd klar 12`, `rutin klar 3`): usage when there is not exactly one word. */
export function onlyId(rest: string[]): { id: number } | ParseError {
  if (rest.length !== 1) return USAGE;
  const id = idWord(rest[0]);
  return typeof id === 'number' ? { id } : id;
}
export const pageArgs = z.object({ page: z.number().int().positive().max(100_000).optional(), all: z.boolean().optional() });
export function pageWords(rest: string[]): { page?: number } | ParseError {
  if (!rest.length) return {};
  if (rest.length !== 1 || !/^\d{1,6}$/.test(rest[0]) || Number(rest[0]) < 1) return USAGE;
  return { page: Number(rest[0]) };
}
