import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { MemberRow, MemberStore } from '../../core/stores.js';
import type { Db } from '../client.js';
import { members } from '../schema/index.js';

export function memberStore(db: Db): MemberStore {
  return {
    async upsert(m) {
      const [row] = await db
        .insert(members)
        .values(m)
        .onConflictDoUpdate({
          target: [members.platform, members.externalId],
          set: {
            email: sql`coalesce(excluded.email, ${members.email})`,
            displayName: sql`coalesce(excluded.display_name, ${members.displayName})`,
            organisationKey: sql`coalesce(excluded.organisation_key, ${members.organisationKey})`,
            language: sql`coalesce(excluded.language, ${members.language})`,
          },
        })
        .returning();
      return row;
    },
    async byId(id) {
      const [row] = await db.select().from(members).where(eq(members.id, id));
      return row ?? null;
    },
    async byIds(ids) {
      if (!ids.length) return new Map<number, MemberRow>();
      const rows = await db.select().from(members).where(inArray(members.id, [...new Set(ids)]));
      return new Map(rows.map((r) => [r.id, r]));
    },
    async byEmail(email) {
      const [row] = await db.select().from(members).where(eq(members.email, email.toLowerCase())).orderBy(asc(members.id)).limit(1);
      return row ?? null;
    },
  };
}
