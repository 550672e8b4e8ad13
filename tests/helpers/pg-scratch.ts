// A database of its own on the PostgreSQL server the tests use (DATABASE_URL, else the local one at
// 127.0.0.1:5432), for tests that run the real binary against PostgreSQL: the child migrates and
// writes its public schema there, and the database is dropped afterwards. `null` when no PostgreSQL
// answers (the caller skips, saying why).
import { randomBytes } from 'node:crypto';

export const PG_SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface ScratchDatabase {
  url: string;
  name: string;
  /** Runs one SQL statement there (a fresh connection; for looking at tables). */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

async function admin() {
  const { default: postgres } = await import('postgres');
  return postgres(PG_SERVER_URL, { max: 1, connect_timeout: 3, onnotice: () => {} });
}

/** Whether PostgreSQL answers at PG_SERVER_URL (the reason when it does not). */
export async function postgresUnreachable(): Promise<string | null> {
  const sql = await admin();
  try {
    await sql`select 1`;
    return null;
  } catch (e) {
    return `no PostgreSQL answers at ${new URL(PG_SERVER_URL).host} (${(e as { code?: string }).code ?? (e as Error).message})`;
  } finally {
    await sql.end({ timeout: 1 }).catch(() => {});
  }
}

export async function scratchDatabase(prefix: string): Promise<ScratchDatabase> {
  const name = `samrad_${prefix}_${randomBytes(4).toString('hex')}`;
  const sql = await admin();
  try {
    await sql.unsafe(`create database "${name}"`);
  } finally {
    await sql.end({ timeout: 1 });
  }
  const u = new URL(PG_SERVER_URL);
  u.pathname = `/${name}`;
  const url = u.toString();
  const { default: postgres } = await import('postgres');
  const conn = postgres(url, { max: 2, onnotice: () => {} });
  return {
    url,
    name,
    query: async <T>(text: string, params: unknown[] = []) => (await conn.unsafe(text, params as never[])) as unknown as T[],
    drop: async () => {
      await conn.end({ timeout: 1 });
      const a = await admin();
      try {
        await a.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await a.end({ timeout: 1 });
      }
    },
  };
}
