// `koppla` without a key (issue 17): the forums the caller's organisation takes part in, each with its
// key and whether it is linked here, elsewhere or not at all — so nobody has to know the keys by heart.
// Another forum's channel is not named: the person may not be in it.
import { takesPart } from '../access.js';
import type { HandlerContext } from '../context.js';
import type { Message } from '../model.js';

export async function forumKeys(h: HandlerContext): Promise<Message> {
  const rows = new Map((await h.store.forums.all()).map((f) => [f.key, f]));
  const mine = h.config.forums.filter((f) => takesPart(h.config, f.key, h.organisation.key));
  const where = (key: string): string => {
    const f = rows.get(key);
    if (!f?.channelId) return h.m.members.forumFree;
    return !h.channel.direct && f.channelPlatform === h.channel.platform && f.channelId === h.channel.id ? h.m.members.forumHere : h.m.members.forumElsewhere;
  };
  return {
    title: h.m.members.forumKeysTitle,
    blocks: [...mine.map((f) => ({ type: 'item' as const, text: h.m.members.forumKeyLine({ key: f.key, name: f.name, where: where(f.key) }) })), { type: 'text', text: h.m.members.forumKeysHint }],
  };
}
