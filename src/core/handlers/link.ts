import { UserError } from '../errors.js';
import type { HandlerContext } from '../context.js';
import { isCoordinator, requireMayLink } from '../access.js';
import type { Message } from '../model.js';
import { channelTarget } from '../context.js';
import { commandButton } from '../commands/texts.js';
import { memberName } from '../render.js';
import { channelM } from '../voices.js';
import { formatMeeting, upcomingMeeting } from '../schedule.js';

/** `koppla <forum>`: binds this channel to a forum; the first linker becomes coordinator unless config names one. */
export async function link(h: HandlerContext, forumKey: string, confirmed = false): Promise<Message> {
  const forum = await h.store.forums.byKey(forumKey);
  if (!forum) throw new UserError('unknownForum', { key: forumKey, keys: h.config.forums.map((f) => f.key).join(', ') });
  const here = h.channel.direct ? null : await h.store.forums.byChannel(h.channel.platform, h.channel.id);
  if (!requireMayLink(h.config, forum, here, h.channel, h.member)) {
    return { blocks: [{ type: 'text', text: h.m.alreadyLinked({ forum: forum.name }) }] };
  }
  const moving = Boolean(forum.channelId);
  // Moving a linked forum takes it from its channel: asked first, then the old channel is told (issue 18).
  if (moving && !confirmed) {
    const button = commandButton({ id: 'link-move', label: h.m.followup.linkMoveButton, style: 'danger' }, 'link', h.lang, { forumKey: forum.key, confirm: true });
    return { tone: 'warning', blocks: [{ type: 'text', text: h.m.followup.linkAsk({ forum: forum.name, key: forum.key }) }, { type: 'actions', actions: [button] }] };
  }
  const old = moving ? channelTarget(forum) : null;
  const coordinator = forum.coordinatorMemberId ?? (forum.coordinatorEmail ? null : h.member.id);
  const linked = await h.store.forums.link(forum.key, h.channel, coordinator, h.now);
  await h.audit(moving ? 'forum.move' : 'forum.link', null, forum.key);
  if (old) await h.post(old, { tone: 'warning', blocks: [{ type: 'text', text: channelM(h.config, forum.key).followup.linkMovedAway({ forum: forum.name, by: memberName(h.member) }) }] }, `forum.move:${forum.key}:${h.now.getTime()}`);
  const next = await upcomingMeeting(h.store, linked, h.now);
  const when = next ? formatMeeting(h.m, next.start) : h.m.labels.noMeeting;
  const text = isCoordinator(linked, h.member)
    ? h.m.linked({ forum: forum.name, channel: h.channel.id, next: when })
    : h.m.linkedNamedCoordinator({ forum: forum.name, next: when });
  return { tone: 'success', blocks: [{ type: 'text', text }] };
}
