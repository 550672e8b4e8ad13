// Links to the read-only pages in the browser (issue 20): the forum page (`sida`), the steering
// group's dashboard (`rapport länk`), one's own list (`mina länk`), and revoking them.
import { z } from 'zod';
import { dashboardLink, dashboardRevoke, forumPageLink, forumPageRevoke, minePageLink, pageList } from '../handlers/pages.js';
import { defineCommand, msg } from './spec.js';
import { USAGE } from './words.js';

export const pageLinkCommand = defineCommand({
  id: 'page.link',
  group: 'page',
  verbs: { sv: 'sida', en: 'page' },
  // Without a key: the channel's forum. With one (a button in App Home, a direct message): that forum.
  args: z.object({ forumKey: z.string().optional() }),
  access: 'coordinator',
  parse: (rest) => (rest.length === 0 ? {} : rest.length === 1 && /^[a-z0-9-]{1,60}$/i.test(rest[0]) ? { forumKey: rest[0].toLowerCase() } : USAGE),
  words: (a) => (a.forumKey ? [a.forumKey] : []),
  run: async (h, a) => msg(await forumPageLink(h, a.forumKey)),
});

export const pageListCommand = defineCommand({
  id: 'page.list',
  group: 'page',
  verbs: { sv: 'sida lista', en: 'page list' },
  args: z.object({}),
  access: 'member',
  run: async (h) => msg(await pageList(h)),
});

export const pageRevokeCommand = defineCommand({
  id: 'page.revoke',
  group: 'page',
  verbs: { sv: 'sida återkalla', en: 'page revoke' },
  args: z.object({}),
  access: 'coordinator',
  run: async (h) => msg(await forumPageRevoke(h)),
});

export const reportLinkCommand = defineCommand({
  id: 'report.link',
  group: 'report',
  verbs: { sv: 'rapport länk', en: 'report link' },
  args: z.object({}),
  access: 'coordinator',
  run: async (h) => msg(await dashboardLink(h)),
});

export const reportLinkRevokeCommand = defineCommand({
  id: 'report.link.revoke',
  group: 'report',
  verbs: { sv: 'rapport länk återkalla', en: 'report link revoke' },
  args: z.object({}),
  access: 'coordinator',
  run: async (h) => msg(await dashboardRevoke(h)),
});

export const mineLinkCommand = defineCommand({
  id: 'mine.link',
  group: 'mine',
  verbs: { sv: 'mina länk', en: 'mine link' },
  args: z.object({}),
  access: 'member',
  run: async (h) => msg(await minePageLink(h)),
});
