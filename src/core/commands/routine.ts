// `rutin …` / `routine …`: the forum's recurring tasks (issue 17) — list them, mark one done.
import { z } from 'zod';
import { routineDone, routineList } from '../routines/handlers.js';
import { defineCommand, msg } from './spec.js';
import { onlyId } from './words.js';

export const routineListCommand = defineCommand({
  id: 'routine.list',
  group: 'routine',
  verbs: { sv: 'rutin lista', en: 'routine list' },
  args: z.object({}),
  access: 'member',
  run: async (h) => msg(await routineList(h)),
});

export const routineDoneCommand = defineCommand({
  id: 'routine.done',
  group: 'routine',
  verbs: { sv: 'rutin klar', en: 'routine done' },
  args: z.object({ id: z.number().int().positive() }),
  access: 'member',
  parse: onlyId,
  words: (a) => [String(a.id)],
  run: async (h, a) => msg(await routineDone(h, a.id)),
});
