import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import type { ForumStore } from '../../core/stores.js';
import type { Db } from '../client.js';
import { forums } from '../schema/index.js';

export function forumStore(db: Db): ForumStore {
  return {
    async byKey(key) {
      const [row] = await db.select().from(forums).where(eq(forums.key, key));
      return row ?? null;
    },
    async byChannel(platform, channelId) {
      const [row] = await db.select().from(forums).where(and(eq(forums.channelPlatform, platform), eq(forums.channelId, channelId)));
      return row ?? null;
    },
    all: () => db.select().from(forums).orderBy(asc(forums.key)),
    linked: () => db.select().from(forums).where(isNotNull(forums.channelId)).orderBy(asc(forums.key)),
    async link(key, channel, coordinatorId, at) {
      const [row] = await db
        .update(forums)
        .set({ channelPlatform: channel.platform, channelId: channel.id, channelRef: channel.ref ?? null, linkedAt: at, coordinatorMemberId: coordinatorId })
        .where(eq(forums.key, key))
        .returning();
      return row;
    },
    async ensureCalendarToken(forumKey, fresh) {
      const [row] = await db
        .update(forums)
        .set({ calendarToken: sql`coalesce(${forums.calendarToken}, ${fresh})` })
        .where(eq(forums.key, forumKey))
        .returning({ token: forums.calendarToken });
      return row.token!;
    },
  };
}
