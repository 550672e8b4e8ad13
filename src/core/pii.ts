/**
 * PII detection for free text that is about to be posted in a shared channel.
 *
 * Why: case items (ärenden) in Samråd are pseudonymous. The chat must never hold who a person is,
 * so every free text (case description, handover answer, step text) is scanned before it is stored
 * or posted, and the caller rejects or redacts what is found here.
 *
 * Design choices:
 * - Pure and synchronous, no I/O: callable from anywhere, cheap enough for every message.
 * - Err on the side of flagging. A false positive costs the user one edit; a false negative leaks an
 *   identity into a channel shared across two organisations. The exceptions are the everyday
 *   non-identifying numbers of this domain (dates, times, case codes such as `UNG-2026-017`,
 *   amounts, hours, levels), which are deliberately left alone so the check is not a nuisance.
 * - Personnummer/samordningsnummer are only reported when the date is real and the Luhn check digit
 *   is right (checked with the `personnummer` package); a random 10-digit run is not an identity.
 * - `index`/`length` are in UTF-16 code units, i.e. the same units as `String.prototype.slice`.
 * - `detectPii` (what the guard uses) also scans a normalised copy: full-width digits, zero-width
 *   characters and dash look-alikes are common ways, deliberate or not, to slip past a pattern.
 *
 * Known limits (a person's name cannot be told from any other word without a register of names):
 * names, initials with a birth date written as words, identities spelled out ("nittonhundra…"),
 * addresses without a street-name ending or postcode, and foreign identity numbers are not found.
 * The help text and every refusal tell the user never to write them.
 */
import PersonnummerModule from 'personnummer';
import { findExtra } from './pii-extra.js';
import { hasFullName } from './pii-names.js';
import { normalise, variants } from './pii-normal.js';
import { findIdentityNumbers } from './pii-numbers.js';
import { findPhones } from './pii-phone.js';

export type PiiKind = 'personnummer' | 'samordningsnummer' | 'email' | 'phone' | 'address' | 'name';

export interface PiiFinding {
  kind: PiiKind;
  index: number;
  length: number;
}

// `personnummer` is CommonJS (`module.exports = Personnummer`) but its typings say `export default`,
// so under NodeNext TypeScript expects the class at `.default` while Node hands us the class itself
// (and a bundler using its ESM build hands us `.default`). Accept both shapes.
type PersonnummerClass = typeof PersonnummerModule.default;
const Personnummer: PersonnummerClass =
  (PersonnummerModule as unknown as { default?: PersonnummerClass }).default ??
  (PersonnummerModule as unknown as PersonnummerClass);

/** When two candidate spans overlap, the longer wins; on a tie, the kind listed first wins. */
const KIND_PRIORITY: readonly PiiKind[] = [
  'personnummer',
  'samordningsnummer',
  'email',
  'phone',
  'address',
  'name',
];

// ---------------------------------------------------------------------------------------------
// Personnummer / samordningsnummer
// ---------------------------------------------------------------------------------------------

/**
 * YYMMDD or YYYYMMDD, then `-`, `+`, a space or nothing, then NNNC. The lookarounds keep us from
 * picking 10 digits out of a longer digit run (an account or OCR number). A 12-digit form must
 * start with a plausible century (18, 19, 20).
 */
const PNR_RE = /(?<!\d)((?:18|19|20)?)(\d{6})([-+ ]?)(\d{4})(?!\d)/g;
/** The same with spaces around the separator, or `–`, `/`, `.`, `_` between date and serial: `900101 - 1234`. */
const PNR_SPACED_RE = /(?<!\d)((?:18|19|20)?)(\d{6})[ \u00A0]*([-+–/._])[ \u00A0]*(\d{4})(?!\d)/g;
/** The date written with separators, then `-` or `+`: `1990-01-01-1234`, `90.01.01 - 1234`. */
const PNR_DATED_RE = /(?<!\d)((?:18|19|20)?)(\d{2})([-./ ])(\d{2})\3(\d{2})[ \u00A0]*([-+–])[ \u00A0]*(\d{4})(?!\d)/g;

function checkPersonnummer(century: string, yymmdd: string, sep: string, tail: string): PiiKind | null {
  // The package understands `-`, `+` or no separator; a space means the same as `-`.
  const normalised = century + yymmdd + (sep === ' ' ? '-' : sep) + tail;
  if (!Personnummer.valid(normalised)) return null; // impossible date or wrong check digit
  return Personnummer.parse(normalised).isCoordinationNumber() ? 'samordningsnummer' : 'personnummer';
}

function findPersonnummer(text: string): PiiFinding[] {
  const out: PiiFinding[] = [];
  const add = (m: RegExpMatchArray, kind: PiiKind | null) => {
    if (kind) out.push({ kind, index: m.index ?? 0, length: m[0].length });
  };
  // Only `+` changes the meaning (aged 100 or more); every other separator reads as `-`.
  const sep = (s: string) => (s === '+' ? '+' : s === '' ? '' : '-');
  for (const m of text.matchAll(PNR_RE)) add(m, checkPersonnummer(m[1] ?? '', m[2] ?? '', m[3] ?? '', m[4] ?? ''));
  for (const m of text.matchAll(PNR_SPACED_RE)) add(m, checkPersonnummer(m[1] ?? '', m[2] ?? '', sep(m[3] ?? ''), m[4] ?? ''));
  for (const m of text.matchAll(PNR_DATED_RE)) add(m, checkPersonnummer(m[1] ?? '', `${m[2]}${m[4]}${m[5]}`, sep(m[6] ?? ''), m[7] ?? ''));
  return out;
}

// ---------------------------------------------------------------------------------------------
// E-mail
// ---------------------------------------------------------------------------------------------

/** Pragmatic, not RFC 5322: local@domain.tld, letters may be non-ASCII (å, ä, ö). */
const EMAIL_RE =
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?![\p{L}\p{N}])/gu;

/**
 * Written to dodge a pattern: `namn [at] exempel.se`, `namn(at)exempel(punkt)se`, `namn @ exempel.se`,
 * `namn at exempel dot se`. Only with a known top-level domain, so "vi ses at skolan" stays clean.
 */
const AT = String.raw`(?:\s*[\[({]\s*(?:at|@|snabel-?a)\s*[\])}]\s*|\s+@\s*|\s*@\s+|\s+(?:at|snabel-?a)\s+)`;
const DOT = String.raw`(?:\s*[\[({]\s*(?:dot|punkt|\.)\s*[\])}]\s*|\s+(?:dot|punkt)\s+|\s*\.\s*)`;
const TLD = '(?:se|nu|com|org|net|eu|dk|no|fi|de|uk|info|io|me)';
const EMAIL_OBFUSCATED_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+${AT}[\p{L}\p{N}-]+(?:${DOT}[\p{L}\p{N}-]+)*?${DOT}${TLD}(?![\p{L}\p{N}])`,
  'giu',
);

function findEmails(text: string): PiiFinding[] {
  return [...text.matchAll(EMAIL_RE), ...text.matchAll(EMAIL_OBFUSCATED_RE)].map((m) => ({ kind: 'email' as const, index: m.index ?? 0, length: m[0].length }));
}

// ---------------------------------------------------------------------------------------------
// Postal addresses
// ---------------------------------------------------------------------------------------------

/**
 * Swedish street-name endings. A street must be a compound (at least one letter before the
 * ending), so the bare nouns "vägen 2", "plan 2" (a floor), "torget" are not streets. Endings that
 * are also everyday words on their own in this domain (-gången: "ingången 2", -platsen:
 * "arbetsplatsen") are left out on purpose.
 */
const STREET_ENDINGS = [
  'gatan', 'gata', 'vägen', 'väg', 'gränden', 'gränd', 'stigen', 'stig', 'backen', 'backe',
  'torget', 'torg', 'allén', 'allé', 'alle', 'planen', 'plan', 'leden', 'stråket', 'kajen',
  'esplanaden', 'promenaden', 'slingan',
].join('|');
/** Street names written as two words: "Carl Krooks gata 12", "Sankt Jörgens väg 3". */
const STREET_NOUNS = ['gata', 'väg', 'gränd', 'torg', 'allé', 'stig', 'backe'].join('|');
const STREET_PREFIX = String.raw`(?:(?:Norra|Södra|Östra|Västra|Stora|Lilla|Gamla|Nya|Övre|Nedre|Sankt|S:t)\s+)?`;
const STREET_NAME = String.raw`(?:${STREET_PREFIX}(?<compound>\p{L}\p{L}*?(?:${STREET_ENDINGS}))|(?:\p{Lu}\p{L}+\s+)?\p{Lu}\p{L}*s\s+(?:${STREET_NOUNS}))(?!\p{L})`;
/** 12, 5B, 5 B, 12-14; never a year, a time (10:00) or a decimal (3,5). */
const HOUSE_NUMBER = String.raw`\d{1,3}(?:\s?[-–]\s?\d{1,3})?(?:\p{L}|\s\p{Lu})?(?![\p{L}\p{N}]|[:.,]\p{N})`;
/** "lgh 1102", "lägenhet nr 1102", "2 tr". */
const FLAT = String.raw`(?:,?\s*(?:lgh|lägenhet)\.?\s*(?:nr\.?\s*)?\d{4}(?!\p{N}))?(?:,?\s*\d{1,2}\s?tr\.?(?!\p{L}))?`;
/** Postcode 3+2 digits (100 00 to 999 99) and a capitalised town, on the same line. */
const POSTCODE_TOWN = String.raw`[1-9]\d{2}[ \u00A0]?\d{2}(?!\p{N})[ \t\u00A0]+(?<town>\p{Lu}\p{L}+(?:-\p{Lu}\p{L}+)?)(?!\p{L})`;

const STREET_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])${STREET_NAME}\s*${HOUSE_NUMBER}${FLAT}(?:,?\s*${POSTCODE_TOWN})?`,
  'gu',
);
const POSTCODE_RE = new RegExp(String.raw`(?<![\p{L}\p{N}_+\-–/])(?<!\d[.,])${POSTCODE_TOWN}`, 'gu');

/** "Handlingsplan 2" is a document, not Stureplan. Plan compounds of this domain, by stem. */
const NOT_A_STREET_RE =
  /(?:handlings|åtgärds|genomförande|studie|utbildnings|verksamhets|aktivitets|arbets|samverkans|samordnings|projekt|tids|rehabiliterings|stöd|vård|insats|etablerings|introduktions|jobb|uppföljnings|kommunikations|utvecklings|behandlings|kurs|mål|dag|vecko|års|bygg|detalj|kris|beredskaps|affärs|betalnings|individuell|individ|lokal|skol)plan(?:en)?$/iu;
/** A capitalised word after a number that is a unit, not a town: "12000 Kronor". */
const NOT_A_TOWN = new Set([
  'kr', 'kronor', 'sek', 'eur', 'euro', 'timmar', 'tim', 'personer', 'deltagare', 'st', 'stycken',
  'dagar', 'veckor', 'månader', 'år', 'procent', 'min', 'minuter', 'ärenden',
]);

function isStreetWord(compound: string | undefined): boolean {
  if (compound === undefined) return true; // two-word form, already capitalised
  if (!/plan(?:en)?$/u.test(compound)) return true;
  // "plan" is a common noun; only a capitalised, non-document word ending in -plan is a street.
  return /^\p{Lu}/u.test(compound) && !NOT_A_STREET_RE.test(compound);
}

function isTown(town: string | undefined): boolean {
  return town !== undefined && !NOT_A_TOWN.has(town.toLowerCase());
}

function findAddresses(text: string): PiiFinding[] {
  const out: PiiFinding[] = [];
  for (const m of text.matchAll(STREET_RE)) {
    if (!isStreetWord(m.groups?.['compound'])) continue;
    let length = m[0].length;
    const town = m.groups?.['town'];
    if (town !== undefined && !isTown(town)) {
      // Keep the street, drop the "postcode" that turned out to be an amount.
      const cut = m[0].search(/,?\s*[1-9]\d{2}[ \u00A0]?\d{2}[ \t\u00A0]+\S+$/u);
      if (cut > 0) length = cut;
    }
    out.push({ kind: 'address', index: m.index ?? 0, length });
  }
  for (const m of text.matchAll(POSTCODE_RE)) {
    if (isTown(m.groups?.['town'])) out.push({ kind: 'address', index: m.index ?? 0, length: m[0].length });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------

/** Every identity-revealing span in the text, in order of index. Spans never overlap. */
export function findPii(text: string): PiiFinding[] {
  const candidates = [...findPersonnummer(text), ...findEmails(text), ...findPhones(text), ...findAddresses(text)];
  candidates.sort(
    (a, b) => b.length - a.length || KIND_PRIORITY.indexOf(a.kind) - KIND_PRIORITY.indexOf(b.kind) || a.index - b.index,
  );
  const kept: PiiFinding[] = [];
  for (const c of candidates) {
    const overlaps = kept.some((k) => c.index < k.index + k.length && k.index < c.index + c.length);
    if (!overlaps) kept.push(c);
  }
  return kept.sort((a, b) => a.index - b.index);
}

/** The guard's normal form (NFKC, ASCII digits, invisibles removed, separators folded): see pii-normal.ts. */
export function normaliseForScan(text: string): string {
  return normalise(text);
}

export interface DetectOptions {
  /** Today (YYYY-MM-DD, Europe/Stockholm): a birth date after it is no personnummer. From the injected clock. */
  today: string;
  /** Also look for a person's full name (every free text the guard checks; off for quoted echoes). */
  names?: boolean;
}

/**
 * The kinds of identity in a text. Every free text in every path goes through here before it is
 * stored or posted: the text is brought to one normal form and its variants (see pii-normal.ts), and
 * each is scanned by the span matchers above, the grouped-digit scan for identity numbers
 * (pii-numbers.ts), the extra address and e-mail forms (pii-extra.ts) and, when asked, for names.
 */
export function detectPii(text: string, opts: DetectOptions): PiiKind[] {
  // Identity numbers come from the date-aware scan only (the span matcher knows no "today").
  const spans = (t: string) => findPii(t).filter((f) => f.kind !== 'personnummer' && f.kind !== 'samordningsnummer');
  const kinds = new Set(spans(text).map((f) => f.kind));
  let weakIdentity: PiiKind | null = null;
  for (const v of variants(normalise(text))) {
    for (const f of spans(v)) kinds.add(f.kind);
    for (const k of findExtra(v)) kinds.add(k);
    for (const f of findIdentityNumbers(v, opts.today)) {
      if (f.valid) kinds.add(f.kind);
      else weakIdentity ??= f.kind;
    }
    if (opts.names && hasFullName(v)) kinds.add('name');
  }
  // A number with a wrong check digit that is also a phone number is reported as the phone number.
  if (weakIdentity && !kinds.has('phone')) kinds.add(weakIdentity);
  return KIND_PRIORITY.filter((k) => kinds.has(k));
}

/**
 * Mass mentions that would notify a whole channel or workspace when the bot posts the text:
 * Slack `<!channel>`, `<!here>`, `<!everyone>`, `<!subteam^…>`, and the typed `@here`, `@channel`,
 * `@everyone`, `@all` (Teams and plain-text renderings).
 */
const BROADCAST_RE = /<!(?:channel|here|everyone|subteam\^[^>]*)(?:\|[^>]*)?>|(?<![\p{L}\p{N}._%+-])@(?:here|channel|everyone|all|kanal|alla)(?![\p{L}\p{N}@.])/iu;

export function hasBroadcastMention(text: string): boolean {
  return BROADCAST_RE.test(text) || variants(normalise(text)).some((v) => BROADCAST_RE.test(v));
}
