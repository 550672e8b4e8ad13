// Timers on virtual time, for the deliverer's pacing: `later` waits are queued, and `drive` fires them
// in order of their instant whenever the work has nothing else to do — no real sleeping.
import type { Timers } from '../../src/outbox/timers.js';

interface Pending {
  at: number;
  seq: number;
  fn: () => void;
}

export class VirtualTimers implements Timers {
  private t = 0;
  private seq = 0;
  private readonly queue: Pending[] = [];
  /** Calls under way through `track`ed objects (database round trips): time does not move meanwhile. */
  private busy = 0;

  /** Wraps an object's async methods so virtual time waits while one of them is under way. */
  track<T extends object>(target: T): T {
    return new Proxy(target, {
      get: (t, k, r) => {
        const v = Reflect.get(t, k, r);
        if (typeof v !== 'function') return v;
        return (...args: unknown[]) => {
          this.busy++;
          return Promise.resolve(v.apply(t, args)).finally(() => this.busy--);
        };
      },
    });
  }

  now(): number {
    return this.t;
  }

  later(ms: number, fn: () => void): () => void {
    const p = { at: this.t + Math.max(0, ms), seq: this.seq++, fn };
    this.queue.push(p);
    return () => {
      const i = this.queue.indexOf(p);
      if (i >= 0) this.queue.splice(i, 1);
    };
  }

  /** Runs `work` to its end, moving virtual time to the next timer each time the work is idle. */
  async drive<T>(work: Promise<T>): Promise<T> {
    let done = false;
    const result = work.finally(() => (done = true));
    while (!done) {
      // Let database round trips and callbacks run before deciding the work waits on a timer.
      await settle();
      if (done) break;
      if (!this.queue.length || this.busy > 0) continue;
      this.queue.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.queue.shift()!;
      this.t = Math.max(this.t, next.at);
      next.fn();
    }
    return result;
  }
}

/** A few turns of the event loop (PGlite answers on it). */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise<void>((r) => setImmediate(r));
}
