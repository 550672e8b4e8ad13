// Occurrences of forum routines (issue 17). `ensure` leans on the unique (forum, routine, due day)
// index: two ticks at the same instant, in one process or on several replicas, make one row.
import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm';
import type { RoutineStore } from '../../core/stores.js';
import type { Db } from '../client.js';
import { routineOccurrences as r } from '../schema/index.js';

export function routineStore(db: Db): RoutineStore {
  return {
    async ensure(v) {
      const [row] = await db.insert(r).values(v).onConflictDoNothing({ target: [r.forumKey, r.routineKey, r.dueDate] }).returning();
      return row ?? null;
    },
    async byId(id) {
      const [row] = await db.select().from(r).where(eq(r.id, id));
      return row ?? null;
    },
    async openOfForums(forumKeys) {
      if (!forumKeys.length) return [];
      return db.select().from(r).where(and(eq(r.status, 'open'), inArray(r.forumKey, forumKeys))).orderBy(asc(r.dueDate), asc(r.id));
    },
    openDueIn: (from, toExclusive) => db.select().from(r).where(and(eq(r.status, 'open'), gte(r.dueDate, from), lt(r.dueDate, toExclusive))).orderBy(asc(r.id)),
    async markDone(id, by, at) {
      const [row] = await db.update(r).set({ status: 'done', doneBy: by, doneAt: at }).where(and(eq(r.id, id), eq(r.status, 'open'))).returning();
      return row ?? null;
    },
  };
}
