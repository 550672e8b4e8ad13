import { integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { MeetingStatus, MinutesStatus } from '../../core/vocabulary.js';

/** A materialised occurrence of a forum's cadence: moved, cancelled, running or held. */
export const meetings = pgTable(
  'meetings',
  {
    id: serial('id').primaryKey(),
    forumKey: text('forum_key').notNull(),
    scheduledDate: text('scheduled_date').notNull(),
    date: text('date').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    status: text('status').$type<MeetingStatus>().notNull().default('scheduled'), // scheduled | moved | cancelled | running | held
    note: text('note'),
    currentItem: integer('current_item'),
    /** The walk of a running or held meeting (core/meeting/state.ts `WalkState`, zod-checked on read). */
    walkState: jsonb('walk_state'),
    /** What the agenda post of this occurrence last showed (core/agenda-post.ts `AgendaPostState`). */
    agendaPost: jsonb('agenda_post'),
    minutes: jsonb('minutes'),
    minutesStatus: text('minutes_status').$type<MinutesStatus>(), // draft | approved
    approvals: jsonb('approvals'),
    startedAt: timestamp('started_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    /** Bumped by every change to the occurrence (move, cancel, restore): the ICS SEQUENCE (RFC 5545 §3.8.7.4). */
    sequence: integer('sequence').notNull().default(0),
    /** Who was present, chair and secretary (`möte närvaro`, core/meeting/protokoll.ts `Attendance`); unset: those who acted. */
    attendance: jsonb('attendance'),
  },
  (t) => [uniqueIndex('meetings_forum_scheduled').on(t.forumKey, t.scheduledDate)],
);
