// Case codes stay unique per forum and year when many people raise cases at once,
// also from several replicas sharing one PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../src/db/stores/index.js';
import { Samrad } from '../../src/core/samrad.js';
import { createLogger } from '../../src/log.js';
import { openTestDatabase, type TestDatabase } from '../helpers/db.js';
import { ANNA, createTestBot, KARIN, shellUser, type TestBot } from '../helpers/bot.js';
import type { Database } from '../../src/db/client.js';

let database: TestDatabase;
let bot: TestBot;
let replica: Database;

beforeAll(async () => {
  database = await openTestDatabase();
  bot = await createTestBot(database);
  replica = await database.replica();
});
afterAll(async () => {
  await replica.close();
  await database.close();
});

describe('case codes', () => {
  it('are unique and gap-free under concurrent creation from two replicas', async () => {
    await bot.say(ANNA, 'koppla arendeforum-unga');
    const other = new Samrad({ store: createStore(replica.db), config: bot.config, clock: bot.clock, logger: createLogger('silent') });
    const cores = [bot.core, other];
    const results = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        cores[i % 2].handle({ identity: shellUser(i % 3 ? ANNA : KARIN), channel: { platform: 'shell', id: 'unga' }, text: `ärende ny grupp:unga Behov nummer ${i}` }),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const codes = (await bot.store.cases.open('arendeforum-unga')).map((c) => c.code).sort();
    expect(codes).toEqual(Array.from({ length: 24 }, (_, i) => `UNG-2026-${String(i + 1).padStart(3, '0')}`));
  });

  it('restart at 001 in a new year and are numbered per forum', async () => {
    await bot.say(ANNA, 'koppla arendeforum-vuxna', 'vuxna');
    await bot.say(ANNA, 'ärende ny Behov', 'vuxna');
    bot.clock.set('2027-01-05T10:00:00+01:00');
    await bot.say(ANNA, 'ärende ny Behov', 'vuxna');
    await bot.say(ANNA, 'ärende ny Behov');
    const vux = (await bot.store.cases.open('arendeforum-vuxna')).map((c) => c.code);
    expect(vux).toEqual(['VUX-2026-001', 'VUX-2027-001']);
    expect((await bot.store.cases.open('arendeforum-unga')).map((c) => c.code)).toContain('UNG-2027-001');
  });
});
