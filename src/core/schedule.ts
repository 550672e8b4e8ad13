// A forum's meetings: its cadence from config, with the changes the coordinator made (moved, cancelled).
import type { ForumRow, MeetingRow, Store } from './stores.js';
import type { Cadence, Occurrence } from './calendar.js';
import { cachedOccurrences } from './occurrence-cache.js';
import { addDays, isoWeekday, localDate, localTime } from './dates.js';
import type { Messages } from '../i18n/index.js';
import { cadenceFromRow } from './forum-calendar.js';

/** The forum's cadence: every N weeks, or its RRULE with pauses and terms. */
export function cadenceOf(f: ForumRow): Cadence {
  return cadenceFromRow(f);
}

export interface PlannedMeeting extends Occurrence {
  forumKey: string;
  row: MeetingRow | null;
}

/** Occurrences in [from, to] with stored changes applied; cancelled ones are included, marked. */
export function plannedMeetings(forum: ForumRow, rows: MeetingRow[], from: string, to: string): PlannedMeeting[] {
  const byDate = new Map(rows.map((r) => [r.scheduledDate, r]));
  return cachedOccurrences(cadenceOf(forum), from, to).map((o) => applyRow(forum, o, byDate.get(o.scheduledDate) ?? null));
}

function applyRow(forum: ForumRow, o: Occurrence, row: MeetingRow | null): PlannedMeeting {
  if (!row) return { ...o, forumKey: forum.key, row };
  const start = row.startsAt;
  const end = new Date(start.getTime() + forum.durationMinutes * 60_000);
  // A move of the time alone keeps the date: the row's status says it moved.
  const status = row.status === 'cancelled' ? 'cancelled' : row.date !== o.scheduledDate || row.status === 'moved' ? 'moved' : o.status === 'cancelled' ? 'scheduled' : o.status;
  return { ...o, date: row.date, start, end, status, forumKey: forum.key, row };
}

/** The dates whose stored rows can change which meeting is running or next. */
function meetingWindow(forum: ForumRow, now: Date): [string, string] {
  const today = localDate(now);
  return [addDays(today, -7 * forum.everyWeeks), addDays(today, 7 * forum.everyWeeks * 30)];
}

function pickUpcoming(forum: ForumRow, rows: MeetingRow[], now: Date): PlannedMeeting | null {
  const [from, to] = meetingWindow(forum, now);
  const list = plannedMeetings(forum, rows, from, to);
  // A meeting already held (ended early, before its planned end) is no longer the one coming up.
  return list.filter((m) => m.status !== 'cancelled' && m.row?.status !== 'held' && m.end.getTime() > now.getTime()).sort((a, b) => a.start.getTime() - b.start.getTime())[0] ?? null;
}

/** The meeting that is running now or comes next (never a cancelled one). */
export async function upcomingMeeting(store: Store, forum: ForumRow, now: Date): Promise<PlannedMeeting | null> {
  const [from, to] = meetingWindow(forum, now);
  // Only the rows in the window: the cost does not grow with the forum's history.
  return pickUpcoming(forum, await store.meetings.between(forum.key, from, to), now);
}

/** upcomingMeeting for many forums with one query (the tick: one round trip, not one per forum). */
export async function upcomingMeetings(store: Store, forums: ForumRow[], now: Date): Promise<Map<string, PlannedMeeting | null>> {
  const out = new Map<string, PlannedMeeting | null>();
  if (!forums.length) return out;
  const windows = forums.map((f) => meetingWindow(f, now));
  const from = windows.map((w) => w[0]).reduce((a, b) => (b < a ? b : a));
  const to = windows.map((w) => w[1]).reduce((a, b) => (b > a ? b : a));
  const byForum = new Map<string, MeetingRow[]>();
  for (const r of await store.meetings.betweenForForums(forums.map((f) => f.key), from, to)) {
    const list = byForum.get(r.forumKey) ?? [];
    list.push(r);
    byForum.set(r.forumKey, list);
  }
  forums.forEach((f, i) => {
    const [a, b] = windows[i];
    out.set(f.key, pickUpcoming(f, (byForum.get(f.key) ?? []).filter((r) => r.scheduledDate >= a && r.scheduledDate <= b), now));
  });
  return out;
}

export function formatMeeting(m: Messages, start: Date): string {
  const date = localDate(start);
  return m.dateFormat({ weekday: m.weekdays[isoWeekday(date) - 1], date, time: localTime(start) });
}
