import { index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * A read-only page link (`sida`, `rapport länk`): only the SHA-256 of the token is kept, so the
 * database never holds a working link. A token opens exactly one thing: its forum's page, the
 * dashboard, or its member's own page.
 */
export const pageTokens = pgTable(
  'page_tokens',
  {
    id: serial('id').primaryKey(),
    scope: text('scope').notNull(), // forum | dashboard | member
    forumKey: text('forum_key'),
    memberId: integer('member_id'),
    tokenHash: text('token_hash').notNull(),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('page_tokens_hash').on(t.tokenHash), index('page_tokens_scope').on(t.scope, t.forumKey, t.memberId)],
);
