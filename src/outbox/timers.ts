// Waiting, injectable: the deliverer waits for a channel's turn or a Retry-After instant through this,
// so tests move a fake clock instead of sleeping.
export interface Timers {
  /** Calls `fn` after `ms`; the returned function cancels it. Never keeps the process alive by itself. */
  later(ms: number, fn: () => void): () => void;
  /** A monotonic instant in ms (only differences count): the time `later` waits on. */
  now(): number;
}

export const realTimers: Timers = {
  now: () => performance.now(),
  later(ms, fn) {
    const t = setTimeout(fn, Math.max(0, ms));
    t.unref();
    return () => clearTimeout(t);
  },
};

/** Rejects with `onTimeout()` when `work` has not settled after `ms` (the work itself goes on). */
export function withTimeout<T>(work: Promise<T>, ms: number, onTimeout: () => Error, timers: Timers = realTimers): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const cancel = timers.later(ms, () => reject(onTimeout()));
    work.then(
      (v) => (cancel(), resolve(v)),
      (e) => (cancel(), reject(e)),
    );
  });
}
