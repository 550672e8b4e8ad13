// The guard as handlers use it: detectPii (written and look-alike forms), mass mentions, and the
// refusal a user reads. Every identity below is built in code (see pii.test.ts for the rule).
import { describe, expect, it } from 'vitest';
import { detectPii, hasBroadcastMention, normaliseForScan, type PiiKind } from '../../src/core/pii.js';
import { piiGuard } from '../../src/core/context.js';
import { UserError, errorText } from '../../src/core/errors.js';
import { messages } from '../../src/i18n/index.js';
import { luhnDigit } from '../helpers/identity.js';

/** A valid identity number split as [yy, mm, dd, serial+check]. */
function parts(yymmdd: string, serial: string): [string, string, string, string] {
  return [yymmdd.slice(0, 2), yymmdd.slice(2, 4), yymmdd.slice(4, 6), serial + luhnDigit(yymmdd + serial)];
}
const [yy, mm, dd, tail] = parts('900101', '123');
const [syy, smm, sdd, stail] = parts('900161', '234'); // samordningsnummer: day + 60
const wrong = `${tail.slice(0, 3)}${(Number(tail[3]) + 1) % 10}`;
const at = '@';
const mobile = ['070', '174', '06', '50']; // PTS range reserved for fiction
const TODAY = '2026-11-25';

const FOUND: [string, string, PiiKind][] = [
  ['spaces around the dash', `${yy}${mm}${dd} - ${tail}`, 'personnummer'],
  ['space before the dash', `${yy}${mm}${dd} -${tail}`, 'personnummer'],
  ['en dash', `${yy}${mm}${dd}–${tail}`, 'personnummer'],
  ['slash', `${yy}${mm}${dd}/${tail}`, 'personnummer'],
  ['dot', `${yy}${mm}${dd}.${tail}`, 'personnummer'],
  ['12 digits, spaced dash', `19${yy}${mm}${dd} - ${tail}`, 'personnummer'],
  ['ISO date then serial', `19${yy}-${mm}-${dd}-${tail}`, 'personnummer'],
  ['short date with dashes', `${yy}-${mm}-${dd}-${tail}`, 'personnummer'],
  ['dotted date', `${yy}.${mm}.${dd} - ${tail}`, 'personnummer'],
  ['non-breaking hyphen', `${yy}${mm}${dd}\u2011${tail}`, 'personnummer'],
  ['minus sign', `${yy}${mm}${dd}\u2212${tail}`, 'personnummer'],
  ['zero-width space inside', `${yy}${mm}\u200b${dd}${tail}`, 'personnummer'],
  ['soft hyphen inside', `${yy}\u00ad${mm}${dd}-${tail}`, 'personnummer'],
  ['full-width digits', [...`${yy}${mm}${dd}-${tail}`].map((c) => (/\d/.test(c) ? String.fromCodePoint(0xff10 + Number(c)) : c)).join(''), 'personnummer'],
  ['samordningsnummer, spaced', `${syy}${smm}${sdd} - ${stail}`, 'samordningsnummer'],
  ['samordningsnummer, ISO date', `19${syy}-${smm}-${sdd}-${stail}`, 'samordningsnummer'],
  ['mobile in brackets', `(${mobile[0]}) ${mobile.slice(1).join(' ')}`, 'phone'],
  ['mobile with dots', mobile.join('.'), 'phone'],
  ['mobile, 2-2-3 grouping', `${mobile[0]} 17 40 650`, 'phone'],
  ['mobile, single spaced digits', mobile.join('').split('').join(' '), 'phone'],
  ['mobile with non-breaking hyphen', `${mobile[0]}\u2011${mobile.slice(1).join(' ')}`, 'phone'],
  ['Stockholm in brackets', '(08) 465 004 50', 'phone'],
  ['e-mail with [at]', `kalle [at] example.org`, 'email'],
  ['e-mail with (at) and (punkt)', `kalle(at)example(punkt)se`, 'email'],
  ['e-mail with spaces around @', `kalle ${at} example.org`, 'email'],
  ['e-mail spelled out', 'kalle at example dot org', 'email'],
  ['e-mail with full-width @', `kalle\uff20example.org`, 'email'],
  ['street glued to its number', 'Exempelgatan12', 'address'],
  // A mistyped personnummer is still one (issue 15): written as one, any check digit counts.
  ['a wrong check digit with spaced dash', `${yy}${mm}${dd} - ${wrong}`, 'personnummer'],
];

const CLEAN: [string, string][] = [
  ['a time range with dots', 'kl 09.00-12.00'],
  ['a time range with spaces', 'kl 08.30 - 16.30'],
  ['a date and a time', 'möte 2026-12-01 13.00'],
  ['a date range with dots', '01.12.2026-02.12.2026'],
  ['case codes', 'UNG-2026-017 och VUX-2026-002'],
  ['an amount', '12 000 kr i månaden'],
  ['a decimal', '0.75 tjänst'],
  ['a version', 'version 2.0.1'],
  ['hours a week', 'spår 2, 30 tim/vecka'],
  ['"at" in English', 'we meet at school at noon'],
  ['a plan compound glued to a digit', 'Handlingsplan2'],
  ['a wrong check digit as ISO date', `19${yy}-${mm}-${dd}-${wrong}`],
  ['an impossible date with dashes', `${yy}-13-${dd}-${tail}`],
];

describe('detectPii', () => {
  it.each(FOUND)('finds %s', (_name, text, kind) => {
    expect(detectPii(`Personen: ${text} enligt AF.`, { today: TODAY })).toEqual([kind]);
  });
  it.each(CLEAN)('leaves %s alone', (_name, text) => {
    expect(detectPii(`Noterat: ${text}.`, { today: TODAY })).toEqual([]);
  });
  it('reports every kind once, in a fixed order', () => {
    const text = `${yy}${mm}${dd}-${tail}, kalle${at}example.org, ${mobile.join(' ')}, ${yy}${mm}${dd}-${tail}`;
    expect(detectPii(text, { today: TODAY })).toEqual(['personnummer', 'email', 'phone']);
  });
  it('normalises look-alikes and leaves plain text as it is', () => {
    expect(normaliseForScan('a\u200bb\u2212c\u3000d')).toBe('ab-c d');
    expect(normaliseForScan('\u0661\u06f2\u0969\uff14')).toBe('1234');
    expect(normaliseForScan('Behöver samplanering')).toBe('Behöver samplanering');
  });
  // Catastrophic backtracking would hang here until the test's timeout; how fast the guard is belongs
  // in `npm run bench`, not in a timed assertion that fails whenever the machine is busy.
  it('finishes on the longest text and on pathological runs', () => {
    for (const text of ['a'.repeat(4000), '1 '.repeat(2000), 'gatan'.repeat(800), `${'0'.repeat(3999)}x`, '@'.repeat(4000), 'x at '.repeat(800)]) {
      expect(Array.isArray(detectPii(text, { today: TODAY, names: true }))).toBe(true);
    }
  });
});

describe('mass mentions', () => {
  it.each(['<!channel>', '<!here>', '<!everyone>', '<!here|here>', '<!subteam^S0123|@team>', '@here', '@channel', '@everyone', '@all', '@\u200bhere', '＠here'])('flags %s', (m) => {
    expect(hasBroadcastMention(`Viktigt ${m} läs detta`)).toBe(true);
  });
  it.each(['kalle@here.example.org', '@hereford', 'skriv @ här', '<@U123|karin>', '@karin@helsingborg.se'])('leaves %s alone', (m) => {
    expect(hasBroadcastMention(`Fråga ${m}`)).toBe(false);
  });
});

describe('the refusal', () => {
  function refusal(lang: 'sv' | 'en', text: string, where?: string): string {
    try {
      piiGuard(messages(lang), text, where, TODAY);
    } catch (e) {
      expect(e).toBeInstanceOf(UserError);
      return errorText(messages(lang), (e as UserError).key, (e as UserError).params);
    }
    throw new Error('not refused');
  }

  it('says where, what was found and how to write it instead, and never repeats the value', () => {
    const id = `${yy}${mm}${dd}-${tail}`;
    const out = refusal('sv', `Ring ${mobile.join(' ')} om ${id}`, 'Frågan');
    expect(out).toBe(
      'Frågan: texten innehåller ett personnummer och ett telefonnummer. Samråd får aldrig hålla vem en person är, så inget sparades. ' +
        'Ta bort numret och skriv ärendekoden i din egen journal i stället. Skriv t.ex. "kontakt via handläggaren" i stället för numret. ' +
        'Beskriv behovet utan identitet – ärendekoden ersätter namn och personnummer.',
    );
    expect(out).not.toContain(tail);
  });

  it('speaks English', () => {
    expect(refusal('en', `Mail kalle${at}example.org`, 'The question')).toMatch(
      /^The question: the text contains an e-mail address\. .*Mention a colleague with @name instead of an e-mail address/,
    );
  });

  it('refuses mass mentions and over-long texts', () => {
    expect(refusal('sv', 'Hej <!channel> kolla', 'Åtgärden')).toMatch(/^Åtgärden: texten innehåller ett massutskick/);
    expect(refusal('en', 'x'.repeat(2001))).toBe('The text is too long (at most 2,000 characters).');
  });
});
