// `protokoll …` / `minutes …`: read the latest minutes and approve them (one person per organisation).
import { z } from 'zod';
import { minutesApprove, minutesShow } from '../meeting/minutes.js';
import { defineCommand, msg, posts } from './spec.js';

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
