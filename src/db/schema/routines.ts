import { index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { RoutineStatus } from '../../core/vocabulary.js';

/**
 * One occurrence of a forum routine (issue 17: skolsamverkan, the Q2/Q4 report, the yearly
 * evaluation): due on a day its rule gives, reminded and escalated like a step. Unique per forum,
 * routine and due day, so however many ticks or replicas create it, it exists once. Holds no free
 * text: the routine's name and text are in the config.
 */
export const routineOccurrences = pgTable(
  'routine_occurrences',
  {
    id: serial('id').primaryKey(),
    forumKey: text('forum_key').notNull(),
    routineKey: text('routine_key').notNull(),
    dueDate: text('due_date').notNull(),
    /** The owner as the config gave it when the occurrence was made: `person:<e-mail>`, `organisation:<key>`. */
    owner: text('owner').notNull(),
    /** The owning person's member row, when the owner is a person the bot knows. */
    ownerMemberId: integer('owner_member_id'),
    status: text('status').$type<RoutineStatus>().notNull().default('open'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneBy: integer('done_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('routine_occurrences_once').on(t.forumKey, t.routineKey, t.dueDate), index('routine_occurrences_open_due').on(t.status, t.dueDate)],
);
