// The outbox deliverer on its own: Retry-After, permanent errors, leases, and updates of earlier posts.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { outbox } from '../../src/db/schema/index.js';
import type { Message, Target } from '../../src/core/model.js';
import { DeliveryError, type ChatPort } from '../../src/core/ports.js';
import { createLogger } from '../../src/log.js';
import { Deliverer } from '../../src/outbox/deliverer.js';
import { useTestBot } from '../helpers/bot.js';

const { bot } = useTestBot();
const quiet = createLogger('silent');
const channel: Target = { kind: 'channel', platform: 'shell', channelId: 'unga' };
const msg = (text: string): Message => ({ blocks: [{ type: 'text', text }] });

async function enqueue(key: string, text: string, replaces: string | null = null) {
  const now = bot.clock.now();
  return bot.store.outbox.enqueue([{ key, target: channel, payload: msg(text), replaces, nextAttemptAt: now, createdAt: now }]);
}

async function statusOf(key: string) {
  const [row] = await bot.db.select().from(outbox).where(eq(outbox.key, key));
  return row;
}

describe('retries', () => {
  it('waits as long as the platform says (Retry-After), then sends once', async () => {
    let calls = 0;
    const port: ChatPort = {
      send: async (t, m, r) => {
        if (calls++ === 0) throw new DeliveryError('Slack 429', true, 120_000);
        return bot.port.send(t, m, r);
      },
    };
    const d = new Deliverer(bot.store.outbox, { shell: port }, bot.clock, quiet);
    await enqueue('k1', 'hej');
    expect(await d.deliver()).toMatchObject({ sent: 0, retried: 1 });
    bot.clock.advance(119_000);
    expect(await d.deliver()).toMatchObject({ sent: 0, retried: 0 });
    bot.clock.advance(1_000);
    expect(await d.deliver()).toMatchObject({ sent: 1 });
    expect(await d.deliver()).toMatchObject({ sent: 0 });
    expect(bot.port.toChannel('unga')).toEqual(['hej']);
  });

  it('backs off, doubling, when the platform gives no hint', async () => {
    bot.port.failWith = new DeliveryError('503', true);
    await enqueue('k1', 'hej');
    await bot.deliverer.deliver();
    const first = (await statusOf('k1')).nextAttemptAt.getTime() - bot.clock.now().getTime();
    bot.clock.advance(first);
    await bot.deliverer.deliver();
    const second = (await statusOf('k1')).nextAttemptAt.getTime() - bot.clock.now().getTime();
    expect([first, second]).toEqual([5_000, 10_000]);
  });

  it('marks a permanent error failed and logs it, without retrying', async () => {
    const lines: string[] = [];
    const log = createLogger('error', { write: (s: string) => void lines.push(s) } as never);
    const d = new Deliverer(bot.store.outbox, { shell: { send: async () => Promise.reject(new DeliveryError('channel_not_found', false)) } }, bot.clock, log);
    await enqueue('k1', 'hej');
    expect(await d.deliver()).toMatchObject({ failed: 1 });
    expect(await statusOf('k1')).toMatchObject({ status: 'failed', lastError: 'channel_not_found' });
    expect(lines.join('')).toContain('delivery failed for good');
    bot.clock.advance(86_400_000);
    expect(await d.deliver()).toMatchObject({ sent: 0, failed: 0 });
  });

  it('retries a claimed row whose sender died once its lease has run out', async () => {
    let entered!: () => void;
    const claimed = new Promise<void>((r) => (entered = r));
    // This sender takes the row and never comes back (a killed process).
    const dying = new Deliverer(bot.store.outbox, { shell: { send: () => (entered(), new Promise(() => {})) } }, bot.clock, quiet, { leaseMs: 60_000 });
    await enqueue('k1', 'hej');
    void dying.deliver();
    await claimed;
    expect((await statusOf('k1')).status).toBe('sending');
    bot.clock.advance(59_000);
    expect(await bot.deliverer.deliver()).toMatchObject({ sent: 0 });
    bot.clock.advance(1_000);
    expect(await bot.deliverer.deliver()).toMatchObject({ sent: 1 });
    expect(bot.port.toChannel('unga')).toEqual(['hej']);
    expect((await statusOf('k1')).attempts).toBe(2);
  });
});

describe('updates of an earlier post', () => {
  it('waits for the post it replaces, then edits it', async () => {
    bot.port.failWith = new DeliveryError('503', true);
    await enqueue('agenda:x', 'v1');
    await bot.deliverer.deliver();
    await enqueue('agenda:x:v2', 'v2', 'agenda:x');
    bot.clock.advance(3_600_000);
    bot.port.failWith = null;
    // Both are due; the original goes first (write order), the update then edits it.
    await bot.deliverer.deliver();
    expect(bot.port.sent.map((s) => [s.text, s.replaces])).toEqual([
      ['v1', undefined],
      ['v2', { id: 1 }],
    ]);
  });

  it('holds an update while the original is unsent', async () => {
    await enqueue('agenda:x', 'v1');
    await enqueue('agenda:x:v2', 'v2', 'agenda:x');
    const d = new Deliverer(bot.store.outbox, { shell: bot.port }, bot.clock, quiet);
    const [update] = await bot.db.select().from(outbox).where(eq(outbox.key, 'agenda:x:v2'));
    expect(await d.deliver([update.id])).toMatchObject({ sent: 0, retried: 1 });
    expect(bot.port.sent).toEqual([]);
  });

  it('drops an older unsent update when a newer one exists', async () => {
    await enqueue('agenda:x', 'v1');
    await bot.deliverer.deliver();
    await enqueue('agenda:x:v2', 'v2', 'agenda:x');
    await enqueue('agenda:x:v3', 'v3', 'agenda:x');
    expect(await bot.deliverer.deliver()).toMatchObject({ sent: 1, superseded: 1 });
    expect(bot.port.sent.map((s) => s.text)).toEqual(['v1', 'v3']);
    expect((await statusOf('agenda:x:v2')).status).toBe('superseded');
  });
});
