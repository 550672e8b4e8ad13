// Finding a forum's protokoll (by date, or the latest) and building its document: shared by the chat
// command, `samrad protokoll` and the PDF link, so all three give the same document.
import { messages } from '../../i18n/index.js';
import { zonedInstant } from '../dates.js';
import type { Lang } from '../model.js';
import { memberName } from '../render.js';
import type { FileConfig } from '../settings.js';
import type { ForumRow, MeetingRow, MemberRow, Store } from '../stores.js';
import type { Approval, MinutesRecord } from './minutes.js';
import { protokollDoc, type Attendance, type Attendee, type ProtokollDoc } from './protokoll.js';

/** Renders a document as PDF bytes; the core is handed one (src/export/renderer.ts). */
export type PdfRenderer = (doc: ProtokollDoc, createdAt: Date) => Promise<Uint8Array>;

export interface LoadedProtokoll {
  row: MeetingRow;
  doc: ProtokollDoc;
  /** When the document was fixed: the last approval (or the end of the meeting for a draft). */
  createdAt: Date;
}

/** The language of a forum's shared channel and its protokoll: the forum's `language`, else the configured one. */
export function forumLanguage(cfg: FileConfig, forumKey: string): Lang {
  return cfg.forums.find((f) => f.key === forumKey)?.language ?? cfg.language;
}

export function findMinutes(store: Store, forumKey: string, date?: string | null): Promise<MeetingRow | null> {
  return date ? store.meetings.minutesOn(forumKey, date) : store.meetings.latestMinutes(forumKey);
}

/** The approval time (minute precision, Stockholm) of approved minutes, else the meeting's end: the PDF's creation date. */
export function fixedAt(row: MeetingRow): Date {
  const approvals = Array.isArray(row.approvals) ? (row.approvals as Approval[]) : [];
  const last = approvals.at(-1)?.at;
  const m = last ? /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})$/.exec(last) : null;
  if (m && row.minutesStatus === 'approved') return zonedInstant(m[1], m[2]);
  return row.endedAt ?? row.startsAt;
}

export const attendee = (p: MemberRow): Attendee => ({ memberId: p.id, name: memberName(p), organisationKey: p.organisationKey ?? '' });

/**
 * Until the coordinator confirms it (`möte närvaro`): those who acted during the meeting (from the audit
 * log) are listed as present, unconfirmed, and the forum's coordinator, who ran it, as chair.
 */
export async function defaultAttendance(store: Store, forum: ForumRow, row: MeetingRow): Promise<Attendance> {
  const from = row.startedAt ?? row.startsAt;
  const to = row.endedAt ?? new Date(from.getTime() + 8 * 3600_000);
  const ids = await store.audit.actorsBetween(forum.key, from, to);
  const people = await store.members.byIds([...ids, ...(forum.coordinatorMemberId ? [forum.coordinatorMemberId] : [])]);
  const coordinator = forum.coordinatorMemberId ? people.get(forum.coordinatorMemberId) : undefined;
  const present = ids.map((id) => people.get(id)).filter((p): p is MemberRow => Boolean(p));
  return { present: present.map(attendee), chair: coordinator ? attendee(coordinator) : null, secretary: null, confirmed: false };
}

export async function loadProtokoll(store: Store, cfg: FileConfig, forum: ForumRow, row: MeetingRow): Promise<LoadedProtokoll> {
  const m = messages(forumLanguage(cfg, forum.key));
  const doc = await protokollDoc(store, cfg, m, forum, row, await defaultAttendance(store, forum, row));
  return { row, doc, createdAt: fixedAt(row) };
}

/** The meeting date the minutes are filed under (the PDF link's path). */
export function minutesDate(row: MeetingRow): string {
  return (row.minutes as MinutesRecord | null)?.date ?? row.date;
}
