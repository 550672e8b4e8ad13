// Roles (issue 17): a template side may be a role — `{ role: samordnare }` is the forum's coordinator,
// other roles are configured with members and groups — and roleHolders resolves a role to people.
import { describe, expect, it } from 'vitest';
import { loadFileConfig, type FileConfig } from '../../src/config.js';
import { roleHolders } from '../../src/core/roles.js';
import { toPlainText } from '../../src/core/plaintext.js';
import { ANNA, createTestBot, KARIN, OLLE, shellUser, useTestDatabase } from '../helpers/bot.js';

const database = useTestDatabase();
const BERTIL = 'bertil@arbetsformedlingen.se';

function withRoles(): FileConfig {
  const cfg = loadFileConfig();
  cfg.roles = [{ key: 'sfi-samordnare', name: 'SFI-samordnare', members: [KARIN], groups: ['S0SFI'] }];
  cfg.handoverTemplates = cfg.handoverTemplates.map((t) => (t.key === 'sfi' ? { ...t, from: { role: 'samordnare' }, to: { role: 'sfi-samordnare' } } : t));
  return cfg;
}

describe('a template from the coordinator to a role', () => {
  it('is started only by the coordinator and answered only by someone with the role', async () => {
    const bot = await createTestBot(database, { config: withRoles() });
    await bot.say(ANNA, 'koppla arendeforum-unga');
    await bot.say(ANNA, 'ärende ny grupp:unga Studiestart');
    expect(await bot.say(BERTIL, 'överlämning ny sfi UNG-2026-001 @karin@helsingborg.se')).toBe('SFI-startdatum startas av forumets samordnare.');
    expect(await bot.say(ANNA, 'överlämning ny sfi UNG-2026-001 @olle@helsingborg.se')).toBe('SFI-startdatum går till SFI-samordnare. Nämn en person med den rollen.');
    expect(await bot.say(ANNA, 'handover new sfi UNG-2026-001 @olle@helsingborg.se')).toBe('SFI-startdatum goes to SFI-samordnare. Mention a person with that role.');
    expect(await bot.say(ANNA, 'överlämning ny sfi UNG-2026-001 @karin@helsingborg.se')).toBe('');
    expect(bot.port.toChannel('unga').at(-1)).toContain('svar från karin@helsingborg.se (Helsingborgs stad)');
  });

  it('lets a person into a role by a group the platform reports for them', async () => {
    const cfg = withRoles();
    cfg.handoverTemplates = cfg.handoverTemplates.map((t) => (t.key === 'sfi' ? { ...t, from: { role: 'sfi-samordnare' }, to: 'af' } : t));
    const bot = await createTestBot(database, { config: cfg });
    await bot.say(ANNA, 'koppla arendeforum-unga');
    await bot.say(ANNA, 'ärende ny grupp:unga Studiestart');
    const asOlle = (groups: string[]) => bot.core.handle({ identity: { ...shellUser(OLLE), groups }, channel: { platform: 'shell', id: 'unga' }, text: 'överlämning ny sfi UNG-2026-001 @anna@arbetsformedlingen.se' });
    expect(toPlainText((await asOlle([])).message!)).toBe('SFI-startdatum startas av SFI-samordnare.');
    expect((await asOlle(['S0SFI'])).ok).toBe(true);
  });

  it('resolves a role to people: the coordinator, or the listed members Samråd knows', async () => {
    const cfg = withRoles();
    const bot = await createTestBot(database, { config: cfg });
    expect(await roleHolders(bot.store, cfg, 'sfi-samordnare', null)).toEqual([]);
    await bot.say(ANNA, 'koppla arendeforum-unga');
    await bot.say(KARIN, 'mina');
    const forum = await bot.store.forums.byKey('arendeforum-unga');
    expect((await roleHolders(bot.store, cfg, 'samordnare', forum)).map((m) => m.email)).toEqual([ANNA]);
    expect((await roleHolders(bot.store, cfg, 'sfi-samordnare', forum)).map((m) => m.email)).toEqual([KARIN]);
  });
});
