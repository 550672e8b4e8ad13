// Runs the scheduler's tick against a test bot at a given instant (the bot's clock is moved there).
import { and, asc, eq, sql } from 'drizzle-orm';
import { createLogger } from '../../src/log.js';
import { outbox } from '../../src/db/schema/index.js';
import type { Message } from '../../src/core/model.js';
import { toPlainText } from '../../src/core/plaintext.js';
import { zonedInstant } from '../../src/core/dates.js';
import { runTick, type TickResult } from '../../src/scheduler/tick.js';
import type { TestBot } from './bot.js';

const quiet = createLogger('silent');

export async function tickAt(bot: TestBot, iso: string): Promise<TickResult> {
  bot.clock.set(iso);
  return runTick({ store: bot.store, config: bot.config, deliverer: bot.deliverer, logger: quiet }, bot.clock.now());
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
