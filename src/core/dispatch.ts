// Command name -> handler. Handlers that post to the channel return nothing for the user.
import type { HandlerContext } from './context.js';
import { UserError } from './errors.js';
import type { Command } from './grammar.js';
import type { Message, Reply } from './model.js';
import { agenda } from './handlers/agenda.js';
import { caseClose, caseList, caseLog, caseNew, caseShow } from './handlers/cases.js';
import { link } from './handlers/link.js';
import { mine } from './handlers/mine.js';
import { stepAdd, stepDone } from './handlers/steps.js';
import { topicAdd } from './handlers/topics.js';
import { caseCodeInMeeting } from './meeting/current.js';
import { meetingAdvance, meetingEnd, meetingNote, meetingStart } from './meeting/walk.js';
import { minutesApprove, minutesShow } from './meeting/minutes.js';
import { calendarLink } from './handlers/calendar.js';
import { report } from './handlers/report.js';
import { buildForm } from './forms.js';
import { handoverNew, handoverReply } from './handlers/handovers.js';
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
      return (await caseClose(h, await caseCodeInMeeting(h, c.code), c.outcome), none);
    case 'case.log':
      return msg(await caseLog(h, c.code));
    case 'topic.add':
      return (await topicAdd(h, c.text), none);
    case 'agenda':
      return msg(await agenda(h));
    case 'step.add':
      return (await stepAdd(h, { ...c, code: await caseCodeInMeeting(h, c.code) }), none);
    case 'step.done':
      return msg(await stepDone(h, c.id));
    case 'mine':
      return msg(await mine(h));
    // --- meetings, minutes, report, calendar (issue 8)
    case 'meeting.start': {
      const message = await meetingStart(h);
      return message ? msg(message) : none;
    }
    case 'meeting.next':
      return (await meetingAdvance(h, 'discussed'), none);
    case 'meeting.skip':
      return (await meetingAdvance(h, 'skipped'), none);
    case 'meeting.end':
      return (await meetingEnd(h), none);
    case 'meeting.decide':
      return (await meetingNote(h, { kind: 'decision', text: c.text }), none);
    case 'meeting.inform':
      return (await meetingNote(h, { kind: 'inform', who: c.who, text: c.text }), none);
    case 'minutes.show':
      return msg(await minutesShow(h));
    case 'minutes.approve':
      return (await minutesApprove(h), none);
    case 'report':
      return msg(await report(h, c.quarter));
    case 'calendar':
      return msg(await calendarLink(h));
    // Forms: the command wants its parts through a form first (see forms.ts).
    case 'case.new.form':
      return { form: await buildForm(h, 'case-new') };
    case 'step.add.form':
      return { form: await buildForm(h, 'step-new', c.code ? { code: c.code } : {}) };
    case 'case.close.form':
      return { form: await buildForm(h, 'case-close', { code: c.code }) };
    case 'handover.new':
      return (await handoverNew(h, c), none);
    case 'handover.new.form':
      return { form: await buildForm(h, 'handover-new', c.code ? { code: c.code } : {}) };
    case 'handover.reply':
      return msg(await handoverReply(h, c.id, c.fields));
    case 'handover.reply.form':
      return { form: await buildForm(h, 'handover-reply', { id: String(c.id) }) };
    case 'meeting.move':
      return (await meetingMove(h, c.date), none);
    case 'meeting.cancel':
      return (await meetingCancel(h, c.reason), none);
    default:
      throw new UserError('notYet', { what: c.name });
  }
}
