import { index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * A colleague counted to an organisation by a forum's coordinator in chat (`medlem lägg till`): looked
 * up before the config's member lists, groups and e-mail domains. Staff, never the people a case is about.
 */
export const memberships = pgTable(
  'memberships',
  {
    id: serial('id').primaryKey(),
    platform: text('platform').notNull(),
    externalId: text('external_id').notNull(),
    email: text('email'),
    organisationKey: text('organisation_key').notNull(),
    /** The forum whose coordinator added it (its organisations bound what may be added or removed). */
    forumKey: text('forum_key').notNull(),
    addedBy: integer('added_by'),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('memberships_identity').on(t.platform, t.externalId), index('memberships_email').on(t.email)],
);
