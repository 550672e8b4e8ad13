// The one repository: every query the core needs, on PGlite and PostgreSQL alike.
import { and, asc, desc, eq, gt, gte, inArray, isNotNull, isNull, lt, lte, ne, or, sql } from 'drizzle-orm';
import type { FileConfig } from '../config.js';
import type { Db } from './client.js';
import * as t from './schema/index.js';
import type { MeetingStatus, Outcome } from '../core/vocabulary.js';

export type MemberRow = typeof t.members.$inferSelect;
export type ForumRow = typeof t.forums.$inferSelect;
export type CaseRow = typeof t.caseItems.$inferSelect;
export type StepRow = typeof t.nextSteps.$inferSelect;
export type TopicRow = typeof t.topics.$inferSelect;
export type HandoverRow = typeof t.handovers.$inferSelect;
export type MeetingRow = typeof t.meetings.$inferSelect;
export type OutboxRow = typeof t.outbox.$inferSelect;
export type NewOutbox = typeof t.outbox.$inferInsert;
export type AuditRow = typeof t.auditLog.$inferSelect;

/** A substring as it appears inside jsonb::text, as a LIKE pattern (JSON-escaped, LIKE-escaped). */
function likePattern(needle: string): string {
  const json = JSON.stringify(needle).slice(1, -1);
  return `%${json.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export class Repository {
  constructor(readonly db: Db) {}

  /** Runs `fn` in one transaction with a repository bound to it. */
  transaction<T>(fn: (repo: Repository) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => fn(new Repository(tx as unknown as Db)));
  }

  /** Mirrors organisations, forums and handover templates from config; keeps channel bindings. */
  async syncConfig(cfg: FileConfig): Promise<void> {
    await this.transaction(async (r) => {
      for (const o of cfg.organisations) {
        await r.db.insert(t.organisations).values({ key: o.key, name: o.name }).onConflictDoUpdate({ target: t.organisations.key, set: { name: o.name } });
      }
      for (const f of cfg.forums) {
        const values = {
          name: f.name,
          kind: f.kind,
          prefix: f.prefix,
          everyWeeks: f.cadence.everyWeeks,
          anchor: f.cadence.anchor,
          time: f.cadence.time,
          durationMinutes: f.cadence.durationMinutes,
          agendaLeadWorkingDays: f.agendaLeadWorkingDays,
          holidayPolicy: f.holidayPolicy,
          coordinatorEmail: f.coordinator ?? null,
        };
        await r.db.insert(t.forums).values({ key: f.key, ...values }).onConflictDoUpdate({ target: t.forums.key, set: values });
      }
      for (const h of cfg.handoverTemplates) {
        const values = { name: h.name, fromOrganisationKey: h.from, toOrganisationKey: h.to, dueWorkingDays: h.dueWorkingDays, definition: h };
        await r.db.insert(t.handoverTemplates).values({ key: h.key, ...values }).onConflictDoUpdate({ target: t.handoverTemplates.key, set: values });
      }
    });
  }

  // --- members
  async upsertMember(m: { platform: string; externalId: string; email: string | null; displayName: string | null; organisationKey: string | null; language: string | null }): Promise<MemberRow> {
    const [row] = await this.db
      .insert(t.members)
      .values(m)
      .onConflictDoUpdate({
        target: [t.members.platform, t.members.externalId],
        set: {
          email: sql`coalesce(excluded.email, ${t.members.email})`,
          displayName: sql`coalesce(excluded.display_name, ${t.members.displayName})`,
          organisationKey: sql`coalesce(excluded.organisation_key, ${t.members.organisationKey})`,
          language: sql`coalesce(excluded.language, ${t.members.language})`,
        },
      })
      .returning();
    return row;
  }

  async memberById(id: number): Promise<MemberRow | null> {
    const [row] = await this.db.select().from(t.members).where(eq(t.members.id, id));
    return row ?? null;
  }

  async membersByIds(ids: number[]): Promise<Map<number, MemberRow>> {
    if (!ids.length) return new Map();
    const rows = await this.db.select().from(t.members).where(inArray(t.members.id, [...new Set(ids)]));
    return new Map(rows.map((r) => [r.id, r]));
  }

  // --- forums
  async forumByKey(key: string): Promise<ForumRow | null> {
    const [row] = await this.db.select().from(t.forums).where(eq(t.forums.key, key));
    return row ?? null;
  }

  async forumByChannel(platform: string, channelId: string): Promise<ForumRow | null> {
    const [row] = await this.db.select().from(t.forums).where(and(eq(t.forums.channelPlatform, platform), eq(t.forums.channelId, channelId)));
    return row ?? null;
  }

  async allForums(): Promise<ForumRow[]> {
    return this.db.select().from(t.forums).orderBy(asc(t.forums.key));
  }

  async linkForum(key: string, channel: { platform: string; id: string; ref?: unknown }, coordinatorId: number | null, at: Date): Promise<ForumRow> {
    const [row] = await this.db
      .update(t.forums)
      .set({ channelPlatform: channel.platform, channelId: channel.id, channelRef: channel.ref ?? null, linkedAt: at, coordinatorMemberId: coordinatorId })
      .where(eq(t.forums.key, key))
      .returning();
    return row;
  }

  // --- cases
  /** Hands out the next number for a forum and year atomically (safe under concurrent creation). */
  async nextCaseNumber(forumKey: string, year: number): Promise<number> {
    const [row] = await this.db
      .insert(t.caseCounters)
      .values({ forumKey, year, last: 1 })
      .onConflictDoUpdate({ target: [t.caseCounters.forumKey, t.caseCounters.year], set: { last: sql`${t.caseCounters.last} + 1` } })
      .returning({ last: t.caseCounters.last });
    return row.last;
  }

  async insertCase(c: typeof t.caseItems.$inferInsert): Promise<CaseRow> {
    const [row] = await this.db.insert(t.caseItems).values(c).returning();
    return row;
  }

  async caseByCode(code: string): Promise<CaseRow | null> {
    const [row] = await this.db.select().from(t.caseItems).where(eq(t.caseItems.code, code));
    return row ?? null;
  }

  async caseCodeById(id: number): Promise<string | null> {
    const [row] = await this.db.select({ code: t.caseItems.code }).from(t.caseItems).where(eq(t.caseItems.id, id));
    return row?.code ?? null;
  }

  async caseCodesByIds(ids: number[]): Promise<Map<number, string>> {
    if (!ids.length) return new Map();
    const rows = await this.db.select({ id: t.caseItems.id, code: t.caseItems.code }).from(t.caseItems).where(inArray(t.caseItems.id, [...new Set(ids)]));
    return new Map(rows.map((r) => [r.id, r.code]));
  }

  async openCases(forumKey: string): Promise<CaseRow[]> {
    return this.db.select().from(t.caseItems).where(and(eq(t.caseItems.forumKey, forumKey), eq(t.caseItems.status, 'open'))).orderBy(asc(t.caseItems.id));
  }

  async closeCase(id: number, outcome: Outcome, by: number, at: Date): Promise<void> {
    await this.db.update(t.caseItems).set({ status: 'closed', outcome, closedBy: by, closedAt: at }).where(eq(t.caseItems.id, id));
  }

  // --- next steps
  async insertStep(s: typeof t.nextSteps.$inferInsert): Promise<StepRow> {
    const [row] = await this.db.insert(t.nextSteps).values(s).returning();
    return row;
  }

  async stepById(id: number): Promise<StepRow | null> {
    const [row] = await this.db.select().from(t.nextSteps).where(eq(t.nextSteps.id, id));
    return row ?? null;
  }

  async stepsForCases(caseIds: number[]): Promise<StepRow[]> {
    if (!caseIds.length) return [];
    return this.db.select().from(t.nextSteps).where(inArray(t.nextSteps.caseId, caseIds)).orderBy(asc(t.nextSteps.id));
  }

  async openStepsOwnedBy(memberId: number): Promise<StepRow[]> {
    return this.db.select().from(t.nextSteps).where(and(eq(t.nextSteps.ownerId, memberId), eq(t.nextSteps.status, 'open'))).orderBy(asc(t.nextSteps.dueDate), asc(t.nextSteps.id));
  }

  async markStepDone(id: number, at: Date): Promise<void> {
    await this.db.update(t.nextSteps).set({ status: 'done', doneAt: at }).where(eq(t.nextSteps.id, id));
  }

  // --- topics
  async insertTopic(v: typeof t.topics.$inferInsert): Promise<TopicRow> {
    const [row] = await this.db.insert(t.topics).values(v).returning();
    return row;
  }

  async openTopics(forumKey: string): Promise<TopicRow[]> {
    return this.db.select().from(t.topics).where(and(eq(t.topics.forumKey, forumKey), eq(t.topics.status, 'open'))).orderBy(asc(t.topics.id));
  }

  // --- handovers
  async handoversForCases(caseIds: number[]): Promise<HandoverRow[]> {
    if (!caseIds.length) return [];
    return this.db.select().from(t.handovers).where(inArray(t.handovers.caseId, caseIds)).orderBy(asc(t.handovers.id));
  }

  async openHandoversOwedBy(memberId: number): Promise<HandoverRow[]> {
    return this.db.select().from(t.handovers).where(and(eq(t.handovers.toMemberId, memberId), eq(t.handovers.status, 'open'))).orderBy(asc(t.handovers.dueDate));
  }

  // --- meetings
  async meetingsFor(forumKey: string): Promise<MeetingRow[]> {
    return this.db.select().from(t.meetings).where(eq(t.meetings.forumKey, forumKey)).orderBy(asc(t.meetings.scheduledDate));
  }

  // --- meetings: walk-through, minutes, carry-over (issue 8)
  /** The meeting row of one occurrence, created when missing (by forum + scheduled date). */
  async materialiseMeeting(m: { forumKey: string; scheduledDate: string; date: string; startsAt: Date }): Promise<MeetingRow> {
    await this.db.insert(t.meetings).values(m).onConflictDoNothing({ target: [t.meetings.forumKey, t.meetings.scheduledDate] });
    const [row] = await this.db.select().from(t.meetings).where(and(eq(t.meetings.forumKey, m.forumKey), eq(t.meetings.scheduledDate, m.scheduledDate))).for('update');
    return row;
  }

  /** The running meeting, locked for the rest of the transaction so concurrent clicks on its buttons queue up. */
  async runningMeeting(forumKey: string): Promise<MeetingRow | null> {
    const [row] = await this.db.select().from(t.meetings).where(and(eq(t.meetings.forumKey, forumKey), eq(t.meetings.status, 'running'))).orderBy(asc(t.meetings.id)).limit(1).for('update');
    return row ?? null;
  }

  async updateMeeting(id: number, set: Partial<typeof t.meetings.$inferInsert>): Promise<MeetingRow> {
    const [row] = await this.db.update(t.meetings).set(set).where(eq(t.meetings.id, id)).returning();
    return row;
  }

  /** The meeting whose minutes were written last (latest meeting date first). */
  async latestMinutes(forumKey: string): Promise<MeetingRow | null> {
    const [row] = await this.db
      .select()
      .from(t.meetings)
      .where(and(eq(t.meetings.forumKey, forumKey), isNotNull(t.meetings.minutesStatus)))
      .orderBy(desc(t.meetings.date), desc(t.meetings.id))
      .limit(1);
    return row ?? null;
  }

  /** End times of the forum's held meetings that ended after `since` (carry-over counts). */
  async heldMeetingEnds(forumKey: string, since: Date): Promise<Date[]> {
    const rows = await this.db
      .select({ endedAt: t.meetings.endedAt })
      .from(t.meetings)
      .where(and(eq(t.meetings.forumKey, forumKey), eq(t.meetings.status, 'held'), gt(t.meetings.endedAt, since)));
    return rows.map((r) => r.endedAt!).filter(Boolean);
  }

  async openStepsOfForum(forumKey: string): Promise<StepRow[]> {
    return this.db.select().from(t.nextSteps).where(and(eq(t.nextSteps.forumKey, forumKey), eq(t.nextSteps.status, 'open'))).orderBy(asc(t.nextSteps.dueDate), asc(t.nextSteps.id));
  }

  async stepsByIds(ids: number[]): Promise<Map<number, StepRow>> {
    if (!ids.length) return new Map();
    const rows = await this.db.select().from(t.nextSteps).where(inArray(t.nextSteps.id, [...new Set(ids)]));
    return new Map(rows.map((r) => [r.id, r]));
  }

  async openHandoversOfForum(forumKey: string): Promise<HandoverRow[]> {
    return this.db.select().from(t.handovers).where(and(eq(t.handovers.forumKey, forumKey), eq(t.handovers.status, 'open'))).orderBy(asc(t.handovers.dueDate), asc(t.handovers.id));
  }

  async casesByIds(ids: number[]): Promise<Map<number, CaseRow>> {
    if (!ids.length) return new Map();
    const rows = await this.db.select().from(t.caseItems).where(inArray(t.caseItems.id, [...new Set(ids)]));
    return new Map(rows.map((r) => [r.id, r]));
  }

  async casesClosedBetween(forumKey: string, from: Date, to: Date): Promise<CaseRow[]> {
    return this.db
      .select()
      .from(t.caseItems)
      .where(and(eq(t.caseItems.forumKey, forumKey), eq(t.caseItems.status, 'closed'), gte(t.caseItems.closedAt, from), lt(t.caseItems.closedAt, to)))
      .orderBy(asc(t.caseItems.closedAt), asc(t.caseItems.id));
  }

  async casesRaisedBetween(forumKey: string, from: Date, to: Date): Promise<CaseRow[]> {
    return this.db
      .select()
      .from(t.caseItems)
      .where(and(eq(t.caseItems.forumKey, forumKey), gte(t.caseItems.createdAt, from), lt(t.caseItems.createdAt, to)))
      .orderBy(asc(t.caseItems.id));
  }

  async stepsDueBetween(forumKey: string, from: string, to: string): Promise<StepRow[]> {
    return this.db.select().from(t.nextSteps).where(and(eq(t.nextSteps.forumKey, forumKey), gte(t.nextSteps.dueDate, from), lte(t.nextSteps.dueDate, to)));
  }

  async handoversDueBetween(forumKey: string, from: string, to: string): Promise<HandoverRow[]> {
    return this.db.select().from(t.handovers).where(and(eq(t.handovers.forumKey, forumKey), gte(t.handovers.dueDate, from), lte(t.handovers.dueDate, to)));
  }

  async topicsByIds(ids: number[]): Promise<Map<number, TopicRow>> {
    if (!ids.length) return new Map();
    const rows = await this.db.select().from(t.topics).where(inArray(t.topics.id, [...new Set(ids)]));
    return new Map(rows.map((r) => [r.id, r]));
  }

  async markTopicDiscussed(id: number, meetingId: number, decision: string | null): Promise<void> {
    await this.db.update(t.topics).set({ status: 'discussed', meetingId, decision }).where(eq(t.topics.id, id));
  }

  /** Meetings whose walk or minutes hold an item for this case (retention purge). */
  async meetingsWithCaseItem(caseId: number): Promise<MeetingRow[]> {
    const probe = JSON.stringify({ items: [{ kind: 'case', id: caseId }] });
    return this.db
      .select()
      .from(t.meetings)
      .where(sql`${t.meetings.agendaSnapshot} @> ${probe}::jsonb or ${t.meetings.minutes} @> ${probe}::jsonb`);
  }

  /** The forum's feed token (ICS, report images), created once on first use. */
  async ensureCalendarToken(forumKey: string, fresh: string): Promise<string> {
    const [row] = await this.db
      .update(t.forums)
      .set({ calendarToken: sql`coalesce(${t.forums.calendarToken}, ${fresh})` })
      .where(eq(t.forums.key, forumKey))
      .returning({ token: t.forums.calendarToken });
    return row.token!;
  }

  // --- outbox
  /** Adds messages; a key already present is left as it is (idempotent). Returns the ids inserted. */
  async enqueue(rows: NewOutbox[]): Promise<number[]> {
    if (!rows.length) return [];
    const inserted = await this.db.insert(t.outbox).values(rows).onConflictDoNothing({ target: t.outbox.key }).returning({ id: t.outbox.id });
    return inserted.map((r) => r.id);
  }

  // --- Teams: conversation references for proactive posts (issue 5)
  /** Stores how to reach a person directly; `onlyIfEmpty` keeps a richer reference already there. */
  async setMemberChatRef(platform: string, externalId: string, ref: unknown, opts: { onlyIfEmpty?: boolean } = {}): Promise<boolean> {
    const where = and(eq(t.members.platform, platform), eq(t.members.externalId, externalId), opts.onlyIfEmpty ? sql`${t.members.chatRef} is null` : undefined);
    const rows = await this.db.update(t.members).set({ chatRef: ref as never }).where(where).returning({ id: t.members.id });
    return rows.length > 0;
  }

  async memberChatRef(memberId: number): Promise<unknown> {
    const [row] = await this.db.select({ ref: t.members.chatRef }).from(t.members).where(eq(t.members.id, memberId));
    return row?.ref ?? null;
  }

  /** Refreshes the stored reference of a linked channel (e.g. the bot was reinstalled). */
  async setForumChannelRef(platform: string, channelId: string, ref: unknown): Promise<boolean> {
    const rows = await this.db
      .update(t.forums)
      .set({ channelRef: ref as never })
      .where(and(eq(t.forums.channelPlatform, platform), eq(t.forums.channelId, channelId)))
      .returning({ key: t.forums.key });
    return rows.length > 0;
  }

  // --- audit (issue 7)
  async auditForCase(code: string): Promise<AuditRow[]> {
    return this.db.select().from(t.auditLog).where(eq(t.auditLog.caseCode, code)).orderBy(asc(t.auditLog.at), asc(t.auditLog.id));
  }

  // --- retention (issue 7): closed cases reduced to statistics
  /** Closed, not yet purged cases closed before `before`; locked so two ticks never purge the same case. */
  async closedCasesToPurge(before: Date, limit: number): Promise<CaseRow[]> {
    return this.db
      .select()
      .from(t.caseItems)
      .where(and(eq(t.caseItems.status, 'closed'), isNotNull(t.caseItems.closedAt), lt(t.caseItems.closedAt, before), isNull(t.caseItems.purgedAt)))
      // Oldest first, spelled as the index case_items_purge_due is ordered: otherwise the planner walks
      // (status, closed_at) through every purged case of the history.
      .orderBy(asc(t.caseItems.status), asc(t.caseItems.purgedAt), asc(t.caseItems.closedAt))
      .limit(limit)
      .for('update', { skipLocked: true });
  }

  /** Removes a case's free text (question, steps' text, handover answers); the rows stay for the statistics. */
  async purgeCaseText(caseId: number, at: Date): Promise<{ steps: number; handovers: number }> {
    await this.db.update(t.caseItems).set({ question: null, purgedAt: at }).where(eq(t.caseItems.id, caseId));
    const steps = await this.db.update(t.nextSteps).set({ text: null }).where(eq(t.nextSteps.caseId, caseId)).returning({ id: t.nextSteps.id });
    const handovers = await this.db.update(t.handovers).set({ fields: null }).where(eq(t.handovers.caseId, caseId)).returning({ id: t.handovers.id });
    return { steps: steps.length, handovers: handovers.length };
  }

  /** Outbox rows about a case, or whose payload contains any of `needles` (plain substrings). */
  async outboxMentioning(code: string, needles: string[]): Promise<Pick<OutboxRow, 'id' | 'payload' | 'caseCode' | 'status'>[]> {
    const text = sql`${t.outbox.payload}::text`;
    return this.db
      .select({ id: t.outbox.id, payload: t.outbox.payload, caseCode: t.outbox.caseCode, status: t.outbox.status })
      .from(t.outbox)
      .where(or(eq(t.outbox.caseCode, code), ...needles.map((n) => sql`${text} like ${likePattern(n)} escape '\\'`)));
  }

  async scrubOutbox(id: number, payload: unknown, stopSending: boolean): Promise<void> {
    await this.db
      .update(t.outbox)
      .set(stopSending ? { payload, status: 'failed', lastError: 'purged by retention' } : { payload })
      .where(eq(t.outbox.id, id));
  }

  /** Meetings of a forum whose agenda snapshot or minutes contain any of `needles`. */
  async meetingsMentioning(forumKey: string, needles: string[]): Promise<Pick<MeetingRow, 'id' | 'agendaSnapshot' | 'minutes'>[]> {
    if (!needles.length) return [];
    const docs = sql`coalesce(${t.meetings.agendaSnapshot}::text, '') || coalesce(${t.meetings.minutes}::text, '')`;
    return this.db
      .select({ id: t.meetings.id, agendaSnapshot: t.meetings.agendaSnapshot, minutes: t.meetings.minutes })
      .from(t.meetings)
      .where(and(eq(t.meetings.forumKey, forumKey), or(...needles.map((n) => sql`${docs} like ${likePattern(n)} escape '\\'`))));
  }

  async scrubMeeting(id: number, agendaSnapshot: unknown, minutes: unknown): Promise<void> {
    await this.db.update(t.meetings).set({ agendaSnapshot, minutes }).where(eq(t.meetings.id, id));
  }

  // --- audit
  async audit(e: { at: Date; actorId: number | null; actorOrganisationKey: string | null; action: string; forumKey: string | null; caseCode: string | null }): Promise<void> {
    await this.db.insert(t.auditLog).values(e);
  }

  // --- scheduler (issue 6): meeting changes, agenda posts, reminder sweeps, handover loops
  async linkedForums(): Promise<ForumRow[]> {
    return this.db.select().from(t.forums).where(isNotNull(t.forums.channelId)).orderBy(asc(t.forums.key));
  }

  /** Stored occurrences whose scheduled date lies in [from, to] (indexed by forum and date). */
  async meetingsBetween(forumKey: string, from: string, to: string): Promise<MeetingRow[]> {
    return this.db
      .select()
      .from(t.meetings)
      .where(and(eq(t.meetings.forumKey, forumKey), gte(t.meetings.scheduledDate, from), lte(t.meetings.scheduledDate, to)))
      .orderBy(asc(t.meetings.scheduledDate));
  }

  /** Creates or changes the stored row of one occurrence (moved, cancelled). */
  async saveMeeting(v: { forumKey: string; scheduledDate: string; date: string; startsAt: Date; status: MeetingStatus; note: string | null }): Promise<MeetingRow> {
    const [row] = await this.db
      .insert(t.meetings)
      .values(v)
      .onConflictDoUpdate({ target: [t.meetings.forumKey, t.meetings.scheduledDate], set: { date: v.date, startsAt: v.startsAt, status: v.status, note: v.note } })
      .returning();
    return row;
  }

  /** The occurrence's row, created when missing and locked for this transaction (one agenda writer at a time). */
  async lockMeeting(v: { forumKey: string; scheduledDate: string; date: string; startsAt: Date; status: MeetingStatus }): Promise<MeetingRow> {
    await this.db.insert(t.meetings).values(v).onConflictDoNothing({ target: [t.meetings.forumKey, t.meetings.scheduledDate] });
    const [row] = await this.db
      .select()
      .from(t.meetings)
      .where(and(eq(t.meetings.forumKey, v.forumKey), eq(t.meetings.scheduledDate, v.scheduledDate)))
      .for('update');
    return row;
  }

  async setAgendaSnapshot(meetingId: number, snapshot: unknown): Promise<void> {
    await this.db.update(t.meetings).set({ agendaSnapshot: snapshot }).where(eq(t.meetings.id, meetingId));
  }

  /** Open steps due in [from, to) — a range on (status, due_date). */
  async openStepsDueIn(from: string, toExclusive: string): Promise<StepRow[]> {
    return this.db
      .select()
      .from(t.nextSteps)
      .where(and(eq(t.nextSteps.status, 'open'), gte(t.nextSteps.dueDate, from), lt(t.nextSteps.dueDate, toExclusive)))
      .orderBy(asc(t.nextSteps.id));
  }

  /** Open handovers due in [from, to) — a range on (status, due_date). */
  async openHandoversDueIn(from: string, toExclusive: string): Promise<HandoverRow[]> {
    return this.db
      .select()
      .from(t.handovers)
      .where(and(eq(t.handovers.status, 'open'), gte(t.handovers.dueDate, from), lt(t.handovers.dueDate, toExclusive)))
      .orderBy(asc(t.handovers.id));
  }

  async openHandoversDueBefore(forumKey: string, date: string): Promise<HandoverRow[]> {
    return this.db
      .select()
      .from(t.handovers)
      .where(and(eq(t.handovers.status, 'open'), lt(t.handovers.dueDate, date), eq(t.handovers.forumKey, forumKey)))
      .orderBy(asc(t.handovers.dueDate), asc(t.handovers.id));
  }

  async memberByEmail(email: string): Promise<MemberRow | null> {
    const [row] = await this.db.select().from(t.members).where(eq(t.members.email, email.toLowerCase())).orderBy(asc(t.members.id)).limit(1);
    return row ?? null;
  }

  async insertHandover(v: typeof t.handovers.$inferInsert): Promise<HandoverRow> {
    const [row] = await this.db.insert(t.handovers).values(v).returning();
    return row;
  }

  async handoverById(id: number): Promise<HandoverRow | null> {
    const [row] = await this.db.select().from(t.handovers).where(eq(t.handovers.id, id));
    return row ?? null;
  }

  /** Stores the answer once: null when someone else answered first. */
  async answerHandover(id: number, v: { fields: Record<string, string>; flags: string[]; by: number; at: Date }): Promise<HandoverRow | null> {
    const [row] = await this.db
      .update(t.handovers)
      .set({ fields: v.fields, flags: v.flags, status: 'answered', answeredBy: v.by, answeredAt: v.at })
      .where(and(eq(t.handovers.id, id), eq(t.handovers.status, 'open')))
      .returning();
    return row ?? null;
  }

  /** Which of these outbox keys exist already (unique index lookups). */
  async existingOutboxKeys(keys: string[]): Promise<Set<string>> {
    if (!keys.length) return new Set();
    const rows = await this.db.select({ key: t.outbox.key }).from(t.outbox).where(inArray(t.outbox.key, keys));
    return new Set(rows.map((r) => r.key));
  }

  /** An update that is not yet sent is dropped when a newer one replaces the same post. */
  async supersedePendingUpdates(replaces: string, except: string): Promise<void> {
    await this.db
      .update(t.outbox)
      .set({ status: 'superseded', lockedUntil: null })
      .where(and(eq(t.outbox.replaces, replaces), eq(t.outbox.status, 'pending'), ne(t.outbox.key, except)));
  }
}
