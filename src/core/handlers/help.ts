import type { Messages } from '../../i18n/index.js';
import type { Message } from '../model.js';

export function help(m: Messages): Message {
  return {
    title: m.help.title,
    blocks: [
      { type: 'text', text: m.help.intro },
      { type: 'fields', fields: m.help.lines.map(([label, value]) => ({ label, value })) },
      { type: 'text', text: m.help.dates },
    ],
  };
}
