// The closed vocabulary of the core: every key the database stores or the log names is one of these.
// Label maps in src/i18n are `Record<…, string>` over these unions, so tsc refuses a missing label in
// either language and no user ever reads an internal key. Pure data: imports nothing.

export const OUTCOMES = ['arbete', 'studier', 'insats', 'samplanering', 'ej-aktuellt'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const CONSENTS = ['ja', 'nej', 'okänt'] as const;
export type Consent = (typeof CONSENTS)[number];

export const CASE_STATUSES = ['open', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

// struck: `åtgärd stryk`; closed: closed with its case (issue 15).
export const STEP_STATUSES = ['open', 'done', 'struck', 'closed'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

export const HANDOVER_STATUSES = ['open', 'answered'] as const;
export type HandoverStatus = (typeof HANDOVER_STATUSES)[number];

export const TOPIC_STATUSES = ['open', 'discussed'] as const;
export type TopicStatus = (typeof TOPIC_STATUSES)[number];

export const MEETING_STATUSES = ['scheduled', 'moved', 'cancelled', 'running', 'held'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const MINUTES_STATUSES = ['draft', 'approved'] as const;
export type MinutesStatus = (typeof MINUTES_STATUSES)[number];

/** `superseded`: a newer version of the same post (an updated agenda) replaced it before it was sent. */
export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed', 'superseded'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** Everything `audit_log.action` holds; `ärende logg` labels each one in both languages. */
export const AUDIT_ACTIONS = [
  'forum.link',
  'forum.move',
  'case.create',
  'case.read',
  'case.close',
  'case.purge',
  'case.log.read',
  'topic.create',
  'step.create',
  'step.done',
  'handover.create',
  'handover.reply',
  'meeting.start',
  'meeting.next',
  'meeting.skip',
  'meeting.decision',
  'meeting.inform',
  'meeting.end',
  'meeting.move',
  'meeting.cancel',
  'minutes.approve',
  'minutes.approved',
  'minutes.pdf',
  'meeting.attendance',
  'report.read',
  'calendar.link',
  'page.link',
  'page.revoke',
  'dashboard.link',
  'dashboard.revoke',
  'mine.link',
  // organisations by membership (issue 17)
  'member.add',
  'member.remove',
  // corrections (issue 15)
  'case.edit',
  'case.erase',
  'step.edit',
  'step.strike',
  'step.close',
  'handover.read',
  'handover.correct',
  // Written by earlier versions; still in old logs.
  'handover.answer',
  'meeting.item',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(s: string): s is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(s);
}

/** The label of a stored key; a key this version does not know (an old or newer row) gets `fallback`. */
export function labelOf<K extends string>(labels: Record<K, string>, key: string | null | undefined, fallback: string): string {
  return key != null && Object.hasOwn(labels, key) ? labels[key as K] : fallback;
}
