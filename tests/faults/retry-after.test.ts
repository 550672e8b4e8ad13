// Retry-After to the second, per channel (issue 16): a 429 with `Retry-After: 3` on one forum's channel
// pauses only that channel, until exactly that instant, when a timer in the process sends it (not the
// next minute's tick); a post to another forum's channel goes meanwhile. Clock and timers are injected:
// the test moves them, nothing sleeps.
import { describe, expect, it } from 'vitest';
import type { Timers } from '../../src/outbox/timers.js';
import type { FakeClock } from '../helpers/bot.js';
import { createLogger } from '../../src/log.js';
import { LogSink, useSlackServer, visibleText } from '../helpers/slack.js';

/** Timers on the test's clock: `advance` moves the clock and fires what fell due, in order. */
class FakeTimers implements Timers {
  private pending: { at: number; fn: () => void }[] = [];
  clock!: FakeClock;
  now(): number {
    return this.clock.now().getTime();
  }
  later(ms: number, fn: () => void): () => void {
    const t = { at: this.clock.now().getTime() + Math.max(0, ms), fn };
    this.pending.push(t);
    return () => void (this.pending = this.pending.filter((x) => x !== t));
  }
  advance(ms: number): void {
    const end = this.clock.now().getTime() + ms;
    for (;;) {
      const next = this.pending.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!next) break;
      this.pending = this.pending.filter((t) => t !== next);
      this.clock.set(new Date(Math.max(next.at, this.clock.now().getTime())));
      next.fn();
    }
    this.clock.set(new Date(end));
  }
}

const UNGA = 'CUNGA01';
const VUXNA = 'CVUXNA01';
const USERS = [{ id: 'UANNA', name: 'Anna', email: 'anna@arbetsformedlingen.se', locale: 'sv-SE' }];
const timers = new FakeTimers();
let logs: LogSink;
const { fake, s } = useSlackServer(USERS, () => {
  logs = new LogSink();
  return { logger: createLogger('info', logs), overrides: { delivery: { rates: {} }, timers } };
});

async function answer(channel: string, text: string): Promise<void> {
  const responseUrl = fake.responseUrl();
  expect((await s.client.command({ user: 'UANNA', channel, text, responseUrl })).status).toBe(200);
  await fake.waitFor((c) => c.url === responseUrl, `an answer to "${text}"`);
}

const posts = (channel: string) => fake.of('chat.postMessage').filter((c) => c.body.channel === channel);

describe('429 with Retry-After', { timeout: 60_000 }, () => {
  it('pauses only that channel, to the very second, while another channel keeps flowing', async () => {
    timers.clock = s.clock;
    await answer(UNGA, 'koppla arendeforum-unga');
    await answer(VUXNA, 'koppla arendeforum-vuxna');
    fake.fault('chat.postMessage', { status: 429, headers: { 'retry-after': '3' }, body: { ok: false, error: 'ratelimited' } }, { match: (b) => b.channel === UNGA });
    expect((await s.client.command({ user: 'UANNA', channel: UNGA, text: 'ärende ny grupp:unga samtycke:ja Behöver samplanering kring studiestart', responseUrl: fake.responseUrl() })).status).toBe(200);
    // The channel's post goes back, due at Slack's instant (a timer in the process is armed for it).
    expect(await logs.waitFor('delivery will be retried')).toMatchObject({ retryInMs: 3_000 });

    // The other forum's channel is not held up.
    expect((await s.client.command({ user: 'UANNA', channel: VUXNA, text: 'ärende ny grupp:etablering samtycke:ja Behöver samplanering kring praktik', responseUrl: fake.responseUrl() })).status).toBe(200);
    await fake.waitForCall('chat.postMessage', (b) => b.channel === VUXNA && visibleText(b).includes('registrerat'));

    // A millisecond before Slack's instant nothing goes; at it, the timer sends the post once.
    timers.advance(2_999);
    expect(posts(UNGA).filter((c) => c.ok)).toHaveLength(0);
    timers.advance(1);
    const sent = await fake.waitForCall('chat.postMessage', (b) => b.channel === UNGA, 'the post at its Retry-After instant');
    expect(visibleText(sent.body)).toContain('registrerat');
    await expect.poll(async () => (await s.composed.deliverer.deliver()).sent).toBe(0);
    expect(posts(UNGA).map((c) => c.ok)).toEqual([false, true]);
  });
});
