// Links to the read-only pages in the browser (issue 20): the forum page (`sida`), the steering
// group's dashboard (`rapport länk`), one's own list (`mina länk`), and revoking them.
import { z } from 'zod';
import { dashboardLink, dashboardRevoke, forumPageLink, forumPageRevoke, minePageLink } from '../handlers/pages.js';
import { defineCommand, msg } from './spec.js';

export const pageLinkCommand = defineCommand({
  id: 'page.link',
  group: 'page',
  verbs: { sv: 'sida', en: 'page' },
  args: z.object({}),
  access: 'coordinator',
  run: async (h) => msg(await forumPageLink(h)),
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
