import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm';
import type { StepRow, StepStore } from '../../core/stores.js';
import type { Db } from '../client.js';
import { caseItems, nextSteps } from '../schema/index.js';
import { addStepWithPosts, stepDoneWithPosts } from './step-write.js';

export function stepStore(db: Db): StepStore {
  return {
    async insert(s) {
      const [row] = await db.insert(nextSteps).values(s).returning();
      return row;
    },
    addWithPosts: (w) => addStepWithPosts(db, w),
    doneWithPosts: (id, w) => stepDoneWithPosts(db, id, w),
    async byId(id) {
      const [row] = await db.select().from(nextSteps).where(eq(nextSteps.id, id));
      return row ?? null;
    },
    async byIdWithCode(id) {
      const [row] = await db.select({ step: nextSteps, caseCode: caseItems.code }).from(nextSteps).leftJoin(caseItems, eq(caseItems.id, nextSteps.caseId)).where(eq(nextSteps.id, id));
      return row ? { ...row.step, caseCode: row.caseCode } : null;
    },
    async byIds(ids) {
      if (!ids.length) return new Map<number, StepRow>();
      const rows = await db.select().from(nextSteps).where(inArray(nextSteps.id, [...new Set(ids)]));
      return new Map(rows.map((r) => [r.id, r]));
    },
    async forCases(caseIds) {
      if (!caseIds.length) return [];
      return db.select().from(nextSteps).where(inArray(nextSteps.caseId, caseIds)).orderBy(asc(nextSteps.id));
    },
    openOwnedBy: (memberId) => db.select().from(nextSteps).where(and(eq(nextSteps.ownerId, memberId), eq(nextSteps.status, 'open'))).orderBy(asc(nextSteps.dueDate), asc(nextSteps.id)),
    openOfForum: (forumKey) => db.select().from(nextSteps).where(and(eq(nextSteps.forumKey, forumKey), eq(nextSteps.status, 'open'))).orderBy(asc(nextSteps.dueDate), asc(nextSteps.id)),
    async update(id, set) {
      const [row] = await db.update(nextSteps).set(set).where(eq(nextSteps.id, id)).returning();
      return row;
    },
    closeOpenOfCase: (caseId, at) =>
      db.update(nextSteps).set({ status: 'closed', doneAt: at }).where(and(eq(nextSteps.caseId, caseId), eq(nextSteps.status, 'open'))).returning(),
    async markDone(id, at) {
      await db.update(nextSteps).set({ status: 'done', doneAt: at }).where(eq(nextSteps.id, id));
    },
    openDueIn: (from, toExclusive) =>
      db.select().from(nextSteps).where(and(eq(nextSteps.status, 'open'), gte(nextSteps.dueDate, from), lt(nextSteps.dueDate, toExclusive))).orderBy(asc(nextSteps.id)),
  };
}
