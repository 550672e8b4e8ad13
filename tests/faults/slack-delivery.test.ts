// Exactly once at the wire, through faults of a fake Slack Web API (issue 16): a connection reset
// after Slack took the post, a replica killed between posting and recording (its lease runs out), and
// a Web API call that never answers. Each asserts 0 lost and 0 duplicated, counted by the outbox keys
// the fake received in the posts' message metadata.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Message, Target } from '../../src/core/model.js';
import { outbox } from '../../src/db/schema/index.js';
import { createLogger } from '../../src/log.js';
import { LogSink, useSlackServer } from '../helpers/slack.js';

const C = 'CUNGA01';
const USERS = [{ id: 'UANNA', name: 'Anna', email: 'anna@arbetsformedlingen.se', locale: 'sv-SE' }];
// A send that has not answered in 2 s counts as failed with an unknown outcome (production: 10 s).
let logs: LogSink;
const { fake, database, s } = useSlackServer(USERS, () => {
  logs = new LogSink();
  return { logger: createLogger('info', logs), overrides: { delivery: { rates: {}, sendTimeoutMs: 2_000 } } };
});

async function answer(text: string): Promise<void> {
  const responseUrl = fake.responseUrl();
  expect((await s.client.command({ user: 'UANNA', channel: C, text, responseUrl })).status).toBe(200);
  await fake.waitFor((c) => c.url === responseUrl, `an answer to "${text}"`);
}

const newCase = (what: string) => `ärende ny grupp:unga samtycke:ja ${what}`;

/** Every outbox row to the channel, and the keys the fake received: all sent, each key exactly once. */
async function exactlyOnce(): Promise<void> {
  const rows = await database.db.select().from(outbox).where(eq(outbox.status, 'sent'));
  const all = await database.db.select().from(outbox);
  expect(all.map((r) => r.status).filter((st) => st !== 'sent')).toEqual([]);
  const posted = fake.postedKeys();
  expect([...posted].sort()).toEqual(rows.filter((r) => (r.target as Target).platform === 'slack').map((r) => r.key).sort());
  expect(new Set(posted).size).toBe(posted.length);
}

describe('Slack delivery through faults', { timeout: 60_000 }, () => {
  it('a connection reset after Slack took the post: the retry finds it in the channel history and posts nothing twice', async () => {
    await answer('koppla arendeforum-unga');
    fake.fault('chat.postMessage', 'reset');
    await s.client.command({ user: 'UANNA', channel: C, text: newCase('Behöver samplanering'), responseUrl: fake.responseUrl() });
    const retry = await logs.waitFor('delivery will be retried');
    expect(retry.uncertain).toBe(true);
    s.clock.advance(retry.retryInMs);
    expect(await s.composed.deliverer.deliver()).toMatchObject({ sent: 1, recovered: 1, failed: 0 });
    expect(fake.of('chat.postMessage')).toHaveLength(1);
    // The Web API client did not retry the post on its own either.
    expect(fake.of('conversations.history')).toHaveLength(1);
    await exactlyOnce();
  });

  it('a replica killed between posting and recording: when its lease runs out the post is found in the history, not sent again', async () => {
    await answer('koppla arendeforum-unga');
    // The post is refused for an hour, so it waits in the outbox for the dying replica to claim.
    fake.fault('chat.postMessage', { status: 429, headers: { 'retry-after': '3600' }, body: { ok: false, error: 'ratelimited' } });
    await s.client.command({ user: 'UANNA', channel: C, text: newCase('Behöver samplanering'), responseUrl: fake.responseUrl() });
    await logs.waitFor('delivery will be retried');
    expect(fake.postedKeys()).toEqual([]);
    s.clock.advance(3_600_000);
    // The other replica claims it, posts it through the same Slack port, and dies (kill -9) before
    // recording it: its claim stays until the lease (60 s) runs out.
    const claimed = await s.store.outbox.claim(s.clock.now(), 60_000, 50);
    expect(claimed).toHaveLength(1);
    const [first] = claimed;
    await s.composed.ports.slack!.send(first.target as Target, first.payload as Message, undefined, first.key);
    expect(fake.postedKeys()).toEqual([first.key]);
    expect(await s.composed.deliverer.deliver()).toMatchObject({ sent: 0 }); // still leased
    s.clock.advance(60_000);
    expect(await s.composed.deliverer.deliver()).toMatchObject({ sent: 1, recovered: 1, failed: 0 });
    await exactlyOnce();
  });

  it('a post that never gets an answer times out, does not hold up delivery, and is recorded once when found', async () => {
    await answer('koppla arendeforum-unga');
    fake.fault('chat.postMessage', 'hang');
    await s.client.command({ user: 'UANNA', channel: C, text: newCase('Behöver samplanering'), responseUrl: fake.responseUrl() });
    const retry = await logs.waitFor('delivery will be retried');
    expect(retry).toMatchObject({ uncertain: true, error: 'slack: no answer within 2000 ms' });
    // Delivery goes on: the next command's post is sent while the first still hangs.
    await s.client.command({ user: 'UANNA', channel: C, text: newCase('Nästa fråga'), responseUrl: fake.responseUrl() });
    await fake.waitForCall('chat.postMessage', (b) => JSON.stringify(b).includes('UNG-2026-002'), 'the next post');
    s.clock.advance(retry.retryInMs);
    expect(await s.composed.deliverer.deliver()).toMatchObject({ failed: 0 });
    await exactlyOnce();
    expect(fake.postedKeys()).toHaveLength(2);
  });
  it('a 500 after Slack made one post, a reset after it took in another: both found in the history, each posted once', async () => {
    await answer('koppla arendeforum-unga');
    fake.fault('chat.postMessage', { status: 500, body: { ok: false, error: 'internal_error' }, posted: true });
    await s.client.command({ user: 'UANNA', channel: C, text: newCase('Behöver samplanering'), responseUrl: fake.responseUrl() });
    const first = await logs.waitFor('delivery will be retried');
    expect(first).toMatchObject({ uncertain: true });
    // A second command's post: Slack takes it in and resets the connection.
    fake.fault('chat.postMessage', 'reset');
    await s.client.command({ user: 'UANNA', channel: C, text: newCase('Nästa fråga'), responseUrl: fake.responseUrl() });
    await logs.waitForCount('delivery will be retried', 2);
    s.clock.advance(60_000);
    expect(await s.composed.deliverer.deliver()).toMatchObject({ sent: 2, recovered: 2, failed: 0 });
    expect(fake.of('chat.postMessage')).toHaveLength(2);
    await exactlyOnce();
  });
});
