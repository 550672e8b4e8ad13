// Memberships added in chat (`medlem lägg till @x <org>`, issue 17): who counts to which organisation
// before the config's member lists, groups and e-mail domains are looked at.
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { MembershipStore } from '../../core/stores.js';
import type { Db } from '../client.js';
import { memberships } from '../schema/index.js';

export function membershipStore(db: Db): MembershipStore {
  return {
    async of(who) {
      const byId = and(eq(memberships.platform, who.platform), eq(memberships.externalId, who.externalId));
      const email = who.email?.trim().toLowerCase();
      const [row] = await db
        .select()
        .from(memberships)
        .where(email ? or(byId, eq(memberships.email, email)) : byId)
        .orderBy(asc(memberships.id))
        .limit(1);
      return row ?? null;
    },
    async put(v) {
      const email = v.email?.trim().toLowerCase() ?? null;
      // One membership per person: an earlier one on another platform under the same e-mail goes.
      if (email) await db.delete(memberships).where(eq(memberships.email, email));
      const [row] = await db
        .insert(memberships)
        .values({ ...v, email })
        .onConflictDoUpdate({ target: [memberships.platform, memberships.externalId], set: { email, organisationKey: v.organisationKey, forumKey: v.forumKey, addedBy: v.addedBy, addedAt: v.addedAt } })
        .returning();
      return row;
    },
    async remove(id) {
      await db.delete(memberships).where(eq(memberships.id, id));
    },
    async inOrganisations(keys) {
      if (!keys.length) return [];
      return db.select().from(memberships).where(inArray(memberships.organisationKey, keys)).orderBy(asc(memberships.organisationKey), asc(memberships.email), asc(memberships.externalId));
    },
  };
}
