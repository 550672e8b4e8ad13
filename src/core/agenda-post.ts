// The agenda goes to the forum's channel `agendaLeadWorkingDays` working days before each meeting, from
// the morning hour on. Later changes (a case raised, a meeting moved) replace that post instead of
// adding one: the meeting row holds a fingerprint of what was posted, under a row lock, so replicas
// agree on one post and one numbered update per change.
import { createHash } from 'node:crypto';
import type { FileConfig } from '../config.js';
import type { ForumRow, Repository } from '../db/repo.js';
import { messages } from '../i18n/index.js';
import { channelTarget } from './context.js';
import { addWorkingDays, zonedInstant } from './dates.js';
import { buildAgenda } from './handlers/agenda.js';
import { upcomingMeeting, type PlannedMeeting } from './schedule.js';

interface AgendaSnapshot {
  version: number;
  fingerprint: string;
}

/** When the agenda of `meeting` is due in its channel. */
export function agendaPostTime(cfg: FileConfig, forum: ForumRow, meeting: Pick<PlannedMeeting, 'date'>): Date {
  return zonedInstant(addWorkingDays(meeting.date, -forum.agendaLeadWorkingDays), cfg.reminders.at);
}

export function agendaKey(forumKey: string, scheduledDate: string): string {
  return `agenda:${forumKey}:${scheduledDate}`;
}

/** Posts or updates the agenda of every linked forum whose next meeting is within its lead time. */
export async function postAgendas(repo: Repository, cfg: FileConfig, now: Date): Promise<number> {
  let queued = 0;
  for (const forum of await repo.linkedForums()) {
    const meeting = await upcomingMeeting(repo, forum, now);
    if (!meeting || now >= meeting.start || now < agendaPostTime(cfg, forum, meeting)) continue;
    queued += await repo.transaction((r) => postAgenda(r, cfg, forum, meeting, now));
  }
  return queued;
}

async function postAgenda(repo: Repository, cfg: FileConfig, forum: ForumRow, meeting: PlannedMeeting, now: Date): Promise<number> {
  const row = await repo.lockMeeting({ forumKey: forum.key, scheduledDate: meeting.scheduledDate, date: meeting.date, startsAt: meeting.start, status: meeting.status === 'moved' ? 'moved' : 'scheduled' });
  if (row.status === 'cancelled') return 0; // cancelled since we looked
  const message = await buildAgenda(repo, cfg, messages(cfg.language), forum, meeting, now);
  // A fingerprint, not the text: snapshots must not keep copies of case questions.
  const fingerprint = createHash('sha256').update(JSON.stringify(message)).digest('hex');
  const prev = row.agendaSnapshot as AgendaSnapshot | null;
  if (prev?.fingerprint === fingerprint) return 0;
  const base = agendaKey(forum.key, meeting.scheduledDate);
  const version = (prev?.version ?? 0) + 1;
  const key = prev ? `${base}:v${version}` : base;
  const ids = await repo.enqueue([{ key, target: channelTarget(forum), payload: message, replaces: prev ? base : null, nextAttemptAt: now, createdAt: now }]);
  if (prev) await repo.supersedePendingUpdates(base, key);
  await repo.setAgendaSnapshot(row.id, { version, fingerprint } satisfies AgendaSnapshot);
  return ids.length;
}
