import { index, integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import type { HandoverStatus } from '../../core/vocabulary.js';

/** Handover templates, mirrored from config on start. */
export const handoverTemplates = pgTable('handover_templates', {
  key: text('key').primaryKey(),
  name: text('name').notNull(),
  fromOrganisationKey: text('from_organisation_key').notNull(),
  toOrganisationKey: text('to_organisation_key').notNull(),
  dueWorkingDays: integer('due_working_days').notNull(),
  definition: jsonb('definition').notNull(),
});

/** A handover loop (överlämning): one side owes the other an answer by a date. */
export const handovers = pgTable(
  'handovers',
  {
    id: serial('id').primaryKey(),
    templateKey: text('template_key').notNull(),
    caseId: integer('case_id').notNull(),
    forumKey: text('forum_key').notNull(),
    fromMemberId: integer('from_member_id').notNull(),
    fromOrganisationKey: text('from_organisation_key'),
    toMemberId: integer('to_member_id').notNull(),
    toOrganisationKey: text('to_organisation_key'),
    dueDate: text('due_date').notNull(),
    fields: jsonb('fields').$type<Record<string, string>>(),
    flags: jsonb('flags').$type<string[]>(),
    status: text('status').$type<HandoverStatus>().notNull().default('open'), // open | answered
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredBy: integer('answered_by'),
  },
  (t) => [index('handovers_open_due').on(t.status, t.dueDate), index('handovers_case').on(t.caseId), index('handovers_to').on(t.toMemberId, t.status)],
);
