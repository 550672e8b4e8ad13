// Digests (issue 18): on a busy morning each person gets ONE direct message and each forum's channel
// ONE post listing what is overdue, grouped by owner — not a message per step — exactly once a day
// however many ticks run; a step of a case without consent shows its text to its owner only.
import { describe, expect, it } from 'vitest';
import { ANNA, KARIN, OLLE, useTestBot } from '../helpers/bot.js';
import { at, sentTo, tickAt, tickThrough } from '../helpers/tick.js';
import { createStore } from '../../src/db/stores/index.js';
import { createLogger } from '../../src/log.js';
import { Deliverer } from '../../src/outbox/deliverer.js';
import { runTick, type TickDeps } from '../../src/scheduler/tick.js';

const quiet = createLogger('silent');
const { bot, database } = useTestBot({
  setup: async (bot) => {
    await bot.say(ANNA, 'koppla arendeforum-unga'); // Anna coordinates; the clock is Wednesday 2026-11-25
    await bot.say(ANNA, 'ärende ny grupp:unga samtycke:ja Studiestart');
    await bot.say(KARIN, 'ärende ny grupp:unga samtycke:nej Stöd inför praktik');
    // Due Friday 27 November: three steps for Karin, one for Olle, and an SFI handover to Karin.
    await bot.say(ANNA, 'åtgärd ny UNG-2026-001 @karin@helsingborg.se fredag boka trepartssamtal');
    await bot.say(ANNA, 'åtgärd ny UNG-2026-001 @karin@helsingborg.se fredag ringa skolan');
    await bot.say(ANNA, 'åtgärd ny UNG-2026-002 @karin@helsingborg.se fredag hemligt samtal med praktikplatsen');
    await bot.say(ANNA, 'åtgärd ny UNG-2026-001 @olle@helsingborg.se fredag skicka intyget');
    await bot.say(ANNA, 'överlämning ny sfi UNG-2026-001 @karin@helsingborg.se senast fredag');
    bot.port.clear();
  },
});

const SINCE = at('2026-11-25', '12:00');

describe('the morning digest', () => {
  it('sends each owner one message a day with all their steps and handovers, however many ticks run', async () => {
    for (let i = 0; i < 3; i++) await tickAt(bot, at('2026-11-26', '08:00'));
    await tickThrough(bot, at('2026-11-26', '08:01'), at('2026-11-27', '00:00'));
    const karin = await sentTo(bot, KARIN, SINCE);
    expect(karin).toHaveLength(1);
    expect(karin[0].text.split('\n')).toEqual([
      'Dina påminnelser idag (4):',
      '  • åtgärd #1 (UNG-2026-001) boka trepartssamtal – senast 2026-11-27, i morgon',
      '  • åtgärd #2 (UNG-2026-001) ringa skolan – senast 2026-11-27, i morgon',
      // Her own step: she reads its text although the case has no consent.
      '  • åtgärd #3 (UNG-2026-002) hemligt samtal med praktikplatsen – senast 2026-11-27, i morgon',
      '  • överlämning #1 (UNG-2026-001, SFI-startdatum) – besvaras senast 2026-11-27',
    ]);
    // One item: the long-standing single reminder.
    expect((await sentTo(bot, OLLE, SINCE)).map((s) => s.text)).toEqual(['Påminnelse: åtgärd #4 i Ärendeforum unga 18–29 (UNG-2026-001) ska vara klar senast 2026-11-27: skicka intyget. Skriv `åtgärd klar 4` när den är gjord.']);

    // The morning after: one message again, the overdue ones.
    await tickThrough(bot, at('2026-11-30', '07:00'), at('2026-12-01', '00:00'));
    const after = (await sentTo(bot, KARIN, SINCE)).slice(1);
    expect(after).toHaveLength(1);
    expect(after[0].text).toContain('Dina påminnelser idag (4):');
    expect(after[0].text).toContain('  • åtgärd #1 (UNG-2026-001) boka trepartssamtal – skulle vara klar 2026-11-27, fortfarande öppen');
  });

  it('posts what is overdue once in the channel, grouped by owner, and sends the coordinator one message', async () => {
    await bot.say(KARIN, 'åtgärd klar 2');
    bot.port.clear();
    await tickThrough(bot, at('2026-11-26', '07:00'), at('2026-12-05', '00:00'));
    const overdue = bot.port.toChannel('unga').filter((t) => !t.startsWith('Dagordning'));
    expect(overdue).toEqual([
      [
        'Försenat i Ärendeforum unga 18–29 idag (4):',
        'karin@helsingborg.se:',
        '  • åtgärd #1 (UNG-2026-001) boka trepartssamtal – senast 2026-11-27, 3 arbetsdagar försenad',
        // Without consent the channel reads no step text.
        '  • åtgärd #3 (UNG-2026-002) (utan samtycke – texten visas inte) – senast 2026-11-27, 3 arbetsdagar försenad',
        '  • överlämning #1 (UNG-2026-001, SFI-startdatum) – senast 2026-11-27, 3 arbetsdagar försenad',
        'olle@helsingborg.se:',
        '  • åtgärd #4 (UNG-2026-001) skicka intyget – senast 2026-11-27, 3 arbetsdagar försenad',
      ].join('\n'),
    ]);
    const anna = await sentTo(bot, ANNA, SINCE);
    expect(anna.map((s) => s.at)).toEqual([at('2026-12-02', '08:00')]);
    expect(anna[0].text.split('\n')).toEqual([
      'Försenat i forum du samordnar (4):',
      'Ärendeforum unga 18–29:',
      '  • åtgärd #1 (UNG-2026-001) boka trepartssamtal – senast 2026-11-27, 3 arbetsdagar försenad – karin@helsingborg.se',
      '  • åtgärd #3 (UNG-2026-002) (utan samtycke – texten visas inte) – senast 2026-11-27, 3 arbetsdagar försenad – karin@helsingborg.se',
      '  • åtgärd #4 (UNG-2026-001) skicka intyget – senast 2026-11-27, 3 arbetsdagar försenad – olle@helsingborg.se',
      '  • överlämning #1 (UNG-2026-001, SFI-startdatum) – senast 2026-11-27, 3 arbetsdagar försenad – karin@helsingborg.se',
    ]);
  });
});

describe('due tomorrow after the morning digest', () => {
  it('reaches the owner in one follow-up that day, exactly once with several replicas, and no more', async () => {
    const pools = [await database.replica(), await database.replica()];
    const replicas: TickDeps[] = [bot.db, ...pools.map((p) => p.db)].map((db) => ({ store: createStore(db), config: bot.config, deliverer: new Deliverer(createStore(db).outbox, { shell: bot.port, slack: bot.port, teams: bot.port }, bot.clock, quiet, { wake: false }), logger: quiet }));
    const tickAll = async (iso: string) => {
      bot.clock.set(iso);
      await Promise.all(replicas.map((r) => runTick(r, bot.clock.now())));
    };
    try {
      await tickAll(at('2026-11-26', '08:00')); // Thursday: Karin's digest of four
      // After it: a step due tomorrow (it would never get its reminder), and one due next week.
      bot.clock.set(at('2026-11-26', '10:00'));
      await bot.say(ANNA, 'åtgärd ny UNG-2026-001 @karin@helsingborg.se fredag skicka planen till skolan');
      await bot.say(ANNA, 'åtgärd ny UNG-2026-001 @karin@helsingborg.se 2026-12-04 boka uppföljning');
      for (const t of ['10:00', '10:01', '12:00']) await tickAll(at('2026-11-26', t));
      // A second one due tomorrow after the follow-up: at most one extra a day, it waits.
      await bot.say(ANNA, 'åtgärd ny UNG-2026-001 @karin@helsingborg.se fredag ringa praktikplatsen');
      await tickAll(at('2026-11-26', '23:59'));
      const reminders = (await sentTo(bot, KARIN, SINCE)).filter((s) => !s.text.startsWith('Du är ägare'));
      expect(reminders.map((s) => [s.at, s.text.split('\n')[0]])).toEqual([
        [at('2026-11-26', '08:00'), 'Dina påminnelser idag (4):'],
        [at('2026-11-26', '10:00'), 'Påminnelse: åtgärd #5 i Ärendeforum unga 18–29 (UNG-2026-001) ska vara klar senast 2026-11-27: skicka planen till skolan. Skriv `åtgärd klar 5` när den är gjord.'],
      ]);
      // Olle, told this morning and with nothing new, gets nothing more.
      expect(await sentTo(bot, OLLE, at('2026-11-26', '09:00'))).toEqual([]);
    } finally {
      for (const p of pools) await p.close();
    }
  });
});
