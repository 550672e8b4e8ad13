// One database per test file: PGlite in memory, or a fresh schema on the Postgres named by DATABASE_URL.
// The same store code runs on both; nothing here fakes the database.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { openDatabase, MIGRATIONS_DIR, type Database, type Db } from '../../src/db/client.js';

export const onPostgres = Boolean(process.env.DATABASE_URL);

export interface TestDatabase extends Database {
  schema: string | null;
  /** Empties every table (and restarts ids) between tests. */
  reset(): Promise<void>;
  /** Opens another connection pool to the same database and schema (a second replica). */
  replica(): Promise<Database>;
  /** Runs `work` and returns, with its value, every statement sent through drizzle meanwhile (one round trip each). */
  recording<T>(work: () => Promise<T>): Promise<{ value: T; statements: string[] }>;
}

/** The statement recorder of one test database: drizzle's query log, kept only while `recording` runs. */
function recorder() {
  let current: string[] | null = null;
  return {
    logQuery: (query: string) => void current?.push(query),
    async recording<T>(work: () => Promise<T>): Promise<{ value: T; statements: string[] }> {
      const statements: string[] = [];
      current = statements;
      try {
        return { value: await work(), statements };
      } finally {
        current = null;
      }
    },
  };
}

export async function openTestDatabase(): Promise<TestDatabase> {
  const { logQuery, recording } = recorder();
  if (!onPostgres) {
    const database = await openDatabase({ dataDir: 'memory://', logQuery });
    await database.migrate();
    // PGlite is one connection in one process: a "replica" is the same instance, closed with it.
    return { ...database, schema: null, reset: () => truncateAll(database.db), replica: async () => ({ ...database, close: async () => {} }), recording };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const url = process.env.DATABASE_URL!;
  const admin = await openDatabase({ url, max: 1 });
  await admin.db.execute(sql.raw(`create schema "${schema}"`));
  await admin.close();
  const open = () => openSchema(url, schema);
  const database = await openSchema(url, schema, logQuery);
  await database.migrate();
  return {
    ...database,
    schema,
    reset: () => truncateAll(database.db),
    replica: open,
    recording,
    close: async () => {
      await database.db.execute(sql.raw(`drop schema "${schema}" cascade`));
      await database.close();
    },
  };
}

async function openSchema(url: string, schema: string, logQuery?: (query: string) => void): Promise<Database> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  const schemaMod = await import('../../src/db/schema/index.js');
  const client = postgres(url, { max: 10, onnotice: () => {}, connection: { search_path: schema } });
  const { preparing } = await import('../../src/db/prepared.js');
  const db = drizzle(preparing(client), { schema: schemaMod, ...(logQuery ? { logger: { logQuery } } : {}) });
  return {
    db: db as unknown as Db,
    kind: 'postgres',
    migrate: () => migrate(db, { migrationsFolder: MIGRATIONS_DIR, migrationsSchema: schema }),
    ping: async () => (await client`select 1`).length === 1,
    close: () => client.end({ timeout: 5 }),
  };
}

const TABLES = ['routine_occurrences', 'memberships', 'page_tokens', 'audit_log', 'outbox', 'requests_seen', 'handovers', 'handover_templates', 'next_steps', 'topics', 'case_items', 'case_counters', 'meetings', 'forums', 'members', 'organisations'];

export async function truncateAll(db: Db): Promise<void> {
  await db.execute(sql.raw(`truncate ${TABLES.map((t) => `"${t}"`).join(', ')} restart identity cascade`));
}
