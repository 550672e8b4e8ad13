// Phone numbers for the identity guard (src/core/pii.ts): Swedish national and international forms,
// other countries' international numbers; amounts, times and dates that look like numbers are left alone.
import type { PiiFinding } from './pii.js';


/** Between digit groups: a space, or a hyphen / en dash / slash with optional spaces around it. */
const SEP = String.raw`(?:[ \u00A0]?[-–/.][ \u00A0]?|[ \u00A0])`;
/** Not glued to a word, another number, a `+`, or a decimal (`1,070…`), or a case code (`UNG-…`). */
const PHONE_BEFORE = String.raw`(?<![\p{L}\p{N}_+\-–/])(?<!\d[.,])`;

/** Swedish national form: 0 + area code (the 0 is never followed by another 0) + subscriber. */
const PHONE_SE_NATIONAL_RE = new RegExp(String.raw`${PHONE_BEFORE}0[ \u00A0]?[1-9](?:${SEP}?\d){6,8}(?!\p{N})`, 'gu');
/** The area code in brackets: `(070) 174 06 50`, `(08) 465 004 50`. */
const PHONE_SE_BRACKETS_RE = new RegExp(String.raw`\(0[1-9]\d{0,2}\)[ \u00A0]?\d(?:${SEP}?\d){4,7}(?!\p{N})`, 'gu');
/** Swedish international form: +46 / 0046, optionally `(0)`, then the number without its 0. */
const PHONE_SE_INTL_RE = new RegExp(
  String.raw`${PHONE_BEFORE}(?:\+|00)46[ \u00A0-]?(?:\(0\)[ \u00A0-]?)?[1-9](?:${SEP}?\d){6,8}(?!\p{N})`,
  'gu',
);
/**
 * Other countries, only with an explicit `+` (or 00 for the Nordic neighbours, Helsingborg sits
 * next to Denmark). E.164 allows at most 15 digits including the country code.
 */
const PHONE_OTHER_INTL_RE = new RegExp(
  String.raw`${PHONE_BEFORE}(?:\+(?!46)[1-9]\d{0,2}|00(?:45|47|358|354))[ \u00A0-]?(?:\(0\)[ \u00A0-]?)?\d(?:${SEP}?\d){5,12}(?!\p{N})`,
  'gu',
);

/** An amount or percentage, not a phone number: `+12 000 000 kr`. */
const MONEY_AFTER_RE = /^\s*(?:kr\b|kronor|sek\b|:-|%|€|\$)/iu;
/** `0900-1200`: a time range written without colons. */
const TIME_RANGE_RE = /^([01]\d|2[0-3])[.:]?[0-5]\d\s?[-–]\s?([01]\d|2[0-3])[.:]?[0-5]\d$/;
/** `01-12-2026`, `01/12 2026`: a day-month-year date. */
const DMY_DATE_RE = /^(0[1-9]|[12]\d|3[01])[-/. ](0[1-9]|1[0-2])[-/. ](?:19|20)\d{2}$/;

/** `01.12.2026-02.12.2026`: starts like a day and month written with dots or slashes. */
const DM_DOTTED_START_RE = /^(0[1-9]|[12]\d|3[01])[./](0[1-9]|1[0-2])[./]/;

function digitsOf(s: string): string {
  return s.replace(/\D/g, '');
}

function isSwedishNational(match: string): boolean {
  const d = digitsOf(match);
  if (TIME_RANGE_RE.test(match) || DMY_DATE_RE.test(match) || DM_DOTTED_START_RE.test(match)) return false;
  // Mobile numbers (07x) are always 10 digits; landlines 8 to 10 including the leading 0.
  return d.startsWith('07') ? d.length === 10 : d.length >= 8 && d.length <= 10;
}

function isSwedishInternational(match: string): boolean {
  const rest = digitsOf(match).replace(/^(?:00)?46/, '').replace(/^0/, ''); // drop 46 and a "(0)"
  return rest.startsWith('7') ? rest.length === 9 : rest.length >= 7 && rest.length <= 9;
}

function isOtherInternational(match: string): boolean {
  const d = digitsOf(match).replace(/^00/, '');
  return d.length >= 8 && d.length <= 15;
}

export function findPhones(text: string): PiiFinding[] {
  const out: PiiFinding[] = [];
  const scan = (re: RegExp, accept: (match: string) => boolean): void => {
    for (const m of text.matchAll(re)) {
      const index = m.index ?? 0;
      if (!accept(m[0])) continue;
      if (MONEY_AFTER_RE.test(text.slice(index + m[0].length))) continue;
      out.push({ kind: 'phone', index, length: m[0].length });
    }
  };
  scan(PHONE_SE_NATIONAL_RE, isSwedishNational);
  scan(PHONE_SE_BRACKETS_RE, isSwedishNational);
  scan(PHONE_SE_INTL_RE, isSwedishInternational);
  scan(PHONE_OTHER_INTL_RE, isOtherInternational);
  return out;
}
