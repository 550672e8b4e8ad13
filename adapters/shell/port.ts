// The shell's "chat": posts to the channel and to people are printed, prefixed with where they went.
import type { Target, Message } from '../../src/core/model.js';
import type { ChatPort } from '../../src/core/ports.js';
import { toPlainText } from '../../src/core/plaintext.js';

export class ShellPort implements ChatPort {
  constructor(private readonly write: (text: string) => void) {}

  async send(target: Target, message: Message): Promise<unknown> {
    const where = target.kind === 'channel' ? `#${target.channelId}` : `→ ${target.externalId}`;
    this.write(`[${where}] ${toPlainText(message).replace(/\n/g, '\n  ')}\n`);
    return { printed: true };
  }
}
