// Slack's wire rules: signatures and timestamps, ack before work, and Web API failures.
import { beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { LogSink, sign, SIGNING_SECRET, startSlackServer, useSlackServer, visibleText } from '../helpers/slack.js';

const C = 'CUNGA01';
const USERS = [
  { id: 'UANNA', name: 'Anna', email: 'anna@arbetsformedlingen.se', locale: 'sv-SE' },
  { id: 'UKARIN', name: 'Karin', email: 'karin@helsingborg.se', locale: 'sv-SE' },
];

let logs: LogSink;
const { fake, database, s, replace } = useSlackServer(USERS, () => {
  logs = new LogSink();
  return { logger: createLogger('info', logs) };
});

async function answer(user: string, text: string): Promise<string> {
  const responseUrl = fake.responseUrl();
  expect((await s.client.command({ user, channel: C, text, responseUrl })).status).toBe(200);
  return visibleText((await fake.waitFor((c) => c.url === responseUrl, `an answer to "${text}"`)).body);
}

const caseCommand = 'ärende ny grupp:unga samtycke:ja Behöver samplanering';

describe('request verification', () => {
  const forged: [string, (body: string) => { timestamp?: number; signature?: string }][] = [
    ['a forged signature', () => ({ signature: `v0=${'0'.repeat(64)}` })],
    ['a signature made with another secret', (body) => ({ signature: sign('not-the-secret', Math.floor(Date.now() / 1000), body) })],
    ['a correctly signed request older than 5 minutes', (body) => {
      const old = Math.floor(Date.now() / 1000) - 6 * 60;
      return { timestamp: old, signature: sign(SIGNING_SECRET, old, body) };
    }],
  ];

  it.each(forged)('%s gets 401 and changes nothing', async (_name, forge) => {
    const body = new URLSearchParams({ team_id: 'T1', channel_id: C, user_id: 'UANNA', command: '/forum', text: 'koppla arendeforum-unga', response_url: fake.responseUrl(), trigger_id: 't' }).toString();
    const res = await s.client.post(body, 'application/x-www-form-urlencoded', forge(body));
    expect(res.status).toBe(401);
    // A genuine request afterwards is answered; by then the forged one has long been turned away.
    expect(await answer('UANNA', 'hjälp')).toContain('Samråd – kommandon');
    expect(fake.calls.map((c) => c.method).filter((m) => m !== 'auth.test')).toEqual(['users.info', 'response_url']);
    expect(await s.store.forums.byChannel('slack', C)).toBeNull();
    expect(await s.store.members.byId(1)).toBeNull(); // `hjälp` stores nobody, so any member came from the forgery
  });
});

describe('malformed payloads', () => {
  const bodies: [string, string, string][] = [
    ['interactivity payload that is not JSON', 'application/x-www-form-urlencoded', new URLSearchParams({ payload: '{"type":"block_actions",' }).toString()],
    ['an action with no user and no actions', 'application/x-www-form-urlencoded', new URLSearchParams({ payload: JSON.stringify({ type: 'block_actions', team: { id: 'T1' } }) }).toString()],
    ['a view submission without values', 'application/x-www-form-urlencoded', new URLSearchParams({ payload: JSON.stringify({ type: 'view_submission', user: { id: 'UANNA' }, team: { id: 'T1' }, view: { callback_id: 'samrad-form', private_metadata: 'not json' } }) }).toString()],
    ['an event body that is not JSON', 'application/json', '{"type":"event_callback","event":'],
    ['a slash command without a user', 'application/x-www-form-urlencoded', new URLSearchParams({ command: '/forum', text: 'koppla arendeforum-unga', channel_id: C }).toString()],
  ];

  it.each(bodies)('%s is refused or ignored, changes nothing, and the server keeps answering', async (_name, type, body) => {
    const res = await s.client.post(body, type);
    expect(res.status).toBeLessThan(500);
    expect(await s.store.forums.byChannel('slack', C)).toBeNull();
    expect(fake.of('chat.postMessage')).toEqual([]);
    expect(await answer('UANNA', 'hjälp')).toContain('Samråd – kommandon');
  });
});

describe('acknowledgement', () => {
  it('acks a slash command while the Web API is still slow, then answers at the response_url', async () => {
    const release = fake.hold('users.info');
    const responseUrl = fake.responseUrl();
    // The HTTP answer arrives although the work (which needs users.info) cannot have finished.
    const res = await s.client.command({ user: 'UANNA', channel: C, text: 'koppla arendeforum-unga', responseUrl });
    expect(res.status).toBe(200);
    expect(fake.of('response_url')).toEqual([]);
    release();
    const seen = await fake.waitFor((c) => c.url === responseUrl, 'the answer');
    expect(visibleText(seen.body)).toContain('Kanalen är nu kopplad');
  });

  it('serves the health checks on the same server', async () => {
    expect((await fetch(`${s.base}/healthz`)).status).toBe(200);
    expect(await (await fetch(`${s.base}/readyz`)).json()).toMatchObject({ ok: true, database: 'up', tick: { lastCompletedAt: null, ageSeconds: null, overlaps: 0 } });
  });
});

describe('Web API failures', () => {
  beforeEach(async () => {
    expect(await answer('UANNA', 'koppla arendeforum-unga')).toContain('Kanalen är nu kopplad');
  });

  it('a 429 with Retry-After is retried after that time, and the message is delivered once', async () => {
    fake.script('chat.postMessage', { status: 429, headers: { 'retry-after': '30' }, body: { ok: false, error: 'ratelimited' } });
    await s.client.command({ user: 'UANNA', channel: C, text: caseCommand, responseUrl: fake.responseUrl() });
    const retry = await logs.waitFor('delivery will be retried');
    expect(retry.retryInMs).toBe(30_000);
    // Not before Slack said so…
    s.clock.advance(29_000);
    expect((await s.composed.deliverer.deliver()).sent).toBe(0);
    // …and then exactly once.
    s.clock.advance(1_000);
    expect(await s.composed.deliverer.deliver()).toMatchObject({ sent: 1, retried: 0, failed: 0 });
    expect(await s.composed.deliverer.deliver()).toMatchObject({ sent: 0, retried: 0, failed: 0 });
    const posts = fake.of('chat.postMessage').filter((c) => c.body.channel === C);
    expect(posts.map((p) => p.ok)).toEqual([false, true]);
    expect(visibleText(posts[1].body)).toContain('Ärende UNG-2026-001 registrerat');
  });

  it('a 5xx is retried by the outbox with back-off', async () => {
    fake.script('chat.postMessage', { status: 503, body: 'unavailable' });
    await s.client.command({ user: 'UANNA', channel: C, text: caseCommand, responseUrl: fake.responseUrl() });
    const retry = await logs.waitFor('delivery will be retried');
    expect(retry.error).toBe('slack: HTTP 503');
    s.clock.advance(retry.retryInMs);
    expect((await s.composed.deliverer.deliver()).sent).toBe(1);
    expect(fake.of('chat.postMessage').map((p) => p.ok)).toEqual([false, true]);
  });

  it('not_in_channel fails for good, is logged clearly, and the person is told how to fix it', async () => {
    fake.script('chat.postMessage', { status: 200, body: { ok: false, error: 'not_in_channel' } });
    const seen = await answer('UANNA', caseCommand);
    expect(seen).toContain('Samråd är inte medlem i kanalen');
    expect(seen).toContain('/invite @Samråd');
    const warn = await logs.waitFor('cannot post here');
    expect(warn).toMatchObject({ level: 40, channel: C, error: 'not_in_channel' });
    expect(await logs.waitFor('delivery failed for good')).toMatchObject({ error: 'slack: not_in_channel' });
    // The case itself is saved, and the failed post is not retried.
    expect((await s.store.cases.byCode('UNG-2026-001'))?.status).toBe('open');
    s.clock.advance(24 * 3_600_000);
    expect(await s.composed.deliverer.deliver()).toMatchObject({ sent: 0, retried: 0, failed: 0 });
    expect(fake.of('chat.postMessage')).toHaveLength(1);
  });
});

describe('configuration', () => {
  it('with SLACK_APP_TOKEN uses Socket Mode: no /slack/events route, same bot token check', async () => {
    await s.stop();
    fake.reset(USERS);
    replace(await startSlackServer(database, fake, { env: { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_APP_TOKEN: 'xapp-test', SLACK_API_URL: `${fake.url}/api/`, PORT: '0' } }));
    expect(fake.of('auth.test')).toHaveLength(1);
    expect(s.composed.ports.slack).toBeDefined();
    const body = new URLSearchParams({ command: '/forum', text: 'hjälp' }).toString();
    expect((await s.client.post(body, 'application/x-www-form-urlencoded')).status).toBe(404);
  });

  it('refuses to start when Slack rejects the bot token', async () => {
    await s.stop();
    fake.reset(USERS);
    fake.script('auth.test', { status: 200, body: { ok: false, error: 'invalid_auth' } });
    await expect(startSlackServer(database, fake)).rejects.toThrow(/invalid_auth/);
    replace(await startSlackServer(database, fake)); // for afterEach
  });
});
