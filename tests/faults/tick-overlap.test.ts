// Overlapping ticks (issue 16): a tick still running when the next is due is an error in the log and a
// figure on /readyz, and /readyz tells the age of the last completed tick (by the injected clock) —
// node-cron's own overlap guard skipped such ticks without a word. The scheduler runs every second
// here (node-cron's seconds field) so the test waits for events, not for minutes.
import { describe, expect, it } from 'vitest';
import { runTick } from '../../src/scheduler/tick.js';
import { startScheduler } from '../../src/scheduler/cron.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { LogSink, useSlackServer } from '../helpers/slack.js';

const USERS = [{ id: 'UANNA', name: 'Anna', email: 'anna@arbetsformedlingen.se', locale: 'sv-SE' }];
let logs: LogSink;
const { s } = useSlackServer(USERS, () => {
  logs = new LogSink();
  return { logger: createLogger('info', logs) };
});

async function readyz(): Promise<{ status: number; body: any }> {
  const r = await fetch(`${s.base}/readyz`);
  return { status: r.status, body: await r.json() };
}

describe('a tick that is still running when the next one is due', { timeout: 30_000 }, () => {
  it('is an error line in the log and a count on /readyz, and the age of the last completed tick is shown', async () => {
    let release!: () => void;
    const stuck = new Promise<void>((r) => (release = r));
    let ticks = 0;
    const logger = createLogger('info', logs);
    const config = loadConfig({ PORT: '0' }).file;
    let stopped = false;
    const stopScheduler = startScheduler({
      expression: '* * * * * *',
      clock: s.clock,
      logger,
      monitor: s.composed.monitor,
      tick: async (now, deadline) => {
        // The first tick hangs (as behind a Web API with no timeout); the later ones are quick.
        if (++ticks === 1) await stuck;
        return runTick({ store: s.store, config, deliverer: s.composed.deliverer, logger }, now, deadline);
      },
    });
    const stop = async () => {
      if (!stopped) await stopScheduler();
      stopped = true;
    };
    try {
      const overlap = await logs.waitFor('tick overlap');
      expect(overlap).toMatchObject({ level: 50, overlaps: 1 });
      const during = await readyz();
      expect(during.status).toBe(200);
      expect(during.body.tick).toMatchObject({ running: true, overlaps: expect.any(Number), lastCompletedAt: null, ageSeconds: null });
      expect(during.body.tick.overlaps).toBeGreaterThanOrEqual(1);

      release();
      await expect.poll(() => s.composed.monitor.status(s.clock.now()).lastCompletedAt, { timeout: 10_000 }).not.toBeNull();
      const completedAt = s.composed.monitor.status(s.clock.now()).lastCompletedAt!;
      // No tick completes while the clock is moved on (the scheduler is stopped first): the age grows.
      await stop();
      s.clock.set(new Date(new Date(completedAt).getTime() + 240_000));
      const after = await readyz();
      expect(after.body.tick).toMatchObject({ running: false, lastCompletedAt: completedAt, ageSeconds: 240 });
    } finally {
      release();
      await stop();
    }
  });
});
