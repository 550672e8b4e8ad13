// During a meeting item, `åtgärd ny` and `ärende avsluta` may leave the case code out: it is the
// current item's. Whoever does either during the meeting counts as a participant for the minutes.
import type { HandlerContext } from '../context.js';
import { UserError } from '../errors.js';
import { currentItem, runState, withParticipant } from './state.js';

export async function caseCodeInMeeting(h: HandlerContext, code: string | null): Promise<string> {
  const forum = await h.forum();
  const meeting = await h.store.meetings.running(forum.key);
  if (meeting) {
    const org = h.member.organisationKey ?? h.organisation.key;
    const state = runState(meeting);
    if (!state.participants.includes(org)) await h.store.meetings.update(meeting.id, { walkState: withParticipant(state, org) });
  }
  if (code) return code;
  if (!meeting) throw new UserError('noCodeOutsideMeeting');
  const item = currentItem(meeting);
  if (!item) throw new UserError('noCurrentItem');
  if (item.kind !== 'case' || !item.code) throw new UserError('notACaseItem');
  return item.code;
}
