// The neutral message model as Adaptive Cards (schema 1.5, what Teams renders today).
// Buttons and form submits are Action.Execute (Teams universal actions) with verb `samrad`;
// their data carries the command, so the same grammar and validation run as for typed text.
import type { Action, Block, Form, FormField, Lang, Message } from '../../src/core/model.js';
import { teamsFormTexts, type TeamsFormTexts } from '../../src/i18n/teams-forms.js';
import { toPlainText } from '../../src/core/plaintext.js';

export const VERB = 'samrad';

export type CardElement = Record<string, unknown>;
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: string;
  body: CardElement[];
  actions?: CardElement[];
  msteams?: Record<string, unknown>;
}

/** What a button or a form submit sends back to the bot. */
export interface CardData {
  verb: typeof VERB;
  /** A command to run as typed (buttons). */
  command?: string;
  /** The button wants a form first (the command asks the core for it). */
  form?: string;
  /** A submitted form: its kind and the values it carried through. */
  submit?: string;
  hidden?: Record<string, string>;
  /** The form's language, so its errors come back in it. */
  lang?: string;
  /** Fields that are people pickers: their value is an Entra object id, not yet a mention token. */
  people?: string[];
  [input: string]: unknown;
}

const TONE_COLOR: Record<NonNullable<Message['tone']>, string> = { info: 'Default', success: 'Good', warning: 'Warning', error: 'Attention' };

function card(body: CardElement[], actions?: CardElement[]): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions?.length ? { actions } : {}),
    msteams: { width: 'Full' },
  };
}

function actionOf(a: Action): CardElement {
  const data: CardData = { verb: VERB, command: a.command, ...(a.form ? { form: a.form } : {}) };
  return {
    type: 'Action.Execute',
    title: a.label,
    verb: VERB,
    data,
    ...(a.style === 'primary' ? { style: 'positive' } : a.style === 'danger' ? { style: 'destructive' } : {}),
  };
}

function blockOf(b: Block): CardElement[] {
  switch (b.type) {
    case 'text':
      return [{ type: 'TextBlock', text: b.text, wrap: true }];
    case 'emphasis':
      return [{ type: 'TextBlock', text: b.text, weight: 'Bolder', wrap: true }];
    case 'fields':
      return [{ type: 'FactSet', facts: b.fields.map((f) => ({ title: f.label, value: f.value })) }];
    case 'item':
      return [
        {
          type: 'Container',
          spacing: 'Small',
          items: [
            { type: 'TextBlock', text: `• ${b.text}`, wrap: true },
            ...(b.actions?.length ? [{ type: 'ActionSet', actions: b.actions.map(actionOf) }] : []),
          ],
        },
      ];
    case 'actions':
      return [{ type: 'ActionSet', actions: b.actions.map(actionOf) }];
    case 'divider':
      return [{ type: 'Container', separator: true, spacing: 'Medium', items: [] }];
    case 'image':
      return [{ type: 'Image', url: b.url, altText: b.alt }];
  }
}

/** A neutral message as one Adaptive Card. */
export function renderMessage(msg: Message): AdaptiveCard {
  const body: CardElement[] = [];
  if (msg.title) body.push({ type: 'TextBlock', text: msg.title, size: 'Medium', weight: 'Bolder', wrap: true, color: TONE_COLOR[msg.tone ?? 'info'] });
  for (const b of msg.blocks) body.push(...blockOf(b));
  // Without a title, the tone colours the first line (refusals read red, confirmations green).
  if (!msg.title && msg.tone && msg.tone !== 'info' && body[0]?.type === 'TextBlock') body[0] = { ...body[0], color: TONE_COLOR[msg.tone] };
  return card(body);
}

function inputOf(f: FormField, t: TeamsFormTexts, value: string | undefined): CardElement {
  const initial = value ?? f.initial;
  const base = { id: f.id, label: f.label, isRequired: !f.optional, ...(f.optional ? {} : { errorMessage: t.required({ label: f.label }) }), ...(initial ? { value: initial } : {}) };
  switch (f.kind) {
    case 'text':
    case 'number':
      return { type: 'Input.Text', ...base };
    case 'longtext':
      return { type: 'Input.Text', ...base, isMultiline: true, maxLength: 2000 };
    case 'date':
      return { type: 'Input.Date', ...base };
    case 'select':
    case 'radio':
    case 'multiselect':
      return {
        type: 'Input.ChoiceSet',
        ...base,
        style: f.kind === 'radio' ? 'expanded' : 'compact',
        isMultiSelect: f.kind === 'multiselect',
        choices: (f.options ?? []).map((o) => ({ title: o.label, value: o.value })),
      };
    case 'member':
      // A typed mention or e-mail address: works on every Teams client (the people picker, `choices.data`,
      // is Adaptive Cards 1.6 and not on mobile). The bot resolves it as it does a typed @-mention.
      return { type: 'Input.Text', ...base, placeholder: t.personPlaceholder };
  }
}

/** A form that came back with errors: what was typed (kept in its fields) and each field's error. */
export interface FormState {
  values: Record<string, string>;
  errors: Record<string, string>;
}

/** A form as a card with inputs and one submit button that carries the form's kind and fixed values. */
export function renderForm(form: Form, lang: Lang, state?: FormState): AdaptiveCard {
  const t = teamsFormTexts(lang);
  const people = form.fields.filter((f) => f.kind === 'member').map((f) => f.id);
  const data: CardData = { verb: VERB, submit: form.kind, hidden: form.hidden ?? {}, ...(form.lang ? { lang: form.lang } : {}), ...(people.length ? { people } : {}) };
  const body: CardElement[] = [{ type: 'TextBlock', text: form.title, size: 'Medium', weight: 'Bolder', wrap: true }];
  if (state) body.push({ type: 'TextBlock', text: t.correct, color: 'Attention', wrap: true });
  const known = new Set(form.fields.map((f) => f.id));
  for (const f of form.fields) {
    body.push(inputOf(f, t, state?.values[f.id]));
    const error = state?.errors[f.id];
    if (error) body.push({ type: 'TextBlock', text: error, color: 'Attention', size: 'Small', wrap: true, spacing: 'None' });
  }
  // An error that belongs to no field of the card (a fixed value) is said at the end.
  for (const [id, error] of Object.entries(state?.errors ?? {})) if (!known.has(id)) body.push({ type: 'TextBlock', text: error, color: 'Attention', wrap: true });
  return card(body, [{ type: 'Action.Execute', title: form.submitLabel, verb: VERB, data, style: 'positive' }]);
}

/** The notification / fallback line of a message. */
export function summaryOf(msg: Message): string {
  return (msg.summary ?? msg.title ?? toPlainText(msg).split('\n')[0] ?? '').slice(0, 200);
}
