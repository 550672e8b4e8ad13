// Every command upserts its caller. The row is written only when what the platform says about the
// person changed: an unchanged caller costs no row version, no WAL and no row lock held to the commit
// (one person's concurrent commands no longer queue on their own row).
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ANNA, KARIN, useTestBot } from '../helpers/bot.js';

const { bot } = useTestBot();

async function rowVersion(externalId: string): Promise<string> {
  const result = await bot.db.execute(sql`select xmin::text as v from members where external_id = ${externalId}`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { v: string }[];
  expect(rows).toHaveLength(1);
  return rows[0].v;
}

describe('the caller upsert', () => {
  it('leaves an unchanged member row as it is, and still answers as that member', async () => {
    await bot.say(ANNA, 'koppla arendeforum-unga');
    await bot.say(KARIN, 'ärende ny grupp:unga samtycke:ja Behöver samplanering');
    const before = await rowVersion(KARIN);
    await bot.say(KARIN, 'ärende ny grupp:unga samtycke:ja Behöver mer samplanering');
    expect(await rowVersion(KARIN)).toBe(before);
    expect(bot.port.toChannel('unga').filter((t) => t.includes('UNG-2026-002'))).toHaveLength(1);
    const karin = (await bot.store.members.byEmail(KARIN))!;
    expect((await bot.store.audit.forCase('UNG-2026-002')).map((e) => e.actorId)).toEqual([karin.id]);
  });

  it('writes what changed, keeps what the platform did not say, and returns the stored row', async () => {
    const first = await bot.store.members.upsert({ platform: 'shell', externalId: 'x1', email: 'x1@example.org', displayName: null, organisationKey: 'af', language: null });
    expect(first).toMatchObject({ platform: 'shell', externalId: 'x1', email: 'x1@example.org', displayName: null, organisationKey: 'af', language: null, chatRef: null });
    expect(first.createdAt).toBeInstanceOf(Date);
    const same = await bot.store.members.upsert({ platform: 'shell', externalId: 'x1', email: null, displayName: null, organisationKey: null, language: null });
    expect(same).toEqual(first);
    const renamed = await bot.store.members.upsert({ platform: 'shell', externalId: 'x1', email: null, displayName: 'Testperson Ett', organisationKey: null, language: 'en' });
    expect(renamed).toEqual({ ...first, displayName: 'Testperson Ett', language: 'en' });
    expect(await bot.store.members.byId(first.id)).toEqual(renamed);
  });
});
