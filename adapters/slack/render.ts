// The neutral message model as Block Kit: messages, the App Home view and forms as modals.
// Slack's limits (block counts, text lengths) are applied here so the core never has to know them.
import type { types } from '@slack/bolt';
import type { Action, Form, FormField, FormKind, Lang, Message } from '../../src/core/model.js';
import type { FormValues } from '../../src/core/forms.js';
import { toPlainText } from '../../src/core/plaintext.js';
import { clip, escapeSlack } from './text.js';
import { MESSAGE_BLOCKS, packForView, packIntoView, paginate, POST_TEXT, VIEW_BLOCKS } from './pages.js';

type KnownBlock = types.KnownBlock;

/** Every button the bot renders has an action_id with this prefix; its value is the command to run. */
export const ACTION_PREFIX = 'samrad:';
/** The callback_id of every modal the bot opens. */
export const FORM_CALLBACK = 'samrad-form';

/** Carried through a modal in private_metadata: what it is and where its answers go. */
export interface FormMeta {
  kind: FormKind;
  hidden: Record<string, string>;
  lang: Lang;
  /** The conversation the form was opened from (a user id when it came from App Home). */
  channel: string;
  direct: boolean;
}

/** Every block of a message, nothing cut; `toPages` splits them into posts that fit. */
export function toBlocks(msg: Message): KnownBlock[] {
  const out: KnownBlock[] = [];
  if (msg.title) out.push({ type: 'header', text: { type: 'plain_text', text: clip(msg.title, 150) } });
  let first = true;
  for (const b of msg.blocks) {
    switch (b.type) {
      case 'text': {
        const warn = first && msg.tone === 'error' ? ':warning: ' : '';
        out.push(section(`${warn}${escapeSlack(b.text)}`));
        first = false;
        break;
      }
      case 'emphasis':
        out.push(section(`*${escapeSlack(b.text)}*`));
        first = false;
        break;
      case 'fields':
        // A section holds at most ten fields.
        for (let i = 0; i < b.fields.length; i += 10) {
          out.push({ type: 'section', fields: b.fields.slice(i, i + 10).map((f) => ({ type: 'mrkdwn', text: clip(`*${escapeSlack(f.label)}*\n${escapeSlack(f.value)}`, 2000) })) });
        }
        break;
      case 'item':
        out.push(section(`• ${escapeSlack(b.text)}`));
        if (b.actions?.length) out.push(actionsBlock(b.actions));
        break;
      case 'actions':
        if (b.actions.length) out.push(actionsBlock(b.actions));
        break;
      case 'divider':
        out.push({ type: 'divider' });
        break;
      case 'image':
        out.push({ type: 'image', image_url: b.url, alt_text: clip(b.alt, 2000) });
        break;
    }
  }
  return out;
}

/** A message as one or more posts, each within Slack's 50 blocks and text limit. */
export function toPages(msg: Message): KnownBlock[][] {
  return paginate(toBlocks(msg), { blocks: MESSAGE_BLOCKS, chars: POST_TEXT });
}

/** The notification and fallback text of a message (screen readers, push notifications). */
export function fallbackText(msg: Message): string {
  return clip(escapeSlack(toPlainText(msg)), 3000);
}

export function homeView(title: string, msg: Message): types.HomeView {
  const blocks = packForView(toBlocks({ ...msg, title: msg.title ?? title }), VIEW_BLOCKS);
  return { type: 'home', blocks };
}

/** The App Home with everything in one view, or null when it would pass 100 blocks (then it is paged). */
export function wholeHomeView(title: string, msg: Message, reserved = 0): types.HomeView | null {
  // `reserved`: blocks kept free below (the page links), so nothing of the list is cut for them.
  const blocks = packIntoView(toBlocks({ ...msg, title: msg.title ?? title }), VIEW_BLOCKS - reserved);
  return blocks ? { type: 'home', blocks } : null;
}

function section(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: clip(text, 3000) } };
}

function actionsBlock(actions: Action[]): KnownBlock {
  return {
    type: 'actions',
    elements: actions.slice(0, 25).map((a, i) => ({
      type: 'button',
      // action_ids must be unique within a block; the index keeps two buttons with one id apart.
      action_id: `${ACTION_PREFIX}${a.id}:${i}`,
      text: { type: 'plain_text', text: clip(a.label, 75) },
      value: clip(a.command, 2000),
      ...(a.style ? { style: a.style } : {}),
    })),
  };
}

/** A form as a modal: one input block a field, block_id = action_id = the field id. */
export function modalView(form: Form, meta: FormMeta, cancelLabel: string): types.ModalView {
  return {
    type: 'modal',
    callback_id: FORM_CALLBACK,
    private_metadata: JSON.stringify(meta),
    title: { type: 'plain_text', text: modalTitle(form.title) },
    submit: { type: 'plain_text', text: clip(form.submitLabel, 24) },
    close: { type: 'plain_text', text: clip(cancelLabel, 24) },
    blocks: [
      // A title too long for the modal's 24 characters is shown whole above the inputs instead.
      ...(form.title.length > MODAL_TITLE ? [section(`*${escapeSlack(form.title)}*`)] : []),
      ...form.fields.map((f) => ({
      type: 'input',
      block_id: f.id,
      optional: Boolean(f.optional),
      label: { type: 'plain_text', text: clip(f.label, 2000) },
      element: element(f),
    })),
    ] as KnownBlock[],
  };
}

const MODAL_TITLE = 24;

/** A modal title within 24 characters, cut at a word ("Avsluta ärende UNG-2026-017" → "Avsluta ärende"), never mid-code. */
export function modalTitle(title: string): string {
  if (title.length <= MODAL_TITLE) return title;
  const words = title.split(' ');
  let out = '';
  for (const w of words) {
    const next = out ? `${out} ${w}` : w;
    if (next.length > MODAL_TITLE) break;
    out = next;
  }
  return out || clip(title, MODAL_TITLE);
}

type Option = { text: { type: 'plain_text'; text: string }; value: string };

function element(f: FormField): unknown {
  const options: Option[] = (f.options ?? []).slice(0, 100).map((o) => ({ text: { type: 'plain_text', text: clip(o.label, 75) }, value: o.value }));
  const initial = options.find((o) => o.value === f.initial);
  const base = { action_id: f.id };
  switch (f.kind) {
    case 'text':
      return { ...base, type: 'plain_text_input', max_length: 2000, ...(f.initial ? { initial_value: f.initial } : {}) };
    case 'longtext':
      return { ...base, type: 'plain_text_input', multiline: true, max_length: 2000, ...(f.initial ? { initial_value: f.initial } : {}) };
    case 'number':
      return { ...base, type: 'number_input', is_decimal_allowed: false, ...(f.initial ? { initial_value: f.initial } : {}) };
    case 'select':
      return { ...base, type: 'static_select', options, ...(initial ? { initial_option: initial } : {}) };
    case 'multiselect':
      return { ...base, type: 'multi_static_select', options, ...(initial ? { initial_options: [initial] } : {}) };
    case 'radio':
      return { ...base, type: 'radio_buttons', options, ...(initial ? { initial_option: initial } : {}) };
    case 'date':
      return { ...base, type: 'datepicker', ...(f.initial ? { initial_date: f.initial } : {}) };
    case 'member':
      return { ...base, type: 'users_select' };
  }
}

interface StateValue {
  type: string;
  value?: string | null;
  selected_option?: { value: string } | null;
  selected_options?: { value: string }[];
  selected_date?: string | null;
  selected_user?: string | null;
}

/** A view_submission's state back into neutral values; a chosen user becomes a mention token. */
export function readViewValues(state: { values: Record<string, Record<string, StateValue>> }): FormValues {
  const out: FormValues = {};
  for (const [blockId, actions] of Object.entries(state.values ?? {})) {
    const v = Object.values(actions)[0];
    if (!v) continue;
    if (v.type === 'users_select') out[blockId] = v.selected_user ? `@${v.selected_user}` : null;
    else if (v.type === 'multi_static_select') out[blockId] = (v.selected_options ?? []).map((o) => o.value);
    else if (v.type === 'static_select' || v.type === 'radio_buttons') out[blockId] = v.selected_option?.value ?? null;
    else if (v.type === 'datepicker') out[blockId] = v.selected_date ?? null;
    else out[blockId] = v.value ?? null;
  }
  return out;
}

export function parseFormMeta(raw: string): FormMeta | null {
  try {
    const m = JSON.parse(raw) as FormMeta;
    return m && typeof m.kind === 'string' && typeof m.channel === 'string' ? { ...m, hidden: m.hidden ?? {} } : null;
  } catch {
    return null;
  }
}
