// `koppla` without a forum key (issue 17): the forums one's organisation takes part in, with their keys
// and whether each is linked here, elsewhere or not at all.
import { describe, expect, it } from 'vitest';
import { loadFileConfig } from '../../src/config.js';
import { ANNA, createTestBot, KARIN, STRANGER, useTestDatabase } from '../helpers/bot.js';

const database = useTestDatabase();

describe('koppla without a key', () => {
  it('lists the forum keys and where each is linked, in Swedish and English', async () => {
    const bot = await createTestBot(database);
    await bot.say(ANNA, 'koppla arendeforum-unga', 'unga');
    await bot.say(ANNA, 'koppla ung-helsingborg', 'uhb');
    expect(await bot.say(KARIN, 'koppla', 'unga')).toBe(
      [
        'Forum att koppla kanalen till',
        '  • `arendeforum-vuxna` – Ärendeforum vuxna – individer med behov av samplanering (inte kopplat)',
        '  • `arendeforum-unga` – Ärendeforum unga 18–29 (kopplat hit)',
        '  • `ung-helsingborg` – Ung Helsingborg samverkansmöte (kopplat till en annan kanal)',
        '  • `styrgrupp` – Strategisk styrgrupp arbete och studier (inte kopplat)',
        'Skriv `koppla <forumnyckel>`.',
      ].join('\n'),
    );
    expect(await bot.say(KARIN, 'link', 'ny-kanal')).toMatch(/^Forums this channel can be linked to\n  • `arendeforum-vuxna` – .* \(not linked\)\n.*\(linked to another channel\)\n.*\(linked to another channel\)\n.*\(not linked\)\nWrite `link <forum-key>`\.$/);
  });

  it('shows only the forums of the caller\'s organisation, and nothing to an unknown one', async () => {
    const cfg = loadFileConfig();
    cfg.forums = cfg.forums.map((f) => (f.key === 'ung-helsingborg' ? { ...f, organisations: ['helsingborg'] } : f));
    const bot = await createTestBot(database, { config: cfg });
    expect(await bot.say(ANNA, 'koppla')).not.toContain('ung-helsingborg');
    expect(await bot.say(KARIN, 'koppla')).toContain('`ung-helsingborg`');
    expect(await bot.say(STRANGER, 'koppla')).toMatch(/^Du tillhör ingen av forumets organisationer/);
  });
});
