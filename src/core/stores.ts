// What the core asks of storage: one small store per aggregate, and one transaction facade that hands
// out all of them bound to the same transaction. Implementations live in src/db/stores/; the core
// sees only these interfaces (and the row shapes, which the drizzle schema declares).
import type * as t from '../db/schema/index.js';
import type { MeetingStatus, Outcome } from './vocabulary.js';

export type MemberRow = typeof t.members.$inferSelect;
export type ForumRow = typeof t.forums.$inferSelect;
export type CaseRow = typeof t.caseItems.$inferSelect;
export type NewCase = typeof t.caseItems.$inferInsert;
export type StepRow = typeof t.nextSteps.$inferSelect;
export type NewStep = typeof t.nextSteps.$inferInsert;
export type TopicRow = typeof t.topics.$inferSelect;
export type NewTopic = typeof t.topics.$inferInsert;
export type HandoverRow = typeof t.handovers.$inferSelect;
export type NewHandover = typeof t.handovers.$inferInsert;
export type MeetingRow = typeof t.meetings.$inferSelect;
export type MeetingChange = Partial<typeof t.meetings.$inferInsert>;
export type OutboxRow = typeof t.outbox.$inferSelect;
export type NewOutbox = typeof t.outbox.$inferInsert;
export type AuditRow = typeof t.auditLog.$inferSelect;
export type MembershipRow = typeof t.memberships.$inferSelect;
export type NewAudit = typeof t.auditLog.$inferInsert;
export type RoutineOccurrenceRow = typeof t.routineOccurrences.$inferSelect;
export type NewRoutineOccurrence = typeof t.routineOccurrences.$inferInsert;

export interface MemberStore {
  upsert(m: { platform: string; externalId: string; email: string | null; displayName: string | null; organisationKey: string | null; language: string | null }): Promise<MemberRow>;
  byId(id: number): Promise<MemberRow | null>;
  byIds(ids: number[]): Promise<Map<number, MemberRow>>;
  byEmail(email: string): Promise<MemberRow | null>;
  /** Sets the organisation kept on a person's row (after `medlem ta bort`: what the config gives, or none). */
  setOrganisation(who: { platform: string; externalId: string }, organisationKey: string | null): Promise<void>;
}

/** Organisations by membership added in chat (`medlem lägg till` / `medlem ta bort`, issue 17). */
export interface MembershipStore {
  /** The membership of a person, by platform id or (any platform) e-mail; null when none was added. */
  of(who: { platform: string; externalId: string; email?: string | null }): Promise<MembershipRow | null>;
  /** Adds or replaces the person's membership. */
  put(v: { platform: string; externalId: string; email: string | null; organisationKey: string; forumKey: string; addedBy: number; addedAt: Date }): Promise<MembershipRow>;
  /** Removes a membership by id. */
  remove(id: number): Promise<void>;
  /** The memberships in these organisations, by e-mail (or id). */
  inOrganisations(keys: string[]): Promise<MembershipRow[]>;
}

export interface ForumStore {
  byKey(key: string): Promise<ForumRow | null>;
  byChannel(platform: string, channelId: string): Promise<ForumRow | null>;
  all(): Promise<ForumRow[]>;
  /** Forums bound to a channel. */
  linked(): Promise<ForumRow[]>;
  link(key: string, channel: { platform: string; id: string; ref?: unknown }, coordinatorId: number | null, at: Date): Promise<ForumRow>;
  /** The forum's feed token (ICS, report images), created once on first use. */
  ensureCalendarToken(forumKey: string, fresh: string): Promise<string>;
}

/** A case and its channel post written at once; key and payload carry CASE_CODE_SLOT where the code goes. */
export interface NewCaseWrite {
  forumKey: string;
  prefix: string;
  year: number;
  raisedBy: number;
  organisationKey: string;
  targetGroups: string[];
  consent: string;
  category: string | null;
  question: string;
  at: Date;
  audit: { actorId: number; actorOrganisationKey: string | null; action: string };
  post: Pick<NewOutbox, 'target' | 'payload' | 'key'>;
  /** Set: the post is inserted already claimed (status 'sending', one attempt, leased until then). */
  claimUntil: Date | null;
  /** Stands for the code in `post` (CASE_CODE_SLOT). */
  slot: string;
}

export interface CaseWritten {
  caseId: number;
  code: string;
  /** The post's outbox row as inserted. */
  outbox: OutboxRow;
}

export interface CaseStore {
  /** Hands out the next number for a forum and year atomically (safe under concurrent creation). */
  nextNumber(forumKey: string, year: number): Promise<number>;
  /**
   * Raises a case in one statement — counter, case, audit line and channel post (issue 19; see
   * src/db/stores/case-write.ts) — so the forum's counter is locked only from it to the commit.
   */
  raiseWithPost(c: NewCaseWrite): Promise<CaseWritten>;
  insert(c: NewCase): Promise<CaseRow>;
  byCode(code: string): Promise<CaseRow | null>;
  codeById(id: number): Promise<string | null>;
  codesByIds(ids: number[]): Promise<Map<number, string>>;
  byIds(ids: number[]): Promise<Map<number, CaseRow>>;
  open(forumKey: string): Promise<CaseRow[]>;
  close(id: number, outcome: Outcome, by: number, at: Date): Promise<void>;
  /** `ärende ändra` (issue 15). */
  update(id: number, set: Partial<Pick<CaseRow, 'question' | 'targetGroups' | 'consent' | 'category'>>): Promise<CaseRow>;
  closedBetween(forumKey: string, from: Date, to: Date): Promise<CaseRow[]>;
  /** Closed, not yet purged cases closed before `before`; locked so two ticks never purge the same case. */
  toPurge(before: Date, limit: number): Promise<CaseRow[]>;
  /** Removes a case's free text (question, steps' text, handover answers); the rows stay for the statistics. */
  purgeText(caseId: number, at: Date): Promise<{ steps: number; handovers: number }>;
}

/** The audit line of a one-statement write (src/db/stores/write-posts.ts). */
export interface WriteAudit {
  actorId: number;
  actorOrganisationKey: string | null;
  action: string;
  forumKey: string | null;
  caseCode: string | null;
}

/** A post of a one-statement write; its key and payload may carry the write's id slot (NEW_ID_SLOT). */
export interface WritePost {
  key: string;
  target: NonNullable<NewOutbox['target']>;
  payload: NonNullable<NewOutbox['payload']>;
  caseCode: string | null;
}

/** What every one-statement write is given besides its row change. */
export interface OneWrite {
  at: Date;
  audit: WriteAudit;
  /** In order (the channel's post first): inserted claimed until `claimUntil`, or pending when null. */
  posts: WritePost[];
  claimUntil: Date | null;
}

/** A step and its posts written at once (`åtgärd ny`); `slot` stands for the new step's id in the posts. */
export interface NewStepWrite extends OneWrite {
  step: Omit<NewStep, 'id'>;
  slot: string;
}

export interface StepStore {
  insert(s: NewStep): Promise<StepRow>;
  /** `åtgärd ny` in one statement: the step, its audit line and its posts (issue 19). */
  addWithPosts(w: NewStepWrite): Promise<{ id: number; outbox: OutboxRow[] }>;
  /** `åtgärd klar` in one statement; null when the step was done already (someone else was first). */
  doneWithPosts(id: number, w: OneWrite): Promise<OutboxRow[] | null>;
  /** A step with its case's code (null when the case is gone), in one read. */
  byIdWithCode(id: number): Promise<(StepRow & { caseCode: string | null }) | null>;
  byId(id: number): Promise<StepRow | null>;
  byIds(ids: number[]): Promise<Map<number, StepRow>>;
  forCases(caseIds: number[]): Promise<StepRow[]>;
  openOwnedBy(memberId: number): Promise<StepRow[]>;
  openOfForum(forumKey: string): Promise<StepRow[]>;
  markDone(id: number, at: Date): Promise<void>;
  /** `åtgärd ändra` / `stryk` (issue 15). */
  update(id: number, set: Partial<Pick<StepRow, 'ownerId' | 'ownerOrganisationKey' | 'dueDate' | 'text' | 'status' | 'doneAt'>>): Promise<StepRow>;
  /** Closes a case's open steps with it (status `closed`) and returns them. */
  closeOpenOfCase(caseId: number, at: Date): Promise<StepRow[]>;
  /** Open steps due in [from, to). */
  openDueIn(from: string, toExclusive: string): Promise<StepRow[]>;
}

export interface TopicStore {
  insert(v: NewTopic): Promise<TopicRow>;
  open(forumKey: string): Promise<TopicRow[]>;
  byIds(ids: number[]): Promise<Map<number, TopicRow>>;
  markDiscussed(id: number, meetingId: number, decision: string | null): Promise<void>;
}

export interface HandoverStore {
  insert(v: NewHandover): Promise<HandoverRow>;
  byId(id: number): Promise<HandoverRow | null>;
  forCases(caseIds: number[]): Promise<HandoverRow[]>;
  openOwedBy(memberId: number): Promise<HandoverRow[]>;
  openOfForum(forumKey: string): Promise<HandoverRow[]>;
  /** Open handovers due in [from, to). */
  openDueIn(from: string, toExclusive: string): Promise<HandoverRow[]>;
  openDueBefore(forumKey: string, date: string): Promise<HandoverRow[]>;
  /** `överlämning svar` in one statement: the answer, its audit line and its posts; null when someone else answered first. */
  answerWithPosts(id: number, v: { fields: Record<string, string>; flags: string[]; by: number }, w: OneWrite): Promise<OutboxRow[] | null>;
  /** Stores the answer once: null when someone else answered first. */
  answer(id: number, v: { fields: Record<string, string>; flags: string[]; by: number; at: Date }): Promise<HandoverRow | null>;
  /** `överlämning rätta` (issue 15): the corrected fields of an answered handover. */
  correct(id: number, v: { fields: Record<string, string>; flags: string[] }): Promise<HandoverRow>;
}

export interface MeetingStore {
  ofForum(forumKey: string): Promise<MeetingRow[]>;
  /** Stored occurrences whose scheduled date lies in [from, to]. */
  between(forumKey: string, from: string, to: string): Promise<MeetingRow[]>;
  /** The same for several forums in one query (the tick). */
  betweenForForums(forumKeys: string[], from: string, to: string): Promise<MeetingRow[]>;
  /** The occurrence's row, created when missing and locked for the rest of the transaction. */
  lock(v: { forumKey: string; scheduledDate: string; date: string; startsAt: Date; status?: MeetingStatus }): Promise<MeetingRow>;
  /** The running meeting, locked for the rest of the transaction so concurrent clicks queue up. */
  running(forumKey: string): Promise<MeetingRow | null>;
  update(id: number, set: MeetingChange): Promise<MeetingRow>;
  /** Creates or changes the stored row of one occurrence (moved, cancelled). */
  save(v: { forumKey: string; scheduledDate: string; date: string; startsAt: Date; status: MeetingStatus; note: string | null }): Promise<MeetingRow>;
  /** The meeting whose minutes were written last. */
  latestMinutes(forumKey: string): Promise<MeetingRow | null>;
  /** The meeting with minutes held on a date (the latest that day). */
  minutesOn(forumKey: string, date: string): Promise<MeetingRow | null>;
  /** End times of the forum's held meetings that ended after `since`. */
  heldEnds(forumKey: string, since: Date): Promise<Date[]>;
  /** Meetings whose walk or minutes hold an item for this case. */
  withCaseItem(caseId: number): Promise<MeetingRow[]>;
  /** Meetings of a forum whose walk or minutes contain any of `needles`. */
  mentioning(forumKey: string, needles: string[]): Promise<Pick<MeetingRow, 'id' | 'walkState' | 'minutes'>[]>;
  scrub(id: number, walkState: unknown, minutes: unknown): Promise<void>;
}

export interface AuditStore {
  add(e: Omit<NewAudit, 'id'>): Promise<void>;
  forCase(code: string): Promise<AuditRow[]>;
  /** Who acted in a forum between two instants (its audit log): the people at a meeting, in id order. */
  actorsBetween(forumKey: string, from: Date, to: Date): Promise<number[]>;
}

/** The outbox: every query on it, for the core (enqueue, retention) and the deliverer (claim, settle). */
export interface OutboxStore {
  /** Adds messages; a key already present is left as it is (idempotent). Returns the ids inserted. */
  enqueue(rows: NewOutbox[]): Promise<number[]>;
  existingKeys(keys: string[]): Promise<Set<string>>;
  /** An update that is not yet sent is dropped when a newer one replaces the same post. */
  supersedePending(replaces: string, except: string): Promise<void>;
  /** Rows about a case, or whose payload contains any of `needles`. */
  mentioning(code: string, needles: string[]): Promise<Pick<OutboxRow, 'id' | 'payload' | 'caseCode' | 'status'>[]>;
  scrub(id: number, payload: unknown, stopSending: boolean): Promise<void>;
  /**
   * Flips up to `batch` due rows (only `ids` when given) to 'sending' with a lease; in id order. At most
   * `perLane` of one channel, none of `skipLanes` (pacing); a row whose lease ran out comes back uncertain.
   */
  claim(now: Date, leaseMs: number, batch: number, ids?: number[], o?: { perLane?: number; skipLanes?: string[] }): Promise<OutboxRow[]>;
  markSent(id: number, at: Date, ref: unknown): Promise<void>;
  markSuperseded(id: number): Promise<void>;
  /** Puts a claimed row back unsent, due at `due`; not counted as an attempt unless `counted`. */
  putBack(id: number, due: Date, o?: { counted?: boolean; error?: string }): Promise<void>;
  /** A failed attempt: retried at `next`, or failed for good; `uncertain` when the post may exist. */
  markAttemptFailed(id: number, error: string, next: Date, giveUp: boolean, uncertain?: boolean): Promise<void>;
  /** Claimed rows still 'sending' go back to pending at once (a shutdown past its budget). */
  releaseClaims(ids: number[], at: Date): Promise<void>;
  /** Whether a newer update of the same post exists (pending, sending or sent). */
  hasNewerUpdate(replaces: string, id: number): Promise<boolean>;
  /** The status and delivery reference of the post with this key. */
  postByKey(key: string): Promise<{ status: string; ref: unknown } | null>;
}

/** All stores, bound to one connection or one transaction. */
export interface Store {
  members: MemberStore;
  memberships: MembershipStore;
  forums: ForumStore;
  cases: CaseStore;
  steps: StepStore;
  topics: TopicStore;
  handovers: HandoverStore;
  meetings: MeetingStore;
  audit: AuditStore;
  outbox: OutboxStore;
  /** Page links (`sida`, `rapport länk`): hashed tokens for the read-only pages. */
  pages: PageTokenStore;
  /** Occurrences of forum routines (issue 17). */
  routines: RoutineStore;
  /** The quarterly indicators' counts, grouped in the database (issue 20). */
  indicators: IndicatorStore;
  /** Runs `fn` in one transaction with every store bound to it (nested calls join the outer one's savepoint). */
  transaction<T>(fn: (store: Store) => Promise<T>): Promise<T>;
}

// --- page links (issue 20): `sida`, `rapport länk`; src/db/stores/page-tokens.ts keeps only a hash of each token
export type PageScope = 'forum' | 'dashboard' | 'member';

export interface PageGrant {
  id: number;
  scope: PageScope;
  forumKey: string | null;
  memberId: number | null;
}

export interface PageTokenStore {
  /** Stores a new grant for `token` (hashed) and returns it. */
  issue(token: string, grant: { scope: PageScope; forumKey: string | null; memberId: number | null; createdBy: number | null; at: Date }): Promise<PageGrant>;
  /** The live grant of a token, or null (unknown, malformed or revoked). */
  find(token: string | null | undefined): Promise<PageGrant | null>;
  /** Revokes every live grant of this scope (and forum / member); returns how many. */
  revoke(where: { scope: PageScope; forumKey?: string | null; memberId?: number | null }, at: Date): Promise<number>;
}

// --- forum routines (issue 17): src/db/stores/routines.ts
export interface RoutineStore {
  /** Creates the occurrence once; null when it exists already (another tick or replica made it). */
  ensure(v: NewRoutineOccurrence): Promise<RoutineOccurrenceRow | null>;
  byId(id: number): Promise<RoutineOccurrenceRow | null>;
  /** Open occurrences of these forums, by due date. */
  openOfForums(forumKeys: string[]): Promise<RoutineOccurrenceRow[]>;
  /** Open occurrences due in [from, to) — a range on (status, due_date). */
  openDueIn(from: string, toExclusive: string): Promise<RoutineOccurrenceRow[]>;
  /** Marks it done once; null when it was done already. */
  markDone(id: number, by: number, at: Date): Promise<RoutineOccurrenceRow | null>;
}

// --- the indicators' counts (issue 20): src/db/stores/indicators.ts groups them in SQL
export interface IndicatorSpan {
  forumKeys: string[];
  /** `quarter` in the counts is the index in this list. */
  quarters: { from: string; to: string; start: Date; end: Date }[];
  /** Today's local date: a step, handover or routine due before it and not done is overdue. */
  asOf: string;
  /** Only cases of this target group, and the steps and handovers of those cases. */
  targetGroup?: string;
  /** The local dates (done by the due day, days to the first step) are taken in this time zone. */
  timeZone: string;
}

interface Cell {
  forumKey: string;
  quarter: number;
}

export interface LoopCounts {
  due: number;
  onTime: number;
  late: number;
  never: number;
  pending: number;
}

/** Only the cells with something in them: a missing forum and quarter counts zero. */
export interface IndicatorCounts {
  /** Cases raised, per organisation and list of target groups; `first` is the lowest case id (the order of keys no longer configured). */
  raised: (Cell & { organisationKey: string; targetGroups: string[]; count: number; first: number })[];
  /** Median calendar days from raised to first step, over the raised cases that have one. */
  firstStep: (Cell & { median: number | null; cases: number })[];
  /** Steps due whose day has passed or that are done, and those done by their due day. */
  steps: (Cell & { due: number; onTime: number })[];
  handovers: (Cell & LoopCounts & { template: string; first: number })[];
  outcomes: (Cell & { key: string; count: number })[];
  meetingsHeld: (Cell & { count: number })[];
  routines: (Cell & LoopCounts)[];
}

export interface IndicatorStore {
  counts(span: IndicatorSpan): Promise<IndicatorCounts>;
}
