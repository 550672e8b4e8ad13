// What a refusal may quote of what was typed, in every path (typed commands, forms, cards, modals).
import { errorText, type ErrorKey } from './errors.js';
import type { Messages } from '../i18n/index.js';
import { detectPii, findPii } from './pii.js';

/**
 * Refusals quote a little of what was typed ("Okänt kommando …"). In Teams that answer is visible to
 * the whole channel, so a quoted identity or mass mention would leak or notify after all: identities
 * are cut out and mentions defused. A mention of a colleague (`@namn@domän`) is kept: it names staff.
 */
export function echoSafe(params: Record<string, string> | undefined, today: string): Record<string, string> | undefined {
  if (!params) return params;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) out[k] = /^@[^@\s]+@[^@\s]+$/.test(v) ? defuse(v) : defuse(redactPii(v, today));
  return out;
}

function redactPii(v: string, today: string): string {
  if (!detectPii(v, { today, names: true }).length) return v;
  const spans = findPii(v);
  if (!spans.length) return '…'; // found only in the normalised copy: nothing of it is worth echoing
  let out = '';
  let at = 0;
  for (const f of spans) {
    out += `${v.slice(at, f.index)}…`;
    at = f.index + f.length;
  }
  return out + v.slice(at);
}

/** `<!channel>` → `‹!channel›`, `@here` → `@​here`: readable, but no platform treats them as mentions. */
function defuse(v: string): string {
  return v.replace(/[<>]/g, (c) => (c === '<' ? '‹' : '›')).replace(/@(here|channel|everyone|all|kanal|alla)\b/giu, '@\u200b$1');
}

/** A refusal's text with its quoted values made safe to show (a form's field errors, a typed command's answer). */
export function safeErrorText(m: Messages, key: ErrorKey, params: Record<string, string> | undefined, today: string): string {
  return errorText(m, key, echoSafe(params, today));
}
