// The agenda goes to the forum's channel `agendaLeadWorkingDays` working days before each meeting, from
// the morning hour on. Later changes (a case raised, a meeting moved) replace that post instead of
// adding one: the meeting row holds a fingerprint of what was posted, under a row lock, so replicas
// agree on one post and one numbered update per change.
import { createHash } from 'node:crypto';
import type { FileConfig } from './settings.js';
import { z } from 'zod';
import type { ForumRow, MeetingRow, Store } from './stores.js';
import { channelTarget } from './context.js';
import { channelM } from './voices.js';
import { addWorkingDays, localDate, zonedInstant } from './dates.js';
import { buildAgenda } from './handlers/agenda.js';
import { upcomingMeetings, type PlannedMeeting } from './schedule.js';

/**
 * meetings.agenda_post: which version of the agenda post is out, a fingerprint of what it showed, and
 * the key of the inputs it was built from (`agendaInputs`; absent in rows from before issue 19).
 */
const agendaPostSchema = z.object({ version: z.number().int().min(1), fingerprint: z.string(), inputs: z.string().optional() });
export type AgendaPostState = z.infer<typeof agendaPostSchema>;

function agendaPostState(row: MeetingRow): AgendaPostState | null {
  const parsed = agendaPostSchema.safeParse(row.agendaPost);
  return parsed.success ? parsed.data : null;
}

/** When the agenda of `meeting` is due in its channel. */
export function agendaPostTime(cfg: FileConfig, forum: ForumRow, meeting: Pick<PlannedMeeting, 'date'>): Date {
  return zonedInstant(addWorkingDays(meeting.date, -forum.agendaLeadWorkingDays), cfg.reminders.at);
}

/** Meeting statuses whose agenda post still follows changes; a running or held meeting's agenda is left alone. */
const AGENDA_OPEN = new Set(['scheduled', 'moved']);

export function agendaKey(forumKey: string, scheduledDate: string): string {
  return `agenda:${forumKey}:${scheduledDate}`;
}

const configKeys = new WeakMap<FileConfig, string>();

/**
 * Everything an agenda is built from, as one key: the forum row with its `inputsVersion` (bumped at
 * the commit of every write to the forum's cases, steps, handovers, topics and meetings, and by a
 * member's rename — triggers in the migration), the meeting, the local date and the configuration.
 * Equal keys mean an equal agenda, so the tick skips building it. The forum row is read before the
 * agenda's inputs, so a write committed in between makes the next tick rebuild (once, needlessly),
 * never miss a change.
 */
export function agendaInputs(cfg: FileConfig, forum: ForumRow, meeting: PlannedMeeting, now: Date): string {
  let c = configKeys.get(cfg);
  if (!c) configKeys.set(cfg, (c = createHash('sha256').update(JSON.stringify(cfg)).digest('hex')));
  const m = { date: meeting.date, scheduledDate: meeting.scheduledDate, start: meeting.start.toISOString(), status: meeting.status, row: meeting.row ? [meeting.row.id, meeting.row.status] : null };
  return createHash('sha256').update(JSON.stringify([forum, m, localDate(now), c])).digest('hex').slice(0, 32);
}

/** Posts or updates the agenda of every linked forum whose next meeting is within its lead time. */
export async function postAgendas(store: Store, cfg: FileConfig, now: Date): Promise<number> {
  let queued = 0;
  const forums = await store.forums.linked();
  const upcoming = await upcomingMeetings(store, forums, now);
  for (const forum of forums) {
    const meeting = upcoming.get(forum.key) ?? null;
    if (!meeting || now >= meeting.start || now < agendaPostTime(cfg, forum, meeting)) continue;
    if (meeting.row && !AGENDA_OPEN.has(meeting.row.status)) continue; // started early (or ended): the agenda is done with
    // Nothing it shows has changed since the last post: no transaction, no build, no fingerprint.
    const inputs = agendaInputs(cfg, forum, meeting, now);
    if (meeting.row && agendaPostState(meeting.row)?.inputs === inputs) continue;
    queued += await store.transaction((r) => postAgenda(r, cfg, forum, meeting, now, inputs));
  }
  return queued;
}

async function postAgenda(store: Store, cfg: FileConfig, forum: ForumRow, meeting: PlannedMeeting, now: Date, inputs: string): Promise<number> {
  const row = await store.meetings.lock({ forumKey: forum.key, scheduledDate: meeting.scheduledDate, date: meeting.date, startsAt: meeting.start, status: meeting.status === 'moved' ? 'moved' : 'scheduled' });
  if (!AGENDA_OPEN.has(row.status)) return 0; // cancelled, or started early, since we looked
  const message = await buildAgenda(store, cfg, channelM(cfg, forum.key), forum, meeting, now); // the forum's language (issue 18)
  // A fingerprint, not the text: snapshots must not keep copies of case questions.
  const fingerprint = createHash('sha256').update(JSON.stringify(message)).digest('hex');
  const prev = agendaPostState(row);
  if (prev?.fingerprint === fingerprint) {
    // The same agenda from newer inputs: remember them, so the next tick need not build it again.
    if (prev.inputs !== inputs) await store.meetings.update(row.id, { agendaPost: { ...prev, inputs } satisfies AgendaPostState });
    return 0;
  }
  const base = agendaKey(forum.key, meeting.scheduledDate);
  const version = (prev?.version ?? 0) + 1;
  const key = prev ? `${base}:v${version}` : base;
  const ids = await store.outbox.enqueue([{ key, target: channelTarget(forum), payload: message, replaces: prev ? base : null, nextAttemptAt: now, createdAt: now }]);
  if (prev) await store.outbox.supersedePending(base, key);
  await store.meetings.update(row.id, { agendaPost: { version, fingerprint, inputs } satisfies AgendaPostState });
  return ids.length;
}
