// Database faults at start-up, on PostgreSQL (issue 16): bad credentials and a migration lock that
// another process holds too long each end the real binary with one clear line saying what failed and
// what to do, a non-zero exit and no stack trace — in the style of the config errors. (A refused
// connection and a missing database: tests/faults/embedded.test.ts.) Skipped only when no PostgreSQL
// answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseEnv, SamradChild } from '../helpers/child.js';
import { PG_SERVER_URL, postgresUnreachable, scratchDatabase, type ScratchDatabase } from '../helpers/pg-scratch.js';

const unreachable = await postgresUnreachable();
if (unreachable) console.warn(`tests/faults/startup.test.ts skipped: ${unreachable}`);

async function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; err: string }> {
  const child = new SamradChild(args, { ...baseEnv(), ...env });
  const { code } = await child.exited;
  return { code, err: child.stderr };
}

function oneLine(err: string): string {
  const lines = err.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(err).not.toMatch(/\n\s+at |Error:|PostgresError/);
  return lines[0];
}

describe.skipIf(Boolean(unreachable))('database faults at start-up, on PostgreSQL', { timeout: 60_000 }, () => {
  let db: ScratchDatabase;
  beforeAll(async () => {
    db = await scratchDatabase('startup');
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('a user name or password the server refuses: one line naming the server, not the password, exit 1', async () => {
    const url = new URL(db.url);
    url.username = 'samrad_no_such_user';
    url.password = 'not-the-password';
    const r = await run(['migrate'], { DATABASE_URL: url.toString() });
    expect(r.code).toBe(1);
    const line = oneLine(r.err);
    expect(line).toBe(`samrad: PostgreSQL at ${url.hostname}:${url.port || 5432}/${db.name} refused the user name or password in DATABASE_URL — check the credentials`);
    expect(r.err).not.toContain('not-the-password');
  });

  it('a migration lock another process holds too long: the server does not start, one line saying whose lock and what to do', async () => {
    const { default: postgres } = await import('postgres');
    // Another replica stuck in its migrations: a session holding the lock and doing nothing.
    const stuck = postgres(db.url, { max: 1, onnotice: () => {} });
    const session = await stuck.reserve();
    try {
      await session`select pg_advisory_lock(727274)`;
      const r = await run(['start'], { DATABASE_URL: db.url, SAMRAD_MODE: 'server', PORT: '0', LOG_LEVEL: 'info', MIGRATION_LOCK_MS: '1500', TEAMS_ALLOW_UNAUTHENTICATED: '' });
      expect(r.code).toBe(1);
      const u = new URL(db.url);
      expect(oneLine(r.err)).toBe(
        `samrad: another process has held the migration lock on ${u.hostname}:${u.port || 5432}/${db.name} for too long — wait for the other replica's migrations to finish (or end the stuck session holding pg_advisory_lock 727274), then start again`,
      );
    } finally {
      session.release();
      await stuck.end({ timeout: 1 });
    }
    // Once the lock is free the same start migrates: `samrad migrate` says so.
    const ok = await run(['migrate'], { DATABASE_URL: db.url, MIGRATION_LOCK_MS: '1500' });
    expect(ok.code).toBe(0);
  });

  it('MIGRATION_LOCK_MS out of range is a configuration error naming the variable', async () => {
    const r = await run(['migrate'], { DATABASE_URL: PG_SERVER_URL, MIGRATION_LOCK_MS: 'soon' });
    expect(r.code).toBe(2);
    expect(r.err).toContain('environment: MIGRATION_LOCK_MS:');
  });
});
