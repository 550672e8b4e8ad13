// Server mode: the tick every minute. noOverlap skips a minute while the previous tick still runs;
// several replicas may tick together, which the tick itself makes safe.
import cron from 'node-cron';
import type { Clock } from '../core/model.js';
import type { Logger } from '../log.js';

export interface SchedulerOptions {
  tick: (now: Date) => Promise<unknown>;
  clock: Clock;
  logger: Logger;
  /** A cron expression; every minute by default. */
  expression?: string;
  timezone?: string;
}

/** Starts the every-minute tick; the returned function stops it for good, after a running tick ends. */
export function startScheduler(o: SchedulerOptions): () => Promise<void> {
  let running: Promise<void> | null = null;
  const task = cron.schedule(
    o.expression ?? '* * * * *',
    async () => {
      running = (async () => {
        try {
          await o.tick(o.clock.now());
        } catch (err) {
          o.logger.error({ err }, 'scheduled tick failed');
        }
      })();
      await running;
      running = null;
    },
    { name: 'samrad-tick', noOverlap: true, timezone: o.timezone ?? 'Europe/Stockholm' },
  );
  return async () => {
    await task.destroy();
    // A tick cut off mid-way would be redone by another replica anyway; finishing it is just tidier.
    if (running) await running;
  };
}
