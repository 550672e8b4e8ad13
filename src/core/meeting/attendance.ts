// `möte närvaro @a @b … [ordförande:@c] [sekreterare:@d]`: the coordinator confirms who was present at
// the running meeting (or the last held one, while its minutes are a draft), and names chair and
// secretary; the protokoll lists them instead of "those who acted". Approved minutes never change.
import type { HandlerContext } from '../context.js';
import { UserError } from '../errors.js';
import type { Message } from '../model.js';
import { orgName } from '../render.js';
import type { MemberRow } from '../stores.js';
import { attendee, minutesDate } from './protokoll-load.js';
import type { Attendance, Attendee } from './protokoll.js';
import { requireCoordinator } from './state.js';

export interface AttendanceCommand {
  present: string[];
  chair: string | null;
  secretary: string | null;
}

export async function meetingAttendance(h: HandlerContext, cmd: AttendanceCommand): Promise<Message> {
  const forum = await h.forum();
  requireCoordinator(h, forum);
  const row = (await h.store.meetings.running(forum.key)) ?? (await h.store.meetings.latestMinutes(forum.key));
  if (!row) throw new UserError('noMeetingForAttendance');
  if (row.minutesStatus === 'approved') throw new UserError('minutesLocked', { date: minutesDate(row) });
  const resolve = async (token: string | null): Promise<MemberRow | null> => (token ? h.resolveMember(token) : null);
  const chair = await resolve(cmd.chair);
  const secretary = await resolve(cmd.secretary);
  const people = new Map<number, MemberRow>();
  for (const token of cmd.present) {
    const p = await h.resolveMember(token);
    people.set(p.id, p);
  }
  // Chair and secretary were there too.
  for (const p of [chair, secretary]) if (p) people.set(p.id, p);
  const attendance: Attendance = {
    present: [...people.values()].map(attendee),
    chair: chair ? attendee(chair) : null,
    secretary: secretary ? attendee(secretary) : null,
    confirmed: true,
  };
  await h.store.meetings.update(row.id, { attendance });
  await h.audit('meeting.attendance', null, forum.key);
  const who = (a: Attendee) => `${a.name} (${orgName(h.config, a.organisationKey)})`;
  const P = h.m.protokoll;
  const text = P.attendanceSaved({
    date: minutesDate(row),
    present: attendance.present.map(who).join(', '),
    chair: attendance.chair ? who(attendance.chair) : P.notNamed,
    secretary: attendance.secretary ? who(attendance.secretary) : P.notNamed,
  });
  return { tone: 'success', blocks: [{ type: 'text', text }] };
}
