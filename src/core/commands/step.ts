// `åtgärd …` / `step …`: agree on a next step and mark it done.
import { z } from 'zod';
import { dateWordCount } from '../date-words.js';
import { stepAdd, stepDone } from '../handlers/steps.js';
import { caseInMeeting } from '../meeting/current.js';
import { ask, defineCommand, msg, posts } from './spec.js';
import { badCaseCode, badMention, code, freeText, isMention, onlyId, USAGE } from './words.js';

export const stepNewCommand = defineCommand({
  id: 'step.new',
  group: 'step',
  // `step add` is the English verb of the contract (DESIGN.md); `step new` matches the id and `ny`.
  verbs: { sv: 'åtgärd ny', en: 'step add' },
  aliases: { en: ['step new'] },
  args: z.object({ code: z.string().nullable(), owner: z.string(), due: z.string(), text: z.string() }),
  form: 'step-new',
  access: 'member',
  // `åtgärd ny [<kod>] @ägare <datum> <text>`; the code may be left out during a meeting item.
  parse(rest) {
    if (rest.length === 0) return ask();
    let words = rest;
    let c: string | null = null;
    if (!words[0].startsWith('@')) {
      c = code(words[0]);
      if (!c) return badCaseCode(words[0]);
      words = words.slice(1);
      if (words.length === 0) return ask({ code: c });
    }
    if (!isMention(words[0])) return badMention(words[0]);
    if (words.length < 3) return USAGE;
    // The date may be several words (`i morgon`, `om 3 månader`, `3 dec`); the text follows it.
    const n = Math.min(Math.max(1, dateWordCount(words.slice(1))), words.length - 2);
    const t = freeText.safeParse(words.slice(1 + n).join(' '));
    if (!t.success) return USAGE;
    return { code: c, owner: words[0], due: words.slice(1, 1 + n).join(' '), text: t.data };
  },
  words: (a) => [...(a.code ? [a.code] : []), a.owner, a.due, a.text],
  formWords: (hidden) => (hidden.code ? [hidden.code] : []),
  run: async (h, a) => {
    const { code, forum } = await caseInMeeting(h, a.code);
    return posts(stepAdd(h, { ...a, code }, forum));
  },
});

export const stepDoneCommand = defineCommand({
  id: 'step.done',
  group: 'step',
  verbs: { sv: 'åtgärd klar', en: 'step done' },
  args: z.object({ id: z.number().int().positive() }),
  access: 'member',
  parse: onlyId,
  words: (a) => [String(a.id)],
  run: async (h, a) => msg(await stepDone(h, a.id)),
});
