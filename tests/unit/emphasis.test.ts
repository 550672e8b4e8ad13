// A section name is an emphasis element of the message model; each renderer draws it its own way,
// and what people typed (a `*` in a step's text) is shown as typed.
import { describe, expect, it } from 'vitest';
import { toBlocks } from '../../adapters/slack/render.js';
import { renderMessage } from '../../adapters/teams/render.js';
import type { Message } from '../../src/core/model.js';
import { toPlainText } from '../../src/core/plaintext.js';

const msg: Message = { blocks: [{ type: 'emphasis', text: 'Ärenden' }, { type: 'text', text: 'ring *inte* före 9' }] };

describe('emphasis', () => {
  it('is bold in Slack, a bolder TextBlock in Teams and a plain line in text', () => {
    expect(toBlocks(msg)).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: '*Ärenden*' } },
      { type: 'section', text: { type: 'mrkdwn', text: 'ring *inte* före 9' } },
    ]);
    const body = renderMessage(msg).body as { type: string; text: string; weight?: string }[];
    expect(body.map((b) => [b.text, b.weight])).toEqual([
      ['Ärenden', 'Bolder'],
      ['ring *inte* före 9', undefined],
    ]);
    expect(toPlainText(msg)).toBe('Ärenden\nring *inte* före 9');
  });
});
