import { index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import type { TopicStatus } from '../../core/vocabulary.js';

/** A question for a topic meeting (no individual cases there). */
export const topics = pgTable(
  'topics',
  {
    id: serial('id').primaryKey(),
    forumKey: text('forum_key').notNull(),
    text: text('text').notNull(),
    raisedBy: integer('raised_by').notNull(),
    organisationKey: text('organisation_key').notNull(),
    status: text('status').$type<TopicStatus>().notNull().default('open'), // open | discussed
    decision: text('decision'),
    meetingId: integer('meeting_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('topics_forum_status').on(t.forumKey, t.status)],
);
