// Everything the database holds, as text: to prove that something is nowhere in it.
// On Postgres this is pg_dump of the test's schema (when pg_dump is on PATH), so it sees exactly what a
// backup would; on PGlite (and as a fallback) every row of every table as JSON.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import type { TestDatabase } from './db.js';

const run = promisify(execFile);

export async function tableNames(database: TestDatabase): Promise<string[]> {
  const rows = await rowsOf(
    database,
    sql`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`,
  );
  return rows.map((r) => String(r['name']));
}

const snapshotStatements = new WeakMap<object, string>();

/** Every row of every table of the test schema as JSON text, one table after another, in a stable order. */
export async function snapshot(database: TestDatabase): Promise<string> {
  // One statement for all tables: the corpus takes a snapshot around each of its hundreds of inputs.
  // The statement is built once per database (the tables do not change during a file).
  let statement = snapshotStatements.get(database.db);
  if (!statement) {
    const parts = (await tableNames(database)).map(
      (t) => `'${t}: ' || coalesce((select string_agg(row_to_json(x)::text, E'\\n' order by row_to_json(x)::text) from "${t}" x), '')`,
    );
    statement = `select ${parts.join(` || E'\\n' || `)} as all_rows`;
    snapshotStatements.set(database.db, statement);
  }
  const [row] = await rowsOf(database, sql.raw(statement));
  return String(row?.['all_rows'] ?? '');
}

/** The whole database as a backup would hold it: pg_dump on Postgres when available, else `snapshot`. */
export async function dump(database: TestDatabase): Promise<{ tool: 'pg_dump' | 'rows'; text: string }> {
  if (database.kind === 'postgres' && database.schema && process.env.DATABASE_URL) {
    try {
      const { stdout } = await run('pg_dump', ['--data-only', `--schema=${database.schema}`, process.env.DATABASE_URL], { maxBuffer: 64 * 1024 * 1024 });
      return { tool: 'pg_dump', text: stdout };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
  return { tool: 'rows', text: await snapshot(database) };
}

async function rowsOf(database: TestDatabase, query: ReturnType<typeof sql.raw>): Promise<Record<string, unknown>[]> {
  const res = (await database.db.execute(query)) as unknown as { rows?: Record<string, unknown>[] } | Record<string, unknown>[];
  return Array.isArray(res) ? res : (res.rows ?? []);
}
