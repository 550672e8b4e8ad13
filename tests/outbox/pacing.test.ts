// Per-channel pacing when the deliverer's clock stands still, as in `samrad tick` (the clock is fixed to
// the tick's instant) — the waits must still follow the platform's rate, one post a second per channel
// after a short burst, and a channel told to wait (429) must hold only itself.
import { describe, expect, it } from 'vitest';
import type { Message, Target } from '../../src/core/model.js';
import { DeliveryError, type ChatPort } from '../../src/core/ports.js';
import { createLogger } from '../../src/log.js';
import { Deliverer } from '../../src/outbox/deliverer.js';
import { useTestBot } from '../helpers/bot.js';
import { VirtualTimers } from '../helpers/timers.js';

const { bot } = useTestBot();
const quiet = createLogger('silent');
const slackChannel = (id: string): Target => ({ kind: 'channel', platform: 'slack', channelId: id });
const msg = (text: string): Message => ({ blocks: [{ type: 'text', text }] });

async function enqueue(target: Target, texts: string[]) {
  const now = bot.clock.now();
  await bot.store.outbox.enqueue(texts.map((t) => ({ key: `k:${t}`, target, payload: msg(t), nextAttemptAt: now, createdAt: now })));
}

/** A Slack stand-in that notes when (on the virtual timers) each post arrived, per channel. */
function recordingSlack(timers: VirtualTimers, refuse?: (channel: string, n: number) => number | null) {
  const at = new Map<string, number[]>();
  const port: ChatPort = {
    async send(target) {
      const ch = target.kind === 'channel' ? target.channelId : target.externalId;
      const list = at.get(ch) ?? [];
      const wait = refuse?.(ch, list.length);
      if (wait) throw new DeliveryError('Slack 429', true, wait);
      list.push(timers.now());
      at.set(ch, list);
      return { channel: ch, ts: String(list.length) };
    },
  };
  return { port, at };
}

describe('pacing with a clock fixed to the tick instant', () => {
  it('sends every post of a busy channel in the tick, one a second', async () => {
    const timers = new VirtualTimers();
    const slack = recordingSlack(timers);
    // bot.clock is never advanced here: the deliverer of `samrad tick` runs on the tick's instant.
    const d = new Deliverer(timers.track(bot.store.outbox), { slack: slack.port }, bot.clock, quiet, { wake: false }, timers);
    await enqueue(slackChannel('CBUSY'), Array.from({ length: 12 }, (_, i) => `påminnelse ${i + 1}`));
    const stats = await timers.drive(d.deliver());
    expect(stats).toMatchObject({ sent: 12, deferred: 0 });
    // Seconds after the first post: one a second (Slack promises no burst).
    expect(slack.at.get('CBUSY')!.map((t) => Math.round(t / 1000))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('a 429 holds only its own channel, which then goes at the steady rate', async () => {
    const timers = new VirtualTimers();
    // CSLOW takes one post, then says "not before 5 s" once.
    let refused = false;
    const slack = recordingSlack(timers, (ch, n) => (ch === 'CSLOW' && n === 1 && !refused ? ((refused = true), 5_000) : null));
    const d = new Deliverer(timers.track(bot.store.outbox), { slack: slack.port }, bot.clock, quiet, { wake: false }, timers);
    await enqueue(slackChannel('CSLOW'), ['s1', 's2', 's3', 's4']);
    await enqueue(slackChannel('CFAST'), ['f1', 'f2', 'f3', 'f4']);
    expect(await timers.drive(d.deliver())).toMatchObject({ sent: 8 });
    expect(slack.at.get('CFAST')!.map((t) => Math.round(t / 1000))).toEqual([0, 1, 2, 3]);
    // s2 was refused at second 1 with "not before 5 s": nothing before second 6, then one a second.
    expect(slack.at.get('CSLOW')!.map((t) => Math.round(t / 1000))).toEqual([0, 6, 7, 8]);
  });

  it('a channel Slack holds strictly to 1/s is never refused, even when posts take varying time to arrive', async () => {
    const timers = new VirtualTimers();
    // Slack counts a post when it arrives; one that arrives less than a second after the channel's
    // previous one is refused (429, one second). Posts take 0–400 ms to arrive, unevenly.
    const delays = [400, 0, 250, 0, 400, 50, 0, 300];
    const arrived: number[] = [];
    let refused = 0;
    const port: ChatPort = {
      async send() {
        await new Promise<void>((r) => timers.later(delays[arrived.length % delays.length], r));
        const last = arrived.at(-1);
        if (last !== undefined && timers.now() - last < 1_000) {
          refused++;
          throw new DeliveryError('Slack 429', true, 1_000);
        }
        arrived.push(timers.now());
        return { channel: 'CSTRICT', ts: String(arrived.length) };
      },
    };
    const d = new Deliverer(timers.track(bot.store.outbox), { slack: port }, bot.clock, quiet, { wake: false }, timers);
    await enqueue(slackChannel('CSTRICT'), Array.from({ length: 8 }, (_, i) => `strikt ${i + 1}`));
    expect(await timers.drive(d.deliver())).toMatchObject({ sent: 8, retried: 0 });
    expect(refused).toBe(0);
    // And no slower than it must be: each post leaves a second (and a few ms) after the one before was answered.
    expect(arrived.at(-1)! / 1000).toBeLessThan(7 + delays.reduce((a, b) => a + b, 0) / 1000 + 0.1);
  });
});
