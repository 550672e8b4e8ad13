// Where the Teams adapter keeps how to reach a person or a channel proactively (conversation references).
import { and, eq, sql } from 'drizzle-orm';
import type { ConversationRefs } from '../../core/ports.js';
import type { Db } from '../client.js';
import { forums, members } from '../schema/index.js';

export function conversationRefs(db: Db): ConversationRefs {
  return {
    async setMemberRef(platform, externalId, ref, opts = {}) {
      const where = and(eq(members.platform, platform), eq(members.externalId, externalId), opts.onlyIfEmpty ? sql`${members.chatRef} is null` : undefined);
      const rows = await db.update(members).set({ chatRef: ref as never }).where(where).returning({ id: members.id });
      return rows.length > 0;
    },
    async memberRef(memberId) {
      const [row] = await db.select({ ref: members.chatRef }).from(members).where(eq(members.id, memberId));
      return row?.ref ?? null;
    },
    async setChannelRef(platform, channelId, ref) {
      const rows = await db
        .update(forums)
        .set({ channelRef: ref as never })
        .where(and(eq(forums.channelPlatform, platform), eq(forums.channelId, channelId)))
        .returning({ key: forums.key });
      return rows.length > 0;
    },
  };
}
