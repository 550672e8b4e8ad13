// What /readyz says about the scheduler: when the last tick completed, and how often a tick found the
// previous one still running (an error: something outbound is too slow).
export interface TickStatus {
  lastCompletedAt: string | null;
  /** Seconds since the last completed tick, by the clock the ticks run on. */
  ageSeconds: number | null;
  running: boolean;
  overlaps: number;
}

export class TickMonitor {
  private lastCompleted: Date | null = null;
  private runningSince: Date | null = null;
  private overlapCount = 0;

  started(at: Date): void {
    this.runningSince = at;
  }

  completed(at: Date): void {
    this.lastCompleted = at;
    this.runningSince = null;
  }

  overlapped(): void {
    this.overlapCount++;
  }

  get running(): boolean {
    return this.runningSince !== null;
  }

  status(now: Date): TickStatus {
    const last = this.lastCompleted;
    return {
      lastCompletedAt: last?.toISOString() ?? null,
      ageSeconds: last ? Math.max(0, Math.round((now.getTime() - last.getTime()) / 1000)) : null,
      running: this.running,
      overlaps: this.overlapCount,
    };
  }
}
