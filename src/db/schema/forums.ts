import { integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { ForumRecurrence } from '../../core/settings.js';

/** A configured forum and the chat channel bound to it. Config rows are upserted on start. */
export const forums = pgTable(
  'forums',
  {
    key: text('key').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind').notNull(), // case | topic
    prefix: text('prefix').notNull(),
    everyWeeks: integer('every_weeks').notNull(),
    anchor: text('anchor').notNull(),
    time: text('time').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    agendaLeadWorkingDays: integer('agenda_lead_working_days').notNull(),
    holidayPolicy: text('holiday_policy').notNull(),
    coordinatorEmail: text('coordinator_email'),
    coordinatorMemberId: integer('coordinator_member_id'),
    channelPlatform: text('channel_platform'),
    channelId: text('channel_id'),
    /** Platform data needed to post proactively (e.g. a Teams conversation reference). */
    channelRef: jsonb('channel_ref'),
    linkedAt: timestamp('linked_at', { withTimezone: true }),
    calendarToken: text('calendar_token'),
    /** Bumped when the config changes the forum's time or length: part of every event's ICS SEQUENCE. */
    scheduleSequence: integer('schedule_sequence').notNull().default(0),
    /** The cadence beyond every N weeks: { rrule, pauses, within } from the config (null: none of them). */
    recurrence: jsonb('recurrence').$type<ForumRecurrence>(),
    /**
     * Bumped (at commit, by triggers: migrations/*_forum_inputs_version.sql) by every write to the
     * forum's cases, steps, handovers, topics or meetings and by a rename of a member: the tick
     * rebuilds an agenda only when this moved since its last post (docs/performance.md).
     */
    inputsVersion: integer('inputs_version').notNull().default(0),
  },
  (t) => [uniqueIndex('forums_channel').on(t.channelPlatform, t.channelId)],
);
