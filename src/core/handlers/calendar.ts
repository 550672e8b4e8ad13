import type { HandlerContext } from '../context.js';
import { calendarPath, newFeedToken } from '../feedtoken.js';
import type { Block, Message } from '../model.js';
import { requireCoordinator } from '../meeting/state.js';

/** `kalender`: the coordinator gets the forum's ICS feed link (to subscribe in Outlook), only for them. */
export async function calendarLink(h: HandlerContext): Promise<Message> {
  const forum = await h.forum();
  requireCoordinator(h, forum);
  const token = await h.store.forums.ensureCalendarToken(forum.key, newFeedToken());
  await h.audit('calendar.link', null, forum.key);
  const blocks: Block[] = [{ type: 'text', text: h.m.calendar.link({ forum: forum.name, url: `${h.publicUrl ?? ''}${calendarPath(forum.key, token)}` }) }];
  if (!h.publicUrl) blocks.push({ type: 'text', text: h.m.calendar.noPublicUrl });
  return { blocks };
}
