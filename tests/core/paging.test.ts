// `ärende lista` and `mina` in pages of 20: each page says which part of how many it shows, a page
// number past the end is answered politely, and the English command pages in English.
import { describe, expect, it } from 'vitest';
import { ANNA, useTestBot } from '../helpers/bot.js';

const N = 25;
const { bot } = useTestBot({
  setup: async (bot) => {
    await bot.say(ANNA, 'koppla arendeforum-unga');
    for (let i = 1; i <= N; i++) await bot.say(ANNA, `ärende ny grupp:unga samtycke:ja Behov nummer ${i} kring studiestart`);
  },
});

describe('paged lists', () => {
  it('shows 20, says of how many, and the second page the rest', async () => {
    const first = await bot.say(ANNA, 'ärende lista');
        expect(first).toContain('UNG-2026-020');
    expect(first).not.toContain('UNG-2026-021');
    expect(first).toContain('Visar 1–20 av 25 (fler: `ärende lista 2`)');
    const second = await bot.say(ANNA, 'ärende lista 2');
    expect(second).toContain('Visar 21–25 av 25');
    expect(second).not.toContain('fler:');
    expect(second).toContain('UNG-2026-025');
    expect(second).not.toContain('UNG-2026-020');
        expect(await bot.say(ANNA, 'case list 2')).toContain('Showing 21–25 of 25');
  });

  it('a page past the end says how many pages there are', async () => {
    expect(await bot.say(ANNA, 'ärende lista 9')).toContain('Listan har 2 sidor (25 rader)');
    expect(await bot.say(ANNA, 'ärende lista x')).toMatch(/ärende lista \[sida\]/);
  });

  it('a short list has no count line and no button', async () => {
    await bot.say(ANNA, 'åtgärd ny UNG-2026-001 @anna@arbetsformedlingen.se +3 boka trepartssamtal');
    const mine = await bot.say(ANNA, 'mina');
    expect(mine).toContain('boka trepartssamtal');
    expect(mine).not.toContain('Visar');
    
  });
});
