// Personnummer and samordningsnummer by their date shape, however the digits are grouped.
//
// The normal form (pii-normal.ts) has ASCII digits. The text is cut into digit groups and what lies
// between them; consecutive groups separated only by spaces, tabs, newlines, punctuation or symbols
// (never a letter) are joined, and every run of whole groups holding 10 or 12 digits is read as
// [CC]YYMMDD + NNNC:
//   - the birth date must be a real date, not in the future and at most 120 years back
//     (samordningsnummer: day + 60); `+` between date and number means aged 100 or more;
//   - written the way a personnummer is written — all digits in one group, or the date, then `-`,
//     `+` or blank space, then the four last digits — it counts with any check digit: a mistyped
//     personnummer is still one;
//   - any other grouping (`YY MM DD NNNC`, `YYYY.MM.DD.NNNC`, every digit spaced out…) counts only
//     with a valid check digit, so that a date followed by a time (`2026-11-20 13:00`) or a list of
//     amounts is not taken for one.
// A run inside a longer unbroken digit string (an OCR or account number) is never picked out.

export type IdentityKind = 'personnummer' | 'samordningsnummer';

export interface IdentityFinding {
  kind: IdentityKind;
  /** Whether the check digit is right (a wrong one is still refused, but ranks below a phone number). */
  valid: boolean;
}

interface Group {
  digits: string;
  /** What separates this group from the previous one ('' for the first). */
  before: string;
}

/** Digit groups and their separators; a separator holding a letter breaks the chain (null). */
function groups(text: string): (Group | null)[] {
  const out: (Group | null)[] = [];
  const re = /\d+/g;
  let last = 0;
  for (const m of text.matchAll(re)) {
    const between = text.slice(last, m.index);
    if (out.length && /\p{L}/u.test(between)) out.push(null);
    out.push({ digits: m[0], before: out.length ? between : '' });
    last = (m.index ?? 0) + m[0].length;
  }
  return out;
}

export function luhnValid(ten: string): boolean {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let v = Number(ten[i]) * (i % 2 === 0 ? 2 : 1);
    if (v > 9) v -= 9;
    sum += v;
  }
  return sum % 10 === 0;
}

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The birth date's kind if `[cc]yymmdd` is a plausible one on `today` (YYYY-MM-DD), else null. */
function birth(century: string, yymmdd: string, plus: boolean, today: string): IdentityKind | null {
  const yy = Number(yymmdd.slice(0, 2));
  const mm = Number(yymmdd.slice(2, 4));
  let dd = Number(yymmdd.slice(4, 6));
  let kind: IdentityKind = 'personnummer';
  if (dd > 60) {
    dd -= 60;
    kind = 'samordningsnummer';
  }
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  const iso = (y: number) => y * 10000 + mm * 100 + dd;
  const now = ty * 10000 + tm * 100 + td;
  const oldest = (ty - 120) * 10000 + tm * 100 + td;
  let year: number;
  if (century) {
    year = Number(century) * 100 + yy;
  } else {
    // Without the century: this century up to this year, else the last one; `+` adds a hundred years.
    // By year, not by day: `YYMMDD-HHMM` for a day later this year is a date in the future (a log entry, a time),
    // not a person born in that month a hundred years earlier (who would be 99 and rarely in a forum's target groups).
    year = Math.floor(ty / 100) * 100 + yy;
    if (year > ty) year -= 100;
    if (plus) year -= 100;
  }
  if (!isRealDate(year, mm, dd)) return null;
  const at = iso(year);
  if (at > now || at < oldest) return null;
  return kind;
}

/** How a run of groups was written: one block, or date + one separator + last four digits. */
function written(run: Group[]): { strong: boolean; plus: boolean } {
  const seps = run.slice(1).map((g) => g.before);
  const plus = seps.some((s) => s.includes('+'));
  if (run.length === 1) return { strong: true, plus: false };
  const all = run.map((g) => g.digits).join('');
  const dateLen = all.length - 4;
  if (run.length === 2 && run[0].digits.length === dateLen && run[1].digits.length === 4) {
    const s = seps[0];
    if (/^\s*[-+]\s*$/.test(s) || /^\s+$/.test(s)) return { strong: true, plus };
  }
  return { strong: false, plus };
}

/** A date and time (`… 13:00`, `… 13.00`): the last four digits as HH:MM are a time, not a number. */
function endsInTime(run: Group[]): boolean {
  const tail = run.slice(-2);
  if (tail.length < 2 || tail[0].digits.length !== 2 || tail[1].digits.length !== 2) return false;
  return /^[:.]$/.test(tail[1].before) && Number(tail[0].digits) < 24 && Number(tail[1].digits) < 60;
}

/**
 * A grouping a personnummer can have: groups break only between the date's parts, between date and
 * number, or inside the four last digits — never across the date's end (`01.12.2026-02…` is two dates).
 */
function datelike(run: Group[], centuryLength: number): boolean {
  const dateEnd = centuryLength + 6;
  if (run.every((g) => g.digits.length === 1)) return true; // every digit spaced out
  const allowed = new Set([2, 4, 6, 8, dateEnd, dateEnd + 1, dateEnd + 2, dateEnd + 3]);
  let at = 0;
  const cuts = new Set<number>();
  for (const g of run.slice(0, -1)) cuts.add((at += g.digits.length));
  if (!cuts.has(dateEnd)) return false;
  return [...cuts].every((c) => allowed.has(c) && (c >= dateEnd || c % 2 === 0));
}

/** A loosely grouped run must be a token of its own: it starts and ends at a space or the chain's end (not `2026-02.12.2026`). */
function standsAlone(chain: (Group | null)[], i: number, j: number): boolean {
  const edge = (g: Group | null | undefined) => !g || /\s/.test(g.before);
  return (i === 0 || !chain[i - 1] || edge(chain[i])) && edge(chain[j + 1]);
}

/** Every identity number in a text in the normal form. */
export function findIdentityNumbers(text: string, today: string): IdentityFinding[] {
  const out: IdentityFinding[] = [];
  const chain = groups(text);
  for (let i = 0; i < chain.length; i++) {
    const first = chain[i];
    if (!first) continue;
    let digits = '';
    const run: Group[] = [];
    for (let j = i; j < chain.length; j++) {
      const g = chain[j];
      if (!g) break;
      if (run.length && /[\n]{2,}/.test(g.before)) break; // a blank line ends a thought
      run.push(g);
      digits += g.digits;
      if (digits.length > 12) break;
      if (digits.length !== 10 && digits.length !== 12) continue;
      const century = digits.length === 12 ? digits.slice(0, 2) : '';
      if (century && !['18', '19', '20'].includes(century)) continue;
      const body = digits.slice(century.length);
      const how = written(run);
      const kind = birth(century, body.slice(0, 6), how.plus, today);
      if (!kind) continue;
      const valid = luhnValid(body);
      // 10 digits in one block starting with 0 and a wrong check digit: a phone number (07x…), left to that check.
      if (!valid && run.length === 1 && !century && digits.startsWith('0')) continue;
      if (!how.strong && (!valid || endsInTime(run) || !datelike(run, century.length) || !standsAlone(chain, i, j))) continue;
      out.push({ kind, valid });
    }
  }
  return out;
}
