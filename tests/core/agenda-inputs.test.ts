// The tick builds a forum's agenda only when something it shows changed since the last post (the
// forum's inputs version, bumped at commit by every write to its cases, steps, handovers, topics and
// meetings): a quiet tick costs no agenda build, and every kind of change still reaches the post.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { members } from '../../src/db/schema/index.js';
import type { Store } from '../../src/core/stores.js';
import { createLogger } from '../../src/log.js';
import { runTick } from '../../src/scheduler/tick.js';
import { ANNA, KARIN, OLLE, useTestBot } from '../helpers/bot.js';
import { at, tickAt } from '../helpers/tick.js';

// The clock starts on Wednesday 2026-11-25 09:00; the next meeting is Thursday 2026-12-03 13:00 and
// its agenda goes out on Tuesday 2026-12-01 at 08:00.
const { bot } = useTestBot({
  setup: async (bot) => {
    await bot.say(ANNA, 'koppla arendeforum-unga');
    await bot.say(KARIN, 'ärende ny grupp:unga samtycke:ja Studiestart');
    bot.port.clear();
  },
});

const agendaPosts = () => bot.port.sent.filter((s) => s.target.kind === 'channel' && s.text.startsWith('Dagordning'));

/** A tick that counts how often an agenda was built (each build reads the forum's open cases). */
async function countedTick(iso: string): Promise<number> {
  let builds = 0;
  const counted = (s: Store): Store => ({
    ...s,
    cases: { ...s.cases, open: (...a: Parameters<Store['cases']['open']>) => (builds++, s.cases.open(...a)) },
    transaction: (fn) => s.transaction((tx) => fn(counted(tx))),
  });
  bot.clock.set(iso);
  await runTick({ store: counted(bot.store), config: bot.config, deliverer: bot.deliverer, logger: createLogger('silent') }, bot.clock.now());
  return builds;
}

describe('agenda builds follow what changed', () => {
  it('a tick with nothing new builds no agenda', async () => {
    expect(await countedTick(at('2026-12-01', '08:00'))).toBe(1);
    expect(agendaPosts()).toHaveLength(1);
    await countedTick(at('2026-12-01', '08:01')); // once more: the meeting row the first post created
    expect(await countedTick(at('2026-12-01', '08:02'))).toBe(0);
    expect(await countedTick(at('2026-12-01', '09:30'))).toBe(0);
    expect(agendaPosts()).toHaveLength(1);
  });

  it('every kind of change reaches the posted agenda at the next tick', async () => {
    await tickAt(bot, at('2026-12-01', '08:00'));
    await tickAt(bot, at('2026-12-01', '08:01'));
    const latest = () => agendaPosts().at(-1)!.text;
    const change = async (time: string, say: () => Promise<unknown>, shows: (text: string) => void) => {
      bot.clock.set(at('2026-12-01', time));
      await say();
      await tickAt(bot, at('2026-12-01', time.replace(/0$/, '1')));
      shows(latest());
    };
    await change('09:00', () => bot.say(OLLE, 'ärende ny grupp:unga Andra ärendet'), (t) => expect(t).toContain('UNG-2026-002'));
    await change('09:10', () => bot.say(ANNA, 'åtgärd ny UNG-2026-001 @karin@helsingborg.se 2026-12-02 boka trepartssamtal'), (t) => expect(t).toContain('#1 UNG-2026-001: boka trepartssamtal'));
    await change('09:20', () => bot.say(KARIN, 'åtgärd klar 1'), (t) => expect(t).not.toContain('boka trepartssamtal'));
    await change('09:30', () => bot.say(ANNA, 'överlämning ny sfi UNG-2026-001 @karin@helsingborg.se senast 2026-12-02'), (t) => expect(t).toContain('Försenade överlämningar'));
    await change('09:40', () => bot.say(OLLE, 'ärende avsluta UNG-2026-002 arbete'), (t) => expect(t).not.toContain('UNG-2026-002'));
    // A person's new name shows in every agenda that names them.
    await change('09:50', () => bot.db.update(members).set({ displayName: 'Karin K' }).where(eq(members.email, KARIN)), (t) => expect(t).toContain('SFI-startdatum – Karin K'));
    await change('10:00', () => bot.say(ANNA, 'möte flytta 2026-12-02 14:00'), (t) => expect(t).toContain('onsdag 2026-12-02 kl. 14:00'));
    const before = agendaPosts().length;
    await tickAt(bot, at('2026-12-01', '10:02'));
    expect(agendaPosts()).toHaveLength(before);
  });
});
