// `protokoll pdf [YYYY-MM-DD]`: a tokenised link to the approved protokoll as PDF (like the calendar
// feed's), for registering (diarieföra) and archiving it. Drafts have no PDF: they can still change.
import type { HandlerContext } from '../context.js';
import { UserError } from '../errors.js';
import { minutesPdfPath, minutesPdfToken, newFeedToken } from '../feedtoken.js';
import type { Block, Message } from '../model.js';
import { findMinutes, minutesDate } from './protokoll-load.js';

export async function minutesPdfLink(h: HandlerContext, date: string | null): Promise<Message> {
  const forum = await h.forum();
  const row = await findMinutes(h.store, forum.key, date);
  if (!row) throw new UserError('noMinutes');
  const on = minutesDate(row);
  if (row.minutesStatus !== 'approved') return { tone: 'info', blocks: [{ type: 'text', text: h.m.protokoll.pdfNeedsApproval({ date: on }) }] };
  const token = await h.store.forums.ensureCalendarToken(forum.key, newFeedToken());
  await h.audit('minutes.pdf', null, forum.key);
  const url = `${h.publicUrl ?? ''}${minutesPdfPath(forum.key, on, minutesPdfToken(token, forum.key, on))}`;
  const blocks: Block[] = [{ type: 'text', text: h.m.protokoll.pdfLink({ date: on, url }) }];
  if (!h.publicUrl) blocks.push({ type: 'text', text: h.m.calendar.noPublicUrl });
  return { blocks };
}
