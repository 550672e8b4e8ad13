// The correction commands (issue 15): `ärende ändra` / `case edit`, `ärende radera` / `case erase`,
// `åtgärd ändra` / `step edit`, `åtgärd stryk` / `step strike` (`step remove`), `överlämning visa` /
// `handover show`, `överlämning rätta` / `handover correct`. The word-level parsing is in
// ../grammar-corrections.ts; handlers in handlers/corrections*.ts.
import { z } from 'zod';
import { buildCorrection, type CorrectionCommand } from '../grammar-corrections.js';
import { caseEdit, caseErase } from '../handlers/corrections.js';
import { handoverCorrect, handoverShow, stepEdit, stepStrike } from '../handlers/corrections-steps.js';
import { ask, defineCommand, msg, type FormAsk, type ParseError } from './spec.js';
import { USAGE } from './words.js';

const consent = z.enum(['ja', 'nej', 'okänt']);

/** Runs the shared word parser and hands back the spec's args, a form request, or the error. */
function parsed<T>(group: string, sub: string, rest: string[], pick: (c: CorrectionCommand) => T | FormAsk | null): T | FormAsk | ParseError {
  const r = buildCorrection(group, sub, rest, { error: 'usage' });
  if (!r) return USAGE;
  if ('error' in r) return r.error === 'usage' ? USAGE : (r as ParseError);
  return pick(r as CorrectionCommand) ?? USAGE;
}

export const caseEditCommand = defineCommand({
  id: 'case.edit',
  group: 'case',
  verbs: { sv: 'ärende ändra', en: 'case edit' },
  args: z.object({ code: z.string(), text: z.string().nullable(), groups: z.array(z.string()).nullable(), consent: consent.nullable(), category: z.string().nullable() }),
  form: 'case-edit',
  access: 'member',
  parse: (rest) =>
    parsed('case', 'edit', rest, (c) => (c.name === 'case.edit.form' ? ask({ code: c.code }) : c.name === 'case.edit' ? { code: c.code, text: c.text, groups: c.groups, consent: c.consent, category: c.category } : null)),
  words: (a) => [a.code, ...(a.groups ? [`grupp:${a.groups.join(',')}`] : []), ...(a.consent ? [`samtycke:${a.consent}`] : []), ...(a.category ? [`kategori:${a.category}`] : []), ...(a.text ? [`text:${a.text}`] : [])],
  formWords: (hidden) => (hidden.code ? [hidden.code] : []),
  run: async (h, a) => msg(await caseEdit(h, a)),
});

export const caseEraseCommand = defineCommand({
  id: 'case.erase',
  group: 'case',
  verbs: { sv: 'ärende radera', en: 'case erase' },
  args: z.object({ code: z.string() }),
  access: 'coordinator',
  parse: (rest) => parsed('case', 'erase', rest, (c) => (c.name === 'case.erase' ? { code: c.code } : null)),
  words: (a) => [a.code],
  run: async (h, a) => msg(await caseErase(h, a.code)),
});

export const stepEditCommand = defineCommand({
  id: 'step.edit',
  group: 'step',
  verbs: { sv: 'åtgärd ändra', en: 'step edit' },
  args: z.object({ id: z.number().int().positive(), words: z.array(z.string()) }),
  form: 'step-edit',
  access: 'member',
  parse: (rest) => parsed('step', 'edit', rest, (c) => (c.name === 'step.edit.form' ? ask({ id: String(c.id) }) : c.name === 'step.edit' ? { id: c.id, words: c.words } : null)),
  words: (a) => [String(a.id), ...a.words],
  formWords: (hidden) => [hidden.id ?? ''],
  run: async (h, a) => msg(await stepEdit(h, a)),
});

export const stepStrikeCommand = defineCommand({
  id: 'step.strike',
  group: 'step',
  verbs: { sv: 'åtgärd stryk', en: 'step strike' },
  aliases: { en: ['step remove'] },
  args: z.object({ id: z.number().int().positive(), reason: z.string().nullable() }),
  access: 'member',
  parse: (rest) => parsed('step', 'strike', rest, (c) => (c.name === 'step.strike' ? { id: c.id, reason: c.reason } : null)),
  words: (a) => [String(a.id), ...(a.reason ? [a.reason] : [])],
  run: async (h, a) => msg(await stepStrike(h, a)),
});

export const handoverShowCommand = defineCommand({
  id: 'handover.show',
  group: 'handover',
  verbs: { sv: 'överlämning visa', en: 'handover show' },
  args: z.object({ id: z.number().int().positive() }),
  access: 'member',
  parse: (rest) => parsed('handover', 'show', rest, (c) => (c.name === 'handover.show' ? { id: c.id } : null)),
  words: (a) => [String(a.id)],
  run: async (h, a) => msg(await handoverShow(h, a.id)),
});

export const handoverCorrectCommand = defineCommand({
  id: 'handover.correct',
  group: 'handover',
  verbs: { sv: 'överlämning rätta', en: 'handover correct' },
  args: z.object({ id: z.number().int().positive(), fields: z.record(z.string()) }),
  access: 'member',
  parse: (rest) => parsed('handover', 'correct', rest, (c) => (c.name === 'handover.correct' ? { id: c.id, fields: c.fields } : null)),
  words: (a) => [String(a.id), ...Object.entries(a.fields).map(([k, v]) => `${k}=${v}`)],
  run: async (h, a) => msg(await handoverCorrect(h, a.id, a.fields)),
});
