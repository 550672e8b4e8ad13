// The verb table the parser reads, built from the specs' verbs and aliases. Building it refuses a
// word or phrase claimed twice, so two specs can never answer to the same command.
import type { Lang } from '../model.js';
import type { CommandGroup, CommandSpec } from './spec.js';
import { fold } from './words.js';

export interface VerbEntry {
  /** The folded words after the group word ([] for one-word commands). */
  words: string[];
  spec: CommandSpec;
}

export interface VerbTable {
  /** Folded first word → its group and the language it is written in. */
  heads: Map<string, { group: CommandGroup; lang: Lang }>;
  /** Per group, its phrases, longest first (`ställ in` before a one-word sub-verb). */
  subs: Map<CommandGroup, VerbEntry[]>;
}

export function phrasesOf(spec: CommandSpec): { phrase: string; lang: Lang }[] {
  const out: { phrase: string; lang: Lang }[] = [];
  for (const lang of ['sv', 'en'] as const) {
    for (const phrase of [spec.verbs[lang], ...(spec.aliases?.[lang] ?? [])]) out.push({ phrase, lang });
  }
  return out;
}

export function buildVerbTable(specs: readonly CommandSpec[]): VerbTable {
  const heads = new Map<string, { group: CommandGroup; lang: Lang }>();
  const subs = new Map<CommandGroup, VerbEntry[]>();
  const claimed = new Map<string, string>();
  for (const spec of specs) {
    for (const { phrase, lang } of phrasesOf(spec)) {
      const [head, ...words] = phrase.trim().split(/\s+/).map(fold);
      const had = heads.get(head);
      if (had && (had.group !== spec.group || had.lang !== lang)) throw new Error(`"${head}" is claimed by the groups ${had.group} (${had.lang}) and ${spec.group} (${lang}) (spec ${spec.id})`);
      heads.set(head, { group: spec.group, lang });
      const key = `${spec.group} ${words.join(' ')}`;
      const owner = claimed.get(key);
      if (owner && owner !== spec.id) throw new Error(`"${phrase}" is claimed by ${owner} and ${spec.id}`);
      if (owner) continue; // the same sub-verb in both languages (`möte start`, `meeting start`)
      claimed.set(key, spec.id);
      const list = subs.get(spec.group) ?? [];
      list.push({ words, spec });
      subs.set(spec.group, list);
    }
  }
  for (const [group, list] of subs) {
    // A one-word command may share its group with sub-verbs (`rapport 2026-Q4` beside `rapport länk`,
    // `sida` beside `sida återkalla`): the longest phrase is tried first, so a sub-verb always wins.
    list.sort((a, b) => b.words.length - a.words.length);
  }
  return { heads, subs };
}
