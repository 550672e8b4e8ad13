// The one normal form every free text is scanned in (never stored: the text is kept as written or
// refused whole). Look-alikes an attacker — or a phone keyboard — uses to slip past a pattern are
// folded to the plain character the patterns know:
//   - NFKC (fullwidth digits and letters, ligatures, `＠`, `．`, superscripts…);
//   - every Unicode decimal digit (general category Nd: Arabic-Indic, Persian, Devanagari, …) → ASCII;
//   - invisible characters removed: format characters (Cf: zero-width space/joiner, U+FEFF, soft
//     hyphen, bidi marks), variation selectors and other combining marks (keycaps, the combining
//     grapheme joiner), fillers (Hangul fillers, braille blank);
//   - look-alike separators folded: dashes and minus signs → `-`, ideographic and other full stops
//     → `.`, every space variant → ` `, the line and paragraph separators → a newline.

/** Start of the run of decimal digits a code point belongs to: every Nd run is one or more blocks of 0–9. */
function digitValue(cp: number): number {
  let start = cp;
  while (start > 0 && /\p{Nd}/u.test(String.fromCodePoint(start - 1))) start--;
  return (cp - start) % 10;
}

const digitCache = new Map<string, string>();
function asciiDigit(ch: string): string {
  let d = digitCache.get(ch);
  if (d === undefined) {
    d = String(digitValue(ch.codePointAt(0)!));
    digitCache.set(ch, d);
  }
  return d;
}

// Hangul fillers, halfwidth Hangul filler, braille blank, Mongolian vowel separator, object replacement.
const FILLERS = /[\u115F\u1160\u3164\uFFA0\u2800\u180E\uFFFC]/gu;
const INVISIBLE = /[\p{Cf}\p{M}]/gu;
const DASHES = /[\u2010-\u2015\u2212\u2E3A\u2E3B\uFE58\uFE63\uFF0D\u30FC\u2043\u02D7]/gu;
const STOPS = /[\u3002\uFF61\uFE52\u2024\u0701\u0702\u06D4]/gu;
const SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/gu;
const LINES = /[\u2028\u2029\u0085\u000B\u000C]/gu;

/** The text in the guard's normal form (same length or shorter; positions do not map back). */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\p{Nd}/gu, (ch) => (ch >= '0' && ch <= '9' ? ch : asciiDigit(ch)))
    .replace(FILLERS, '')
    .replace(INVISIBLE, '')
    .replace(DASHES, '-')
    .replace(STOPS, '.')
    .replace(SPACES, ' ')
    .replace(LINES, '\n')
    .replace(/\r\n?/g, '\n');
}

/**
 * Further copies of the normal form that the patterns are also run over:
 * - a letter O written for a zero inside a number (`O7O-123 45 67`);
 * - digits glued to a word split from it (`mobil0701234567`, `Storgatan12`);
 * - words in capitals written as names are (`STORGATAN 12` → `Storgatan 12`).
 */
export function variants(normal: string): string[] {
  const out = new Set<string>([normal]);
  const zeroes = normal.replace(/(?<![\p{L}])[0-9Oo][0-9Oo\s().+-]*[0-9Oo](?![\p{L}])/gu, (m) => (/\d/.test(m) ? m.replace(/[Oo]/g, '0') : m));
  out.add(zeroes);
  const unglued = zeroes.replace(/(\p{L})(?=\d)/gu, '$1 ').replace(/(\d)(?=\p{L}{2,})/gu, '$1 ');
  out.add(unglued);
  out.add(unglued.replace(/\p{Lu}{2,}/gu, (w) => w[0] + w.slice(1).toLowerCase()));
  return [...out];
}
