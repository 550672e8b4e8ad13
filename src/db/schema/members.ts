import { jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/** Staff as the chat platform knows them. Never the people a case is about. */
export const members = pgTable(
  'members',
  {
    id: serial('id').primaryKey(),
    platform: text('platform').notNull(),
    externalId: text('external_id').notNull(),
    email: text('email'),
    displayName: text('display_name'),
    organisationKey: text('organisation_key'),
    language: text('language'),
    /** Platform data to reach the person directly (e.g. a Teams personal conversation reference). */
    chatRef: jsonb('chat_ref'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('members_platform_external').on(t.platform, t.externalId)],
);
