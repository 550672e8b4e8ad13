import { and, asc, eq, inArray } from 'drizzle-orm';
import type { TopicRow, TopicStore } from '../../core/stores.js';
import type { Db } from '../client.js';
import { topics } from '../schema/index.js';

export function topicStore(db: Db): TopicStore {
  return {
    async insert(v) {
      const [row] = await db.insert(topics).values(v).returning();
      return row;
    },
    open: (forumKey) => db.select().from(topics).where(and(eq(topics.forumKey, forumKey), eq(topics.status, 'open'))).orderBy(asc(topics.id)),
    async byIds(ids) {
      if (!ids.length) return new Map<number, TopicRow>();
      const rows = await db.select().from(topics).where(inArray(topics.id, [...new Set(ids)]));
      return new Map(rows.map((r) => [r.id, r]));
    },
    async markDiscussed(id, meetingId, decision) {
      await db.update(topics).set({ status: 'discussed', meetingId, decision }).where(eq(topics.id, id));
    },
  };
}
