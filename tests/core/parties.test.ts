// Organisations by membership and the forum's own parties (issue 17): minutes in a forum with fewer
// organisations than the config can be approved; organisations on one e-mail domain are told apart.
import { describe, expect, it } from 'vitest';
import { loadFileConfig, type FileConfig } from '../../src/config.js';
import { settingsSchema } from '../../src/core/settings.js';
import { ANNA, createTestBot, KARIN, OLLE, useTestDatabase } from '../helpers/bot.js';

const database = useTestDatabase();
const GISLAVED = 'handlaggare@gislaved.se';
const GNOSJO = 'handlaggare@gnosjo.se';

/** GGVV: four municipalities and one AF office; one case forum with only AF and Gislaved. */
function ggvv(): FileConfig {
  const cfg = loadFileConfig();
  const org = (key: string, name: string) => ({ key, name, domains: [`${key}.se`], tenantIds: [], members: [], groups: [] });
  cfg.organisations = [
    { ...org('af', 'Arbetsförmedlingen'), domains: ['arbetsformedlingen.se'] },
    org('gislaved', 'Gislaveds kommun'), org('gnosjo', 'Gnosjö kommun'), org('vaggeryd', 'Vaggeryds kommun'), org('varnamo', 'Värnamo kommun'),
  ];
  cfg.forums = [{ ...cfg.forums[1], organisations: ['af', 'gislaved'] }];
  cfg.handoverTemplates = [];
  return cfg;
}

/** Helsingborg: Komvux is part of the city, on the same domain, told apart by its member list. */
function helsingborg(): FileConfig {
  const cfg = loadFileConfig();
  cfg.organisations = [
    cfg.organisations[0],
    cfg.organisations[1],
    { key: 'komvux', name: 'Komvux Helsingborg', domains: ['helsingborg.se'], tenantIds: [], parent: 'helsingborg', members: [KARIN], groups: [] },
  ];
  cfg.handoverTemplates = cfg.handoverTemplates.map((t) => (t.key === 'sfi' ? { ...t, to: 'komvux' } : t));
  return cfg;
}

async function heldMeeting(bot: Awaited<ReturnType<typeof createTestBot>>, other: string) {
  await bot.say(ANNA, 'koppla arendeforum-unga');
  await bot.say(ANNA, 'ärende ny grupp:unga samtycke:ja Studiestart');
  bot.clock.set('2026-12-03T13:00:00+01:00');
  await bot.say(ANNA, 'möte start');
  await bot.say(other, 'åtgärd ny @anna@arbetsformedlingen.se 2026-12-10 boka trepartssamtal');
  bot.clock.set('2026-12-03T14:10:00+01:00');
  await bot.say(ANNA, 'möte avsluta');
}

describe('a forum with two of five organisations', () => {
  it('needs only its own organisations to approve the minutes', async () => {
    const bot = await createTestBot(database, { config: ggvv() });
    await heldMeeting(bot, GISLAVED);
    expect(await bot.say(GISLAVED, 'protokoll justera')).toBe('');
    expect(bot.port.toChannel('unga').at(-1)).toContain('Väntar på: Arbetsförmedlingen.');
    expect(await bot.say(GNOSJO, 'protokoll justera')).toBe('Du tillhör ingen av forumets organisationer, så du kan inte se eller ändra ärenden här. Kontakta forumets samordnare om det är fel.');
    await bot.say(ANNA, 'protokoll justera');
    expect(bot.port.toChannel('unga').at(-1)).toMatch(/Protokollet för 2026-12-03 är justerat av handlaggare@gislaved\.se \(Gislaveds kommun\).*anna@arbetsformedlingen\.se \(Arbetsförmedlingen\)/);
  });
});

describe('a handover template to one of several organisations', () => {
  it('lets AF ask any of the four municipalities with one template, and nobody else', async () => {
    const cfg = ggvv();
    const sfi = loadFileConfig().handoverTemplates.find((t) => t.key === 'sfi')!;
    cfg.forums = [{ ...cfg.forums[0], organisations: undefined }];
    cfg.handoverTemplates = [{ ...sfi, from: 'af', to: ['gislaved', 'gnosjo', 'vaggeryd', 'varnamo'] }];
    const bot = await createTestBot(database, { config: cfg });
    await bot.say(ANNA, 'koppla arendeforum-unga');
    await bot.say(ANNA, 'ärende ny grupp:unga Studiestart');
    expect(await bot.say(ANNA, `överlämning ny sfi UNG-2026-001 @${GNOSJO}`)).toBe('');
    expect(bot.port.toChannel('unga').at(-1)).toContain(`svar från ${GNOSJO} (Gnosjö kommun)`);
    expect(await bot.say(ANNA, `överlämning ny sfi UNG-2026-001 @${GISLAVED}`)).toBe('');
    expect(await bot.say(ANNA, 'överlämning ny sfi UNG-2026-001 @kollega@arbetsformedlingen.se')).toBe(
      'SFI-startdatum besvaras av Gislaveds kommun / Gnosjö kommun / Vaggeryds kommun / Värnamo kommun: välj en mottagare där.',
    );
    expect(await bot.say(GISLAVED, `överlämning ny sfi UNG-2026-001 @${GNOSJO}`)).toBe('SFI-startdatum startas av Arbetsförmedlingen.');
    expect([(await bot.store.handovers.byId(1))?.toOrganisationKey, (await bot.store.handovers.byId(2))?.toOrganisationKey]).toEqual(['gnosjo', 'gislaved']);
  });
});

describe('organisations on one e-mail domain', () => {
  it('tells Komvux from the city by its member list; a Komvux approval counts for the city', async () => {
    const bot = await createTestBot(database, { config: helsingborg() });
    await heldMeeting(bot, KARIN);
    expect(await bot.say(KARIN, 'protokoll justera')).toBe('');
    expect(bot.port.toChannel('unga').at(-1)).toContain('karin@helsingborg.se (Komvux Helsingborg) har justerat protokollet för 2026-12-03. Väntar på: Arbetsförmedlingen.');
    expect(await bot.say(OLLE, 'protokoll justera')).toMatch(/Helsingborgs stad har redan justerat/);
  });

  it('lets the SFI loop reach Komvux, and not the city', async () => {
    const bot = await createTestBot(database, { config: helsingborg() });
    await bot.say(ANNA, 'koppla arendeforum-unga');
    await bot.say(ANNA, 'ärende ny grupp:unga Studiestart');
    expect(await bot.say(ANNA, 'överlämning ny sfi UNG-2026-001 @olle@helsingborg.se')).toMatch(/Komvux Helsingborg/);
    expect(await bot.say(ANNA, 'överlämning ny sfi UNG-2026-001 @karin@helsingborg.se')).toBe('');
    expect((await bot.store.handovers.byId(1))?.toOrganisationKey).toBe('komvux');
  });

  it('refuses at start-up two organisations on one domain without member lists, naming both', () => {
    const cfg = helsingborg();
    const raw = { ...cfg, organisations: cfg.organisations.map((o) => ({ ...o, members: [] })) };
    const r = settingsSchema.safeParse(raw);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toContain(
      'organisations "helsingborg" and "komvux" share the domain helsingborg.se and none of them has a member list: give all but one of them members or groups, so people can be told apart',
    );
  });
});
