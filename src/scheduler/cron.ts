// Server mode: the tick every minute. A tick has a deadline (it stops claiming and gives back what is
// still waiting), so it ends before the next minute; if one still runs when the next is due, that is
// logged as an error and counted on /readyz — node-cron's own overlap guard would skip it silently.
// Several replicas may tick together, which the tick itself makes safe.
import cron from 'node-cron';
import type { Clock } from '../core/model.js';
import type { Logger } from '../log.js';
import { TickMonitor } from './monitor.js';

/** A tick stops taking new work this long after it began (the next one is due a minute after). */
export const TICK_DEADLINE_MS = 45_000;

export interface SchedulerOptions {
  tick: (now: Date, deadline: Date) => Promise<unknown>;
  clock: Clock;
  logger: Logger;
  /** A cron expression; every minute by default. */
  expression?: string;
  timezone?: string;
  monitor?: TickMonitor;
  deadlineMs?: number;
}

/** Starts the every-minute tick; the returned function stops it for good, after a running tick ends. */
export function startScheduler(o: SchedulerOptions): () => Promise<void> {
  let running: Promise<void> | null = null;
  const monitor = o.monitor ?? new TickMonitor();
  const task = cron.schedule(
    o.expression ?? '* * * * *',
    async () => {
      if (running) {
        monitor.overlapped();
        o.logger.error({ overlaps: monitor.status(o.clock.now()).overlaps }, 'tick overlap: the previous tick is still running; this one is skipped');
        return;
      }
      const now = o.clock.now();
      monitor.started(now);
      running = (async () => {
        try {
          await o.tick(now, new Date(now.getTime() + (o.deadlineMs ?? TICK_DEADLINE_MS)));
          monitor.completed(o.clock.now());
        } catch (err) {
          o.logger.error({ err }, 'scheduled tick failed');
        }
      })();
      try {
        await running;
      } finally {
        running = null;
      }
    },
    { name: 'samrad-tick', noOverlap: false, timezone: o.timezone ?? 'Europe/Stockholm' },
  );
  return async () => {
    await task.destroy();
    // A tick cut off mid-way would be redone by another replica anyway; finishing it is just tidier.
    if (running) await running;
  };
}
