// SIGTERM while a Slack call hangs (issue 16), on the real binary (server mode, PGlite): Slack takes a
// post (a retry after a 429) in and never answers; the process still exits 0 within its budget (SHUTDOWN_BUDGET_MS, here
// 3 s; the Web API timeout set longer than that, so the hang outlasts the budget), gives the post
// back to the outbox as one whose outcome is unknown, and the next run finds it in the channel's
// history instead of posting it a second time.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
import { outbox } from '../../src/db/schema/index.js';
import { baseEnv, SamradChild } from '../helpers/child.js';
import { FakeSlack, SlackClient, visibleText } from '../helpers/slack.js';

const SECRET = 'shutdown-hang-secret';
const C = 'CUNGA01';
const BUDGET_MS = 3_000;
const dataDir = mkdtempSync(join(tmpdir(), 'samrad-hang-'));
const fake = new FakeSlack();

beforeAll(async () => {
  await fake.start();
  fake.reset([{ id: 'UANNA', email: 'anna@arbetsformedlingen.se', name: 'anna', locale: 'sv-SE' }]);
});
afterAll(async () => {
  await fake.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const env = (extra: Record<string, string> = {}) => ({
  ...baseEnv(),
  SAMRAD_MODE: 'server',
  DATA_DIR: dataDir,
  PORT: '0',
  LOG_LEVEL: 'info',
  SLACK_BOT_TOKEN: 'xoxb-test',
  SLACK_SIGNING_SECRET: SECRET,
  SLACK_API_URL: `${fake.url}/api/`,
  SLACK_CHANNEL_INTERVAL_MS: '0',
  ...extra,
});

describe('SIGTERM while a Slack post hangs', { timeout: 120_000 }, () => {
  it('exits 0 within the budget, and the post it could not finish is neither lost nor posted twice', async () => {
    const child = new SamradChild(['start'], env({ SHUTDOWN_BUDGET_MS: String(BUDGET_MS), WEB_API_TIMEOUT_MS: '30000' }));
    const { port } = await child.logged('samrad listening');
    const client = new SlackClient(`http://127.0.0.1:${port}`, SECRET);
    const linked = fake.responseUrl();
    expect((await client.command({ user: 'UANNA', channel: C, text: 'koppla arendeforum-unga', responseUrl: linked })).status).toBe(200);
    await fake.waitFor((c) => c.url === linked, 'the answer to koppla');

    // Slack first asks for a second's wait (the row goes back and is sent again at that instant, on its
    // channel's lane), then takes the post in and never answers.
    fake.fault('chat.postMessage', { status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } });
    fake.fault('chat.postMessage', 'hang');
    expect((await client.command({ user: 'UANNA', channel: C, text: 'ärende ny grupp:unga samtycke:ja Behöver samplanering kring studiestart', responseUrl: fake.responseUrl() })).status).toBe(200);
    await fake.waitFor((c) => c.method === 'chat.postMessage' && c.posted === true && !c.ok, 'the post Slack took in and never answered');

    child.kill('SIGTERM');
    expect((await child.logged('shutting down')).budgetMs).toBe(BUDGET_MS);
    expect(await child.exited).toEqual({ code: 0, signal: null });
    // Past the budget what it held went back to the outbox; nothing logged an error.
    expect(await child.logged('shutdown budget reached')).toMatchObject({ released: 1 });
    expect(child.errors()).toEqual([]);

    const db = await openDatabase({ dataDir });
    try {
      const rows = await db.db.select({ status: outbox.status, uncertain: outbox.uncertain }).from(outbox);
      expect(rows).toEqual([{ status: 'pending', uncertain: true }]);
    } finally {
      await db.close();
    }

    // The next run (any replica's tick): the post is found in the history, recorded, not sent again.
    fake.clearFaults();
    const tick = new SamradChild(['tick', '--now', new Date(Date.now() + 65_000).toISOString()], env());
    expect((await tick.exited).code).toBe(0);
    expect(await tick.logged('had been posted already')).toBeTruthy();
    const posts = fake.of('chat.postMessage').filter((c) => c.posted && visibleText(c.body).includes('UNG-2026-001 registrerat'));
    expect(posts).toHaveLength(1);
    expect(new Set(fake.postedKeys()).size).toBe(fake.postedKeys().length);
  });
});
