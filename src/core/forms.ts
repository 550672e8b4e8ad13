// Forms: a command with several parts can be asked for as a form (a Slack modal, a Teams card).
// Each kind builds its form and reads the submitted values back into the same Command the grammar
// builds, checked by the same rules, so a form can never do what the typed command may not.
// A new kind is one more entry in FORMS; adapters only render forms and hand back the values.
import type { FileConfig } from './settings.js';
import { onSide } from './handlers/handover-sides.js';
import type { Messages } from '../i18n/index.js';
import { piiGuard, type HandlerContext } from './context.js';
import type { IsoDate } from './dates.js';
import { UserError } from './errors.js';
import { safeErrorText } from './echo-safe.js';
import { CONSENTS, fold, OUTCOMES, type Command, type Consent, type Outcome } from './grammar.js';
import { caseInForum, checkGroups } from './handlers/cases.js';
import { answerable, checkAnswer, templateOf } from './handlers/handovers.js';
import { dueDate } from './handlers/steps.js';
import type { Form, FormField, FormKind, Message } from './model.js';
import { shorten } from './render.js';
import { buildCaseEdit, buildStepEdit, readCaseEdit, readStepEdit } from './forms-corrections.js';

/** Submitted values by field id; a member field holds a mention token (`@…`) the adapter can resolve. */
export type FormValues = Record<string, string | string[] | null | undefined>;

export interface FormReadContext {
  config: FileConfig;
  m: Messages;
  today: IsoDate;
}

/** Either the command to run, or a message per field id that needs correcting (nothing runs then). */
export type FormResult = { command: Command } | { errors: Record<string, string> };

interface FormSpec {
  /** Builds the form inside the command's transaction; may refuse (UserError) like a command. */
  build(h: HandlerContext, hidden: Record<string, string>): Promise<Form>;
  read(r: FieldReader): Command;
  /** The label of each field by id, to name a field in an error shown away from the form (Teams). */
  labels(ctx: FormReadContext, hidden: Record<string, string>): Record<string, string>;
}

const MAX_TEXT = 2000;
const CODE_RE = /^[A-ZÅÄÖ]{2,6}-\d{4}-\d{3,}$/;

/** Reads values field by field and collects a polite message for each field that is wrong. */
class FieldReader {
  readonly errors: Record<string, string> = {};

  constructor(
    private readonly values: FormValues,
    readonly hidden: Record<string, string>,
    readonly ctx: FormReadContext,
  ) {}

  one(id: string): string {
    const v = this.hidden[id] ?? this.values[id];
    return (Array.isArray(v) ? v[0] ?? '' : v ?? '').trim();
  }

  /** Several choices; Adaptive Cards send a multi-select as one comma-separated string. */
  many(id: string): string[] {
    const v = this.values[id];
    return [...new Set((Array.isArray(v) ? v : v ? v.split(',') : []).map((x) => x.trim()).filter(Boolean))];
  }

  /** Marks a field as wrong with a message of its own. */
  fail(id: string, text: string): void {
    this.errors[id] ??= text;
  }

  /** A value the form cannot do without. */
  required(id: string): string {
    const v = this.one(id);
    if (!v) this.errors[id] ??= this.ctx.m.forms.required;
    else if (v.length > MAX_TEXT) this.errors[id] ??= safeErrorText(this.ctx.m, 'tooLong', { max: String(MAX_TEXT) }, this.ctx.today);
    return v;
  }

  /** A case code, as the grammar accepts it. */
  caseCode(id: string): string {
    const code = this.required(id).toUpperCase();
    this.check(id, () => {
      if (!CODE_RE.test(code)) throw new UserError('badCaseCode', { value: code.slice(0, 30) });
    });
    return code;
  }

  /** A person as a mention token (`@…`); the command resolves it when it runs. */
  mention(id: string): string {
    const who = this.required(id);
    this.check(id, () => {
      if (!/^@\S+$/.test(who)) throw new UserError('badMention', { value: who.slice(0, 40) });
    });
    return who;
  }

  /** Runs one of the commands' own checks; its refusal becomes this field's message. */
  check<T>(id: string, fn: () => T): T | undefined {
    if (this.errors[id]) return undefined;
    try {
      return fn();
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      this.errors[id] = safeErrorText(this.ctx.m, e.key, e.params, this.ctx.today);
      return undefined;
    }
  }
}

/** The labels of the fixed forms' fields (the handover reply's come from its template). */
function fixedLabels(ctx: FormReadContext): Record<string, string> {
  const f = ctx.m.forms;
  return { groups: f.groups, consent: f.consent, question: f.question, code: f.code, owner: f.owner, due: f.due, text: f.text, outcome: f.outcome, template: f.template, to: f.receiver };
}

const caseNewForm: FormSpec = {
  labels: fixedLabels,
  async build(h) {
    const forum = await h.forum();
    if (forum.kind !== 'case') throw new UserError('notCaseForum');
    const f = h.m.forms;
    const groups = Object.entries(h.config.targetGroups).map(([value, label]) => ({ value, label }));
    const fields: FormField[] = [
      ...(groups.length ? [{ id: 'groups', label: f.groups, kind: 'multiselect' as const, options: groups, optional: true }] : []),
      { id: 'consent', label: f.consent, kind: 'radio', options: CONSENTS.map((c) => ({ value: c, label: f.consentChoices[c] ?? c })), initial: 'okänt' },
      { id: 'question', label: f.question, kind: 'longtext' },
    ];
    return { kind: 'case-new', title: f.caseNew, submitLabel: f.submit, fields, lang: h.lang };
  },
  read(r) {
    const groups = r.many('groups');
    r.check('groups', () => checkGroups(r.ctx.config, groups));
    const consent = (r.one('consent') || 'okänt') as Consent;
    r.check('consent', () => {
      if (!CONSENTS.includes(consent)) throw new UserError('badConsent', { value: consent.slice(0, 20) });
    });
    const question = r.required('question');
    r.check('question', () => piiGuard(r.ctx.m, question, undefined, r.ctx.today));
    return { name: 'case.new', groups, consent, question };
  },
};

const stepNewForm: FormSpec = {
  labels: fixedLabels,
  async build(h, hidden) {
    const f = h.m.forms;
    const fields: FormField[] = [];
    if (hidden.code) {
      const c = await caseInForum(h, hidden.code);
      if (c.status !== 'open') throw new UserError('caseClosed', { code: c.code });
    } else {
      const forum = await h.forum();
      const open = await h.store.cases.open(forum.key);
      if (!open.length) throw new UserError('noOpenCases');
      // Slack's select holds at most 100 options; the oldest open cases come first on the agenda too.
      const options = open.slice(0, 100).map((c) => ({ value: c.code, label: shorten(`${c.code} · ${c.targetGroups.map((g) => h.config.targetGroups[g] ?? g).join(', ') || h.m.labels.noGroup}`, 75) }));
      fields.push({ id: 'code', label: f.code, kind: 'select', options });
    }
    fields.push({ id: 'owner', label: f.owner, kind: 'member' }, { id: 'due', label: f.due, kind: 'date' }, { id: 'text', label: f.text, kind: 'longtext' });
    const title = hidden.code ? `${f.stepNew} ${hidden.code}` : f.stepNew;
    return { kind: 'step-new', title, submitLabel: f.submit, fields, hidden: hidden.code ? { code: hidden.code } : undefined, lang: h.lang };
  },
  read(r) {
    const code = r.caseCode('code');
    const owner = r.mention('owner');
    const due = r.required('due');
    const date = r.check('due', () => dueDate({ today: r.ctx.today }, due));
    const text = r.required('text');
    r.check('text', () => piiGuard(r.ctx.m, text, undefined, r.ctx.today));
    return { name: 'step.new', code, owner, due: date ?? due, text };
  },
};

const caseCloseForm: FormSpec = {
  labels: fixedLabels,
  async build(h, hidden) {
    const c = await caseInForum(h, hidden.code ?? '');
    if (c.status !== 'open') throw new UserError('caseClosed', { code: c.code });
    const f = h.m.forms;
    const options = OUTCOMES.map((o) => ({ value: o, label: h.m.outcome[o] ?? o }));
    return { kind: 'case-close', title: `${f.caseClose} ${c.code}`, submitLabel: f.submit, fields: [{ id: 'outcome', label: f.outcome, kind: 'radio', options }], hidden: { code: c.code }, lang: h.lang };
  },
  read(r) {
    const code = r.required('code');
    const outcome = r.required('outcome') as Outcome;
    r.check('outcome', () => {
      if (!OUTCOMES.includes(outcome)) throw new UserError('badOutcome', { value: outcome.slice(0, 30) });
    });
    return { name: 'case.close', code, outcome };
  },
};

/** `överlämning ny [<kod>]` without the rest: template (of the person's organisation), case, receiver, due date. */
const handoverNewForm: FormSpec = {
  labels: fixedLabels,
  async build(h, hidden) {
    const forum = await h.forum();
    if (hidden.code) {
      const c = await caseInForum(h, hidden.code);
      if (c.status !== 'open') throw new UserError('caseClosed', { code: c.code });
    }
    const me = { ...h.member, organisationKey: h.organisation.key, groups: h.groups };
    const templates = h.config.handoverTemplates.filter((t) => onSide(h, t.from, me, forum));
    if (!templates.length) throw new UserError('handoverNoTemplates', { org: h.organisation.name });
    const f = h.m.forms;
    const fields: FormField[] = [
      { id: 'template', label: f.template, kind: 'select', options: templates.map((t) => ({ value: t.key, label: shorten(t.name, 75) })) },
      ...(hidden.code ? [] : [{ id: 'code', label: f.code, kind: 'text' as const }]),
      { id: 'to', label: f.receiver, kind: 'member' },
      { id: 'due', label: f.due, kind: 'date', optional: true },
    ];
    const title = hidden.code ? `${f.handoverNew} ${hidden.code}` : f.handoverNew;
    return { kind: 'handover-new', title, submitLabel: f.submit, fields, hidden: hidden.code ? { code: hidden.code } : undefined, lang: h.lang };
  },
  read(r) {
    const template = fold(r.required('template'));
    r.check('template', () => {
      if (!templateOf(r.ctx.config, template)) throw new UserError('unknownTemplate', { key: template.slice(0, 40), keys: r.ctx.config.handoverTemplates.map((t) => t.key).join(', ') });
    });
    const code = r.caseCode('code');
    const to = r.mention('to');
    const due = r.one('due');
    const date = due ? r.check('due', () => dueDate({ today: r.ctx.today }, due)) : undefined;
    return { name: 'handover.new', template, code, to, due: due ? date ?? due : null };
  },
};

/** `överlämning svar <id>` without fields: the template's fields, each checked as the typed answer is. */
const handoverReplyForm: FormSpec = {
  labels(ctx, hidden) {
    const tpl = templateOf(ctx.config, hidden.template ?? '');
    return { id: ctx.m.forms.handoverReply, ...Object.fromEntries((tpl?.fields ?? []).map((f) => [fold(f.key), f.label])) };
  },
  async build(h, hidden) {
    const { x, tpl } = await answerable(h, Number(hidden.id));
    const kind = { date: 'date', choice: 'select', number: 'number', text: 'text', member: 'member' } as const;
    const fields: FormField[] = tpl.fields.map((f) => ({
      id: fold(f.key),
      label: f.label,
      kind: kind[f.type],
      ...(f.choices ? { options: f.choices.map((c) => ({ value: c, label: c })) } : {}),
      optional: f.optional,
    }));
    // The template travels with the form, so its values are checked field by field before anything runs.
    return { kind: 'handover-reply', title: `${h.m.forms.handoverReply} #${x.id}`, submitLabel: h.m.forms.submit, fields, hidden: { id: String(x.id), template: tpl.key }, lang: h.lang };
  },
  read(r) {
    const id = Number(r.one('id'));
    const tpl = templateOf(r.ctx.config, r.one('template'));
    if (!Number.isInteger(id) || id <= 0 || !tpl) {
      r.fail('id', safeErrorText(r.ctx.m, 'handoverNotFound', { id: r.one('id').slice(0, 12) }, r.ctx.today));
      return { name: 'handover.reply', id: 0, fields: {} };
    }
    const given: Record<string, string> = {};
    for (const f of tpl.fields) {
      const v = r.one(fold(f.key));
      if (v) given[f.key] = v;
    }
    const checked = checkAnswer({ today: r.ctx.today, guard: (text, where) => piiGuard(r.ctx.m, text, where, r.ctx.today) }, tpl, given);
    for (const [key, e] of Object.entries(checked.errors)) r.fail(fold(key), safeErrorText(r.ctx.m, e.key, e.params, r.ctx.today));
    for (const f of checked.missing) r.fail(fold(f.key), r.ctx.m.forms.required);
    return { name: 'handover.reply', id, fields: given };
  },
};

const FORMS: Record<FormKind, FormSpec> = {
  'case-new': caseNewForm,
  'step-new': stepNewForm,
  'case-close': caseCloseForm,
  'handover-new': handoverNewForm,
  'handover-reply': handoverReplyForm,
  // --- corrections (issue 15): forms-corrections.ts
  'case-edit': { labels: (ctx) => ({ ...fixedLabels(ctx), category: ctx.m.corrections.forms.category }), build: buildCaseEdit, read: readCaseEdit },
  'step-edit': { labels: fixedLabels, build: buildStepEdit, read: readStepEdit },
};

/** Whether a kind named in a submission (from a card or a modal) is one of ours. */
export function isFormKind(kind: unknown): kind is FormKind {
  return typeof kind === 'string' && Object.hasOwn(FORMS, kind);
}

/** Builds a form for the person in the handler's context; refuses like the command would. */
export async function buildForm(h: HandlerContext, kind: FormKind, hidden: Record<string, string> = {}): Promise<Form> {
  const spec = FORMS[kind];
  return spec.build(h, hidden);
}

/** Turns submitted values back into a command, or says per field what to correct. Pure: no database. */
export function readForm(kind: FormKind, values: FormValues, hidden: Record<string, string>, ctx: FormReadContext): FormResult {
  const spec = FORMS[kind];
  if (!spec) throw new Error(`no form "${kind}"`);
  const r = new FieldReader(values, hidden, ctx);
  const command = spec.read(r);
  return Object.keys(r.errors).length ? { errors: r.errors } : { command };
}

/**
 * A form's errors as one message, each field named by its label, for a platform that cannot show an
 * error under the field itself (a Teams card answers with a new card). Empty required fields come first.
 */
export function formErrorMessage(kind: FormKind, errors: Record<string, string>, hidden: Record<string, string>, ctx: FormReadContext): Message {
  const labels = FORMS[kind].labels(ctx, hidden);
  const name = (id: string) => labels[id] ?? id;
  const empty = Object.keys(errors).filter((id) => errors[id] === ctx.m.forms.required);
  // A handover's own messages already start with the field ("startdatum: …"); the label goes in front otherwise.
  const named = (id: string) => (fold(errors[id].split(':')[0]) === id ? errors[id] : `${name(id)}: ${errors[id]}`);
  const lines = [
    ...(empty.length ? [ctx.m.forms.fillIn({ fields: empty.map(name).join(', ') })] : []),
    ...Object.keys(errors).filter((id) => !empty.includes(id)).map(named),
  ];
  lines[lines.length - 1] += ` ${ctx.m.forms.nothingSaved}`;
  return { tone: 'error', blocks: lines.map((text) => ({ type: 'text', text })) };
}
