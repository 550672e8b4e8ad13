// The "Ändra" forms on a case and on a step (issue 15): the same checks as `ärende ändra` and
// `åtgärd ändra`, so a form can never do what the typed command may not. Every field may be left as
// it is; the form is built for the person who pressed the button, under the consent rule.
import { piiGuard, type HandlerContext } from './context.js';
import { UserError } from './errors.js';
import { safeErrorText } from './echo-safe.js';
import { CONSENTS, type Command, type Consent } from './grammar.js';
import { isCoordinator } from './access.js';
import { mayShow, replyAudience } from './consent.js';
import { caseInForum, checkGroups } from './handlers/cases.js';
import { dueDate } from './handlers/steps.js';
import type { Form, FormField } from './model.js';

/** What forms.ts hands a spec: read values by id (hidden first) and mark a field wrong. */
export interface CorrectionReader {
  one(id: string): string;
  many(id: string): string[];
  fail(id: string, text: string): void;
  readonly hidden: Record<string, string>;
  readonly ctx: { config: HandlerContext['config']; m: HandlerContext['m']; today: string };
}

export async function buildCaseEdit(h: HandlerContext, hidden: Record<string, string>): Promise<Form> {
  const c = await caseInForum(h, hidden.code ?? '');
  const forum = await h.forum();
  if (c.raisedBy !== h.member.id && !isCoordinator(forum, h.member)) throw new UserError('editNotAllowed', { code: c.code });
  if (c.status !== 'open') throw new UserError('caseClosed', { code: c.code });
  const f = h.m.forms;
  const groups = Object.entries(h.config.targetGroups).map(([value, label]) => ({ value, label }));
  const categories = Object.entries(h.config.questionCategories).map(([value, label]) => ({ value, label }));
  const question = c.question && mayShow(c, replyAudience(h.channel, h.member.id), { kind: 'question', authorId: c.raisedBy }) ? c.question : undefined;
  const fields: FormField[] = [
    ...(groups.length ? [{ id: 'groups', label: f.groups, kind: 'multiselect' as const, options: groups, optional: true, initial: c.targetGroups.join(',') }] : []),
    { id: 'consent', label: f.consent, kind: 'radio', options: CONSENTS.map((x) => ({ value: x, label: f.consentChoices[x] ?? x })), initial: c.consent },
    ...(categories.length ? [{ id: 'category', label: h.m.corrections.forms.category, kind: 'select' as const, options: categories, optional: true, ...(c.category ? { initial: c.category } : {}) }] : []),
    { id: 'question', label: f.question, kind: 'longtext', optional: true, ...(question ? { initial: question } : {}) },
  ];
  return { kind: 'case-edit', title: `${h.m.corrections.forms.caseEdit} ${c.code}`, submitLabel: f.submit, fields, hidden: { code: c.code }, lang: h.lang };
}

export function readCaseEdit(r: CorrectionReader): Command {
  const code = r.one('code').toUpperCase();
  const groups = r.many('groups');
  try {
    if (groups.length) checkGroups(r.ctx.config, groups);
  } catch (e) {
    if (e instanceof UserError) r.fail('groups', safeErrorText(r.ctx.m, e.key, e.params, r.ctx.today));
  }
  const consent = (r.one('consent') || null) as Consent | null;
  if (consent && !CONSENTS.includes(consent)) r.fail('consent', safeErrorText(r.ctx.m, 'badConsent', { value: consent.slice(0, 20) }, r.ctx.today));
  const category = r.one('category') || null;
  const text = r.one('question') || null;
  if (text) {
    try {
      piiGuard(r.ctx.m, text, undefined, r.ctx.today);
    } catch (e) {
      if (e instanceof UserError) r.fail('question', safeErrorText(r.ctx.m, e.key, e.params, r.ctx.today));
    }
  }
  return { name: 'case.edit', code, text, groups: groups.length ? groups : null, consent, category };
}

export async function buildStepEdit(h: HandlerContext, hidden: Record<string, string>): Promise<Form> {
  const step = await h.store.steps.byId(Number(hidden.id));
  if (!step) throw new UserError('stepNotFound', { id: String(hidden.id ?? '') });
  const f = h.m.forms;
  const fields: FormField[] = [
    { id: 'owner', label: f.owner, kind: 'member', optional: true },
    { id: 'due', label: f.due, kind: 'date', optional: true, initial: step.dueDate },
    { id: 'text', label: f.text, kind: 'longtext', optional: true },
  ];
  return { kind: 'step-edit', title: `${h.m.corrections.forms.stepEdit} #${step.id}`, submitLabel: f.submit, fields, hidden: { id: String(step.id) }, lang: h.lang };
}

export function readStepEdit(r: CorrectionReader): Command {
  const id = Number(r.one('id'));
  const words: string[] = [];
  const owner = r.one('owner');
  if (owner) {
    if (!/^@\S+$/.test(owner)) r.fail('owner', safeErrorText(r.ctx.m, 'badMention', { value: owner.slice(0, 40) }, r.ctx.today));
    words.push(owner);
  }
  const due = r.one('due');
  if (due) {
    try {
      words.push(dueDate({ today: r.ctx.today }, due));
    } catch (e) {
      if (e instanceof UserError) r.fail('due', safeErrorText(r.ctx.m, e.key, e.params, r.ctx.today));
    }
  }
  const text = r.one('text');
  if (text) {
    try {
      piiGuard(r.ctx.m, text, undefined, r.ctx.today);
      words.push(text);
    } catch (e) {
      if (e instanceof UserError) r.fail('text', safeErrorText(r.ctx.m, e.key, e.params, r.ctx.today));
    }
  }
  if (!words.length) r.fail('text', safeErrorText(r.ctx.m, 'stepEditNothing', { id: String(id) }, r.ctx.today));
  return { name: 'step.edit', id, words };
}
