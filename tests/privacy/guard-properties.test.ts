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
import { embed, identityData, identityPart } from '../helpers/identity-gen.js';

const TODAY = '2026-11-25';
const pad = (n: number) => String(n).padStart(2, '0');
const bad = identityData;

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
      const core = identityPart(text);
      expect(all).not.toContain(core);
      expect(outbox).not.toContain(core);
    }
  });
});
