import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm';
import type { HandoverStore } from '../../core/stores.js';
import type { Db } from '../client.js';
import { handovers } from '../schema/index.js';
import { answerWithPosts } from './handover-write.js';

export function handoverStore(db: Db): HandoverStore {
  return {
    async insert(v) {
      const [row] = await db.insert(handovers).values(v).returning();
      return row;
    },
    async byId(id) {
      const [row] = await db.select().from(handovers).where(eq(handovers.id, id));
      return row ?? null;
    },
    async forCases(caseIds) {
      if (!caseIds.length) return [];
      return db.select().from(handovers).where(inArray(handovers.caseId, caseIds)).orderBy(asc(handovers.id));
    },
    openOwedBy: (memberId) => db.select().from(handovers).where(and(eq(handovers.toMemberId, memberId), eq(handovers.status, 'open'))).orderBy(asc(handovers.dueDate)),
    openOfForum: (forumKey) => db.select().from(handovers).where(and(eq(handovers.forumKey, forumKey), eq(handovers.status, 'open'))).orderBy(asc(handovers.dueDate), asc(handovers.id)),
    openDueIn: (from, toExclusive) =>
      db.select().from(handovers).where(and(eq(handovers.status, 'open'), gte(handovers.dueDate, from), lt(handovers.dueDate, toExclusive))).orderBy(asc(handovers.id)),
    openDueBefore: (forumKey, date) =>
      db
        .select()
        .from(handovers)
        .where(and(eq(handovers.status, 'open'), lt(handovers.dueDate, date), eq(handovers.forumKey, forumKey)))
        .orderBy(asc(handovers.dueDate), asc(handovers.id)),
    async correct(id, v) {
      const [row] = await db.update(handovers).set({ fields: v.fields, flags: v.flags }).where(eq(handovers.id, id)).returning();
      return row;
    },
    answerWithPosts: (id, v, w) => answerWithPosts(db, id, v, w),
    async answer(id, v) {
      const [row] = await db
        .update(handovers)
        .set({ fields: v.fields, flags: v.flags, status: 'answered', answeredBy: v.by, answeredAt: v.at })
        .where(and(eq(handovers.id, id), eq(handovers.status, 'open')))
        .returning();
      return row ?? null;
    },
  };
}
