// One-word commands about the forum as a whole: help, linking, topics, the agenda, one's own work,
// the quarterly report and the calendar feed.
import { z } from 'zod';
import { agenda } from '../handlers/agenda.js';
import { calendarLink } from '../handlers/calendar.js';
import { link } from '../handlers/link.js';
import { forumKeys } from '../handlers/link-list.js';
import { mine } from '../handlers/mine.js';
import { report } from '../handlers/report.js';
import { topicAdd } from '../handlers/topics.js';
import { defineCommand, msg, posts } from './spec.js';
import { helpMessage } from './texts.js';
import { freeText, USAGE } from './words.js';

export const helpCommand = defineCommand({
  id: 'help',
  group: 'help',
  verbs: { sv: 'hjälp', en: 'help' },
  aliases: { sv: ['?'] },
  args: z.object({}),
  access: 'anyone',
  parse: () => ({}),
  open: (lang) => msg(helpMessage(lang)),
  run: async (h) => msg(helpMessage(h.lang)),
});

export const linkCommand = defineCommand({
  id: 'link',
  group: 'link',
  verbs: { sv: 'koppla', en: 'link' },
  // Without a key: the forums one may link, and which are linked (issue 17).
  args: z.object({ forumKey: z.string().nullable() }),
  access: 'member',
  parse: (rest) => (rest.length === 0 ? { forumKey: null } : rest.length === 1 && /^[a-z0-9-]{1,60}$/i.test(rest[0]) ? { forumKey: rest[0].toLowerCase() } : USAGE),
  words: (a) => (a.forumKey ? [a.forumKey] : []),
  run: async (h, a) => msg(a.forumKey ? await link(h, a.forumKey) : await forumKeys(h)),
});

export const topicAddCommand = defineCommand({
  id: 'topic.add',
  group: 'topic',
  verbs: { sv: 'fråga ny', en: 'topic add' },
  aliases: { en: ['topic new'] },
  args: z.object({ text: z.string() }),
  access: 'member',
  parse(rest) {
    const t = freeText.safeParse(rest.join(' '));
    return t.success ? { text: t.data } : USAGE;
  },
  words: (a) => [a.text],
  run: (h, a) => posts(topicAdd(h, a.text)),
});

export const agendaCommand = defineCommand({
  id: 'agenda',
  group: 'agenda',
  verbs: { sv: 'dagordning', en: 'agenda' },
  args: z.object({}),
  access: 'member',
  parse: () => ({}),
  run: async (h) => msg(await agenda(h)),
});

export const mineCommand = defineCommand({
  id: 'mine',
  group: 'mine',
  verbs: { sv: 'mina', en: 'mine' },
  args: z.object({}),
  access: 'member',
  parse: () => ({}),
  run: async (h) => msg(await mine(h)),
});

export const reportCommand = defineCommand({
  id: 'report',
  group: 'report',
  verbs: { sv: 'rapport', en: 'report' },
  args: z.object({ quarter: z.string().regex(/^\d{4}-Q[1-4]$/) }),
  access: 'member',
  parse(rest) {
    if (rest.length !== 1) return USAGE;
    const q = rest[0].toUpperCase();
    return /^\d{4}-Q[1-4]$/.test(q) ? { quarter: q } : { error: 'badQuarter', params: { value: rest[0].slice(0, 20) } };
  },
  words: (a) => [a.quarter],
  run: async (h, a) => msg(await report(h, a.quarter)),
});

export const calendarCommand = defineCommand({
  id: 'calendar',
  group: 'calendar',
  verbs: { sv: 'kalender', en: 'calendar' },
  args: z.object({}),
  access: 'coordinator',
  parse: () => ({}),
  run: async (h) => msg(await calendarLink(h)),
});
