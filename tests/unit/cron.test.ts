// The server's every-minute tick: one cron task, the injected clock's instant, failures logged not thrown.
import { describe, expect, it } from 'vitest';
import cron from 'node-cron';
import { startScheduler } from '../../src/scheduler/cron.js';
import { createLogger } from '../../src/log.js';

describe('startScheduler', () => {
  it('runs the tick at the clock’s instant every minute, logs a failure, and stops', async () => {
    const seen: string[] = [];
    const lines: string[] = [];
    const logger = createLogger('error', { write: (s: string) => void lines.push(s) } as never);
    let fail = false;
    const stop = startScheduler({
      clock: { now: () => new Date('2026-12-01T07:00:00Z') },
      logger,
      tick: async (now) => {
        if (fail) throw new Error('database gone');
        seen.push(now.toISOString());
      },
    });
    const task = [...cron.getTasks().values()].find((t) => t.name === 'samrad-tick')!;
    expect(task.getPattern()).toBe('* * * * *');
    await task.execute();
    expect(seen).toEqual(['2026-12-01T07:00:00.000Z']);
    fail = true;
    await task.execute();
    expect(lines.join('')).toContain('scheduled tick failed');
    await stop();
    expect([...cron.getTasks().values()].some((t) => t.name === 'samrad-tick')).toBe(false);
  });
});
