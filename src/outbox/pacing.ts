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
 * Slack: about one post a second per channel, short bursts allowed. Teams: per bot and conversation
 * 7 a second, 8 in 2 s, 60 in 30 s — 600 ms with a burst of 4 stays under all three.
 */
export const defaultRates: Record<Platform, Rate | null> = {
  slack: { intervalMs: 1_000, burst: 3 },
  teams: { intervalMs: 600, burst: 4 },
  shell: null,
};

/** The channel a target is posted to: the unit rate limits apply to. */
export function laneOf(target: Target): string {
  return `${target.platform}:${target.kind === 'channel' ? target.channelId : `@${target.externalId}`}`;
}

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
