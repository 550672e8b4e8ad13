// Requests already taken in, shared by every replica through the database: a Slack retry or replay
// reaching any of them is recognised. Kept well past Slack's 5-minute signing window, then pruned.
import { lt } from 'drizzle-orm';
import type { Db } from './client.js';
import { requestsSeen } from './schema/index.js';

export const REQUEST_MEMORY_MS = 15 * 60_000;

export class RequestLedger {
  private inserts = 0;

  constructor(private readonly db: Db) {}

  /** True the first time `key` is seen (in any replica); false for a retry or a replay. */
  async first(key: string, now: Date): Promise<boolean> {
    const rows = await this.db.insert(requestsSeen).values({ key, seenAt: now }).onConflictDoNothing().returning({ key: requestsSeen.key });
    if (++this.inserts % 200 === 0) await this.prune(now);
    return rows.length > 0;
  }

  async prune(now: Date): Promise<void> {
    await this.db.delete(requestsSeen).where(lt(requestsSeen.seenAt, new Date(now.getTime() - REQUEST_MEMORY_MS)));
  }
}
