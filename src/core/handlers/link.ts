import { UserError } from '../errors.js';
import type { HandlerContext } from '../context.js';
import type { Message } from '../model.js';
import { formatMeeting, upcomingMeeting } from '../schedule.js';

/** `koppla <forum>`: binds this channel to a forum; the first linker becomes coordinator unless config names one. */
export async function link(h: HandlerContext, forumKey: string): Promise<Message> {
  const forum = await h.repo.forumByKey(forumKey);
  if (!forum) throw new UserError('unknownForum', { key: forumKey, keys: h.config.forums.map((f) => f.key).join(', ') });
  const here = await h.repo.forumByChannel(h.channel.platform, h.channel.id);
  if (here && here.key !== forum.key) throw new UserError('channelTaken', { forum: here.name });
  const isCoordinator = forum.coordinatorMemberId === h.member.id || (forum.coordinatorEmail && forum.coordinatorEmail.toLowerCase() === h.member.email?.toLowerCase());
  if (forum.channelId && !(forum.channelPlatform === h.channel.platform && forum.channelId === h.channel.id) && !isCoordinator) {
    throw new UserError('forumTaken', { forum: forum.name });
  }
  const coordinator = forum.coordinatorMemberId ?? (forum.coordinatorEmail ? null : h.member.id);
  const linked = await h.repo.linkForum(forum.key, h.channel, coordinator, h.now);
  await h.audit('forum.link', null, forum.key);
  const next = await upcomingMeeting(h.repo, linked, h.now);
  return {
    tone: 'success',
    blocks: [{ type: 'text', text: h.m.linked({ forum: forum.name, channel: h.channel.id, next: next ? formatMeeting(h.m, next.start) : h.m.labels.noMeeting }) }],
  };
}
