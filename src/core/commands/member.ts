// `medlem …` / `member …` (issue 17): the forum's coordinator counts colleagues to the forum's
// organisations, before any e-mail domain rule (src/core/membership.ts).
import { z } from 'zod';
import { memberAdd, memberList, memberRemove } from '../handlers/members.js';
import { defineCommand, msg } from './spec.js';
import { badMention, isMention, USAGE } from './words.js';

export const memberAddCommand = defineCommand({
  id: 'member.add',
  group: 'member',
  verbs: { sv: 'medlem lägg till', en: 'member add' },
  args: z.object({ who: z.string(), organisation: z.string() }),
  access: 'coordinator',
  // `medlem lägg till @x <org>`: the organisation by key or name (`komvux`, `Komvux Helsingborg`).
  parse(rest) {
    if (rest.length < 2) return USAGE;
    if (!isMention(rest[0])) return badMention(rest[0]);
    return { who: rest[0], organisation: rest.slice(1).join(' ').slice(0, 80) };
  },
  words: (a) => [a.who, a.organisation],
  run: async (h, a) => msg(await memberAdd(h, a.who, a.organisation)),
});

export const memberRemoveCommand = defineCommand({
  id: 'member.remove',
  group: 'member',
  verbs: { sv: 'medlem ta bort', en: 'member remove' },
  args: z.object({ who: z.string() }),
  access: 'coordinator',
  parse(rest) {
    if (rest.length !== 1) return USAGE;
    return isMention(rest[0]) ? { who: rest[0] } : badMention(rest[0]);
  },
  words: (a) => [a.who],
  run: async (h, a) => msg(await memberRemove(h, a.who)),
});

export const memberListCommand = defineCommand({
  id: 'member.list',
  group: 'member',
  verbs: { sv: 'medlem lista', en: 'member list' },
  args: z.object({}),
  access: 'coordinator',
  run: async (h) => msg(await memberList(h)),
});
