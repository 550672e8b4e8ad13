// Command name -> handler. Handlers that post to the channel return nothing for the user.
import type { HandlerContext } from './context.js';
import { UserError } from './errors.js';
import type { Command } from './grammar.js';
import type { Message, Reply } from './model.js';
import { agenda } from './handlers/agenda.js';
import { caseClose, caseList, caseNew, caseShow } from './handlers/cases.js';
import { link } from './handlers/link.js';
import { mine } from './handlers/mine.js';
import { stepAdd, stepDone } from './handlers/steps.js';
import { topicAdd } from './handlers/topics.js';
import { handoverNew, handoverNewForm, handoverReply, handoverReplyFormFor } from './handlers/handovers.js';
import { meetingCancel, meetingMove } from './handlers/meeting-plan.js';

type Out = Pick<Reply, 'message' | 'form'>;
const msg = (message: Message): Out => ({ message });
const none: Out = {};

export async function dispatch(h: HandlerContext, c: Command): Promise<Out> {
  switch (c.name) {
    case 'link':
      return msg(await link(h, c.forumKey));
    case 'case.new':
      return (await caseNew(h, c), none);
    case 'case.list':
      return msg(await caseList(h));
    case 'case.show':
      return msg(await caseShow(h, c.code));
    case 'case.close':
      if (!c.code) throw new UserError('noCodeOutsideMeeting');
      return (await caseClose(h, c.code, c.outcome), none);
    case 'topic.add':
      return (await topicAdd(h, c.text), none);
    case 'agenda':
      return msg(await agenda(h));
    case 'step.add':
      if (!c.code) throw new UserError('noCodeOutsideMeeting');
      return (await stepAdd(h, { ...c, code: c.code }), none);
    case 'step.done':
      return msg(await stepDone(h, c.id));
    case 'mine':
      return msg(await mine(h));
    case 'handover.new':
      return (await handoverNew(h, c), none);
    case 'handover.new.form':
      return { form: handoverNewForm(h, c.code) };
    case 'handover.reply':
      return msg(await handoverReply(h, c.id, c.fields));
    case 'handover.reply.form':
      return { form: await handoverReplyFormFor(h, c.id) };
    case 'meeting.move':
      return (await meetingMove(h, c.date), none);
    case 'meeting.cancel':
      return (await meetingCancel(h, c.reason), none);
    default:
      throw new UserError('notYet', { what: c.name });
  }
}
