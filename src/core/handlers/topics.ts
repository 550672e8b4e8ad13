import { channelTarget, type HandlerContext } from '../context.js';
import { UserError } from '../errors.js';
import { formatMeeting, upcomingMeeting } from '../schedule.js';
import { channelM } from '../voices.js';

export async function topicAdd(h: HandlerContext, text: string): Promise<void> {
  const forum = await h.forum();
  if (forum.kind !== 'topic') throw new UserError('notTopicForum');
  h.guard(text, h.m.labels.topicText);
  const topic = await h.store.topics.insert({ forumKey: forum.key, text, raisedBy: h.member.id, organisationKey: h.organisation.key, createdAt: h.now });
  await h.audit('topic.create', null, forum.key);
  const next = await upcomingMeeting(h.store, forum, h.now);
  const cm = channelM(h.config, forum.key); // the forum's language, whoever typed (issue 18)
  const msg = cm.topicAdded({ forum: forum.name, next: next ? formatMeeting(cm, next.start) : cm.labels.noMeeting });
  await h.post(channelTarget(forum), { tone: 'success', blocks: [{ type: 'text', text: `${msg}\n• ${text}` }] }, `topic.new:${topic.id}`);
}
