// Slack text conventions and Block Kit limits, without a server.
import { describe, expect, it } from 'vitest';
import { fromSlackText } from '../../adapters/slack/text.js';
import { fallbackText, modalTitle, modalView, readViewValues, toBlocks, toPages } from '../../adapters/slack/render.js';
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

  it('cuts nothing: a message past 50 blocks becomes several posts, each with the numbered header', () => {
    const msg: Message = { title: 'Dagordning', blocks: Array.from({ length: 40 }, (_, i) => ({ type: 'item' as const, text: `UNG-2026-${i}`, actions: [{ id: 'x', label: 'Ny åtgärd', command: `åtgärd ny ${i}` }] })) };
    expect(toBlocks(msg)).toHaveLength(81);
    const pages = toPages(msg);
    expect(pages.length).toBe(2);
    for (const p of pages) expect(p.length).toBeLessThanOrEqual(50);
    expect(pages.map((p) => (p[0] as { text: { text: string } }).text.text)).toEqual(['Dagordning (1/2)', 'Dagordning (2/2)']);
    // An item is never separated from its buttons.
    for (const p of pages) expect(p[1].type).toBe('section');
    const items = pages.flat().filter((b) => b.type === 'section' && /^• /.test((b as { text: { text: string } }).text.text));
    expect(items.map((b) => (b as { text: { text: string } }).text.text)).toEqual(Array.from({ length: 40 }, (_, i) => `• UNG-2026-${i}`));
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

describe('modal titles', () => {
  it('fit Slack’s 24 characters without cutting a case code; the whole title is shown above the inputs', () => {
    expect(modalTitle('Avsluta ärende UNG-2026-017')).toBe('Avsluta ärende');
    expect(modalTitle('Nytt ärende')).toBe('Nytt ärende');
    const view = modalView({ kind: 'case-close', title: 'Avsluta ärende UNG-2026-017', submitLabel: 'Avsluta', fields: [{ id: 'outcome', label: 'Utfall', kind: 'text' }] }, { kind: 'case-close', hidden: {}, lang: 'sv', channel: 'C1', direct: false }, 'Avbryt');
    expect(view.title.text.length).toBeLessThanOrEqual(24);
    expect(view.title.text).not.toContain('…');
    expect(JSON.stringify(view.blocks)).toContain('Avsluta ärende UNG-2026-017');
  });
});
