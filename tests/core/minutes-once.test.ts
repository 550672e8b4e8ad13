// The minutes reach the channel once (issue 18): the draft when the meeting ends; the approval then
// says so in one line instead of posting the whole minutes a second time.
import { describe, expect, it } from 'vitest';
import { ANNA, KARIN, useTestBot } from '../helpers/bot.js';

const { bot } = useTestBot();

describe('the minutes in the channel', () => {
  it('are posted once in full; the approval is one line', async () => {
    await bot.say(ANNA, 'koppla arendeforum-unga');
    await bot.say(ANNA, 'ärende ny grupp:unga samtycke:ja Behöver samplanering kring studiestart');
    bot.clock.set('2026-12-03T13:00:00+01:00');
    await bot.say(ANNA, 'möte start');
    await bot.say(ANNA, 'möte nästa');
    await bot.say(ANNA, 'möte avsluta');
    await bot.say(KARIN, 'protokoll justera');
    await bot.say(ANNA, 'protokoll justera');
    const posts = bot.port.sent.filter((s) => s.target.kind === 'channel');
    const full = posts.filter((s) => s.text.startsWith('Protokoll – Ärendeforum unga 18–29'));
    // One post of the minutes, and one edit of it (the approved version, without the approve button).
    expect(full.map((s) => s.replaces === undefined)).toEqual([true, false]);
    expect(full[1].replaces).toEqual({ id: bot.port.sent.indexOf(full[0]) + 1 });
    expect(full[1].text).toContain('Status: justerat av karin@helsingborg.se');
    expect(posts.at(-1)!.text).toMatch(/^Protokollet för 2026-12-03 är justerat av karin@helsingborg.se .* och kan inte längre ändras\.$/);
  });
});
