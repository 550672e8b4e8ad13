// Database faults, named: which errors mean "the database is away for now" (a command is refused
// politely and changes nothing), what a failure at start-up means in one line, and a guard for the
// one postgres.js failure that escapes every await (see patches/ and docs/drift.md).
import type { Logger } from '../log.js';

/** postgres.js connection codes, Node socket codes and SQLSTATEs that mean "not reachable now". */
const UNAVAILABLE = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, recovering)
  '08000',
  '08001',
  '08003',
  '08006',
]);

/** True when `e` (or what it wraps — drizzle puts the driver's error in `cause`) says the database is away. */
export function isDatabaseUnavailable(e: unknown): boolean {
  for (let err = e as { code?: unknown; cause?: unknown } | undefined, depth = 0; err && depth < 4; err = err.cause as typeof err, depth++) {
    if (typeof err.code === 'string' && UNAVAILABLE.has(err.code)) return true;
  }
  return false;
}

/** One line for a database failure at start-up, saying what failed and what to do; null when not one we know. */
export function startupProblem(e: unknown, url: string | undefined): string | null {
  const where = describe(url);
  const codes: string[] = [];
  for (let err = e as { code?: unknown; cause?: unknown; errors?: unknown[] } | undefined, d = 0; err && d < 4; err = err.cause as typeof err, d++) {
    if (typeof err.code === 'string') codes.push(err.code);
    for (const inner of Array.isArray(err.errors) ? err.errors : []) if (typeof (inner as { code?: unknown })?.code === 'string') codes.push((inner as { code: string }).code);
  }
  const has = (...c: string[]) => codes.some((x) => c.includes(x));
  if (has('MIGRATION_LOCK_TIMEOUT')) return `samrad: another process has held the migration lock on ${where} for too long — wait for the other replica's migrations to finish (or end the stuck session holding pg_advisory_lock 727274), then start again`;
  if (has('3D000')) return `samrad: the database ${where} does not exist — create it (createdb ${dbName(url)}) or fix DATABASE_URL`;
  if (has('28P01', '28000')) return `samrad: PostgreSQL at ${where} refused the user name or password in DATABASE_URL — check the credentials`;
  if (has('ECONNREFUSED')) return `samrad: nothing answers at ${where} (connection refused) — start PostgreSQL or fix the host and port in DATABASE_URL`;
  if (has('ENOTFOUND', 'EAI_AGAIN')) return `samrad: the host in DATABASE_URL (${where}) is not known — fix the host name`;
  if (has('CONNECT_TIMEOUT', 'ETIMEDOUT', 'EHOSTUNREACH')) return `samrad: PostgreSQL at ${where} did not answer in time — check the network and DATABASE_URL`;
  if (has('57P03')) return `samrad: PostgreSQL at ${where} is starting up or recovering — start again in a moment`;
  if (has('42501')) return `samrad: the user in DATABASE_URL may not create tables in ${where} — grant it the rights, or run the migrations as an owner (samrad migrate)`;
  return null;
}

/** host:port/db, without user or password. */
function describe(url: string | undefined): string {
  if (!url) return 'the embedded database';
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}

function dbName(url: string | undefined): string {
  try {
    return decodeURIComponent(new URL(url ?? '').pathname.replace(/^\//, '')) || '<name>';
  } catch {
    return '<name>';
  }
}

/**
 * postgres.js 3.4.9 may write to a socket that closed in between from a setImmediate, which no await can
 * catch (porsager/postgres#1154, #1208); patches/ fixes that in the driver. Should it happen anyway (an
 * unpatched install), this handler catches exactly that error, logs it and keeps the server up: the
 * query it belonged to fails as "connection closed" and the outbox and the tick redo the rest. Any
 * other uncaught exception ends the process as Node would.
 */
export function installDriverCrashGuard(log: Logger): () => void {
  const handler = (err: Error) => {
    if (isDriverWriteCrash(err)) {
      log.error({ error: err.message, frames: err.stack?.split('\n').slice(1, 4).join('\n') }, 'database driver wrote to a closed connection; caught, the server stays up');
      return;
    }
    process.stderr.write(`${err?.stack ?? String(err)}\n`);
    process.exit(1);
  };
  process.on('uncaughtException', handler);
  return () => void process.off('uncaughtException', handler);
}

export function isDriverWriteCrash(err: unknown): boolean {
  const e = err as Error | undefined;
  return e instanceof TypeError && /reading 'write'|socket\.write/.test(e.message) && /postgres[\\/](cjs[\\/])?src[\\/]connection\.js/.test(e.stack ?? '') && /nextWrite/.test(e.stack ?? '');
}
