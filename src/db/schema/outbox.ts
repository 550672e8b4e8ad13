import { bigserial, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { OutboxStatus } from '../../core/vocabulary.js';

/** Every outgoing chat message, keyed for idempotency, delivered after commit and retried by the tick. */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    key: text('key').notNull(),
    target: jsonb('target').notNull(),
    payload: jsonb('payload').notNull(),
    /** When set, the message replaces an earlier delivery with this key (e.g. an agenda update). */
    replaces: text('replaces'),
    caseCode: text('case_code'),
    status: text('status').$type<OutboxStatus>().notNull().default('pending'), // pending | sending | sent | failed
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    sentRef: jsonb('sent_ref'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** An earlier attempt may have reached the platform (lease ran out, timeout, reset): look before sending again. */
    uncertain: boolean('uncertain').notNull().default(false),
  },
  (t) => [uniqueIndex('outbox_key').on(t.key), index('outbox_due').on(t.status, t.nextAttemptAt), index('outbox_case').on(t.caseCode), index('outbox_replaces').on(t.replaces)],
);
