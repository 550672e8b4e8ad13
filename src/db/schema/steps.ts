import { index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import type { StepStatus } from '../../core/vocabulary.js';

/** An agreed next step (åtgärd): one action, one owner, one due date. */
export const nextSteps = pgTable(
  'next_steps',
  {
    id: serial('id').primaryKey(),
    caseId: integer('case_id').notNull(),
    forumKey: text('forum_key').notNull(),
    ownerId: integer('owner_id').notNull(),
    ownerOrganisationKey: text('owner_organisation_key'),
    dueDate: text('due_date').notNull(),
    text: text('text'),
    status: text('status').$type<StepStatus>().notNull().default('open'), // open | done
    meetingId: integer('meeting_id'),
    createdBy: integer('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    doneAt: timestamp('done_at', { withTimezone: true }),
  },
  (t) => [index('next_steps_open_due').on(t.status, t.dueDate), index('next_steps_case').on(t.caseId), index('next_steps_owner').on(t.ownerId, t.status)],
);
