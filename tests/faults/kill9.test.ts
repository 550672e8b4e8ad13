// `kill -9` in the middle of a burst (issue 16): the real server (`samrad start`, on PostgreSQL) takes
// 40 signed `/forum åtgärd ny …` (80 posts: the channel and the owner's DM) against a slow fake Slack
// Web API; after 25 posts Slack takes posts in but never answers, and the server is killed with
// SIGKILL while those posts are on the wire and the rest are claimed in its memory. It is started
// again on the same database and the scheduler runs (`samrad tick --now`, past the dead process's
// leases): every message reaches Slack exactly once, counted by the outbox key each post carries in
// its message metadata. Skipped only when no PostgreSQL answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseEnv, SamradChild } from '../helpers/child.js';
import { postgresUnreachable, scratchDatabase, type ScratchDatabase } from '../helpers/pg-scratch.js';
import { FakeSlack, SlackClient, visibleText } from '../helpers/slack.js';

const SECRET = 'kill9-signing-secret';
const C = 'CUNGA01';
const USERS = [
  { id: 'UANNA', name: 'Anna', email: 'anna@arbetsformedlingen.se', locale: 'sv-SE' },
  { id: 'UKARIN', name: 'Karin', email: 'karin@helsingborg.se', locale: 'sv-SE' },
];
const STEPS = 40;
const KILL_AFTER_POSTS = 25;

const unreachable = await postgresUnreachable();
if (unreachable) console.warn(`tests/faults/kill9.test.ts skipped: ${unreachable}`);

describe.skipIf(Boolean(unreachable))('kill -9 mid-delivery, on PostgreSQL', { timeout: 180_000 }, () => {
  const fake = new FakeSlack();
  let db: ScratchDatabase;
  const children: SamradChild[] = [];

  beforeAll(async () => {
    await fake.start();
    fake.reset(USERS);
    db = await scratchDatabase('kill9');
  });
  afterAll(async () => {
    for (const c of children) if (c.process.exitCode === null && c.process.signalCode === null) c.kill('SIGKILL');
    await Promise.all(children.map((c) => c.exited));
    await fake.stop();
    await db?.drop();
  });

  const env = () => ({
    ...baseEnv(),
    SAMRAD_MODE: 'server',
    DATABASE_URL: db.url,
    PORT: '0',
    LOG_LEVEL: 'info',
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: `${fake.url}/api/`,
    // The fake is local: no per-channel spacing, so the burst is limited by the fake's slowness only.
    SLACK_CHANNEL_INTERVAL_MS: '0',
  });

  async function server(): Promise<{ child: SamradChild; client: SlackClient; base: string }> {
    const child = new SamradChild(['start'], env());
    children.push(child);
    const { port } = await child.logged('samrad listening');
    const base = `http://127.0.0.1:${port}`;
    return { child, client: new SlackClient(base, SECRET), base };
  }

  async function outboxRows() {
    return db.query<{ key: string; status: string; platform: string; uncertain: boolean }>(`select key, status, target->>'platform' as platform, uncertain from outbox order by id`);
  }

  it('loses no post and posts none twice', async () => {
    const a = await server();
    const linked = fake.responseUrl();
    expect((await a.client.command({ user: 'UANNA', channel: C, text: 'koppla arendeforum-unga', responseUrl: linked })).status).toBe(200);
    await fake.waitFor((c) => c.url === linked, 'the answer to koppla');
    expect((await a.client.command({ user: 'UANNA', channel: C, text: 'ärende ny grupp:unga samtycke:ja Behöver samplanering kring studiestart', responseUrl: fake.responseUrl() })).status).toBe(200);
    await fake.waitForCall('chat.postMessage', (b) => visibleText(b).includes('UNG-2026-001 registrerat'));

    // The burst, at a slow Slack; after 25 posts Slack takes posts in and never answers.
    fake.slow('chat.postMessage', 60);
    const posted = () => fake.postedKeys().length;
    const stalled = fake.waitFor((c) => c.method === 'chat.postMessage' && c.ok && posted() >= KILL_AFTER_POSTS, `${KILL_AFTER_POSTS} posts`, 60_000).then(() => fake.fault('chat.postMessage', 'hang', { times: 10_000 }));
    const acks = await Promise.all(
      Array.from({ length: STEPS }, (_, i) => a.client.command({ user: 'UANNA', channel: C, text: `åtgärd ny UNG-2026-001 <@UKARIN|karin> +3 steg nummer ${i + 1}`, responseUrl: fake.responseUrl() })),
    );
    expect(acks.map((r) => r.status)).toEqual(Array(STEPS).fill(200));
    await stalled;
    // Every command acknowledged has committed (its posts are in the outbox), and a post is on the wire.
    await expect.poll(async () => Number((await db.query<{ n: string }>('select count(*) as n from next_steps'))[0].n), { timeout: 60_000 }).toBe(STEPS);
    await fake.waitFor((c) => c.method === 'chat.postMessage' && !c.ok && c.posted === true, 'a post taken in and not answered', 30_000);

    a.child.kill('SIGKILL');
    expect(await a.child.exited).toEqual({ code: null, signal: 'SIGKILL' });
    const atKill = await outboxRows();
    const postedAtKill = posted();
    // Mid-delivery: some posts reached Slack, some of those are not recorded as sent, some never went.
    expect(postedAtKill).toBeGreaterThanOrEqual(KILL_AFTER_POSTS);
    expect(postedAtKill).toBeLessThan(atKill.filter((r) => r.platform === 'slack').length);
    const notRecorded = atKill.filter((r) => r.status !== 'sent' && fake.postedKeys().includes(r.key));
    expect(notRecorded.length).toBeGreaterThan(0);

    // Restart on the same database; Slack answers again.
    fake.clearFaults();
    fake.slow('chat.postMessage', 0);
    const b = await server();
    expect((await fetch(`${b.base}/readyz`)).status).toBe(200);
    // The scheduler's next runs, after the dead process's leases (60 s) ran out: a tick takes at most
    // 20 rows of a channel, so the minutes go on until the outbox is empty (at most four here).
    const found = (c: SamradChild) => c.lines.filter((l) => l.msg?.includes('had been posted already')).length;
    const ticks: SamradChild[] = [];
    for (let minute = 1; minute <= 4; minute++) {
      const tick = new SamradChild(['tick', '--now', new Date(Date.now() + 5_000 + minute * 60_000).toISOString()], env());
      children.push(tick);
      ticks.push(tick);
      expect((await tick.exited).code).toBe(0);
      expect(tick.errors()).toEqual([]);
      if ((await outboxRows()).every((r) => r.status === 'sent')) break;
    }
    expect(ticks.length).toBeLessThan(4);

    // The restarted server serves new commands as before.
    expect((await b.client.command({ user: 'UANNA', channel: C, text: 'åtgärd ny UNG-2026-001 <@UKARIN|karin> +3 efter omstarten', responseUrl: fake.responseUrl() })).status).toBe(200);
    await fake.waitForCall('chat.postMessage', (x) => visibleText(x).includes('efter omstarten'));

    // 0 lost, 0 duplicated: every outbox row sent, and each key reached Slack exactly once.
    await expect.poll(async () => (await outboxRows()).filter((r) => r.status !== 'sent').map((r) => `${r.key}:${r.status}`), { timeout: 10_000 }).toEqual([]);
    const rows = await outboxRows();
    const slackKeys = rows.filter((r) => r.platform === 'slack').map((r) => r.key);
    expect(slackKeys).toHaveLength(1 + 2 * (STEPS + 1));
    // What reached Slack before the kill and was not recorded was found in the history, not posted again.
    expect(ticks.map(found).reduce((x, y) => x + y, 0) + found(b.child)).toBe(notRecorded.length);
    const keys = fake.postedKeys();
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
    expect([...keys].sort()).toEqual([...slackKeys].sort());

    b.child.kill('SIGTERM');
    expect((await b.child.exited).code).toBe(0);
    expect(a.child.errors().concat(b.child.errors())).toEqual([]);
  });
});
