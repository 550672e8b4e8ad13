// On PostgreSQL every store query with parameters goes out as a prepared statement (src/db/prepared.ts):
// one round trip instead of two (drizzle's postgres.js driver would send Parse + Describe, wait, then
// Bind + Execute), and its plan kept on the connection.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onPostgres, openTestDatabase, type TestDatabase } from '../helpers/db.js';
import { forums } from '../../src/db/schema/index.js';
import { createStore } from '../../src/db/stores/index.js';

const rowsOf = <T>(r: unknown) => (Array.isArray(r) ? r : (r as { rows: T[] }).rows) as T[];

describe.skipIf(!onPostgres)('store queries on PostgreSQL', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('are prepared once per connection and answer as before', async () => {
    const counts = await database.db.transaction(async (tx) => {
      // One transaction is one connection: its prepared statements are the ones we look at.
      const store = createStore(tx as never);
      expect(await store.forums.byKey('no-such-forum')).toBeNull();
      expect(await tx.select().from(forums).where(eq(forums.key, 'no-such-forum'))).toEqual([]);
      expect(await tx.select().from(forums).where(eq(forums.key, 'another'))).toEqual([]);
      return rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from pg_prepared_statements where statement like ${'%from "forums" where "forums"."key" = $1%'}`));
    });
    // The same text used three times: one statement, prepared on the first use.
    expect(counts[0].n).toBe(1);
  });
});
