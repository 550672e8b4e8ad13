// The access matrix: who (a member of org A, of org B, of a configured organisation that does not take
// part in the forum, of an unknown organisation) × where (the forum's linked channel, an unlinked
// channel, a direct message) × what. The expectations are written out here from the rules in the
// issue, not derived from src/core/access.ts, so a change of rule there fails here.
import { beforeAll, describe, expect, it } from 'vitest';
import { fileConfigSchema, loadFileConfig, type FileConfig } from '../../src/config.js';
import { toPlainText } from '../../src/core/plaintext.js';
import type { Reply } from '../../src/core/model.js';
import { ANNA, createTestBot, KARIN, OLLE, shellUser, STRANGER, type TestBot, useTestDatabase } from '../helpers/bot.js';

const LISA = 'lisa@skolan.example.org'; // configured organisation "skolan", not taking part in arendeforum-unga

/** The shipped config plus an organisation that takes part in no case forum of ours. */
export function configWithOutsider(): FileConfig {
  const base = loadFileConfig();
  return fileConfigSchema.parse({
    ...base,
    organisations: [...base.organisations, { key: 'skolan', name: 'Skolan', domains: ['skolan.example.org'] }],
    forums: base.forums.map((f) => (f.key === 'ung-helsingborg' ? f : { ...f, organisations: ['af', 'helsingborg'] })),
  });
}

const database = useTestDatabase();
let bot: TestBot;

type Where = 'linked' | 'unlinked' | 'dm';
const WHO = { A: ANNA, B: KARIN, C: LISA, U: STRANGER } as const;
type Who = keyof typeof WHO;

function run(user: string, text: string, where: Where): Promise<Reply> {
  if (where === 'dm') return bot.core.handle({ identity: shellUser(user), channel: { platform: 'shell', id: `dm:${user}`, direct: true }, text });
  return bot.sayRaw(user, text, where === 'linked' ? 'unga' : 'nowhere');
}
const textOf = (r: Reply) => (r.message ? toPlainText(r.message) : '');

/** Refusals, as the user reads them. */
const NO = {
  org: /tillhör ingen av forumets organisationer/,
  unlinked: /inte kopplad till något forum/,
  dm: /I ett direktmeddelande ser du bara dina egna/,
  step: /Hittar ingen åtgärd #\d+ som du kan ändra/,
  close: /Bara den som lyfte .* eller forumets samordnare/,
  coordinator: /Det får bara forumets samordnare göra/,
};

/** What a person of a taking-part organisation is told outside the forum's channel. */
function outside(where: Where): RegExp {
  return where === 'dm' ? NO.dm : NO.unlinked;
}

/** Expected outcome: 'ok' or the refusal. A = coordinator (af), B = member (helsingborg). */
type Expect = 'ok' | RegExp;
interface Action {
  name: string;
  /** Runs setup as other people and returns the command the actor types. */
  command(who: Who): Promise<string>;
  expect(who: Who, where: Where): Expect;
}

/** Cases and lists: members of the forum's organisations, in its channel only. */
function inForum(who: Who, where: Where): Expect {
  if (who === 'U') return NO.org;
  if (where !== 'linked') return outside(where);
  return who === 'C' ? NO.org : 'ok';
}

async function newCase(by: string): Promise<string> {
  const r = await bot.sayRaw(by, 'ärende ny grupp:unga samtycke:ja Studiestart', 'unga');
  expect(r.ok).toBe(true);
  const list = await bot.store.cases.open('arendeforum-unga');
  return list.at(-1)!.code;
}

async function newStep(owner: string): Promise<number> {
  const r = await bot.sayRaw(ANNA, `åtgärd ny UNG-2026-001 @${owner} +3 boka trepartssamtal`, 'unga');
  expect(r.ok, textOf(r)).toBe(true);
  return (await bot.store.steps.forCases([1])).at(-1)!.id;
}

const ACTIONS: Action[] = [
  { name: 'case list', command: async () => 'ärende lista', expect: inForum },
  { name: 'case show', command: async () => 'ärende visa UNG-2026-001', expect: inForum },
  { name: 'case new', command: async () => 'ärende ny grupp:unga Behöver samplanering', expect: inForum },
  { name: 'agenda', command: async () => 'dagordning', expect: inForum },
  { name: 'step add', command: async () => 'åtgärd ny UNG-2026-001 @olle@helsingborg.se +3 boka möte', expect: inForum },
  {
    name: 'mine',
    command: async () => 'mina',
    // A person's own list: in a DM for anyone of a configured organisation, in the channel for its members.
    expect: (who, where) => (who === 'U' ? NO.org : where === 'dm' ? 'ok' : where === 'unlinked' ? NO.unlinked : who === 'C' ? NO.org : 'ok'),
  },
  {
    name: 'step done (own)',
    command: async (who) => `åtgärd klar ${await newStep(who === 'A' || who === 'B' ? WHO[who] : KARIN)}`,
    expect: (who, where) => (who === 'U' ? NO.org : who === 'C' ? NO.step : where === 'unlinked' ? NO.step : 'ok'),
  },
  {
    name: "step done (someone else's)",
    command: async () => `åtgärd klar ${await newStep(OLLE)}`,
    expect: (who, where) => (who === 'U' ? NO.org : who === 'C' || where !== 'linked' ? NO.step : 'ok'),
  },
  {
    name: 'case close (own)',
    command: async (who) => `ärende avsluta ${await newCase(who === 'A' || who === 'B' ? WHO[who] : ANNA)} studier`,
    expect: inForum,
  },
  {
    name: "case close (someone else's)",
    command: async () => `ärende avsluta ${await newCase(OLLE)} studier`,
    expect: (who, where) => {
      const e = inForum(who, where);
      return e === 'ok' && who === 'B' ? NO.close : e;
    },
  },
  {
    name: 'case log',
    command: async () => 'ärende logg UNG-2026-001',
    expect: (who, where) => {
      const e = inForum(who, where);
      return e === 'ok' && who === 'B' ? NO.coordinator : e;
    },
  },
];

describe('access matrix', () => {
  beforeAll(async () => {
    bot = await createTestBot(database, { config: configWithOutsider() });
    expect((await bot.sayRaw(ANNA, 'koppla arendeforum-unga', 'unga')).ok).toBe(true);
    await newCase(ANNA); // UNG-2026-001
  });

  const rows: [string, Who, Where, Action][] = [];
  for (const a of ACTIONS) for (const who of Object.keys(WHO) as Who[]) for (const where of ['linked', 'unlinked', 'dm'] as Where[]) rows.push([`${a.name} · ${who} · ${where}`, who, where, a]);

  it.each(rows)('%s', async (_name, who, where, action) => {
    const command = await action.command(who);
    const sentBefore = bot.port.sent.length;
    const reply = await run(WHO[who], command, where);
    const expected = action.expect(who, where);
    const out = textOf(reply);
    if (expected === 'ok') {
      expect(reply.ok, out).toBe(true);
    } else {
      expect(reply.ok).toBe(false);
      expect(out).toMatch(expected);
      expect(bot.port.sent.length).toBe(sentBefore); // nothing posted anywhere
      if (who === 'C' || who === 'U') expect(out).not.toMatch(/UNG-\d{4}/); // sees nothing
    }
  });
});

describe('linking', () => {
  it('any member links a free forum and becomes coordinator; only the coordinator moves it', async () => {
    bot = await createTestBot(database, { config: configWithOutsider() });
    expect(await bot.say(KARIN, 'koppla arendeforum-vuxna', 'vuxna')).toMatch(/Du är forumets samordnare/);
    const forum = await bot.store.forums.byKey('arendeforum-vuxna');
    expect(await bot.say(ANNA, 'koppla arendeforum-vuxna', 'annan')).toMatch(/redan kopplat till en annan kanal. Bara samordnaren/);
    expect(await bot.say(ANNA, 'koppla arendeforum-vuxna', 'vuxna')).toBe('Kanalen är redan kopplad till Ärendeforum vuxna – individer med behov av samplanering.');
    expect(await bot.store.forums.byKey('arendeforum-vuxna')).toEqual(forum); // nothing changed
    // Moving a linked forum asks first (issue 18), then `flytta` moves it.
    expect(await bot.say(KARIN, 'koppla arendeforum-vuxna', 'vuxna-ny')).toMatch(/kopplat till en annan kanal.*Inget ändrades/s);
    expect((await bot.store.forums.byKey('arendeforum-vuxna'))?.channelId).toBe('vuxna');
    expect(await bot.say(KARIN, 'koppla arendeforum-vuxna flytta', 'vuxna-ny')).toMatch(/nu kopplad/);
    const moved = await bot.store.forums.byKey('arendeforum-vuxna');
    expect(moved?.channelId).toBe('vuxna-ny');
    expect(moved?.coordinatorMemberId).toBe(forum?.coordinatorMemberId);
  });

  it('refuses a direct message, an unknown organisation, and an organisation not taking part', async () => {
    bot = await createTestBot(database, { config: configWithOutsider() });
    expect(textOf(await run(ANNA, 'koppla arendeforum-unga', 'dm'))).toMatch(/inte till ett direktmeddelande/);
    expect(await bot.say(STRANGER, 'koppla arendeforum-unga', 'unga')).toMatch(NO.org);
    expect(await bot.say(LISA, 'koppla arendeforum-unga', 'unga')).toMatch(NO.org);
    expect((await bot.store.forums.byKey('arendeforum-unga'))?.channelId).toBeNull();
    // …while the topic forum, which every organisation takes part in, is open to the outsider.
    expect(await bot.say(LISA, 'koppla ung-helsingborg', 'uhb')).toMatch(/nu kopplad/);
  });

  it('a coordinator named in config is the coordinator, not the one who links', async () => {
    const base = configWithOutsider();
    const config = { ...base, forums: base.forums.map((f) => (f.key === 'arendeforum-unga' ? { ...f, coordinator: OLLE } : f)) };
    bot = await createTestBot(database, { config });
    expect(await bot.say(KARIN, 'koppla arendeforum-unga', 'unga')).toMatch(/Samordnare är den som konfigurationen anger/);
    await bot.say(KARIN, 'ärende ny Studiestart', 'unga');
    expect(await bot.say(KARIN, 'ärende logg UNG-2026-001', 'unga')).toMatch(NO.coordinator);
    expect(await bot.say(OLLE, 'ärende logg UNG-2026-001', 'unga')).toMatch(/Logg för ärende UNG-2026-001/);
    expect(await bot.say(OLLE, 'ärende avsluta UNG-2026-001 studier', 'unga')).toBe('');
  });

  it('a step owner must take part in the forum', async () => {
    bot = await createTestBot(database, { config: configWithOutsider() });
    await bot.say(ANNA, 'koppla arendeforum-unga', 'unga');
    await bot.say(ANNA, 'ärende ny Studiestart', 'unga');
    expect(await bot.say(ANNA, `åtgärd ny UNG-2026-001 @${LISA} +3 boka möte`, 'unga')).toMatch(/Hittar ingen @lisa@skolan.example.org/);
    expect(await bot.store.steps.forCases([1])).toEqual([]);
  });
});
