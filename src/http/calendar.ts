// Each forum's meetings as an ICS feed (subscribe in Outlook): GET /calendar/<forum>.ics?token=…
// Moved meetings keep their UID and show at the new time; cancelled ones stay, with STATUS:CANCELLED,
// so a subscribed calendar updates the event instead of silently losing it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createEvents, type EventAttributes } from 'ics';
import type { ForumRow, Store } from '../core/stores.js';
import { addDays, localDate } from '../core/dates.js';
import { sameToken } from '../core/feedtoken.js';
import type { Clock, Lang } from '../core/model.js';
import { cadenceOf, plannedMeetings, type PlannedMeeting } from '../core/schedule.js';
import { cadenceRrule } from '../core/calendar.js';
import { messages, type Messages } from '../i18n/index.js';
import { json, type Route } from './server.js';
import { foldLines } from './ics-fold.js';

/** The feed covers half a year back and a bit more than a year ahead. */
const PAST_DAYS = 183;
const AHEAD_DAYS = 400;

export function forumIcs(forum: ForumRow, meetings: PlannedMeeting[], m: Messages): string {
  const events: EventAttributes[] = meetings.map((p) => {
    const notes = [p.status === 'moved' ? m.calendar.moved({ from: p.scheduledDate }) : null, p.holiday ?? null, p.row?.note ?? null].filter(Boolean);
    return {
      uid: `${forum.key}-${p.scheduledDate}@samrad`,
      start: p.start.getTime(),
      startInputType: 'utc',
      startOutputType: 'utc',
      end: p.end.getTime(),
      endInputType: 'utc',
      endOutputType: 'utc',
      title: p.status === 'cancelled' ? `${m.calendar.cancelledPrefix} ${forum.name}` : forum.name,
      description: notes.join('\n') || undefined,
      status: p.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
      // Every change (move, cancel, restore, a new time in the config) raises it, so clients take the update.
      sequence: (forum.scheduleSequence ?? 0) + (p.row?.sequence ?? 0),
    };
  });
  const { error, value } = createEvents(events, { productId: 'samrad', method: 'PUBLISH', calName: forum.name });
  if (error || !value) throw error ?? new Error('ics: no output');
  // The events are the rule expanded (holidays moved, pauses and terms applied, the coordinator's
  // changes); the calendar also carries the rule itself, as the config gives it, with its pauses and
  // the terms it keeps within (`from/to`, MM-DD for every year). Per-instance events rather than one
  // master event with RRULE + EXDATE: a holiday move, a coordinator's move or cancel is then the event
  // itself (same UID, new SEQUENCE), which Outlook takes more reliably than RECURRENCE-ID overrides.
  const c = cadenceOf(forum);
  const lines = [
    `X-SAMRAD-RRULE:${cadenceRrule(c)}`,
    ...(c.pauses ?? []).map((p) => `X-SAMRAD-PAUSE:${p.from}/${p.to}`),
    ...(c.within ?? []).map((t) => `X-SAMRAD-WITHIN:${t.from}/${t.to}`),
  ];
  return foldLines(withCalendarProperty(value, lines.join('\r\n')));
}

/** Adds a property line to the VCALENDAR, before its first component. */
function withCalendarProperty(ics: string, line: string): string {
  const at = ics.search(/\r?\nBEGIN:V(EVENT|TIMEZONE)/);
  return at < 0 ? ics : `${ics.slice(0, at)}\r\n${line}${ics.slice(at)}`;
}

export interface CalendarRouteOptions {
  clock: Clock;
  language: Lang;
}

function token(req: IncomingMessage): string | null {
  return new URL(req.url ?? '/', 'http://localhost').searchParams.get('token');
}

export function calendarRoutes(store: Store, opts: CalendarRouteOptions): Route[] {
  return [
    {
      method: 'GET',
      path: /^\/calendar\/([a-z0-9-]{1,60})\.ics$/,
      async handle(req: IncomingMessage, res: ServerResponse, match) {
        const forum = await store.forums.byKey(match![1]);
        // Unknown forum and wrong token look the same: nothing to probe.
        if (!forum || !sameToken(token(req), forum.calendarToken)) return json(res, 404, { ok: false, error: 'not found' });
        const today = localDate(opts.clock.now());
        const planned = plannedMeetings(forum, await store.meetings.ofForum(forum.key), addDays(today, -PAST_DAYS), addDays(today, AHEAD_DAYS));
        const body = forumIcs(forum, planned, messages(opts.language));
        res.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'private, max-age=300' });
        res.end(body);
      },
    },
  ];
}
