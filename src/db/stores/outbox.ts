// The outbox's SQL, all of it: what the core enqueues and scrubs, and how the deliverer claims and
// settles rows. A claim flips rows to 'sending' with a lease in one statement (FOR UPDATE SKIP LOCKED
// on Postgres), so replicas never pick the same row; a crashed sender's lease runs out.
import { and, eq, gt, inArray, lte, ne, or, sql } from 'drizzle-orm';
import type { OutboxStore } from '../../core/stores.js';
import type { Db } from '../client.js';
import { outbox } from '../schema/index.js';
import { likePattern } from './like.js';

export function outboxStore(db: Db): OutboxStore {
  return {
    async enqueue(rows) {
      if (!rows.length) return [];
      const inserted = await db.insert(outbox).values(rows).onConflictDoNothing({ target: outbox.key }).returning({ id: outbox.id });
      return inserted.map((r) => r.id);
    },
    async existingKeys(keys) {
      if (!keys.length) return new Set<string>();
      const rows = await db.select({ key: outbox.key }).from(outbox).where(inArray(outbox.key, keys));
      return new Set(rows.map((r) => r.key));
    },
    async supersedePending(replaces, except) {
      await db
        .update(outbox)
        .set({ status: 'superseded', lockedUntil: null })
        .where(and(eq(outbox.replaces, replaces), eq(outbox.status, 'pending'), ne(outbox.key, except)));
    },
    mentioning(code, needles) {
      const text = sql`${outbox.payload}::text`;
      return db
        .select({ id: outbox.id, payload: outbox.payload, caseCode: outbox.caseCode, status: outbox.status })
        .from(outbox)
        .where(or(eq(outbox.caseCode, code), ...needles.map((n) => sql`${text} like ${likePattern(n)} escape '\\'`)));
    },
    async scrub(id, payload, stopSending) {
      await db
        .update(outbox)
        .set(stopSending ? { payload, status: 'failed', lastError: 'purged by retention' } : { payload })
        .where(eq(outbox.id, id));
    },
    async claim(now, leaseMs, batch, ids) {
      const due = or(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now)), and(eq(outbox.status, 'sending'), lte(outbox.lockedUntil, now)));
      const where = ids ? and(due, inArray(outbox.id, ids)) : due;
      const pick = db.select({ id: outbox.id }).from(outbox).where(where).orderBy(outbox.id).limit(batch).for('update', { skipLocked: true });
      const rows = await db
        .update(outbox)
        .set({ status: 'sending', lockedUntil: new Date(now.getTime() + leaseMs), attempts: sql`${outbox.attempts} + 1` })
        .where(inArray(outbox.id, pick))
        .returning();
      // RETURNING keeps no order: send in the order the messages were written.
      return rows.sort((a, b) => a.id - b.id);
    },
    async markSent(id, at, ref) {
      await db
        .update(outbox)
        .set({ status: 'sent', sentAt: at, sentRef: (ref ?? null) as never, lockedUntil: null, lastError: null })
        .where(eq(outbox.id, id));
    },
    async markSuperseded(id) {
      await db.update(outbox).set({ status: 'superseded', lockedUntil: null }).where(eq(outbox.id, id));
    },
    async putBack(id, due) {
      await db.update(outbox).set({ status: 'pending', lockedUntil: null, attempts: sql`${outbox.attempts} - 1`, nextAttemptAt: due }).where(eq(outbox.id, id));
    },
    async markAttemptFailed(id, error, next, giveUp) {
      await db
        .update(outbox)
        .set({ status: giveUp ? 'failed' : 'pending', lockedUntil: null, lastError: error.slice(0, 500), nextAttemptAt: next })
        .where(eq(outbox.id, id));
    },
    async hasNewerUpdate(replaces, id) {
      const [newer] = await db
        .select({ id: outbox.id })
        .from(outbox)
        .where(and(eq(outbox.replaces, replaces), gt(outbox.id, id), inArray(outbox.status, ['pending', 'sending', 'sent'])))
        .limit(1);
      return Boolean(newer);
    },
    async postByKey(key) {
      const [prev] = await db.select({ status: outbox.status, ref: outbox.sentRef }).from(outbox).where(eq(outbox.key, key));
      return prev ?? null;
    },
  };
}
