// A coordinator may open the meeting before its scheduled start (people are in the room early). The
// scheduler keeps ticking meanwhile: it must neither post the agenda again nor disturb the walk.
import { describe, expect, it } from 'vitest';
import { ANNA, KARIN, useTestBot } from '../helpers/bot.js';
import { at, tickAt } from '../helpers/tick.js';

const { bot } = useTestBot({
  setup: async (bot) => {
    await bot.say(ANNA, 'koppla arendeforum-unga'); // next meeting Thursday 2026-12-03 13:00
    await bot.say(ANNA, 'ärende ny grupp:unga samtycke:ja Behöver samplanering kring studiestart');
    await bot.say(KARIN, 'ärende ny grupp:unga samtycke:ja Behöver stöd inför praktik');
  },
});

const agendaPosts = () => bot.port.sent.filter((s) => s.target.kind === 'channel' && s.text.startsWith('Dagordning'));

describe('a meeting started before its scheduled start', () => {
  it('walks on through the ticks before the start, and the agenda is not posted again', async () => {
    await tickAt(bot, at('2026-12-01', '08:00')); // the agenda goes out two working days before
    expect(agendaPosts()).toHaveLength(1);
    bot.clock.set(at('2026-12-03', '12:40'));
    await bot.say(ANNA, 'möte start');
    expect(bot.port.toChannel('unga').at(-1)).toContain('Punkt 1 av 2: UNG-2026-001');
    await tickAt(bot, at('2026-12-03', '12:45'));
    await tickAt(bot, at('2026-12-03', '12:50'));
    expect(agendaPosts()).toHaveLength(1);
    bot.clock.set(at('2026-12-03', '12:55'));
    expect(await bot.say(ANNA, 'möte nästa')).toBe('');
    expect(bot.port.toChannel('unga').at(-1)).toContain('Punkt 2 av 2: UNG-2026-002');
  });

  it('walks on even when the agenda had not gone out before the early start', async () => {
    bot.clock.set(at('2026-12-03', '12:40'));
    await bot.say(ANNA, 'möte start');
    await tickAt(bot, at('2026-12-03', '12:45'));
    expect(agendaPosts()).toEqual([]);
    bot.clock.set(at('2026-12-03', '12:50'));
    expect(await bot.say(ANNA, 'möte nästa')).toBe('');
    expect(bot.port.toChannel('unga').at(-1)).toContain('Punkt 2 av 2: UNG-2026-002');
  });
});
