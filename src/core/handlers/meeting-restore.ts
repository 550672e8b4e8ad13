// `möte återställ` / `meeting restore` (issue 18): undoes `möte ställ in` — the forum's next cancelled
// meeting that has not yet begun takes place after all, on the day and time it had, and the channel
// is told. Saving the occurrence bumps its calendar SEQUENCE like any change (stores/meetings.ts).
import { channelTarget, type HandlerContext } from '../context.js';
import { zonedInstant } from '../dates.js';
import { UserError } from '../errors.js';
import { requireCoordinator } from '../access.js';
import { formatMeeting } from '../schedule.js';
import { channelM } from '../voices.js';

export async function meetingRestore(h: HandlerContext): Promise<void> {
  const forum = await h.forum();
  requireCoordinator(forum, h.member);
  const cancelled = (await h.store.meetings.ofForum(forum.key))
    .filter((r) => r.status === 'cancelled' && r.startsAt.getTime() > h.now.getTime())
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[0];
  if (!cancelled) throw new UserError('noCancelledMeeting');
  const regular = cancelled.date === cancelled.scheduledDate && cancelled.startsAt.getTime() === zonedInstant(cancelled.scheduledDate, forum.time).getTime();
  await h.store.meetings.save({ forumKey: forum.key, scheduledDate: cancelled.scheduledDate, date: cancelled.date, startsAt: cancelled.startsAt, status: regular ? 'scheduled' : 'moved', note: null });
  await h.audit('meeting.restore', null, forum.key);
  const cm = channelM(h.config, forum.key);
  const text = cm.followup.meetingRestored({ forum: forum.name, when: formatMeeting(cm, cancelled.startsAt) });
  await h.post(channelTarget(forum), { tone: 'success', blocks: [{ type: 'text', text }] }, `meeting.restore:${forum.key}:${cancelled.scheduledDate}:${h.now.getTime()}`);
}
