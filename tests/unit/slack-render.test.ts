// Slack text conventions and Block Kit limits, without a server.
import { describe, expect, it } from 'vitest';
import { fromSlackText } from '../../adapters/slack/text.js';
import { fallbackText, readViewValues, toBlocks } from '../../adapters/slack/render.js';
import { languageOf } from '../../adapters/slack/directory.js';
import type { Message } from '../../src/core/model.js';

describe('fromSlackText', () => {
  it('turns escaped mentions into resolvable tokens', () => {
    expect(fromSlackText('åtgärd ny UNG-2026-001 <@U12AB|karin> fredag boka')).toBe('åtgärd ny UNG-2026-001 @U12AB fredag boka');
    expect(fromSlackText('<@W9XY> och <@U1>')).toBe('@W9XY och @U1');
  });

  it('unwraps links and entities so the PII guard reads what the person wrote', () => {
    const mail = ['kalle', 'example.org'].join('@');
    expect(fromSlackText(`mejla <mailto:${mail}|${mail}>`)).toBe(`mejla ${mail}`);
    expect(fromSlackText('se <https://example.org/a|länken> &amp; <#C123|unga> &lt;3')).toBe('se länken & #unga <3');
    expect(fromSlackText('<!here> hej')).toBe('@here hej');
  });
});

describe('toBlocks', () => {
  it('escapes user text so it cannot ping a channel or forge a link', () => {
    const msg: Message = { blocks: [{ type: 'text', text: 'hej <!channel> & <https://x|y>' }] };
    expect(toBlocks(msg)).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: 'hej &lt;!channel&gt; &amp; &lt;https://x|y&gt;' } }]);
    expect(fallbackText(msg)).toBe('hej &lt;!channel&gt; &amp; &lt;https://x|y&gt;');
  });

  it('keeps within Slack’s 50 blocks and says that more was cut', () => {
    const msg: Message = { title: 'Dagordning', blocks: Array.from({ length: 40 }, (_, i) => ({ type: 'item' as const, text: `UNG-2026-${i}`, actions: [{ id: 'x', label: 'Ny åtgärd', command: `åtgärd ny ${i}` }] })) };
    const blocks = toBlocks(msg);
    expect(blocks).toHaveLength(50);
    expect(blocks.at(-1)).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: '…' }] });
  });

  it('puts at most ten fields in a section', () => {
    const fields = Array.from({ length: 12 }, (_, i) => ({ label: `f${i}`, value: String(i) }));
    expect(toBlocks({ blocks: [{ type: 'fields', fields }] }).map((b) => (b as { fields: unknown[] }).fields.length)).toEqual([10, 2]);
  });
});

describe('modal values and locale', () => {
  it('reads every input kind back into neutral values', () => {
    const values = readViewValues({
      values: {
        owner: { owner: { type: 'users_select', selected_user: 'U1' } },
        groups: { groups: { type: 'multi_static_select', selected_options: [{ value: 'unga' }, { value: 'etablering' }] } },
        consent: { consent: { type: 'radio_buttons', selected_option: null } },
        due: { due: { type: 'datepicker', selected_date: '2026-12-01' } },
        text: { text: { type: 'plain_text_input', value: 'boka' } },
      },
    });
    expect(values).toEqual({ owner: '@U1', groups: ['unga', 'etablering'], consent: null, due: '2026-12-01', text: 'boka' });
  });

  it('maps Slack locales to the bot’s languages', () => {
    expect([languageOf('sv-SE'), languageOf('en-GB'), languageOf('de-DE'), languageOf(undefined)]).toEqual(['sv', 'en', null, null]);
  });
});
