import { and, asc, eq, gte, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { CaseRow, CaseStore } from '../../core/stores.js';
import type { Db } from '../client.js';
import { insertCaseWithPost } from './case-write.js';
import { caseCounters, caseItems, handovers, nextSteps } from '../schema/index.js';

export function caseStore(db: Db): CaseStore {
  return {
    async nextNumber(forumKey, year) {
      const [row] = await db
        .insert(caseCounters)
        .values({ forumKey, year, last: 1 })
        .onConflictDoUpdate({ target: [caseCounters.forumKey, caseCounters.year], set: { last: sql`${caseCounters.last} + 1` } })
        .returning({ last: caseCounters.last });
      return row.last;
    },
    raiseWithPost: (c) => insertCaseWithPost(db, c),
    async insert(c) {
      const [row] = await db.insert(caseItems).values(c).returning();
      return row;
    },
    async byCode(code) {
      const [row] = await db.select().from(caseItems).where(eq(caseItems.code, code));
      return row ?? null;
    },
    async codeById(id) {
      const [row] = await db.select({ code: caseItems.code }).from(caseItems).where(eq(caseItems.id, id));
      return row?.code ?? null;
    },
    async codesByIds(ids) {
      if (!ids.length) return new Map<number, string>();
      const rows = await db.select({ id: caseItems.id, code: caseItems.code }).from(caseItems).where(inArray(caseItems.id, [...new Set(ids)]));
      return new Map(rows.map((r) => [r.id, r.code]));
    },
    async byIds(ids) {
      if (!ids.length) return new Map<number, CaseRow>();
      const rows = await db.select().from(caseItems).where(inArray(caseItems.id, [...new Set(ids)]));
      return new Map(rows.map((r) => [r.id, r]));
    },
    open: (forumKey) => db.select().from(caseItems).where(and(eq(caseItems.forumKey, forumKey), eq(caseItems.status, 'open'))).orderBy(asc(caseItems.id)),
    async update(id, set) {
      const [row] = await db.update(caseItems).set(set).where(eq(caseItems.id, id)).returning();
      return row;
    },
    async close(id, outcome, by, at) {
      await db.update(caseItems).set({ status: 'closed', outcome, closedBy: by, closedAt: at }).where(eq(caseItems.id, id));
    },
    closedBetween: (forumKey, from, to) =>
      db
        .select()
        .from(caseItems)
        .where(and(eq(caseItems.forumKey, forumKey), eq(caseItems.status, 'closed'), gte(caseItems.closedAt, from), lt(caseItems.closedAt, to)))
        .orderBy(asc(caseItems.closedAt), asc(caseItems.id)),
    toPurge: (before, limit) =>
      db
        .select()
        .from(caseItems)
        .where(and(eq(caseItems.status, 'closed'), isNotNull(caseItems.closedAt), lt(caseItems.closedAt, before), isNull(caseItems.purgedAt)))
        // Oldest first, spelled as the index case_items_purge_due is ordered: otherwise the planner walks
        // (status, closed_at) through every purged case of the history.
        .orderBy(asc(caseItems.status), asc(caseItems.purgedAt), asc(caseItems.closedAt))
        .limit(limit)
        .for('update', { skipLocked: true }),
    async purgeText(caseId, at) {
      await db.update(caseItems).set({ question: null, purgedAt: at }).where(eq(caseItems.id, caseId));
      const steps = await db.update(nextSteps).set({ text: null }).where(eq(nextSteps.caseId, caseId)).returning({ id: nextSteps.id });
      const hs = await db.update(handovers).set({ fields: null }).where(eq(handovers.caseId, caseId)).returning({ id: handovers.id });
      return { steps: steps.length, handovers: hs.length };
    },
  };
}
