// `protokoll …` / `minutes …`: read the latest minutes and approve them (one person per organisation).
import { z } from 'zod';
import { minutesApprove, minutesShow } from '../meeting/minutes.js';
import { minutesPdfLink } from '../meeting/protokoll-link.js';
import { defineCommand, msg, posts } from './spec.js';
import { USAGE } from './words.js';

export const minutesShowCommand = defineCommand({
  id: 'minutes.show',
  group: 'minutes',
  verbs: { sv: 'protokoll visa', en: 'minutes show' },
  args: z.object({}),
  access: 'member',
  run: async (h) => msg(await minutesShow(h)),
});

export const minutesApproveCommand = defineCommand({
  id: 'minutes.approve',
  group: 'minutes',
  verbs: { sv: 'protokoll justera', en: 'minutes approve' },
  args: z.object({}),
  access: 'member',
  run: (h) => posts(minutesApprove(h)),
});

export const minutesPdfCommand = defineCommand({
  id: 'minutes.pdf',
  group: 'minutes',
  verbs: { sv: 'protokoll pdf', en: 'minutes pdf' },
  args: z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable() }),
  parse(rest) {
    if (rest.length === 0) return { date: null };
    return rest.length === 1 && /^\d{4}-\d{2}-\d{2}$/.test(rest[0]) ? { date: rest[0] } : USAGE;
  },
  words: (a) => (a.date ? [a.date] : []),
  access: 'member',
  run: async (h, a) => msg(await minutesPdfLink(h, a.date)),
});
