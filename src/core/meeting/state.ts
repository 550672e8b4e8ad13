// The running state of a meeting, kept in meetings.agenda_snapshot: the items it walks, in order,
// and what was said under each. It holds ids and codes, never a case's free text (retention purges
// only case rows, steps and handovers; a snapshot copy would escape it).
import type { ForumRow, MeetingRow } from '../../db/repo.js';
import type { HandlerContext } from '../context.js';
import { UserError } from '../errors.js';
import { requireCoordinator as requireForumCoordinator } from '../access.js';

export type Note = { kind: 'decision'; text: string } | { kind: 'inform'; memberId: number; name: string; organisationKey: string; text: string };

export interface MeetingItem {
  kind: 'case' | 'topic';
  /** case_items.id or topics.id */
  id: number;
  /** The case code (case items only). */
  code?: string;
  /** Held meetings the item had already been open for when this one started. */
  carried: number;
  state: 'pending' | 'current' | 'discussed' | 'skipped';
  notes: Note[];
}

export interface RunState {
  items: MeetingItem[];
  /** Organisations of the people who acted during the meeting. */
  participants: string[];
  /** Bumped on every post, so each outbox key is unique even when a meeting is resumed. */
  seq: number;
}

export function runState(row: MeetingRow): RunState {
  const s = row.agendaSnapshot as RunState | null;
  return s && Array.isArray(s.items) ? s : { items: [], participants: [], seq: 0 };
}

export function currentItem(row: MeetingRow): MeetingItem | null {
  const s = runState(row);
  return row.currentItem !== null && row.currentItem >= 0 ? (s.items[row.currentItem] ?? null) : null;
}

export function requireCoordinator(h: HandlerContext, forum: ForumRow): void {
  requireForumCoordinator(forum, h.member);
}

/** The meeting running in this channel's forum, or a polite refusal. */
export async function requireRunning(h: HandlerContext): Promise<{ forum: ForumRow; meeting: MeetingRow }> {
  const forum = await h.forum();
  const meeting = await h.repo.runningMeeting(forum.key);
  if (!meeting) throw new UserError('noRunningMeeting');
  return { forum, meeting };
}

/** Records that the caller's organisation took part; returns the state to save. */
export function withParticipant(state: RunState, organisationKey: string): RunState {
  return state.participants.includes(organisationKey) ? state : { ...state, participants: [...state.participants, organisationKey] };
}
