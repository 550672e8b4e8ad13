// Runs the scheduler's tick against a test bot at a given instant (the bot's clock is moved there).
import { and, asc, eq, sql } from 'drizzle-orm';
import { createLogger } from '../../src/log.js';
import { outbox } from '../../src/db/schema/index.js';
import type { Message } from '../../src/core/model.js';
import { toPlainText } from '../../src/core/plaintext.js';
import { addDays, localDate, zonedInstant } from '../../src/core/dates.js';
import { runTick, type TickResult } from '../../src/scheduler/tick.js';
import type { TestBot } from './bot.js';

const quiet = createLogger('silent');

export async function tickAt(bot: TestBot, iso: string): Promise<TickResult> {
  bot.clock.set(iso);
  return runTick({ store: bot.store, config: bot.config, deliverer: bot.deliverer, logger: quiet }, bot.clock.now());
}

/**
 * The instants of [from, to) at which the scheduler can change its mind: everything it sends is due
 * from the morning hour (`reminders.at`, 08:00 in the test config) of a day. Each day is ticked just
 * before that hour, on it, just after, at noon and late in the evening — so "not before 08:00",
 * "exactly once a day" and "catches up later that day" are all seen — instead of every half hour.
 */
export function dueInstants(from: string, to: string, morning = '08:00'): string[] {
  const [start, end] = [new Date(from).getTime(), new Date(to).getTime()];
  const [h, m] = morning.split(':').map(Number);
  const hhmm = (t: number) => `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
  const times = [hhmm(h * 60 + m - 1), morning, hhmm(h * 60 + m + 1), '12:00', '23:59'];
  const out = new Set<number>([start]);
  for (let d = localDate(new Date(from)); zonedInstant(d, '00:00').getTime() < end; d = addDays(d, 1)) {
    for (const t of times) {
      const i = zonedInstant(d, t).getTime();
      if (i >= start && i < end) out.add(i);
    }
  }
  return [...out].sort((a, b) => a - b).map((i) => new Date(i).toISOString());
}

/** Ticks at every due instant of [from, to) (see dueInstants). */
export async function tickThrough(bot: TestBot, from: string, to: string): Promise<void> {
  for (const i of dueInstants(from, to, bot.config.reminders.at)) await tickAt(bot, i);
}

/** Local Stockholm wall time as an ISO instant. */
export function at(date: string, time: string): string {
  return zonedInstant(date, time).toISOString();
}

/** What a person received directly after `since`, in order, with when it was delivered (read from the outbox). */
export async function sentTo(bot: TestBot, email: string, since = '1970-01-01T00:00:00Z'): Promise<{ at: string; text: string }[]> {
  const rows = await bot.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.status, 'sent'), sql`${outbox.target}->>'kind' = 'member'`, sql`${outbox.target}->>'externalId' = ${email}`, sql`${outbox.sentAt} > ${new Date(since).toISOString()}`))
    .orderBy(asc(outbox.sentAt), asc(outbox.id));
  return rows.map((r) => ({ at: r.sentAt!.toISOString(), text: toPlainText(r.payload as Message) }));
}
