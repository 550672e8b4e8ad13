// Opens the database: PGlite (embedded, default) or PostgreSQL through postgres.js.
// Both get the same drizzle schema and the same SQL migrations.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_ROOT } from '../paths.js';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema/index.js';
import { preparing } from './prepared.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  migrate(): Promise<void>;
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export const MIGRATIONS_DIR = join(PACKAGE_ROOT, 'migrations');

export interface DatabaseOptions {
  url?: string;
  /** PGlite data directory; 'memory://' for an in-memory database. */
  dataDir?: string;
  /** Pool size for postgres.js. */
  max?: number;
  /** Longest `migrate()` waits for another process's migration lock (Postgres). */
  migrationLockMs?: number;
  /** Called with every statement drizzle sends (tests count a command's round trips with it). */
  logQuery?: (query: string, params: unknown[]) => void;
}

/** drizzle's options: the schema, and a query logger only when asked for one. */
function drizzleOptions(logQuery: DatabaseOptions['logQuery']) {
  return { schema, ...(logQuery ? { logger: { logQuery } } : {}) };
}

/** PGlite serves one process: a second one on the same directory would lose data. */
export class DataDirInUse extends Error {
  constructor(readonly dataDir: string) {
    super(`another Samråd is already using ${dataDir} — stop it or use another DATA_DIR (a lock left by a process that crashed expires within ${LOCK_STALE_MS / 1000} s)`);
  }
}

const LOCK_STALE_MS = 5_000;

/** Waiting longer than this for the migration lock is an error at start (another replica stuck migrating). */
export const MIGRATION_LOCK_MS = 120_000;

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  return opts.url ? openPostgres(opts.url, opts.max ?? 10, opts.migrationLockMs ?? MIGRATION_LOCK_MS, opts.logQuery) : openPglite(opts.dataDir ?? './data', opts.logQuery);
}

async function openPostgres(url: string, max: number, lockMs: number, logQuery?: DatabaseOptions['logQuery']): Promise<Database> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  // connect_timeout: a database that does not answer fails a query in 10 s instead of 30.
  const client = postgres(url, { max, onnotice: () => {}, connect_timeout: 10 });
  // Every store query as a prepared statement: one round trip instead of two (src/db/prepared.ts).
  const db = drizzle(preparing(client), drizzleOptions(logQuery));
  return {
    db: db as unknown as Db,
    kind: 'postgres',
    migrate: () => withMigrationLock(() => migrate(db, { migrationsFolder: MIGRATIONS_DIR }), client, lockMs),
    ping: async () => {
      try {
        await client`select 1`;
        return true;
      } catch {
        return false;
      }
    },
    close: () => client.end({ timeout: 5 }),
  };
}

// Replicas starting together must not race each other through the migrations. The lock is tried, not
// waited on blindly, so a replica stuck while holding it is reported instead of hanging every start.
async function withMigrationLock(run: () => Promise<void>, client: import('postgres').Sql, lockMs: number): Promise<void> {
  const reserved = await client.reserve();
  let locked = false;
  try {
    const until = Date.now() + lockMs;
    for (let wait = 50; ; wait = Math.min(wait * 2, 1_000)) {
      const [{ ok }] = await reserved`select pg_try_advisory_lock(727274) as ok`;
      if ((locked = Boolean(ok))) break;
      if (Date.now() + wait > until) throw Object.assign(new Error('the migration lock is held by another process'), { code: 'MIGRATION_LOCK_TIMEOUT' });
      await new Promise((r) => setTimeout(r, wait));
    }
    await run();
  } finally {
    if (locked) await reserved`select pg_advisory_unlock(727274)`.catch(() => {});
    reserved.release();
  }
}

async function openPglite(dataDir: string, logQuery?: DatabaseOptions['logQuery']): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  let unlock = async () => {};
  if (!dataDir.startsWith('memory://')) {
    mkdirSync(dataDir, { recursive: true });
    unlock = await lockDataDir(dataDir);
  }
  let client: import('@electric-sql/pglite').PGlite;
  try {
    client = await PGlite.create(dataDir);
  } catch (e) {
    await unlock();
    throw e;
  }
  const db = drizzle(client, drizzleOptions(logQuery));
  return {
    db: db as unknown as Db,
    kind: 'pglite',
    migrate: () => migrate(db, { migrationsFolder: MIGRATIONS_DIR }),
    ping: async () => {
      try {
        await client.query('select 1');
        return true;
      } catch {
        return false;
      }
    },
    close: async () => {
      await client.close();
      await unlock();
    },
  };
}

/** A lock file inside DATA_DIR (proper-lockfile: kept fresh while we run, stale soon after a crash). */
async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const { lock } = await import('proper-lockfile');
  try {
    const release = await lock(dataDir, {
      lockfilePath: join(dataDir, 'samrad.lock'),
      realpath: false,
      stale: LOCK_STALE_MS,
      update: LOCK_STALE_MS / 4,
      retries: 0,
      // A lock lost while running (the directory removed, a suspended laptop) is said, not thrown.
      onCompromised: (err) => void process.stderr.write(`samrad: the lock on ${dataDir} was lost (${err.message}); stop this process before starting another\n`),
    });
    return async () => {
      await release().catch(() => {});
    };
  } catch (e) {
    if ((e as { code?: string }).code === 'ELOCKED') throw new DataDirInUse(dataDir);
    throw e;
  }
}
