// `överlämning …` / `handover …`: start a handover loop and reply to one.
import { z } from 'zod';
import { handoverNew, handoverReply } from '../handlers/handovers.js';
import { ask, defineCommand, msg, posts } from './spec.js';
import { badCaseCode, badMention, code, fold, idWord, isMention, USAGE } from './words.js';

export const handoverNewCommand = defineCommand({
  id: 'handover.new',
  group: 'handover',
  verbs: { sv: 'överlämning ny', en: 'handover new' },
  args: z.object({ template: z.string(), code: z.string(), to: z.string(), due: z.string().nullable() }),
  form: 'handover-new',
  access: 'member',
  parse(rest) {
    if (rest.length === 0) return ask();
    if (rest.length === 1) return code(rest[0]) ? ask({ code: code(rest[0])! }) : USAGE;
    if (rest.length < 3) return USAGE;
    const [template, codeWord, to, ...tail] = rest;
    const c = code(codeWord);
    if (!c) return badCaseCode(codeWord);
    if (!isMention(to)) return badMention(to);
    let due: string | null = null;
    if (tail.length) {
      // `senast <datum>`: the date may be several words (`3 december`, `om 2 veckor`).
      if (tail.length < 2 || tail.length > 5 || !['senast', 'by'].includes(fold(tail[0]))) return USAGE;
      due = tail.slice(1).join(' ');
    }
    return { template: fold(template), code: c, to, due };
  },
  formWords: (hidden) => (hidden.code ? [hidden.code] : []),
  run: (h, a) => posts(handoverNew(h, a)),
});

export const handoverReplyCommand = defineCommand({
  id: 'handover.reply',
  group: 'handover',
  verbs: { sv: 'överlämning svar', en: 'handover reply' },
  args: z.object({ id: z.number().int().positive(), fields: z.record(z.string()) }),
  form: 'handover-reply',
  access: 'member',
  parse(rest) {
    if (rest.length === 0) return USAGE;
    const id = idWord(rest[0]);
    if (typeof id !== 'number') return id;
    if (rest.length === 1) return ask({ id: String(id) });
    const fields: Record<string, string> = {};
    let last: string | null = null;
    for (const w of rest.slice(1)) {
      const m = /^([^=\s]+)=(.*)$/.exec(w);
      if (m) {
        last = fold(m[1]);
        fields[last] = m[2];
      } else if (last) {
        fields[last] = `${fields[last]} ${w}`.trim(); // values may hold spaces: skola=Komvux Norra
      } else return { error: 'badField', params: { value: w.slice(0, 30) } };
    }
    return { id, fields };
  },
  formWords: (hidden) => [hidden.id ?? ''],
  run: async (h, a) => msg(await handoverReply(h, a.id, a.fields)),
});
