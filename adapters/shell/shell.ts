// The shell adapter: one command a line from a terminal or a pipe, answers on stdout.
// It reads no environment and never exits the process itself; the CLI decides both.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Samrad } from '../../src/core/samrad.js';
import type { Identity, Lang } from '../../src/core/model.js';
import { toPlainText } from '../../src/core/plaintext.js';

export interface ShellOptions {
  core: Samrad;
  input: Readable;
  output: Writable;
  /** Who is typing: an e-mail such as anna@arbetsformedlingen.se. */
  user: string;
  /** Which channel the terminal stands for. */
  channel: string;
  language?: Lang;
  /** A TTY gets a prompt and a greeting; a pipe gets only answers. */
  interactive: boolean;
}

export function shellIdentity(user: string, language?: Lang): Identity {
  const email = user.toLowerCase();
  return { platform: 'shell', externalId: email, email: email.includes('@') ? email : null, displayName: email, language: language ?? null };
}

/** Runs until the input ends. Commands run one at a time, in order. */
export async function runShell(o: ShellOptions): Promise<void> {
  let identity = shellIdentity(o.user, o.language);
  const rl = createInterface({ input: o.input, output: o.interactive ? o.output : undefined, terminal: o.interactive, prompt: '> ' });
  const write = (s: string) => o.output.write(s.endsWith('\n') ? s : `${s}\n`);
  if (o.interactive) {
    write(`Samråd – du är ${o.user} i kanalen #${o.channel}. Skriv \`hjälp\` för kommandon, Ctrl-D för att avsluta.`);
    rl.prompt();
  }
  for await (const line of rl) {
    const who = switchTo(line);
    if (who) {
      // `som <e-post>` / `as <email>`: the shell's own, so one person can try two roles in one terminal.
      identity = shellIdentity(who.email, o.language);
      write(who.lang === 'en' ? `You are now ${who.email}.` : `Du är nu ${who.email}.`);
    } else if (line.trim()) {
      const reply = await o.core.handle({ identity, channel: { platform: 'shell', id: o.channel }, text: line });
      if (reply.message) write(toPlainText(reply.message));
      if (reply.form) write(toPlainText({ title: reply.form.title, blocks: reply.form.fields.map((f) => ({ type: 'item', text: f.label })) }));
    }
    if (o.interactive) rl.prompt();
  }
}

/** `som <e-post>` (sv) or `as <email>` (en): who the terminal speaks as from now on. */
export function switchTo(line: string): { email: string; lang: Lang } | null {
  const m = /^\s*(som|as)\s+@?([^\s@]+@[^\s@]+\.[a-z]{2,})\s*$/iu.exec(line);
  return m ? { email: m[2].toLowerCase(), lang: m[1].toLowerCase() === 'as' ? 'en' : 'sv' } : null;
}
