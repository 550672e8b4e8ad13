// `möte flytta <datum>` and `möte ställ in [orsak]`: the coordinator changes the next occurrence of the
// forum's cadence. The change is stored on the occurrence (forum + scheduled date) and told to the channel.
import type { ForumRow, MemberRow } from '../stores.js';
import { occurrencesBetween } from '../calendar.js';
import { channelTarget, type HandlerContext } from '../context.js';
import { addDays, holidayName, isoWeekday, isWorkingDay, zonedInstant } from '../dates.js';
import { UserError } from '../errors.js';
import { cadenceOf, formatMeeting, upcomingMeeting, type PlannedMeeting } from '../schedule.js';
import { readDay } from '../due.js';
import { requireCoordinator } from '../access.js';
import { channelM } from '../voices.js';


async function changeableMeeting(h: HandlerContext): Promise<{ forum: ForumRow; meeting: PlannedMeeting }> {
  const forum = await h.forum();
  requireCoordinator(forum, h.member);
  const meeting = await upcomingMeeting(h.store, forum, h.now);
  if (!meeting) throw new UserError('noUpcomingMeeting');
  // Once it has begun, the running meeting (issue 8's `möte start`) owns it.
  if (meeting.start.getTime() <= h.now.getTime() || ['running', 'held'].includes(meeting.row?.status ?? '')) throw new UserError('meetingStarted');
  return { forum, meeting };
}

export async function meetingMove(h: HandlerContext, word: string, time: string | null = null): Promise<void> {
  if (time !== null && !/^([01]?\d|2[0-3]):[0-5]\d$/.test(time)) throw new UserError('badTime', { value: time.slice(0, 10) });
  const { forum, meeting } = await changeableMeeting(h);
  const date = readDay(h.today, word);
  if (!isWorkingDay(date)) throw new UserError('notWorkingDay', { date, why: holidayName(date) ?? h.m.weekdays[isoWeekday(date) - 1] });
  // A move never jumps over the next regular occurrence: the two would swap places on the agenda.
  // (An RRULE's gaps vary, e.g. the 1st and 3rd Thursday: look a little further than the typical gap.)
  const following = occurrencesBetween(cadenceOf(forum), addDays(meeting.scheduledDate, 1), addDays(meeting.scheduledDate, Math.max(35, 14 * forum.everyWeeks)))[0];
  if (following && date >= following.date) throw new UserError('meetingCollides', { date, next: formatMeeting(h.m, following.start) });
  const start = zonedInstant(date, time ?? forum.time);
  if (start.getTime() <= h.now.getTime()) throw new UserError('badDateWhy', { value: `${word} ${time ?? ''}`.trim().slice(0, 30), why: 'past', date });
  const same = date === meeting.scheduledDate && start.getTime() === zonedInstant(meeting.scheduledDate, forum.time).getTime();
  await h.store.meetings.save({ forumKey: forum.key, scheduledDate: meeting.scheduledDate, date, startsAt: start, status: same ? 'scheduled' : 'moved', note: null });
  await h.audit('meeting.move', null, forum.key);
  const cm = channelM(h.config, forum.key); // the channel reads the forum's language (issue 18)
  const text = cm.meetingMovedMsg({ forum: forum.name, from: formatMeeting(cm, meeting.start), to: formatMeeting(cm, start) });
  await h.post(channelTarget(forum), { tone: 'info', blocks: [{ type: 'text', text }] }, `meeting.move:${forum.key}:${meeting.scheduledDate}:${h.now.toISOString()}`);
}

export async function meetingCancel(h: HandlerContext, reason: string | null): Promise<void> {
  const { forum, meeting } = await changeableMeeting(h);
  if (reason) h.guard(reason);
  await h.store.meetings.save({ forumKey: forum.key, scheduledDate: meeting.scheduledDate, date: meeting.date, startsAt: meeting.start, status: 'cancelled', note: reason });
  await h.audit('meeting.cancel', null, forum.key);
  const next = await upcomingMeeting(h.store, forum, h.now);
  const cm = channelM(h.config, forum.key);
  const text = cm.meetingCancelledMsg({ forum: forum.name, when: formatMeeting(cm, meeting.start), reason, next: next ? formatMeeting(cm, next.start) : cm.labels.noMeeting });
  await h.post(channelTarget(forum), { tone: 'warning', blocks: [{ type: 'text', text }] }, `meeting.cancel:${forum.key}:${meeting.scheduledDate}`);
}
