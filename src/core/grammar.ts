// The one command grammar (Swedish first, English aliases), parsed once for every adapter.
// The words come from the command specs (src/core/commands): the first word names the group and
// the language, the next the command, and the spec reads the rest. The parser is pure: it splits
// words and checks shapes; meaning (dates, members, cases) is the handlers' job.
import { ALL_COMMANDS, type Command, type CommandId, type FormCommand } from './commands/index.js';
import type { ParseError } from './commands/spec.js';
import { buildVerbTable } from './commands/verbs.js';
import { fold } from './commands/words.js';
import type { Lang } from './model.js';

export { fold };
export { CONSENTS, OUTCOMES, type Consent, type Outcome } from './vocabulary.js';
export type { Command, CommandId, FormCommand } from './commands/index.js';
export type { ParseError, ParseErrorKey } from './commands/spec.js';

/** Kept for callers of the old name. */
export type CommandName = CommandId;

export interface Parsed {
  command: Command | FormCommand;
  /** The language the verb was written in. */
  lang: Lang;
}

// Built on first use: the specs import handlers, some of which import this module back.
let table: ReturnType<typeof buildVerbTable> | null = null;
const verbs = () => (table ??= buildVerbTable(ALL_COMMANDS));
const MAX_LINE = 4000;

export function parseCommand(input: string): Parsed | ParseError {
  // Control characters never carry meaning here; they are dropped before anything else looks at the text.
  const line = input.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ').trim();
  if (!line) return { error: 'empty' };
  if (line.length > MAX_LINE) return { error: 'tooLong', params: { max: String(MAX_LINE) } };
  const words = line.split(/\s+/);
  const head = verbs().heads.get(fold(words[0]));
  if (!head) return { error: 'unknownCommand', params: { word: words[0].slice(0, 40) } };
  const { group, lang } = head;
  const entry = verbs().subs.get(group)!.find((e) => e.words.every((w, i) => words[i + 1] !== undefined && fold(words[i + 1]) === w));
  if (!entry) return { error: 'usage', params: { group }, lang };
  const rest = words.slice(1 + entry.words.length);
  const spec = entry.spec;
  const read = spec.parse ? spec.parse(rest) : rest.length === 0 ? {} : ({ error: 'usage' } as ParseError);
  if (isParseError(read)) return { ...read, params: read.error === 'usage' ? { group } : read.params, lang };
  const command = { name: spec.id, ...(read as object) } as Command | FormCommand;
  return { command, lang };
}

function isParseError(x: unknown): x is ParseError {
  return typeof x === 'object' && x !== null && 'error' in x;
}

export function isFormCommand(c: Command | FormCommand): c is FormCommand {
  return 'form' in c && typeof (c as FormCommand).form === 'object';
}
