// `medlem lägg till @x <org>` / `medlem ta bort @x` / `medlem lista` (issue 17): the forum's coordinator
// counts a colleague on a shared e-mail domain to one of the forum's organisations, before the domain rule.
import { describe, expect, it } from 'vitest';
import { loadFileConfig, type FileConfig } from '../../src/config.js';
import { ANNA, createTestBot, KARIN, OLLE, useTestDatabase } from '../helpers/bot.js';

const database = useTestDatabase();

/** Helsingborg: Komvux is part of the city, on the same domain; its config list names one teacher. */
function helsingborg(): FileConfig {
  const cfg = loadFileConfig();
  cfg.organisations = [
    cfg.organisations[0],
    cfg.organisations[1],
    { key: 'komvux', name: 'Komvux Helsingborg', domains: ['helsingborg.se'], tenantIds: [], parent: 'helsingborg', members: ['larare@helsingborg.se'], groups: [] },
  ];
  cfg.handoverTemplates = cfg.handoverTemplates.map((t) => (t.key === 'sfi' ? { ...t, to: 'komvux' } : t));
  return cfg;
}

async function linkedWithCase() {
  const bot = await createTestBot(database, { config: helsingborg() });
  await bot.say(ANNA, 'koppla arendeforum-unga'); // Anna becomes the coordinator
  await bot.say(ANNA, 'ärende ny grupp:unga Studiestart');
  return bot;
}

describe('medlem lägg till / ta bort', () => {
  it('counts Olle to Komvux so the SFI loop reaches him, and back to the city when removed', async () => {
    const bot = await linkedWithCase();
    expect(await bot.say(ANNA, 'överlämning ny sfi UNG-2026-001 @olle@helsingborg.se')).toMatch(/besvaras av Komvux Helsingborg/);
    expect(await bot.say(ANNA, 'medlem lägg till @olle@helsingborg.se komvux')).toBe('olle@helsingborg.se räknas nu till Komvux Helsingborg.');
    expect(await bot.say(ANNA, 'överlämning ny sfi UNG-2026-001 @olle@helsingborg.se')).toBe('');
    expect((await bot.store.handovers.byId(1))?.toOrganisationKey).toBe('komvux');
    // Olle's own commands count for Komvux too.
    await bot.say(OLLE, 'ärende ny grupp:unga Behöver studievägledning');
    expect((await bot.store.cases.byCode('UNG-2026-002'))?.organisationKey).toBe('komvux');

    expect(await bot.say(ANNA, 'medlem ta bort @olle@helsingborg.se')).toBe('olle@helsingborg.se är inte längre tillagd i Komvux Helsingborg och räknas nu till Helsingborgs stad.');
    expect(await bot.say(ANNA, 'överlämning ny sfi UNG-2026-001 @olle@helsingborg.se')).toMatch(/besvaras av Komvux Helsingborg/);
    const actions = (await bot.db.execute('select action from audit_log order by id')) as unknown as { rows?: { action: string }[] } & { action: string }[];
    const rows = (actions.rows ?? actions).map((r) => r.action);
    expect(rows.filter((a) => a.startsWith('member.'))).toEqual(['member.add', 'member.remove']);
  });

  it('lists what was added, by name of the organisation too', async () => {
    const bot = await linkedWithCase();
    expect(await bot.say(ANNA, 'medlem lista')).toBe('Tillagda medlemmar – Ärendeforum unga 18–29\nIngen är tillagd i chatten; alla räknas till sin organisation enligt konfigurationen.');
    await bot.say(ANNA, 'medlem lägg till @olle@helsingborg.se Komvux Helsingborg');
    expect(await bot.say(ANNA, 'medlem lista')).toBe('Tillagda medlemmar – Ärendeforum unga 18–29\n  • olle@helsingborg.se – Komvux Helsingborg (sedan 2026-11-25)');
    expect(await bot.say(ANNA, 'medlem lägg till @olle@helsingborg.se komvux')).toBe('olle@helsingborg.se räknas redan till Komvux Helsingborg.');
  });

  it('refuses politely and changes nothing: not the coordinator, an organisation not in the forum, nobody added, a config member', async () => {
    const cfg = helsingborg();
    cfg.organisations.push({ key: 'region', name: 'Region Skåne', domains: ['skane.se'], tenantIds: [], members: [], groups: [] });
    cfg.forums = cfg.forums.map((f) => (f.key === 'arendeforum-unga' ? { ...f, organisations: ['af', 'helsingborg'] } : f));
    const bot = await createTestBot(database, { config: cfg });
    await bot.say(ANNA, 'koppla arendeforum-unga');
    expect(await bot.say(KARIN, 'medlem lägg till @olle@helsingborg.se komvux')).toBe('Det får bara forumets samordnare göra.');
    expect(await bot.say(ANNA, 'medlem lägg till @olle@helsingborg.se region')).toBe(
      '"region" är ingen av forumets organisationer. Välj bland: af (Arbetsförmedlingen), helsingborg (Helsingborgs stad), komvux (Komvux Helsingborg).',
    );
    expect(await bot.say(ANNA, 'medlem ta bort @olle@helsingborg.se')).toBe('@olle@helsingborg.se är inte tillagd som medlem i något av forumets organisationer, så det finns inget att ta bort.');
    expect(await bot.say(ANNA, 'medlem ta bort @larare@helsingborg.se')).toBe('@larare@helsingborg.se står som medlem av Komvux Helsingborg i konfigurationen; det ändras där, inte i chatten.');
    expect(await bot.say(ANNA, 'medlem lägg till @larare@helsingborg.se helsingborg')).toBe('@larare@helsingborg.se står som medlem av Komvux Helsingborg i konfigurationen; det ändras där, inte i chatten.');
    expect(await bot.say(ANNA, 'medlem lägg till olle komvux')).toBe('"olle" är ingen person. Nämn ägaren med @, t.ex. @namn@helsingborg.se.');
    expect(await bot.say(ANNA, 'medlem lägg till @olle@helsingborg.se')).toMatch(/^Kommandot är ofullständigt.*medlem lägg till @kollega <organisation>/);
    const n = (await bot.db.execute('select count(*)::int as n from memberships')) as unknown as { rows?: { n: number }[] } & { n: number }[];
    expect((n.rows ?? n)[0].n).toBe(0);
  });

  it('answers in English', async () => {
    const bot = await linkedWithCase();
    expect(await bot.say(ANNA, 'member add @olle@helsingborg.se komvux')).toBe('olle@helsingborg.se now counts as Komvux Helsingborg.');
    expect(await bot.say(KARIN, 'member remove @olle@helsingborg.se')).toBe('Only the forum’s coordinator may do that.'.replace('’', "'"));
    expect(await bot.say(ANNA, 'member remove @olle@helsingborg.se')).toBe('olle@helsingborg.se is no longer added to Komvux Helsingborg and now counts as Helsingborgs stad.');
    expect(await bot.say(ANNA, 'member remove @olle@helsingborg.se')).toBe("@olle@helsingborg.se was not added to any of the forum's organisations in the chat, so there is nothing to remove.");
  });
});
