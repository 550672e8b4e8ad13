// One declaration per command: its verbs in Swedish and English, the shape of its arguments (zod),
// whether it has a form, who may run it, and its handler. The parser, the dispatcher, `hjälp`, usage
// errors, button commands and the README's command table are all derived from these (see index.ts).
// (Functions are declared as methods so any spec is a CommandSpec<string> in the registry.)
// Texts live in src/i18n under `commands[<id>]` (usage arguments and help line), checked by tsc.
import type { z } from 'zod';
import type { HandlerContext } from '../context.js';
import type { FormKind, Lang, Message, Reply } from '../model.js';

/** The first word of a command, which also sets the answer's language; `usage` errors name it. */
export type CommandGroup = 'help' | 'link' | 'case' | 'topic' | 'agenda' | 'step' | 'mine' | 'handover' | 'meeting' | 'minutes' | 'report' | 'calendar' | 'page' | 'member';

/**
 * Who may run it. `anyone`: even someone whose organisation is not configured (`hjälp`).
 * `member`: a person of a configured organisation (the forum's own rules apply in the handler).
 * `coordinator`: the forum's coordinator (checked in the handler through access.ts, in the order the
 * command needs; the spec says it for `hjälp` and the README).
 */
export type Access = 'anyone' | 'member' | 'coordinator';

/** What a handler gives back: a message for the person, a form to fill in, or nothing (it posted). */
export type Out = Pick<Reply, 'message' | 'form'>;

export type ParseErrorKey = 'empty' | 'unknownCommand' | 'usage' | 'badCaseCode' | 'badOutcome' | 'badConsent' | 'badMention' | 'badId' | 'badField' | 'badQuarter' | 'tooLong';
export type ParseError = { error: ParseErrorKey; params?: Record<string, string>; lang?: Lang };

/** The command wants the rest of its parts through its form; `hidden` is carried through it. */
export interface FormAsk {
  form: Record<string, string>;
}

export interface CommandSpec<N extends string = string, S extends z.ZodTypeAny = z.ZodTypeAny> {
  id: N;
  group: CommandGroup;
  /** The canonical phrase in each language: the first word is the group's, the rest the sub-verb. */
  verbs: { sv: string; en: string };
  /** More phrases; the first word still sets the language (`?` for `hjälp`, `step new`). */
  aliases?: { sv?: string[]; en?: string[] };
  /** The arguments after the verb, checked again whenever a command comes from a form or a button. */
  args: S;
  /** Words after the verb → arguments, a form request, or what is wrong. Absent: no words allowed. */
  parse?(rest: string[]): z.input<S> | FormAsk | ParseError;
  /** Words after the verb that give these arguments back (buttons, usage examples). */
  words?(args: z.infer<S>): string[];
  /** Words after the verb that ask for the form with these fixed values (a button that opens it). */
  formWords?(hidden: Record<string, string>): string[];
  /** The form that collects the arguments when they are left out (see forms.ts). */
  form?: FormKind;
  access: Access;
  /** `anyone` commands answer here, before any organisation check or transaction (`hjälp`). */
  open?(lang: Lang): Out;
  run(h: HandlerContext, args: z.infer<S>): Promise<Out>;
}

/** Declares a spec, keeping its id and argument types for the registry's Command union. */
export function defineCommand<const N extends string, S extends z.ZodTypeAny>(spec: CommandSpec<N, S>): CommandSpec<N, S> {
  return spec;
}

/** Asks for the command's form, carrying these fixed values through it. */
export const ask = (hidden: Record<string, string> = {}): FormAsk => ({ form: hidden });

export const msg = (message: Message): Out => ({ message });
export const none: Out = {};
/** For handlers that post to the channel and have nothing to say to the person. */
export const posts = async (work: Promise<unknown>): Promise<Out> => (await work, none);
