// Per-channel pacing: each channel (a Slack channel or DM, a Teams conversation) gets its own budget,
// so one busy forum, or one 429, slows only its own channel. A generic cell rate: a steady interval
// between posts with a small burst allowed; a pause (Retry-After) holds the channel until that instant.
import type { Platform, Target } from '../core/model.js';

export interface Rate {
  /** Steady spacing between posts to one channel. */
  intervalMs: number;
  /** Posts that may go at once before the spacing applies. */
  burst: number;
}

/**
 * Slack: about one post a second per channel; it *may* take a short burst, but that is not promised,
 * and a post it refuses costs the channel a whole second or two (Retry-After is in whole seconds, and
 * every post after it waits too). So no burst: one a second, spaced from the moment Slack answered
 * the one before (see `sent`), which never draws a 429 from a channel kept strictly at 1/s.
 * Teams: per bot and conversation 7 a second, 8 in 2 s, 60 in 30 s — 600 ms with a burst of 4 stays
 * under all three.
 */
export const defaultRates: Record<Platform, Rate | null> = {
  slack: { intervalMs: 1_000, burst: 1 },
  teams: { intervalMs: 600, burst: 4 },
  shell: null,
};

/** The channel a target is posted to: the unit rate limits apply to. */
export function laneOf(target: Target): string {
  return `${target.platform}:${target.kind === 'channel' ? target.channelId : `@${target.externalId}`}`;
}

/**
 * Added to the spacing after an answer: the platform's clock and ours differ, and ours is read in whole
 * milliseconds — spaced exactly 1 000 ms from the answer, a post could arrive at the platform 999 ms
 * after the one before and be refused. 10 ms is 1 % of Slack's second.
 */
const ANSWER_MARGIN_MS = 10;

interface LaneState {
  /** The instant the next post would go at the steady rate (theoretical arrival time). */
  tat: number;
  pausedUntil: number;
}

export class Pacer {
  private readonly lanes = new Map<string, LaneState>();

  constructor(private readonly rates: Partial<Record<Platform, Rate | null>> = defaultRates) {}

  /** When a post to `lane` may go, at the earliest; `take` books that slot. */
  slot(lane: string, platform: Platform, now: number, take = true): number {
    const rate = this.rates[platform];
    const s = this.lanes.get(lane) ?? { tat: 0, pausedUntil: 0 };
    const at = Math.max(now, s.pausedUntil, rate ? s.tat - (rate.burst - 1) * rate.intervalMs : 0);
    if (take) {
      if (rate) s.tat = Math.max(s.tat, at) + rate.intervalMs;
      this.lanes.set(lane, s);
      this.forgetIdle(now);
    }
    return at;
  }

  /**
   * A post to `lane` was answered at `at`. The slots are booked on their planned instants, but a post
   * may leave late (a busy event loop, a slow look-up before it) and reach the platform later still:
   * spaced from the plan alone, the next one could arrive less than the interval after it and be
   * refused. The platform counted this post no later than its answer, so the next slot is at least
   * one interval after that (less the burst the rate allows).
   */
  sent(lane: string, platform: Platform, at: number): void {
    const rate = this.rates[platform];
    const s = this.lanes.get(lane);
    if (!rate || !s) return;
    s.tat = Math.max(s.tat, at + rate.intervalMs + ANSWER_MARGIN_MS);
  }

  /**
   * The platform said "not before" (429 + Retry-After): nothing goes to this channel until then, and
   * after it the channel gets no burst, only the steady rate — the platform's budget is spent, so a
   * burst would only draw the next 429.
   */
  pause(lane: string, until: number, platform?: Platform): void {
    const rate = platform ? this.rates[platform] : null;
    const s = this.lanes.get(lane) ?? { tat: 0, pausedUntil: 0 };
    s.pausedUntil = Math.max(s.pausedUntil, until);
    s.tat = Math.max(s.tat, until + (rate ? (rate.burst - 1) * rate.intervalMs : 0));
    this.lanes.set(lane, s);
  }

  pausedUntil(lane: string): number {
    return this.lanes.get(lane)?.pausedUntil ?? 0;
  }

  /** Keeps the map bounded: lanes whose budget is whole again carry no state worth keeping. */
  private forgetIdle(now: number): void {
    if (this.lanes.size < 5_000) return;
    for (const [k, s] of this.lanes) if (s.tat < now && s.pausedUntil < now) this.lanes.delete(k);
  }
}
