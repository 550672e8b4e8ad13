import { pgTable, text, timestamp, index } from 'drizzle-orm/pg-core';

/**
 * Chat requests already taken in (a Slack request's event id or body hash), so a retry or a replay
 * that reaches any replica within the signing window is acknowledged and not run again.
 */
export const requestsSeen = pgTable('requests_seen', { key: text('key').primaryKey(), seenAt: timestamp('seen_at', { withTimezone: true }).notNull() }, (t) => [index('requests_seen_at').on(t.seenAt)]);
