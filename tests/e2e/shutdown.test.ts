// Graceful shutdown of the real binary in server mode (PGlite, Slack at a local fake Web API): on
// SIGTERM it stops taking requests, lets an acknowledged command finish its delivery, closes the
// database and exits 0.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
import { outbox } from '../../src/db/schema/index.js';
import { FakeSlack, SlackClient } from '../helpers/slack.js';

const BIN = fileURLToPath(new URL('../../bin/samrad.js', import.meta.url));
const SECRET = 'shutdown-test-secret';
const dataDir = mkdtempSync(join(tmpdir(), 'samrad-shutdown-'));
const fake = new FakeSlack();

beforeAll(async () => {
  await fake.start();
  fake.reset([{ id: 'U1', email: 'karin@helsingborg.se', name: 'karin', locale: 'sv-SE' }]);
});
afterAll(async () => {
  await fake.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Resolves with the first JSON log line whose msg is `msg`. */
function logLine(child: ChildProcess, msg: string): Promise<Record<string, any>> {
  return new Promise((resolve, reject) => {
    let buf = '';
    const onData = (d: Buffer) => {
      buf += d.toString('utf8');
      for (const raw of buf.split('\n').slice(0, -1)) {
        const line = raw.startsWith('{') ? (JSON.parse(raw) as Record<string, any>) : null;
        if (line?.msg === msg) {
          child.stderr!.off('data', onData);
          resolve(line);
          return;
        }
      }
    };
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited (${code}) before logging "${msg}"`)));
  });
}

describe('samrad start (server) on SIGTERM', { timeout: 120_000 }, () => {
  it('stops taking requests, finishes the delivery under way and exits 0', async () => {
    const { DATABASE_URL: _omit, ...base } = process.env;
    const child = spawn(process.execPath, [BIN, 'start'], {
      env: { ...base, SAMRAD_MODE: 'server', DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'info', SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: `${fake.url}/api/` },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const { port } = await logLine(child, 'samrad listening');
    const baseUrl = `http://127.0.0.1:${port}`;
    expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
    const client = new SlackClient(baseUrl, SECRET);

    expect((await client.command({ user: 'U1', channel: 'C1', text: 'koppla arendeforum-unga', responseUrl: fake.responseUrl() })).status).toBe(200);
    await fake.waitForCall('response_url', (b) => String(b.text ?? JSON.stringify(b.blocks)).includes('kopplad'));

    // A command whose channel post is still on its way when the signal comes.
    const release = fake.hold('chat.postMessage');
    const acked = await client.command({ user: 'U1', channel: 'C1', text: 'ärende ny grupp:unga samtycke:ja Behöver samplanering kring studiestart', responseUrl: fake.responseUrl() });
    expect(acked.status).toBe(200);
    const stopping = logLine(child, 'shutting down');
    child.kill('SIGTERM');
    await stopping;
    await expect(fetch(`${baseUrl}/healthz`)).rejects.toThrow();
    expect(child.exitCode).toBeNull();

    release();
    expect(await exited).toBe(0);
    const post = fake.of('chat.postMessage').find((c) => c.ok && JSON.stringify(c.body).includes('registrerat'));
    expect(post?.body.channel).toBe('C1');
    // The delivery was recorded before the database closed: nothing is left to be sent again.
    const db = await openDatabase({ dataDir });
    try {
      const rows = await db.db.select({ status: outbox.status }).from(outbox);
      expect(rows.map((r) => r.status)).toEqual(['sent']);
    } finally {
      await db.close();
    }
  });
});
