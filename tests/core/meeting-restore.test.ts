// `möte ställ in` can be undone (issue 18): `möte återställ` gives the cancelled meeting back, the
// channel is told, the agenda goes out for it again, and its calendar event gets a new SEQUENCE.
import { describe, expect, it } from 'vitest';
import { ANNA, KARIN, useTestBot } from '../helpers/bot.js';
import { at, tickAt } from '../helpers/tick.js';

const { bot } = useTestBot({
  setup: async (bot) => {
    await bot.say(ANNA, 'koppla arendeforum-unga'); // next meeting Thursday 2026-12-03 13:00
    bot.port.clear();
  },
});

const row = async () => (await bot.store.meetings.ofForum('arendeforum-unga')).find((m) => m.scheduledDate === '2026-12-03');

describe('restoring a cancelled meeting', () => {
  it('undoes the cancellation and tells the channel', async () => {
    expect(await bot.say(ANNA, 'möte återställ')).toBe('Forumet har inget inställt möte att återställa.');
    await bot.say(ANNA, 'möte ställ in sjukdom');
    const cancelled = await row();
    expect(cancelled?.status).toBe('cancelled');
    expect(await bot.say(KARIN, 'möte återställ')).toBe('Det får bara forumets samordnare göra.');

    expect(await bot.say(ANNA, 'möte återställ')).toBe('');
    expect(bot.port.toChannel('unga').at(-1)).toBe('Mötet torsdag 2026-12-03 kl. 13:00 i Ärendeforum unga 18–29 blir av ändå: det är återställt.');
    const restored = await row();
    expect(restored?.status).toBe('scheduled');
    expect(restored!.sequence).toBeGreaterThan(cancelled!.sequence);
    expect(await bot.say(ANNA, 'dagordning')).toContain('torsdag 2026-12-03 kl. 13:00');
    await tickAt(bot, at('2026-12-01', '08:00'));
    expect(bot.port.toChannel('unga').at(-1)).toMatch(/^Dagordning – Ärendeforum unga 18–29, torsdag 2026-12-03 kl. 13:00/);
    expect(await bot.say(ANNA, 'meeting uncancel')).toBe('The forum has no cancelled meeting to restore.');
  });
});
