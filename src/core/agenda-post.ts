// The agenda goes to the forum's channel `agendaLeadWorkingDays` working days before each meeting, from
// the morning hour on. Later changes (a case raised, a meeting moved) replace that post instead of
// adding one: the meeting row holds a fingerprint of what was posted, under a row lock, so replicas
// agree on one post and one numbered update per change.
import { createHash } from 'node:crypto';
import type { FileConfig } from './settings.js';
import { z } from 'zod';
import type { ForumRow, MeetingRow, Store } from './stores.js';
import { messages } from '../i18n/index.js';
import { channelTarget } from './context.js';
import { addWorkingDays, zonedInstant } from './dates.js';
import { buildAgenda } from './handlers/agenda.js';
import { upcomingMeetings, type PlannedMeeting } from './schedule.js';

/** meetings.agenda_post: which version of the agenda post is out, and a fingerprint of what it showed. */
const agendaPostSchema = z.object({ version: z.number().int().min(1), fingerprint: z.string() });
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

/** Posts or updates the agenda of every linked forum whose next meeting is within its lead time. */
export async function postAgendas(store: Store, cfg: FileConfig, now: Date): Promise<number> {
  let queued = 0;
  const forums = await store.forums.linked();
  const upcoming = await upcomingMeetings(store, forums, now);
  for (const forum of forums) {
    const meeting = upcoming.get(forum.key) ?? null;
    if (!meeting || now >= meeting.start || now < agendaPostTime(cfg, forum, meeting)) continue;
    if (meeting.row && !AGENDA_OPEN.has(meeting.row.status)) continue; // started early (or ended): the agenda is done with
    queued += await store.transaction((r) => postAgenda(r, cfg, forum, meeting, now));
  }
  return queued;
}

async function postAgenda(store: Store, cfg: FileConfig, forum: ForumRow, meeting: PlannedMeeting, now: Date): Promise<number> {
  const row = await store.meetings.lock({ forumKey: forum.key, scheduledDate: meeting.scheduledDate, date: meeting.date, startsAt: meeting.start, status: meeting.status === 'moved' ? 'moved' : 'scheduled' });
  if (!AGENDA_OPEN.has(row.status)) return 0; // cancelled, or started early, since we looked
  const message = await buildAgenda(store, cfg, messages(cfg.language), forum, meeting, now);
  // A fingerprint, not the text: snapshots must not keep copies of case questions.
  const fingerprint = createHash('sha256').update(JSON.stringify(message)).digest('hex');
  const prev = agendaPostState(row);
  if (prev?.fingerprint === fingerprint) return 0;
  const base = agendaKey(forum.key, meeting.scheduledDate);
  const version = (prev?.version ?? 0) + 1;
  const key = prev ? `${base}:v${version}` : base;
  const ids = await store.outbox.enqueue([{ key, target: channelTarget(forum), payload: message, replaces: prev ? base : null, nextAttemptAt: now, createdAt: now }]);
  if (prev) await store.outbox.supersedePending(base, key);
  await store.meetings.update(row.id, { agendaPost: { version, fingerprint } satisfies AgendaPostState });
  return ids.length;
}
