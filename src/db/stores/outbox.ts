// The outbox's SQL, all of it: what the core enqueues and scrubs, and how the deliverer claims and
// settles rows. A claim flips rows to 'sending' with a lease in one statement (FOR UPDATE SKIP LOCKED
// on Postgres), so replicas never pick the same row; a crashed sender's lease runs out.
import { and, eq, gt, inArray, ne, or, sql } from 'drizzle-orm';
import type { OutboxStore } from '../../core/stores.js';
import type { Db } from '../client.js';
import { outbox } from '../schema/index.js';
import { likePattern } from './like.js';

/** The same lane key as `laneOf` in src/outbox/pacing.ts, in SQL: platform and channel (or person). */
const LANE = sql`(${outbox.target}->>'platform') || ':' || coalesce(${outbox.target}->>'channelId', '@' || (${outbox.target}->>'externalId'))`;

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
    async claim(now, leaseMs, batch, ids, o = {}) {
      // issue 16: at most `perLane` rows of one channel per claim, none of the lanes in `skipLanes`
      // (they have enough in hand); a row whose lease ran out is marked uncertain (that sender may have posted it).
      // A raw Date is not a parameter postgres.js takes inside sql``: pass it as text, cast by Postgres.
      const at = sql`${now.toISOString()}::timestamptz`;
      const due = sql`((${outbox.status} = 'pending' and ${outbox.nextAttemptAt} <= ${at}) or (${outbox.status} = 'sending' and ${outbox.lockedUntil} <= ${at}))`;
      const only = ids ? sql` and ${inArray(outbox.id, ids)}` : sql``;
      const skip = o.skipLanes?.length ? sql` and d.lane not in (${sql.join(o.skipLanes.map((l) => sql`${l}`), sql`, `)})` : sql``;
      const pick = sql`(with d as (select ${outbox.id} as id, ${LANE} as lane, row_number() over (partition by ${LANE} order by ${outbox.id}) as rn from ${outbox} where ${due}${only})
        select o.id from ${outbox} o join d on d.id = o.id where d.rn <= ${o.perLane ?? batch}${skip}
          and ((o.status = 'pending' and o.next_attempt_at <= ${at}) or (o.status = 'sending' and o.locked_until <= ${at}))
          order by o.id limit ${batch} for update of o skip locked)`;
      // The due test again on o: a row another replica claimed (and committed) after d's snapshot is
      // re-read under the lock and must then be left alone, not claimed a second time.
      const rows = await db
        .update(outbox)
        .set({
          status: 'sending',
          lockedUntil: new Date(now.getTime() + leaseMs),
          attempts: sql`${outbox.attempts} + 1`,
          uncertain: sql`${outbox.uncertain} or ${outbox.status} = 'sending'`,
        })
        .where(inArray(outbox.id, pick))
        .returning();
      // RETURNING keeps no order: send in the order the messages were written.
      return rows.sort((a, b) => a.id - b.id);
    },
    async markSent(id, at, ref) {
      await db
        .update(outbox)
        .set({ status: 'sent', sentAt: at, sentRef: (ref ?? null) as never, lockedUntil: null, lastError: null, uncertain: false })
        .where(eq(outbox.id, id));
    },
    async markSuperseded(id) {
      await db.update(outbox).set({ status: 'superseded', lockedUntil: null }).where(eq(outbox.id, id));
    },
    async putBack(id, due, o = {}) {
      await db
        .update(outbox)
        .set({
          status: 'pending',
          lockedUntil: null,
          nextAttemptAt: due,
          ...(o.counted ? {} : { attempts: sql`greatest(${outbox.attempts} - 1, 0)` }),
          ...(o.error !== undefined ? { lastError: o.error.slice(0, 500) } : {}),
        })
        .where(eq(outbox.id, id));
    },
    async markAttemptFailed(id, error, next, giveUp, uncertain = false) {
      await db
        .update(outbox)
        .set({ status: giveUp ? 'failed' : 'pending', lockedUntil: null, lastError: error.slice(0, 500), nextAttemptAt: next, ...(uncertain ? { uncertain: true } : {}) })
        .where(eq(outbox.id, id));
    },
    async releaseClaims(ids, at) {
      if (!ids.length) return;
      await db
        .update(outbox)
        .set({ status: 'pending', lockedUntil: null, nextAttemptAt: at, attempts: sql`greatest(${outbox.attempts} - 1, 0)` })
        .where(and(inArray(outbox.id, ids), eq(outbox.status, 'sending')));
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
