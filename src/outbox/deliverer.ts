// Sends what the outbox holds. A claim flips rows to 'sending' with a lease in one statement
// (FOR UPDATE SKIP LOCKED on Postgres), so replicas never pick the same row; a crashed sender's
// lease runs out and the row is retried — after looking whether that sender had posted it already.
// Each channel is its own lane, paced at the platform's rate: a full or rate-limited channel waits
// in memory (its rows are not rewritten) while the other channels keep flowing.
import type { OutboxRow, OutboxStore } from '../core/stores.js';
import type { Clock, Message, Platform, Target } from '../core/model.js';
import { DeliveryError, type ChatPort } from '../core/ports.js';
import type { Logger } from '../log.js';
import { defaultRates, laneOf, Pacer, type Rate } from './pacing.js';
import { realTimers, withTimeout, type Timers } from './timers.js';

export interface DeliveryOptions {
  leaseMs: number;
  maxAttempts: number;
  batch: number;
  /** First retry delay; doubles per attempt up to maxBackoffMs. */
  baseBackoffMs: number;
  maxBackoffMs: number;
  /** Rows of one channel taken per claim. */
  perLane: number;
  /** Rows held in memory at most (claimed, waiting for their channel's turn or being sent). */
  maxHeld: number;
  /** A send (or a look-up) that has not answered by then counts as failed with an unknown outcome. */
  sendTimeoutMs: number;
  rates: Partial<Record<Platform, Rate | null>>;
  /** Arms timers so a row due at a known instant (Retry-After, its channel's turn) goes at that instant. */
  wake: boolean;
}

// 5 s doubling to a 15-minute cap, 200 attempts: a chat outage of about two days loses nothing;
// after that the message is marked failed and logged.
export const defaultDeliveryOptions: DeliveryOptions = {
  leaseMs: 60_000,
  maxAttempts: 200,
  batch: 50,
  baseBackoffMs: 5_000,
  maxBackoffMs: 900_000,
  perLane: 20,
  maxHeld: 1_000,
  sendTimeoutMs: 10_000,
  rates: defaultRates,
  wake: true,
};

/** A claimed row must be settled this long before its lease runs out, or another replica may take it. */
const LEASE_MARGIN_MS = 5_000;

export interface RunOptions {
  /** Claim rounds (batches); one for a command's own messages. */
  rounds?: number;
  /** Stop claiming at this instant and give back what is still waiting for its turn (a tick's deadline). */
  deadline?: Date;
  /** Longest a row waits in memory for its channel's turn; beyond it the row goes back, due then. */
  maxWaitMs?: number;
}

export interface DeliveryStats {
  sent: number;
  retried: number;
  failed: number;
  /** Updates dropped because a newer update of the same post exists. */
  superseded: number;
  /** Rows given back unsent, due when their channel has room (a deadline, a long Retry-After). */
  deferred: number;
  /** Rows whose earlier attempt had posted after all (found by their key), marked sent without posting. */
  recovered: number;
}

const emptyStats = (): DeliveryStats => ({ sent: 0, retried: 0, failed: 0, superseded: 0, deferred: 0, recovered: 0 });

interface Lane {
  size: number;
  tail: Promise<void>;
}

interface Run {
  stats: DeliveryStats;
  /** On the pace clock (see `paceNow`). */
  deadline: number;
  maxWaitMs: number;
}

type Outcome = 'done' | DeliveryError;

/** A Retry-After up to this long is waited out in memory; a longer one puts the row back, due at that instant. */
const PAUSE_IN_MEMORY_MS = 10_000;

export class Deliverer {
  private readonly opts: DeliveryOptions;
  /** Deliveries under way, so a shutdown can let them finish (a claimed row is not left to its lease). */
  private readonly running = new Set<Promise<DeliveryStats>>();
  private readonly pacer: Pacer;
  private readonly lanes = new Map<string, Lane>();
  /** Rows this process has claimed and not yet settled. */
  private readonly held = new Map<number, OutboxRow>();
  /** Rows whose send is under way: given back at shutdown, they may have reached the platform (issue 16). */
  private readonly onWire = new Set<number>();
  private readonly sleepers = new Map<() => void, () => void>();
  /** Wake-ups by instant (ms), each with the rows due then. */
  private readonly wakes = new Map<number, { ids: Set<number>; cancel: () => void }>();
  private stopping = false;
  /** The clock's last instant and the timers' instant when it was read first (see `paceNow`). */
  private clockSeen = Number.NaN;
  private timerAtClockSeen = 0;

  constructor(
    private readonly outbox: OutboxStore,
    private readonly ports: Partial<Record<Platform, ChatPort>>,
    private readonly clock: Clock,
    private readonly log: Logger,
    opts: Partial<DeliveryOptions> = {},
    private readonly timers: Timers = realTimers,
  ) {
    this.opts = { ...defaultDeliveryOptions, ...opts };
    this.pacer = new Pacer(this.opts.rates);
  }

  /** Claims and sends due messages (only `ids` when given) until none is left or the run's limits are reached. */
  deliver(ids?: number[], run: number | RunOptions = {}): Promise<DeliveryStats> {
    const o = typeof run === 'number' ? { rounds: run } : run;
    const work = this.run(ids, o);
    this.running.add(work);
    void work.finally(() => this.running.delete(work)).catch(() => {});
    return work;
  }

  /**
   * Sends rows the caller inserted already claimed (status 'sending', attempt counted, leased: the
   * one-statement writes of issue 19), without a claim round trip. A row not sent here is retried
   * by the tick once its lease runs out.
   */
  sendClaimed(rows: OutboxRow[]): Promise<DeliveryStats> {
    // One attempt each, in order (as a prompt delivery); what fails is retried by the tick.
    const run = (async () => {
      const stats = emptyStats();
      for (const row of rows) await this.attempt(row, laneOf(row.target as Target), stats, false);
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

  /**
   * Shutdown: takes no new work, cancels wake-ups, and makes rows waiting for their turn go back at once
   * (sends already on the wire finish). `idle()` then resolves soon.
   */
  stop(): void {
    this.stopping = true;
    for (const w of this.wakes.values()) w.cancel();
    this.wakes.clear();
    for (const [wake, cancel] of this.sleepers) (cancel(), wake());
    this.sleepers.clear();
  }

  /** Gives back every row still held (a shutdown past its budget): any replica's next tick sends them. */
  async releaseHeld(): Promise<number> {
    const ids = [...this.held.keys()];
    const now = this.clock.now();
    await this.outbox.releaseClaims(ids.filter((id) => !this.onWire.has(id)), now);
    // A post on the wire may have arrived: the next sender looks in the history before sending it again.
    for (const id of ids.filter((i) => this.onWire.has(i))) await this.outbox.markAttemptFailed(id, 'shutdown while the post was on its way', now, false, true);
    return ids.length;
  }

  private now(): number {
    return this.clock.now().getTime();
  }

  /**
   * The time pacing waits on: the clock's instant, moved on by the time the timers have waited since
   * the clock last moved. With the system clock that is the clock itself; with a clock fixed to one
   * instant (`samrad tick --now`, the bench, a test) it still advances while the deliverer sleeps.
   * Pacing on the fixed instant alone made the k-th post of a channel sleep k − burst seconds after
   * the one before (the wait was always measured from the same instant): 1 + 2 + 3 + … — a busy
   * tick crawled at a few posts a second and gave back every row after the 30th of its channel.
   * Outbox timestamps (due, sent) stay on the clock.
   */
  private paceNow(): number {
    const c = this.now();
    const t = this.timers.now();
    if (c !== this.clockSeen) {
      this.clockSeen = c;
      this.timerAtClockSeen = t;
    }
    return c + (t - this.timerAtClockSeen);
  }

  /** A pace-clock instant as an outbox instant (a row put back is due then). */
  private toClock(pace: number): Date {
    return new Date(this.now() + Math.max(0, pace - this.paceNow()));
  }

  private async run(ids: number[] | undefined, o: RunOptions): Promise<DeliveryStats> {
    const deadline = o.deadline ? this.paceNow() + (o.deadline.getTime() - this.now()) : Infinity;
    const r: Run = { stats: emptyStats(), deadline, maxWaitMs: o.maxWaitMs ?? this.opts.leaseMs / 2 };
    const work = new Set<Promise<void>>();
    const rounds = o.rounds ?? 1_000;
    for (let i = 0; i < rounds && !this.stopping && this.paceNow() < r.deadline; i++) {
      while (this.held.size >= this.opts.maxHeld && work.size) await Promise.race(work);
      const skipLanes = [...this.lanes].filter(([, l]) => l.size >= this.opts.perLane).map(([k]) => k);
      const rows = await this.outbox.claim(this.clock.now(), this.opts.leaseMs, Math.min(this.opts.batch, this.opts.maxHeld - this.held.size), ids, { perLane: this.opts.perLane, skipLanes });
      if (!rows.length) break;
      for (const row of rows) {
        const p = this.enqueue(row, r).finally(() => work.delete(p));
        work.add(p);
      }
    }
    await Promise.all(work);
    return r.stats;
  }

  /** Queues a row on its channel's lane: one post at a time per channel, in the order written. */
  private enqueue(row: OutboxRow, r: Run): Promise<void> {
    const key = laneOf(row.target as Target);
    const lane = this.lanes.get(key) ?? { size: 0, tail: Promise.resolve() };
    this.lanes.set(key, lane);
    lane.size++;
    this.held.set(row.id, row);
    // The lease, on the pace clock: a row must be settled (sent or given back) before it runs out.
    const leaseEnd = this.paceNow() + ((row.lockedUntil?.getTime() ?? this.now() + this.opts.leaseMs) - this.now()) - LEASE_MARGIN_MS;
    const p = lane.tail
      .then(() => this.paced(row, key, r, leaseEnd))
      .catch((err) => this.log.error({ err, outboxId: row.id }, 'delivery could not record its outcome (the lease retries it)'))
      .finally(() => {
        this.held.delete(row.id);
        if (--lane.size === 0 && this.lanes.get(key) === lane) this.lanes.delete(key);
      });
    lane.tail = p;
    return p;
  }

  private async paced(row: OutboxRow, lane: string, r: Run, leaseEnd: number): Promise<void> {
    const platform = (row.target as Target).platform;
    let limited: DeliveryError | null = null;
    for (let turn = 0; ; turn++) {
      const now = this.paceNow();
      const at = this.pacer.slot(lane, platform, now, false);
      const wait = limited ? Math.min(r.maxWaitMs, PAUSE_IN_MEMORY_MS) : r.maxWaitMs;
      if (this.stopping || at > Math.min(now + wait, r.deadline, leaseEnd)) {
        // Not sent in this run: back to pending, due when the channel has room (one write).
        const due = this.toClock(Math.max(at, now));
        await this.outbox.putBack(row.id, due, { counted: limited !== null, ...(limited ? { error: limited.message } : {}) });
        if (limited) {
          r.stats.retried++;
          this.log.warn({ outboxId: row.id, key: row.key, attempts: row.attempts, retryInMs: Math.max(0, at - now), error: limited.message }, 'delivery will be retried');
        } else r.stats.deferred++;
        this.wakeAt(due.getTime(), row.id);
        return;
      }
      this.pacer.slot(lane, platform, now, true);
      if (at > now) await this.sleep(at - now);
      if (this.stopping) continue;
      const outcome = await this.attempt(row, lane, r.stats, turn < 5);
      if (outcome === 'done') return;
      limited = outcome;
    }
  }

  /** One try at a row; 'rate-limited' when the platform asked to wait (the lane is paused, the row untouched). */
  private async attempt(row: OutboxRow, lane: string, stats: DeliveryStats, mayWait: boolean): Promise<Outcome> {
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
          return 'done';
        }
        replaces = plan.ref;
      } else if (row.uncertain && port.findSent) {
        const found = await this.lookUp(port, row, target);
        if (found !== null) {
          await this.outbox.markSent(row.id, this.clock.now(), found);
          stats.sent++;
          stats.recovered++;
          this.log.info({ outboxId: row.id, key: row.key }, 'delivery had been posted already; recorded, not sent again');
          return 'done';
        }
      }
      let ref: unknown;
      this.onWire.add(row.id);
      try {
        ref = await withTimeout(port.send(target, row.payload as Message, replaces, row.key), this.opts.sendTimeoutMs, () => new DeliveryError(`${target.platform}: no answer within ${this.opts.sendTimeoutMs} ms`, true, undefined, true));
      } catch (e) {
        if (e instanceof DeliveryError && e.retryable && e.retryAfterMs !== undefined && !e.ambiguous) {
          // 429 + Retry-After: only this channel waits, to that very instant.
          this.pacer.pause(lane, this.paceNow() + e.retryAfterMs, target.platform);
          if (mayWait) {
            this.log.info({ outboxId: row.id, key: row.key, retryInMs: e.retryAfterMs }, 'delivery rate limited; this channel waits');
            return e;
          }
        }
        throw e;
      } finally {
        this.onWire.delete(row.id);
      }
      this.pacer.sent(lane, target.platform, this.paceNow());
      await this.outbox.markSent(row.id, this.clock.now(), ref);
      stats.sent++;
      return 'done';
    } catch (e) {
      await this.failed(row, e, stats);
      return 'done';
    }
  }

  private async failed(row: OutboxRow, e: unknown, stats: DeliveryStats): Promise<void> {
    const err = e instanceof DeliveryError ? e : new DeliveryError((e as Error)?.message ?? String(e), true);
    const give = !err.retryable || row.attempts >= this.opts.maxAttempts;
    const delay = err.retryAfterMs ?? Math.min(this.opts.baseBackoffMs * 2 ** Math.max(0, row.attempts - 1), this.opts.maxBackoffMs);
    const at = this.now() + delay;
    await this.outbox.markAttemptFailed(row.id, err.message, new Date(at), give, err.ambiguous);
    if (give) {
      stats.failed++;
      this.log.error({ outboxId: row.id, key: row.key, attempts: row.attempts, error: err.message }, 'delivery failed for good');
      return;
    }
    stats.retried++;
    this.log.warn({ outboxId: row.id, key: row.key, attempts: row.attempts, retryInMs: delay, uncertain: err.ambiguous || undefined, error: err.message }, 'delivery will be retried');
    if (err.retryAfterMs !== undefined) this.wakeAt(at, row.id);
  }

  /** Whether an earlier attempt posted the row after all; a platform that cannot tell lets it be sent. */
  private async lookUp(port: ChatPort, row: OutboxRow, target: Target): Promise<unknown | null> {
    try {
      return await withTimeout(port.findSent!(target, row.key, row.createdAt), this.opts.sendTimeoutMs, () => new DeliveryError(`${target.platform}: history look-up timed out`, true));
    } catch (e) {
      if (e instanceof DeliveryError && !e.retryable) {
        this.log.warn({ outboxId: row.id, error: e.message }, 'delivery: cannot look for an earlier post (scope?); sending it again');
        return null;
      }
      throw e;
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
    if (prev && prev.status !== 'failed') throw new DeliveryError('waiting for the post it replaces', true);
    return { ref: undefined };
  }

  private sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = () => {
        this.sleepers.delete(done);
        resolve();
      };
      this.sleepers.set(done, this.timers.later(ms, done));
    });
  }

  /** Delivers `id` at `at` in this process (Retry-After to the second); the tick would otherwise take it. */
  private wakeAt(at: number, id: number): void {
    if (!this.opts.wake || this.stopping) return;
    const slot = Math.ceil(at / 1_000) * 1_000;
    const w = this.wakes.get(slot);
    if (w) return void w.ids.add(id);
    const ids = new Set([id]);
    const cancel = this.timers.later(slot - this.now(), () => {
      this.wakes.delete(slot);
      if (this.stopping) return;
      this.deliver([...ids], { rounds: 1 }).catch((err) => this.log.error({ err }, 'delivery at a retry instant failed'));
    });
    this.wakes.set(slot, { ids, cancel });
  }
}

