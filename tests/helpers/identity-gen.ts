// Generated identity data for the guard's property tests (issue 15, item 8): personnummer and
// samordningsnummer in the spellings of the issue (other scripts' digits, spaces, dots, invisible
// characters, newlines, a wrong check digit), phone numbers, e-mail and postal addresses, each embedded
// in Swedish forum text. Built at test time: no file holds a number that looks real.
import fc from 'fast-check';
import { luhnDigit } from './identity.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** A synthetic identity number: date (born 1930–2025), serial, check digit. */
const identity = fc
  .record({ y: fc.integer({ min: 1930, max: 2025 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }), serial: fc.integer({ min: 0, max: 999 }), coord: fc.boolean() })
  .map((r) => {
    const yymmdd = `${String(r.y).slice(2)}${pad(r.m)}${pad(r.d + (r.coord ? 60 : 0))}`;
    const nnn = String(r.serial).padStart(3, '0');
    return { century: String(r.y).slice(0, 2), yymmdd, nnn, c: luhnDigit(yymmdd + nnn) };
  });

const digitSets = [0x30, 0x660, 0x6f0, 0x966, 0xff10];
const inDigits = (s: string, zero: number) => s.replace(/\d/g, (ch) => String.fromCodePoint(zero + Number(ch)));
const invisibles = ['\u200b', '\u200d', '\ufeff', '\u034f', '\ufe0f', '\u3164', '\u00ad'];

export const spelledIdentity = fc.tuple(identity, fc.integer({ min: 0, max: 11 }), fc.constantFrom(...digitSets), fc.constantFrom(...invisibles)).map(([p, how, zero, inv]) => {
  const serial = p.nnn + p.c;
  const forms = [
    `${p.yymmdd}-${serial}`,
    `${p.century}${p.yymmdd}-${serial}`,
    `${p.century}${p.yymmdd} ${serial}`,
    `${p.yymmdd.slice(0, 2)} ${p.yymmdd.slice(2, 4)} ${p.yymmdd.slice(4)} ${serial}`,
    `${p.yymmdd} ${p.nnn} ${p.c}`,
    `${p.yymmdd}-${serial.slice(0, 2)} ${serial.slice(2)}`,
    (p.yymmdd + serial).split('').join(' '),
    `${p.century}${p.yymmdd.slice(0, 2)}.${p.yymmdd.slice(2, 4)}.${p.yymmdd.slice(4)}.${serial}`,
    `${p.yymmdd}:${serial}`,
    (p.yymmdd + serial).split('').join(inv),
    `${p.yymmdd}\n${serial}`,
    `${p.century}${p.yymmdd}-${p.nnn}${(Number(p.c) + 1) % 10}`, // wrong check digit
  ];
  return inDigits(forms[how]!, zero);
});

export const phone = fc
  .tuple(fc.integer({ min: 0, max: 9999999 }), fc.constantFrom('070-', 'O7O-', 'mobil07', '+46 7'))
  .map(([n, pre]) => `${pre}${pre.endsWith('07') ? '0' : pre.endsWith('7') ? '0 ' : ''}${String(n).padStart(7, '0')}`);
export const email = fc
  .tuple(fc.constantFrom('kalle', 'a.b', '"kalle exempel"'), fc.constantFrom('@example。org', '@example．org', '@[192.0.2.1]', '@example.org'))
  .map(([l, d]) => `${l}${d}`);
export const address = fc
  .tuple(fc.integer({ min: 1, max: 99 }), fc.constantFrom('Exempelgatan', 'Påhittvägen'), fc.integer({ min: 0, max: 3 }))
  .map(([n, st, how]) => [`${st.toUpperCase()} ${n}`, `${n} ${st}`, `${st} nr ${n}`, `Box ${n}`][how]!);

export const identityData = fc.oneof(spelledIdentity, phone, email, address);

const BEFORE = ['Personen', 'Behöver samplanering, uppgift', 'Kontakt via'] as const;
const AFTER = ['enligt AF.', 'inför studiestart.', ''] as const;

/** `pii` embedded in a realistic Swedish sentence. */
export const embed = (pii: fc.Arbitrary<string>) =>
  fc.tuple(fc.constantFrom(...BEFORE), pii, fc.constantFrom(...AFTER)).map(([a, p, b]) => `${a} ${p} ${b}`.trim());

/** The identity data inside an embedded text, to look for in a dump, the outbox or a log. */
export function identityPart(text: string): string {
  return text.replace(/^(Personen|Behöver samplanering, uppgift|Kontakt via) /, '').replace(/ (enligt AF\.|inför studiestart\.)$/, '');
}
