// Forms: a command with several parts can be asked for as a form (a Slack modal, a Teams card).
// Each kind builds its form and reads the submitted values back into the same Command the grammar
// builds, checked by the same rules, so a form can never do what the typed command may not.
// A new kind (handover-new, handover-reply) is one more entry in FORMS.
import type { FileConfig } from '../config.js';
import type { Messages } from '../i18n/index.js';
import { piiGuard, type HandlerContext } from './context.js';
import type { IsoDate } from './dates.js';
import { errorText, UserError } from './errors.js';
import { CONSENTS, OUTCOMES, type Command, type Consent, type Outcome } from './grammar.js';
import { caseInForum, checkGroups } from './handlers/cases.js';
import { dueDate } from './handlers/steps.js';
import type { Form, FormField, FormKind } from './model.js';
import { shorten } from './render.js';

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

  many(id: string): string[] {
    const v = this.values[id];
    return [...new Set((Array.isArray(v) ? v : v ? [v] : []).map((x) => x.trim()).filter(Boolean))];
  }

  /** A value the form cannot do without. */
  required(id: string): string {
    const v = this.one(id);
    if (!v) this.errors[id] ??= this.ctx.m.forms.required;
    else if (v.length > MAX_TEXT) this.errors[id] ??= errorText(this.ctx.m, 'tooLong', { max: String(MAX_TEXT) });
    return v;
  }

  /** Runs one of the commands' own checks; its refusal becomes this field's message. */
  check<T>(id: string, fn: () => T): T | undefined {
    if (this.errors[id]) return undefined;
    try {
      return fn();
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      this.errors[id] = errorText(this.ctx.m, e.key, e.params);
      return undefined;
    }
  }
}

const caseNewForm: FormSpec = {
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
    r.check('question', () => piiGuard(r.ctx.m, question));
    return { name: 'case.new', groups, consent, question };
  },
};

const stepNewForm: FormSpec = {
  async build(h, hidden) {
    const f = h.m.forms;
    const fields: FormField[] = [];
    if (hidden.code) {
      const c = await caseInForum(h, hidden.code);
      if (c.status !== 'open') throw new UserError('caseClosed', { code: c.code });
    } else {
      const forum = await h.forum();
      const open = await h.repo.openCases(forum.key);
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
    const code = r.required('code').toUpperCase();
    r.check('code', () => {
      if (!CODE_RE.test(code)) throw new UserError('badCaseCode', { value: code.slice(0, 30) });
    });
    const owner = r.required('owner');
    r.check('owner', () => {
      if (!/^@\S+$/.test(owner)) throw new UserError('badMention', { value: owner.slice(0, 40) });
    });
    const due = r.required('due');
    const date = r.check('due', () => dueDate({ today: r.ctx.today }, due));
    const text = r.required('text');
    r.check('text', () => piiGuard(r.ctx.m, text));
    return { name: 'step.add', code, owner, due: date ?? due, text };
  },
};

const caseCloseForm: FormSpec = {
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

const FORMS: Partial<Record<FormKind, FormSpec>> = {
  'case-new': caseNewForm,
  'step-new': stepNewForm,
  'case-close': caseCloseForm,
};

/** Builds a form for the person in the handler's context; refuses like the command would. */
export async function buildForm(h: HandlerContext, kind: FormKind, hidden: Record<string, string> = {}): Promise<Form> {
  const spec = FORMS[kind];
  if (!spec) throw new UserError('notYet', { what: kind });
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
