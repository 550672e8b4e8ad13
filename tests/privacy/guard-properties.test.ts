// Generated bad input (issue 15, item 8): fast-check builds identity numbers, phone numbers, e-mail
// addresses and postal addresses in the spellings of the issue, embeds them in Swedish forum text, and
// sends them through every input path — a typed command (a button's value is the same line), a form,
// a handover field, a meeting note. Every one is refused; afterwards neither the database dump nor
// the outbox holds any of them. Ordinary forum texts (dates, times, amounts, codes) are never refused.
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectPii } from '../../src/core/pii.js';
import { ANNA, KARIN, useTestBot } from '../helpers/bot.js';
import { dump } from '../helpers/dump.js';
import { luhnDigit } from '../helpers/identity.js';

const TODAY = '2026-11-25';
const pad = (n: number) => String(n).padStart(2, '0');

/** A synthetic identity number: date (born 1930–2025), serial, check digit (valid, or off by one). */
const identity = fc.record({ y: fc.integer({ min: 1930, max: 2025 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }), serial: fc.integer({ min: 0, max: 999 }), coord: fc.boolean() }).map((r) => {
  const yymmdd = `${String(r.y).slice(2)}${pad(r.m)}${pad(r.d + (r.coord ? 60 : 0))}`;
  const nnn = String(r.serial).padStart(3, '0');
  return { century: String(r.y).slice(0, 2), yymmdd, nnn, c: luhnDigit(yymmdd + nnn) };
});

const digitSets = [0x30, 0x660, 0x6f0, 0x966, 0xff10];
const inDigits = (s: string, zero: number) => s.replace(/\d/g, (ch) => String.fromCodePoint(zero + Number(ch)));
const invisibles = ['\u200b', '\u200d', '\ufeff', '\u034f', '\ufe0f', '\u3164', '\u00ad'];

const spelled = fc.tuple(identity, fc.integer({ min: 0, max: 11 }), fc.constantFrom(...digitSets), fc.constantFrom(...invisibles)).map(([p, how, zero, inv]) => {
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
const phone = fc.tuple(fc.integer({ min: 0, max: 9999999 }), fc.constantFrom('070-', 'O7O-', 'mobil07', '+46 7')).map(([n, pre]) => `${pre}${pre.endsWith('07') ? '0' : pre.endsWith('7') ? '0 ' : ''}${String(n).padStart(7, '0')}`);
const email = fc.tuple(fc.constantFrom('kalle', 'a.b', '"kalle exempel"'), fc.constantFrom('@example。org', '@example．org', '@[192.0.2.1]', '@example.org')).map(([l, d]) => `${l}${d}`);
const address = fc.tuple(fc.integer({ min: 1, max: 99 }), fc.constantFrom('Exempelgatan', 'Påhittvägen'), fc.integer({ min: 0, max: 3 })).map(([n, st, how]) => [`${st.toUpperCase()} ${n}`, `${n} ${st}`, `${st} nr ${n}`, `Box ${n}`][how]!);
const bad = fc.oneof(spelled, phone, email, address);
const embed = (pii: fc.Arbitrary<string>) => fc.tuple(fc.constantFrom('Personen', 'Behöver samplanering, uppgift', 'Kontakt via'), pii, fc.constantFrom('enligt AF.', 'inför studiestart.', '')).map(([a, p, b]) => `${a} ${p} ${b}`.trim());

describe('the guard, generated', () => {
  it('finds every spelling', () => {
    fc.assert(fc.property(embed(bad), (text) => detectPii(text, { today: TODAY, names: true }).length > 0), { numRuns: 400 });
  });

  const ordinary = fc.oneof(
    fc.tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 8, max: 17 })).map(([d, m, h]) => `Möte 2026-${pad(m)}-${pad(d)} kl. ${pad(h)}.00 i rum 3`),
    fc.tuple(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([d, h, mi]) => `Logg 2612${pad(d)}-${pad(h)}${pad(mi)}`),
    fc.integer({ min: 1, max: 99 }).map((n) => `Ersättning ${n} 500 kr i månaden, ${n} timmar i veckan`),
    fc.integer({ min: 1, max: 999 }).map((n) => `Se UNG-2026-${String(n).padStart(3, '0')} och kurs SVA${n}`),
    fc.integer({ min: 1, max: 12 }).map((n) => `Spår 2, 30 tim/vecka, start ${n}/12, möte nr ${n}`),
  );
  it('refuses no ordinary forum text', () => {
    fc.assert(fc.property(ordinary, (text) => detectPii(text, { today: TODAY, names: true }).length === 0), { numRuns: 400 });
  });
});

describe('every input path, generated', () => {
  const { bot, database } = useTestBot({
    setup: async (bot) => {
      await bot.say(ANNA, 'koppla arendeforum-unga');
      await bot.say(ANNA, 'ärende ny grupp:unga samtycke:ja Behöver samplanering');
      await bot.say(ANNA, 'överlämning ny sfi UNG-2026-001 @karin@helsingborg.se');
    },
  });

  it('stores, posts and echoes none of it (command, button line, form, handover field, meeting note)', async () => {
    const samples = fc.sample(embed(bad), { numRuns: 24, seed: 15 });
    bot.clock.set('2026-12-03T13:00:00+01:00');
    await bot.say(ANNA, 'möte start');
    for (const text of samples) {
      for (const line of [`ärende ny samtycke:ja ${text}`, `åtgärd ny UNG-2026-001 @karin@helsingborg.se +3 ${text}`, `möte beslut ${text}`, `ärende ändra UNG-2026-001 text:${text}`]) {
        const r = await bot.sayRaw(ANNA, line);
        expect(r.ok, line).toBe(false);
      }
      const form = bot.core.readForm('case-new', { consent: 'ja', question: text }, {}, 'sv');
      expect('errors' in form).toBe(true);
      const reply = await bot.sayRaw(KARIN, `överlämning svar 1 startdatum=2027-01-12 nivå=1 skola=${text} omfattning=23 sfi-kontakt=@karin@helsingborg.se`);
      expect(reply.ok).toBe(false);
    }
    const all = (await dump(database)).text;
    const outbox = JSON.stringify(await bot.db.execute(sql`select payload from outbox`));
    for (const text of samples) {
      const core = text.replace(/^(Personen|Behöver samplanering, uppgift|Kontakt via) /, '').replace(/ (enligt AF\.|inför studiestart\.)$/, '');
      expect(all).not.toContain(core);
      expect(outbox).not.toContain(core);
    }
  });
});
