// The neutral message model as read-only HTML: the forum page shows the agenda and the minutes exactly
// as the chat does (same consent rule, same wording), minus the buttons, which need the chat.
import type { Block, Message } from '../../core/model.js';
import { html, Html } from './html.js';

/** `*bold*` in chat text; a block that is bold as a whole is a heading. */
function inline(text: string): Html {
  const parts = text.split(/(\*[^*\n]+\*)/g);
  return html`${parts.map((p, i) => (i % 2 ? html`<strong>${p.slice(1, -1)}</strong>` : html`${p.split('\n').map((line, j) => (j ? html`<br>${line}` : html`${line}`))}`))}`;
}

export function messageHtml(msg: Message, headingLevel: 3 | 4 = 3): Html {
  const out: Html[] = [];
  let items: Html[] = [];
  const flush = () => {
    if (items.length) out.push(html`<ul class="agenda">${items}</ul>`);
    items = [];
  };
  for (const b of msg.blocks as Block[]) {
    if (b.type === 'item') {
      items.push(html`<li>${inline(b.text)}</li>`);
      continue;
    }
    flush();
    if (b.type === 'emphasis') out.push(new Html(`<h${headingLevel}>${html`${b.text}`}</h${headingLevel}>`));
    else if (b.type === 'text') {
      const heading = /^\*([^*\n]+)\*$/.exec(b.text.trim());
      out.push(heading ? new Html(`<h${headingLevel}>${html`${heading[1]}`}</h${headingLevel}>`) : html`<p>${inline(b.text)}</p>`);
    } else if (b.type === 'fields') {
      out.push(html`<dl>${b.fields.map((f) => html`<dt>${f.label}</dt><dd>${inline(f.value)}</dd>`)}</dl>`);
    } else if (b.type === 'divider') out.push(html`<hr>`);
  }
  flush();
  return html`${out}`;
}
