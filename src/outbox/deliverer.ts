// Sends what the outbox holds: claims due rows (leased, so replicas never pick the same row and a
// crashed sender's lease runs out), sends each through its platform's port and settles it. The SQL is
// the outbox store's (src/db/stores/outbox.ts), the same the core enqueues through.
import type { OutboxRow, OutboxStore } from '../core/stores.js';
import type { Clock, Message, Platform, Target } from '../core/model.js';
import { DeliveryError, type ChatPort } from '../core/ports.js';
import type { Logger } from '../log.js';

export interface DeliveryOptions {
  leaseMs: number;
  maxAttempts: number;
  batch: number;
  /** First retry delay; doubles per attempt up to maxBackoffMs. */
  baseBackoffMs: number;
  maxBackoffMs: number;
}

// 5 s doubling to a 15-minute cap, 200 attempts: a chat outage of about two days loses nothing;
// after that the message is marked failed and logged.
export const defaultDeliveryOptions: DeliveryOptions = { leaseMs: 60_000, maxAttempts: 200, batch: 50, baseBackoffMs: 5_000, maxBackoffMs: 900_000 };

export interface DeliveryStats {
  sent: number;
  retried: number;
  failed: number;
  /** Updates dropped because a newer update of the same post exists. */
  superseded: number;
}

export class Deliverer {
  private readonly opts: DeliveryOptions;
  /** Deliveries under way, so a shutdown can let them finish (a claimed row is not left to its lease). */
  private readonly running = new Set<Promise<DeliveryStats>>();
  /**
   * A platform that asked us to wait (429 + Retry-After) until this instant: the rest of the batch is
   * put back for then instead of being sent into the same limit (bench: 2 360 refused calls for 2 000
   * posts before, a handful after).
   */
  private readonly pausedUntil = new Map<Platform, number>();

  constructor(
    private readonly outbox: OutboxStore,
    private readonly ports: Partial<Record<Platform, ChatPort>>,
    private readonly clock: Clock,
    private readonly log: Logger,
    opts: Partial<DeliveryOptions> = {},
  ) {
    this.opts = { ...defaultDeliveryOptions, ...opts };
  }

  /** Claims and sends due messages (only `ids` when given) until none is left or `rounds` batches ran. */
  deliver(ids?: number[], rounds = 1_000): Promise<DeliveryStats> {
    const run = this.run(ids, rounds);
    this.running.add(run);
    void run.finally(() => this.running.delete(run)).catch(() => {});
    return run;
  }

  /**
   * Sends rows the caller inserted already claimed (status 'sending', attempt counted, leased: the
   * one-statement writes of issue 19), without a claim round trip. A row not sent here is retried
   * by the tick once its lease runs out.
   */
  sendClaimed(rows: OutboxRow[]): Promise<DeliveryStats> {
    const run = (async () => {
      const stats: DeliveryStats = { sent: 0, retried: 0, failed: 0, superseded: 0 };
      for (const row of rows) await this.sendOne(row, stats);
      return stats;
    })();
    this.running.add(run);
    void run.finally(() => this.running.delete(run)).catch(() => {});
    return run;
  }

  /** The lease a claimed row gets (for rows inserted claimed). */
  get leaseMs(): number {
    return this.opts.leaseMs;
  }

  /** Resolves when every delivery under way has finished (graceful shutdown). */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running]);
  }

  private async run(ids: number[] | undefined, rounds: number): Promise<DeliveryStats> {
    const stats: DeliveryStats = { sent: 0, retried: 0, failed: 0, superseded: 0 };
    for (let i = 0; i < rounds; i++) {
      const rows = await this.claim(ids);
      if (!rows.length) break;
      for (const row of rows) await this.sendOne(row, stats);
    }
    return stats;
  }

  private claim(ids?: number[]): Promise<OutboxRow[]> {
    return this.outbox.claim(this.clock.now(), this.opts.leaseMs, this.opts.batch, ids);
  }

  private async sendOne(row: OutboxRow, stats: DeliveryStats): Promise<void> {
    const target = row.target as Target;
    const port = this.ports[target.platform];
    try {
      if (!port) throw new DeliveryError(`no chat adapter for ${target.platform}`, true);
      let replaces: unknown;
      if (row.replaces) {
        const plan = await this.replacement(row);
        if (plan === 'superseded') {
          await this.outbox.markSuperseded(row.id);
          stats.superseded++;
          return;
        }
        replaces = plan.ref;
      }
      const paused = this.pausedUntil.get(target.platform) ?? 0;
      if (paused > this.clock.now().getTime()) {
        // Not an attempt: the row goes back as it was, due when the platform takes posts again.
        await this.outbox.putBack(row.id, new Date(paused));
        stats.retried++;
        return;
      }
      let ref: unknown;
      try {
        ref = await port.send(target, row.payload as Message, replaces);
      } catch (e) {
        if (e instanceof DeliveryError && e.retryable && e.retryAfterMs) this.pausedUntil.set(target.platform, this.clock.now().getTime() + e.retryAfterMs);
        throw e;
      }
      await this.outbox.markSent(row.id, this.clock.now(), ref);
      stats.sent++;
    } catch (e) {
      const err = e instanceof DeliveryError ? e : new DeliveryError((e as Error)?.message ?? String(e), true);
      const give = !err.retryable || row.attempts >= this.opts.maxAttempts;
      const delay = err.retryAfterMs ?? Math.min(this.opts.baseBackoffMs * 2 ** (row.attempts - 1), this.opts.maxBackoffMs);
      await this.outbox.markAttemptFailed(row.id, err.message, new Date(this.clock.now().getTime() + delay), give);
      if (give) {
        stats.failed++;
        this.log.error({ outboxId: row.id, key: row.key, attempts: row.attempts, error: err.message }, 'delivery failed for good');
      } else {
        stats.retried++;
        this.log.warn({ outboxId: row.id, key: row.key, attempts: row.attempts, retryInMs: delay, error: err.message }, 'delivery will be retried');
      }
    }
  }

  /**
   * An update edits the post it replaces: it waits while that post is unsent, gives way to a newer
   * update of the same post, and becomes a new post only when the original failed for good.
   */
  private async replacement(row: OutboxRow): Promise<{ ref: unknown } | 'superseded'> {
    if (await this.outbox.hasNewerUpdate(row.replaces!, row.id)) return 'superseded';
    const prev = await this.outbox.postByKey(row.replaces!);
    if (prev?.status === 'sent') return { ref: prev.ref ?? undefined };
    if (prev && prev.status !== 'failed') throw new DeliveryError('waiting for the post it replaces', true, this.opts.baseBackoffMs);
    return { ref: undefined };
  }
}
