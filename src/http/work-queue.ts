// The bound between acknowledging a request and doing its work. Chat platforms want an answer within
// seconds, so adapters ack first and work after; without a bound, a burst leaves every acknowledged
// command waiting in memory for the database (bench: ~23 KB each, 450 MB at 3 000). This admits at
// most `concurrency` running and `waiting` queued tasks; beyond that `admit()` says no at once, and
// the adapter answers "busy, try again" instead of taking work it cannot do soon.

export interface WorkQueueOptions {
  /** Tasks run at the same time (about the database pool's size: more only wait on it). */
  concurrency: number;
  /** Tasks admitted beyond those, waiting their turn. */
  waiting: number;
}

// 20 running and 200 waiting. A running command holds a database connection only for its transaction;
// the rest of its time goes to Slack (the person's answer by response_url, the channel post) and to
// Node's own work, so twice the pool's 10 keeps the pool busy where 10 left it idle about half the
// time (issue 19: busy answers only when the work, not the queue, is full). At the ~100–300 commands/s
// one process manages, the last one admitted starts within one to two seconds.
export const defaultWorkQueue: WorkQueueOptions = { concurrency: 20, waiting: 200 };

export interface Ticket {
  /** Runs the admitted task when its turn comes; the slot is given back however it ends. */
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Gives the place back unused (the ack failed). */
  release(): void;
}

export class WorkQueue {
  private active = 0;
  private admitted = 0;
  private readonly queue: (() => void)[] = [];
  private readonly opts: WorkQueueOptions;

  constructor(opts: Partial<WorkQueueOptions> = {}) {
    this.opts = { ...defaultWorkQueue, ...opts };
  }

  /** Tasks admitted and not yet finished (running or waiting). */
  get size(): number {
    return this.admitted;
  }

  /** True while `admit()` would say no: every place is taken. */
  get full(): boolean {
    return this.admitted >= this.opts.concurrency + this.opts.waiting;
  }

  /** A place in the queue, or null when it is full: decide before the ack, so the ack can say so. */
  admit(): Ticket | null {
    if (this.full) return null;
    this.admitted++;
    let used = false;
    return {
      run: async <T>(task: () => Promise<T>): Promise<T> => {
        if (used) throw new Error('a ticket runs one task');
        used = true;
        if (this.active >= this.opts.concurrency) await new Promise<void>((resolve) => this.queue.push(resolve));
        this.active++;
        try {
          return await task();
        } finally {
          this.active--;
          this.admitted--;
          this.queue.shift()?.();
        }
      },
      release: () => {
        if (used) return;
        used = true;
        this.admitted--;
      },
    };
  }
}
