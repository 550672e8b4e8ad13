import { bigserial, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Who did what to which case, when. Holds no free text. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: integer('actor_id'),
    actorOrganisationKey: text('actor_organisation_key'),
    action: text('action').notNull(),
    forumKey: text('forum_key'),
    caseCode: text('case_code'),
    /** The SHA-256 (hex) of a document the action fixed: the approved minutes' PDF. */
    documentSha256: text('document_sha256'),
  },
  (t) => [index('audit_case').on(t.caseCode)],
);
