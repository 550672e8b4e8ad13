// `ärende …` / `case …`: raise, list, show, close and read the log of a case.
import { z } from 'zod';
import { caseClose, caseList, caseLog, caseNew, caseShow } from '../handlers/cases.js';
import { caseCodeInMeeting } from '../meeting/current.js';
import { CONSENTS, OUTCOMES, type Consent } from '../vocabulary.js';
import { ask, defineCommand, msg, posts } from './spec.js';
import { badCaseCode, code, fold, freeText, pageArgs, pageWords, USAGE } from './words.js';

const codeArg = z.object({ code: z.string() });
const oneCode = (rest: string[]) => {
  if (rest.length !== 1) return USAGE;
  return code(rest[0]) ? { code: code(rest[0])! } : badCaseCode(rest[0]);
};

export const caseNewCommand = defineCommand({
  id: 'case.new',
  group: 'case',
  verbs: { sv: 'ärende ny', en: 'case new' },
  args: z.object({ groups: z.array(z.string()), consent: z.enum(CONSENTS), question: z.string(), category: z.string().nullable().optional() }),
  form: 'case-new',
  access: 'member',
  parse(rest) {
    if (rest.length === 0) return ask();
    const groups: string[] = [];
    let consent: Consent = 'okänt';
    let category: string | null = null;
    let i = 0;
    for (; i < rest.length; i++) {
      const m = /^(grupp|group|samtycke|consent|kategori|category):(.*)$/i.exec(rest[i]);
      if (!m) break;
      const k = fold(m[1]);
      if (k === 'grupp' || k === 'group') groups.push(...m[2].split(',').map((g) => fold(g)).filter(Boolean));
      else if (k === 'kategori' || k === 'category') category = fold(m[2]) || null;
      else {
        const v = fold(m[2]);
        const c = v === 'ja' || v === 'yes' ? 'ja' : v === 'nej' || v === 'no' ? 'nej' : v === 'okant' || v === 'unknown' ? 'okänt' : null;
        if (!c) return { error: 'badConsent', params: { value: m[2].slice(0, 20) } };
        consent = c;
      }
    }
    const q = freeText.safeParse(rest.slice(i).join(' '));
    if (!q.success) return USAGE;
    return { groups: [...new Set(groups)], consent, question: q.data, category };
  },
  run: (h, a) => posts(caseNew(h, a)),
});

export const caseListCommand = defineCommand({
  id: 'case.list',
  group: 'case',
  verbs: { sv: 'ärende lista', en: 'case list' },
  args: pageArgs,
  parse: pageWords,
  words: (a) => (a.page ? [String(a.page)] : []),
  access: 'member',
  run: async (h, a) => msg(await caseList(h, a.all ? undefined : a.page ?? 1)),
});

export const caseShowCommand = defineCommand({
  id: 'case.show',
  group: 'case',
  verbs: { sv: 'ärende visa', en: 'case show' },
  args: codeArg,
  parse: oneCode,
  words: (a) => [a.code],
  access: 'member',
  run: async (h, a) => msg(await caseShow(h, a.code)),
});

export const caseCloseCommand = defineCommand({
  id: 'case.close',
  group: 'case',
  verbs: { sv: 'ärende avsluta', en: 'case close' },
  args: z.object({ code: z.string().nullable(), outcome: z.enum(OUTCOMES) }),
  form: 'case-close',
  access: 'member',
  // `ärende avsluta <kod> <utfall>`, or `ärende avsluta <utfall>` for the case open in a meeting;
  // `ärende avsluta <kod>` alone asks for the outcome in a form (the "Avsluta ärende" button).
  parse(rest) {
    if (rest.length < 1 || rest.length > 2) return USAGE;
    if (rest.length === 1 && code(rest[0])) return ask({ code: code(rest[0])! });
    const c = rest.length === 2 ? code(rest[0]) : null;
    if (rest.length === 2 && !c) return badCaseCode(rest[0]);
    const o = fold(rest[rest.length - 1]).replace('_', '-');
    const outcome = OUTCOMES.find((x) => x === o || x.replace('-', '') === o);
    if (!outcome) return { error: 'badOutcome', params: { value: rest[rest.length - 1].slice(0, 30) } };
    return { code: c, outcome };
  },
  words: (a) => [...(a.code ? [a.code] : []), a.outcome],
  formWords: (hidden) => [hidden.code ?? ''],
  run: async (h, a) => posts(caseClose(h, await caseCodeInMeeting(h, a.code), a.outcome)),
});

export const caseLogCommand = defineCommand({
  id: 'case.log',
  group: 'case',
  verbs: { sv: 'ärende logg', en: 'case log' },
  args: codeArg,
  parse: oneCode,
  words: (a) => [a.code],
  access: 'coordinator',
  run: async (h, a) => msg(await caseLog(h, a.code)),
});
