// `koppla` of a forum linked to another channel (issue 18): the coordinator is asked first and nothing
// moves; repeating it with `flytta` (or the button) moves the forum, and the old channel is told.
import { describe, expect, it } from 'vitest';
import { ANNA, useTestBot } from '../helpers/bot.js';

const { bot } = useTestBot({
  setup: async (bot) => {
    await bot.say(ANNA, 'koppla arendeforum-unga', 'unga');
    bot.port.clear();
  },
});

describe('moving a linked forum', () => {
  it('asks, then moves it and tells the old channel', async () => {
    const asked = await bot.say(ANNA, 'koppla arendeforum-unga', 'nya');
    expect(asked).toContain('Ärendeforum unga 18–29 är kopplat till en annan kanal. Skriv `koppla arendeforum-unga flytta` för att flytta det hit; den gamla kanalen får veta det. Inget ändrades.');
    expect((await bot.store.forums.byKey('arendeforum-unga'))?.channelId).toBe('unga');
    expect(bot.port.sent).toEqual([]);
    const button = (await bot.sayRaw(ANNA, 'koppla arendeforum-unga', 'nya')).message!.blocks.flatMap((b) => (b.type === 'actions' ? b.actions.map((a) => a.command) : []));
    expect(button).toEqual(['koppla arendeforum-unga flytta']);

    expect(await bot.say(ANNA, 'koppla arendeforum-unga flytta', 'nya')).toMatch(/^Kanalen är nu kopplad till Ärendeforum unga 18–29/);
    expect((await bot.store.forums.byKey('arendeforum-unga'))?.channelId).toBe('nya');
    expect(bot.port.toChannel('unga')).toEqual(['Ärendeforum unga 18–29 är nu flyttat till en annan kanal av anna@arbetsformedlingen.se. Den här kanalen får inga fler inlägg från forumet.']);
    expect(await bot.say(ANNA, 'link arendeforum-unga', 'unga')).toContain('Type `link arendeforum-unga move` to move it here');
  });
});
