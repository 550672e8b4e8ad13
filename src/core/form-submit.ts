// A submitted form, the same for every adapter: read the values (nothing runs while a field is
// wrong), say what to correct — in the form where the platform can, else as one message — or run
// the command the form stands for. Slack's modal and Teams' card only supply the hooks.
import type { FormValues } from './forms.js';
import type { Lang } from './model.js';

export interface Submission {
  /** The form's kind as the platform carried it back (checked here: an old card may carry anything). */
  kind: unknown;
  values: FormValues;
  /** The fixed values carried through the form; only strings are kept. */
  hidden?: unknown;
  /** The language the form was written in; its errors come back in it. */
  lang?: unknown;
}

export interface SubmitHooks {
  /** Shows errors under the form's own fields; true when it did (then nothing more is said). */
  showInForm?(errors: Record<string, string>): Promise<boolean>;
  /** Called once the submission is settled as accepted or refused, before the command runs (Slack acks here). */
  settled?(): Promise<void>;
  /** Further language hints after the form's own (the person's, the platform's locale). */
  langHints?: unknown[];
}

/** Only the string values of a platform's object (a card's `hidden`, a modal's metadata). */
export function stringsOf(o: unknown): Record<string, string> {
  return Object.fromEntries(Object.entries(o && typeof o === 'object' ? o : {}).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
}

export type { Lang };
