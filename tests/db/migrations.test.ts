// The generated SQL migrations build the whole schema on an empty database and can run again.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../helpers/db.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

async function tables(): Promise<string[]> {
  const res = await database.db.execute<{ table_name: string }>(
    sql`select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`,
  );
  const rows = Array.isArray(res) ? res : (res as unknown as { rows: { table_name: string }[] }).rows;
  return rows.map((r) => r.table_name);
}

describe('migrations', () => {
  it('create every table of the design on an empty database', async () => {
    expect(await tables()).toEqual(
      expect.arrayContaining(['organisations', 'members', 'forums', 'meetings', 'case_items', 'case_counters', 'topics', 'next_steps', 'handover_templates', 'handovers', 'outbox', 'audit_log']),
    );
  });

  it('are idempotent', async () => {
    const before = await tables();
    await database.migrate();
    expect(await tables()).toEqual(before);
  });
});
