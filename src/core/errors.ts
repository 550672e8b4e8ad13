import type { Messages } from '../i18n/index.js';

export type ErrorKey = keyof Messages['errors'];

/** A polite refusal: the transaction rolls back and the user reads the message in their language. */
export class UserError extends Error {
  constructor(
    readonly key: ErrorKey,
    readonly params: Record<string, string> = {},
  ) {
    super(key);
  }
}

export function errorText(m: Messages, key: ErrorKey, params: Record<string, string> = {}): string {
  return (m.errors[key] as (p: Record<string, string>) => string)(params);
}
