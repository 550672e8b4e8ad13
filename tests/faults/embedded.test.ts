// The embedded database is one process's: a second `samrad` on the same DATA_DIR stops at once with a
// message naming it (instead of losing data), and the shell switches who you are with `som`/`as`.
// Start-up failures of the database are one clear line and a non-zero exit, no stack trace.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { onPostgres } from '../helpers/db.js';

const BIN = fileURLToPath(new URL('../../bin/samrad.js', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'samrad-lock-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function start(env: Record<string, string> = {}, args = ['start']): ChildProcessWithoutNullStreams {
  const { DATABASE_URL: _omit, ...base } = process.env;
  return spawn(process.execPath, [BIN, ...args], { env: { ...base, DATA_DIR: dataDir, SAMRAD_USER: 'anna@arbetsformedlingen.se', SAMRAD_CHANNEL: 'unga', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
}

function finished(child: ChildProcessWithoutNullStreams): Promise<{ code: number | null; out: string; err: string }> {
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

function output(child: ChildProcessWithoutNullStreams, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stdout.on('data', (d) => {
      seen += d;
      if (seen.includes(text)) resolve();
    });
    child.once('close', () => reject(new Error(`exited before printing "${text}"`)));
  });
}

describe('the embedded database', { timeout: 120_000 }, () => {
  it('refuses a second process on the same DATA_DIR with a message naming it, and loses nothing', async () => {
    const first = start();
    const firstDone = finished(first);
    const ready = output(first, 'registrerat');
    first.stdin.write('koppla arendeforum-unga\närende ny grupp:unga samtycke:ja Första ärendet\n');
    await ready;

    const second = await finished((() => {
      const c = start({ SAMRAD_USER: 'karin@helsingborg.se' });
      c.stdin.end('ärende ny grupp:unga samtycke:ja Andra ärendet\n');
      return c;
    })());
    expect(second.code).not.toBe(0);
    expect(second.err).toContain(`another Samråd is already using ${dataDir}`);
    expect(second.err).toContain('DATA_DIR');
    expect(second.err).not.toMatch(/\n\s+at /);

    first.stdin.end();
    expect((await firstDone).code).toBe(0);
    const after = start();
    const listed = finished(after);
    after.stdin.end('ärende lista\n');
    const r = await listed;
    expect(r.code).toBe(0);
    expect(r.out).toContain('Öppna ärenden i Ärendeforum unga 18–29 (1)');
  });

  it('switches who you are with `som <e-post>` and `as <email>`, without a restart', async () => {
    const c = start();
    const done = finished(c);
    c.stdin.end(['som karin@helsingborg.se', 'ärende ny grupp:unga samtycke:ja Karins ärende', 'dagordning', 'as anna@arbetsformedlingen.se', 'mina'].join('\n') + '\n');
    const r = await done;
    expect(r.code).toBe(0);
    expect(r.out).toContain('Du är nu karin@helsingborg.se.');
    expect(r.out).toMatch(/UNG-\d{4}-002 .*Lyft av: Helsingborgs stad/);
    expect(r.out).toContain('You are now anna@arbetsformedlingen.se.');
  });
});

describe('database failures at start-up', { timeout: 60_000 }, () => {
  async function closedPort(): Promise<number> {
    const s = createServer();
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    const port = (s.address() as { port: number }).port;
    await new Promise<void>((r) => s.close(() => r()));
    return port;
  }

  it('a refused connection is one line saying what to do, exit 1, no stack trace', async () => {
    const r = await finished((() => {
      const c = start({ DATABASE_URL: `postgres://postgres@127.0.0.1:${0 || 1}/x` }, ['migrate']);
      c.stdin.end();
      return c;
    })());
    void closedPort;
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/^samrad: nothing answers at 127\.0\.0\.1:1\/x \(connection refused\) — start PostgreSQL or fix/);
  });

  it.skipIf(!onPostgres)('a database that does not exist is one line naming it and createdb, exit 1', async () => {
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = '/samrad_surely_missing_db';
    const r = await finished((() => {
      const c = start({ DATABASE_URL: url.toString() }, ['migrate']);
      c.stdin.end();
      return c;
    })());
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('/samrad_surely_missing_db does not exist — create it (createdb samrad_surely_missing_db)');
  });
});
