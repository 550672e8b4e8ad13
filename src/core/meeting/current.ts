// During a meeting item, `åtgärd ny` and `ärende avsluta` may leave the case code out: it is the
// current item's. Whoever does either during the meeting counts as a participant for the minutes.
import type { HandlerContext } from '../context.js';
import type { ForumRow } from '../stores.js';
import { UserError } from '../errors.js';
import { currentItem, runState, withParticipant } from './state.js';

export async function caseCodeInMeeting(h: HandlerContext, code: string | null): Promise<string> {
  return (await caseInMeeting(h, code)).code;
}

/** The same, with the channel's forum it read (so the command need not read it again). */
export async function caseInMeeting(h: HandlerContext, code: string | null): Promise<{ code: string; forum: ForumRow }> {
  const forum = await h.forum();
  const meeting = await h.store.meetings.running(forum.key);
  if (meeting) {
    const org = h.member.organisationKey ?? h.organisation.key;
    const state = runState(meeting);
    if (!state.participants.includes(org)) await h.store.meetings.update(meeting.id, { walkState: withParticipant(state, org) });
  }
  if (code) return { code, forum };
  if (!meeting) throw new UserError('noCodeOutsideMeeting');
  const item = currentItem(meeting);
  if (!item) throw new UserError('noCurrentItem');
  if (item.kind !== 'case' || !item.code) throw new UserError('notACaseItem');
  return { code: item.code, forum };
}
