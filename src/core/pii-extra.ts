// Patterns the span-exact matchers in pii.ts do not cover, run over the normal form only:
// e-mail with a quoted local part or an IP-literal domain, and postal addresses written the other
// ways people write them (number first, `nr`, `Box`, postcode + town in any case, `SE-` prefix).
import type { PiiKind } from './pii.js';

const EMAIL_QUOTED = /"[^"\n]{1,64}"\s*@\s*(?:\[|[\p{L}\p{N}-]+)/u;
const EMAIL_IP = /[\p{L}\p{N}._%+-]+\s*@\s*\[(?:IPv6:[0-9a-f:.]+|\d{1,3}(?:\.\d{1,3}){3})\]/iu;
/** A domain without a dot before the TLD would be a mention (`@koordinator`); with one it is an address. */
const EMAIL_SPACED_DOT = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\s*\.\s*[\p{L}\p{N}-]+)*\s*\.\s*(?:se|nu|com|org|net|eu|dk|no|fi|de|uk|info|io|me)(?![\p{L}\p{N}])/iu;

/** Street-name endings safe to look for in any case and before or after the number. */
const ENDINGS = 'gatan|gata|vägen|väg|gränden|gränd|allén|allé|stigen|backen|torget|kajen|esplanaden|promenaden|slingan|leden|stråket';
const STREET_WORD = String.raw`\p{L}{2,30}(?:${ENDINGS})`;
const NUMBER = String.raw`\d{1,4}(?:\s?[-–]\s?\d{1,4})?(?:\s?\p{L}(?!\p{L}))?`;
const STREET_NUMBER_FIRST = new RegExp(String.raw`(?<![\p{L}\p{N},.:])\d{1,4}\p{L}?\s+${STREET_WORD}(?![\p{L}])`, 'iu');
const STREET_ANY_CASE = new RegExp(String.raw`(?<![\p{L}])${STREET_WORD}\s*(?:nr\.?|nummer|no\.?)?\s*${NUMBER}(?![\p{N}]|[:.,]\p{N})`, 'iu');
const BOX = /(?<![\p{L}])box\s*\d{1,5}(?![\p{N}])/iu;
/** Words that follow a five-digit number without being a town: units, amounts, counts. */
const NOT_TOWN = new Set([
  'kr', 'kronor', 'sek', 'eur', 'euro', 'timmar', 'tim', 'h', 'personer', 'deltagare', 'st', 'stycken', 'dagar', 'veckor',
  'månader', 'år', 'procent', 'min', 'minuter', 'ärenden', 'och', 'till', 'för', 'per', 'av', 'i', 'på', 'med', 'om', 'från',
  'elever', 'platser', 'poäng', 'kurser', 'timmars', 'kronors', 'invånare', 'ansökningar', 'beslut', 'anställda', 'besök',
  'samtal', 'ungdomar', 'vuxna', 'hushåll', 'kvm', 'km', 'mil', 'meter', 'gånger', 'ggr', 'kg', 'är', 'var', 'blir', 'som',
  'the', 'and', 'people', 'hours', 'cases',
]);
const POSTCODE_TOWN = /(?<![\p{L}\p{N}.,:])(?:se\s?-?\s?)?[1-9]\d{2}\s?\d{2}(?![\p{N}])[ \t,]+(\p{L}{2,}(?:-\p{L}{2,})?)(?![\p{L}])/giu;
const SE_POSTCODE = /(?<![\p{L}\p{N}])se\s?-\s?[1-9]\d{2}\s?\d{2}(?![\p{N}])/iu;

/** Kinds found by the extra patterns in a text in the normal form. */
export function findExtra(text: string): PiiKind[] {
  const out = new Set<PiiKind>();
  // Only with an @: the local-part patterns would otherwise scan every long word from every start.
  if (text.includes('@') && (EMAIL_QUOTED.test(text) || EMAIL_IP.test(text) || EMAIL_SPACED_DOT.test(text))) out.add('email');
  if (STREET_NUMBER_FIRST.test(text) || STREET_ANY_CASE.test(text) || BOX.test(text) || SE_POSTCODE.test(text)) out.add('address');
  for (const m of text.matchAll(POSTCODE_TOWN)) {
    if (!NOT_TOWN.has((m[1] ?? '').toLowerCase())) out.add('address');
  }
  return [...out];
}
