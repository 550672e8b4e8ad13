// What people read about commands, derived from the specs: usage lines, `hjälp`, button commands.
import { messages } from '../../i18n/index.js';
import type { Action, Lang, Message } from '../model.js';
import { ALL_COMMANDS, specOf, type ArgsOf, type CommandId } from './index.js';
import type { CommandGroup, CommandSpec } from './spec.js';

/** `ärende visa <kod>`: the canonical verb in the language, and its arguments as help writes them. */
export function usageOf(spec: CommandSpec, lang: Lang): string {
  const args = messages(lang).commands[spec.id as CommandId].args;
  return args ? `${spec.verbs[lang]} ${args}` : spec.verbs[lang];
}

/** The usage of every command of a group, for the "Så här:" of a usage error. */
export function groupUsage(group: CommandGroup | string, lang: Lang): string {
  const specs = ALL_COMMANDS.filter((s) => s.group === group);
  return specs.length ? specs.map((s) => `\`${usageOf(s, lang)}\``).join(', ') : `\`${specOf('help').verbs[lang]}\``;
}

/** The usage of the command a form belongs to (when the form cannot be opened, it can be typed). */
export function formUsage(kind: string, lang: Lang): string {
  const spec = ALL_COMMANDS.find((s) => s.form === kind);
  return spec ? `\`${usageOf(spec, lang)}\`` : groupUsage('help', lang);
}

/** `hjälp`: one line per command, in the registry's order. */
export function helpMessage(lang: Lang): Message {
  const m = messages(lang);
  return {
    title: m.help.title,
    blocks: [
      { type: 'text', text: m.help.intro },
      { type: 'fields', fields: ALL_COMMANDS.map((s) => ({ label: usageOf(s, lang), value: m.commands[s.id as CommandId].help })) },
      { type: 'text', text: m.help.dates },
    ],
  };
}

/** The text a button sends: the command as typed in the language, with its arguments. */
export function commandLine<N extends CommandId>(id: N, lang: Lang, args: ArgsOf<N>): string {
  const spec = specOf(id);
  const words = spec.words ? spec.words(args) : [];
  return [spec.verbs[lang], ...words].join(' ');
}

/** The text of a button that opens the command's form with these fixed values. */
export function formLine(id: CommandId, lang: Lang, hidden: Record<string, string>): string {
  const spec = specOf(id);
  return [spec.verbs[lang], ...(spec.formWords ? spec.formWords(hidden) : [])].join(' ');
}

type ButtonLook = Pick<Action, 'id' | 'label' | 'style'>;

/** A button that runs a command. */
export function commandButton<N extends CommandId>(look: ButtonLook, id: N, lang: Lang, args: ArgsOf<N>): Action {
  return { ...look, command: commandLine(id, lang, args) };
}

/** A button that asks for a command's form first (typed, the same line opens the same form). */
export function formButton(look: ButtonLook, id: CommandId, lang: Lang, hidden: Record<string, string>): Action {
  const form = specOf(id).form;
  return { ...look, command: formLine(id, lang, hidden), ...(form ? { form } : {}) };
}
