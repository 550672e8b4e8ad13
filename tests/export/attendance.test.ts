// `möte närvaro`: the coordinator confirms who was present and names chair and secretary; the protokoll
// (Markdown and PDF alike, one document model) lists them instead of "those who acted". Only the
// coordinator may, and approved minutes never change.
import { describe, expect, it } from 'vitest';
import { runProtokoll } from '../../src/export/cli.js';
import { ANNA, KARIN, OLLE, useTestBot } from '../helpers/bot.js';

const { bot } = useTestBot();

async function heldMeeting() {
  await bot.say(ANNA, 'koppla arendeforum-unga');
  await bot.say(ANNA, 'ärende ny grupp:unga samtycke:ja Behöver samplanering kring studiestart');
  bot.clock.set('2026-12-03T13:00:00+01:00');
  await bot.say(ANNA, 'möte start');
  await bot.say(ANNA, 'möte nästa');
  bot.clock.set('2026-12-03T14:00:00+01:00');
  await bot.say(ANNA, 'möte avsluta');
}

async function markdown(): Promise<string> {
  let out = '';
  const code = await runProtokoll(['--forum', 'arendeforum-unga', '--format', 'md'], { store: bot.store, config: bot.config, out: (s) => void (out += String(s)), err: () => undefined });
  expect(code).toBe(0);
  return out;
}

describe('möte närvaro', () => {
  it('records who was present, chair and secretary in the protokoll', { timeout: 60_000 }, async () => {
    await heldMeeting();
    // Before: those who acted, marked as not confirmed; the coordinator as chair.
    const before = await markdown();
    expect(before).toContain('ej bekräftat av samordnaren');
    expect(before).toContain(`**Sekreterare:** ej angiven`);

    const answer = await bot.say(ANNA, `möte närvaro @${ANNA} @${OLLE} ordförande:@${ANNA} sekreterare:@${KARIN}`);
    expect(answer).toContain('Närvaro för mötet 2026-12-03');
    const md = await markdown();
    expect(md).not.toContain('ej bekräftat');
    expect(md).toMatch(/\*\*Närvarande:\*\* .*olle@helsingborg\.se \(Helsingborgs stad\)/);
    expect(md).toContain(`**Ordförande:** ${ANNA} (Arbetsförmedlingen)`);
    expect(md).toContain(`**Sekreterare:** ${KARIN} (Helsingborgs stad)`);
    // The secretary was there even if not listed.
    expect(md).toMatch(/\*\*Närvarande:\*\* .*karin@helsingborg\.se/);
    expect(md).toContain(`Ordföranden ${ANNA} (Arbetsförmedlingen) öppnade mötet.`);
  });

  it('refuses others than the coordinator, bad words, and approved minutes, changing nothing', { timeout: 60_000 }, async () => {
    await heldMeeting();
    expect(await bot.say(KARIN, `möte närvaro @${KARIN}`)).toMatch(/samordnar/);
    expect(await bot.say(ANNA, 'möte närvaro anna')).toMatch(/anna/);
    expect(await bot.say(ANNA, 'möte närvaro')).toContain('möte närvaro @person');
    expect(await markdown()).toContain('ej bekräftat av samordnaren');
    await bot.say(ANNA, 'protokoll justera');
    await bot.say(KARIN, 'protokoll justera');
    expect(await bot.say(ANNA, `meeting attendance @${ANNA}`)).toContain('approved');
    expect(await markdown()).toContain('ej bekräftat av samordnaren');
  });
});
