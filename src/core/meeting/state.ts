// The running state of a meeting, kept in meetings.walk_state (zod-checked on read): the items it walks, in order,
// and what was said under each. It holds ids and codes, never a case's free text (retention purges
// only case rows, steps and handovers; a snapshot copy would escape it).
import { z } from 'zod';
import type { ForumRow, MeetingRow } from '../stores.js';
import type { HandlerContext } from '../context.js';
import { UserError } from '../errors.js';
import { requireCoordinator as requireForumCoordinator } from '../access.js';

const noteSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('decision'), text: z.string() }),
  z.object({ kind: z.literal('inform'), memberId: z.number().int(), name: z.string(), organisationKey: z.string(), text: z.string() }),
]);

const itemSchema = z.object({
  kind: z.enum(['case', 'topic']),
  /** case_items.id or topics.id */
  id: z.number().int(),
  /** The case code (case items only). */
  code: z.string().optional(),
  /** Held meetings the item had already been open for when this one started. */
  carried: z.number().int(),
  state: z.enum(['pending', 'current', 'discussed', 'skipped']),
  notes: z.array(noteSchema),
});

/** meetings.walk_state: checked on every read, so a row written by hand or by an older version cannot derail a walk. */
export const walkStateSchema = z.object({
  items: z.array(itemSchema),
  /** Organisations of the people who acted during the meeting. */
  participants: z.array(z.string()),
  /** Bumped on every post, so each outbox key is unique even when a meeting is resumed. */
  seq: z.number().int(),
});

export type Note = z.infer<typeof noteSchema>;
export type MeetingItem = z.infer<typeof itemSchema>;
export type RunState = z.infer<typeof walkStateSchema>;

const EMPTY: RunState = { items: [], participants: [], seq: 0 };

/** The walk of a meeting row; an empty one when the row has none or it does not have the expected shape. */
export function runState(row: MeetingRow): RunState {
  // One parse per row object: callers find items by identity (indexOf) across calls.
  let state = parsedStates.get(row);
  if (!state) {
    const parsed = row.walkState == null ? null : walkStateSchema.safeParse(row.walkState);
    state = parsed?.success ? parsed.data : structuredClone(EMPTY);
    parsedStates.set(row, state);
  }
  return state;
}
const parsedStates = new WeakMap<MeetingRow, RunState>();

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
  const meeting = await h.store.meetings.running(forum.key);
  if (!meeting) throw new UserError('noRunningMeeting');
  return { forum, meeting };
}

/** Records that the caller's organisation took part; returns the state to save. */
export function withParticipant(state: RunState, organisationKey: string): RunState {
  return state.participants.includes(organisationKey) ? state : { ...state, participants: [...state.participants, organisationKey] };
}
