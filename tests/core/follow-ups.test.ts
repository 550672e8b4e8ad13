// Template follow-ups (issue 17): when the SFI loop is answered, AF owes a decision — a next step
// "Fatta UTA-beslut" for the one who asked, due five working days later, reminded like any step.
import { describe, expect, it } from 'vitest';
import { loadFileConfig, type FileConfig } from '../../src/config.js';
import { settingsSchema } from '../../src/core/settings.js';
import { ANNA, createTestBot, KARIN, useTestDatabase } from '../helpers/bot.js';
import { tickAt } from '../helpers/tick.js';

const database = useTestDatabase();
const ANSWER = 'startdatum=2027-01-12 nivå=1 skola=Komvux Norra omfattning=23 sfi-kontakt=@olle@helsingborg.se';

async function answeredSfi(config?: FileConfig) {
  const bot = await createTestBot(database, config ? { config } : {});
  await bot.say(ANNA, 'koppla arendeforum-unga');
  await bot.say(ANNA, 'ärende ny grupp:unga samtycke:ja Studiestart');
  await bot.say(ANNA, 'överlämning ny sfi UNG-2026-001 @karin@helsingborg.se');
  await bot.say(KARIN, `överlämning svar 1 ${ANSWER}`);
  return bot;
}

describe('the SFI template follow-up', () => {
  it('gives the asker a step when Komvux answers, shown in mina and reminded before its due date', async () => {
    const bot = await answeredSfi(); // answered Wednesday 2026-11-25: +5 working days is Wednesday 2026-12-02
    expect(bot.port.toChannel('unga').at(-1)).toBe('Uppföljning efter SFI-startdatum: åtgärd #1 för UNG-2026-001: Fatta UTA-beslut – ägare anna@arbetsformedlingen.se, senast 2026-12-02.');
    expect(bot.port.toMember(ANNA).at(-1)).toBe(
      'SFI-startdatum för UNG-2026-001 är besvarad. Du är ägare till uppföljningen, åtgärd #1 i Ärendeforum unga 18–29: Fatta UTA-beslut. Senast 2026-12-02. Skriv `åtgärd klar 1` när den är gjord.',
    );
    expect(await bot.say(ANNA, 'mina')).toContain('#1 UNG-2026-001: Fatta UTA-beslut – senast 2026-12-02');
    await tickAt(bot, '2026-12-01T08:00:00+01:00');
    expect(bot.port.toMember(ANNA).at(-1)).toContain('Påminnelse: åtgärd #1 i Ärendeforum unga 18–29 (UNG-2026-001) ska vara klar senast 2026-12-02: Fatta UTA-beslut.');
    expect(await bot.say(ANNA, 'åtgärd klar 1')).toBe('Åtgärd #1 (UNG-2026-001) är klar.');
  });

  it('may be owned by a role: the first of its members Samråd knows', async () => {
    const cfg = loadFileConfig();
    cfg.roles = [{ key: 'uta-handlaggare', name: 'UTA-handläggare', members: ['bertil@arbetsformedlingen.se'], groups: [] }];
    cfg.handoverTemplates = cfg.handoverTemplates.map((t) => (t.key === 'sfi' ? { ...t, followUp: { owner: { role: 'uta-handlaggare' }, text: 'Fatta UTA-beslut', due: '+2v' } } : t));
    const bot = await createTestBot(database, { config: cfg });
    await bot.say(ANNA, 'koppla arendeforum-unga');
    expect(await bot.say('bertil@arbetsformedlingen.se', 'mina')).toBe('Du har inga öppna åtgärder eller överlämningar.'); // Bertil has used Samråd once
    await bot.say(ANNA, 'ärende ny grupp:unga samtycke:ja Studiestart');
    await bot.say(ANNA, 'överlämning ny sfi UNG-2026-001 @karin@helsingborg.se');
    await bot.say(KARIN, `överlämning svar 1 ${ANSWER}`);
    expect(bot.port.toChannel('unga').at(-1)).toBe('Uppföljning efter SFI-startdatum: åtgärd #1 för UNG-2026-001: Fatta UTA-beslut – ägare bertil@arbetsformedlingen.se, senast 2026-12-09.');
  });

  it('refuses at start-up a follow-up with an unknown role or a due date that is none', () => {
    const raw = loadFileConfig();
    const bad = { ...raw, handoverTemplates: raw.handoverTemplates.map((t) => (t.key === 'sfi' ? { ...t, followUp: { owner: { role: 'okand' }, text: 'Fatta UTA-beslut', due: 'sen' } } : t)) };
    const r = settingsSchema.safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual(
      expect.arrayContaining(['handoverTemplates.0.followUp.due: expected a due date such as +5 (working days), +2v or +3m', 'handoverTemplates.0.followUp.owner.role: unknown role "okand"']),
    );
  });
});
