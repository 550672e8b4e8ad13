// The hot commands' round trips to the database, counted from drizzle's statement log (one round trip
// each on Postgres, where every statement goes out prepared; BEGIN and COMMIT come on top). `ärende ny`,
// `åtgärd ny`, `åtgärd klar` and `överlämning svar` read what they need first and then write in one
// statement — the row change, its audit line and its posts, inserted already claimed — so no lock is
// held while Node works; after the commit each post is sent and marked sent, with no claim round trip.
import { describe, expect, it } from 'vitest';
import { ANNA, KARIN, OLLE, useTestBot } from '../helpers/bot.js';

const { bot, database } = useTestBot({
  setup: async (b) => {
    await b.say(ANNA, 'koppla arendeforum-unga');
    await b.say(KARIN, 'ärende ny grupp:unga samtycke:ja Behöver samplanering');
  },
});

interface Counted {
  total: number;
  /** Statements that change the command's own rows (not the caller's member row, not delivery). */
  writes: string[];
  /** Claims of outbox rows (the deliverer's `attempts + 1`): none when the posts were inserted claimed. */
  claims: number;
  /** `sent` updates after the posts went out. */
  sent: number;
}

const isMemberUpsert = (s: string) => /^\s*with v \(platform, external_id/.test(s);
const isClaim = (s: string) => s.includes('"attempts" = "outbox"."attempts" + 1');
const isSent = (s: string) => /^update "outbox" set "status" = \$1, "locked_until" = \$2, "last_error" = \$3, "sent_ref"/.test(s);

async function count(user: string, text: string): Promise<Counted> {
  const { value, statements } = await database.recording(() => bot.sayRaw(user, text));
  expect(value.ok, JSON.stringify(value.message)).toBe(true);
  const writes = statements.filter((s) => /^\s*(insert|update|delete|with)\b/i.test(s) && !isMemberUpsert(s) && !isClaim(s) && !isSent(s));
  return { total: statements.length, writes, claims: statements.filter(isClaim).length, sent: statements.filter(isSent).length };
}

function oneStatement(c: Counted, posts: number): void {
  expect(c.writes).toHaveLength(1);
  expect(c.writes[0]).toMatch(/^\s*with\b/);
  expect(c.claims).toBe(0);
  expect(c.sent).toBe(posts);
}

describe('round trips of the hot commands', () => {
  it('ärende ny: memberships, member, forum, meetings, the write, sent', async () => {
    const c = await count(KARIN, 'ärende ny grupp:unga samtycke:ja Behöver mer samplanering');
    oneStatement(c, 1);
    expect(c.total).toBe(6);
    expect(bot.port.toChannel('unga').at(-1)).toContain('UNG-2026-002');
  });

  it('åtgärd ny: the caller, the forum and its running meeting, the case, the owner, the write, two sent', async () => {
    bot.port.clear();
    const c = await count(ANNA, `åtgärd ny UNG-2026-001 @${OLLE} +3 boka trepartssamtal`);
    oneStatement(c, 2); // the channel's post and the owner's DM
    expect(c.total).toBe(10); // was 16 (17 here, where the test bot's delivery claims twice)
    expect(bot.port.toChannel('unga')).toEqual([expect.stringMatching(/^Åtgärd #1 för UNG-2026-001: boka trepartssamtal – ägare olle@helsingborg.se, senast /)]);
    expect(bot.port.toMember(OLLE)).toEqual([expect.stringMatching(/^Du är ägare till åtgärd #1 i .*`åtgärd klar 1`/)]);
    expect(JSON.stringify(bot.port.sent)).not.toContain('\u2063');
    expect((await bot.store.audit.forCase('UNG-2026-001')).map((e) => e.action)).toEqual(['case.create', 'step.create']);
  });

  it('åtgärd klar: the caller, the step with its case code, the forum, the owner, the write, sent', async () => {
    await bot.say(ANNA, `åtgärd ny UNG-2026-001 @${OLLE} +3 boka trepartssamtal`);
    bot.port.clear();
    const c = await count(ANNA, 'åtgärd klar 1');
    oneStatement(c, 1); // the owner hears someone else marked it done
    expect(c.total).toBe(7); // was 11 (12 here)
    expect(bot.port.toMember(OLLE)).toHaveLength(1);
    expect(await bot.say(ANNA, 'åtgärd klar 1')).toMatch(/redan klar/);
    expect((await bot.store.audit.forCase('UNG-2026-001')).map((e) => e.action)).toEqual(['case.create', 'step.create', 'step.done']);
  });

  it('överlämning svar: the caller, the handover, the forum, the case, the people, the write, two sent', async () => {
    await bot.say(ANNA, `överlämning ny utbildningsplikt-studier UNG-2026-001 @${KARIN}`);
    bot.port.clear();
    const c = await count(KARIN, 'överlämning svar 1 besokt=ja kan-soka=svenska grund');
    oneStatement(c, 2); // the asking side's DM and the channel's line
    expect(c.total).toBe(9); // was 14 (15 here)
    expect(bot.port.toChannel('unga')).toEqual([expect.stringContaining('Överlämning #1 (UNG-2026-001,')]);
    expect(bot.port.toMember(ANNA)).toHaveLength(1);
    expect(await bot.say(KARIN, 'överlämning svar 1 besokt=nej kan-soka=svenska grund')).toMatch(/redan besvarad/);
  });
});
