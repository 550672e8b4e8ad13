// The neutral message as plain text: the shell's rendering and every platform's fallback text.
import type { Message } from './model.js';

export function toPlainText(msg: Message): string {
  const out: string[] = [];
  if (msg.title) out.push(msg.title);
  for (const b of msg.blocks) {
    switch (b.type) {
      case 'text':
        out.push(b.text);
        break;
      case 'emphasis':
        out.push(b.text);
        break;
      case 'fields':
        out.push(...b.fields.map((f) => `  ${f.label}: ${f.value}`));
        break;
      case 'item':
        out.push(`  • ${b.text}`);
        break;
      case 'image':
        out.push(`  [${b.alt}]`);
        break;
      case 'divider':
        out.push('  ---');
        break;
      case 'actions':
        break;
    }
  }
  return out.join('\n');
}
