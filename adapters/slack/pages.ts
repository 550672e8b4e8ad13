// Slack's documented limits, applied so nothing is ever cut silently: a message longer than one post
// allows is split into several posts ("(2/3)" in the header), an App Home packs list lines together.
//   - 50 blocks in a message, 100 in a modal or App Home view
//   - 3000 characters in a section's text, 150 in a header
//   - the text of one message: we keep each post under 12 000 characters of block text, well inside
//     what chat.postMessage accepts, so a long agenda never comes back as `msg_too_long`.
import type { types } from '@slack/bolt';

type KnownBlock = types.KnownBlock;

export const MESSAGE_BLOCKS = 50;
export const VIEW_BLOCKS = 100;
export const SECTION_TEXT = 3000;
export const HEADER_TEXT = 150;
export const POST_TEXT = 12_000;

export interface PageLimits {
  blocks: number;
  chars: number;
}

/** The characters a block contributes to a post. */
export function blockChars(b: KnownBlock): number {
  return JSON.stringify(b).length;
}

/** A section followed by its buttons is one unit: a page never separates an item from its actions. */
function units(blocks: KnownBlock[]): KnownBlock[][] {
  const out: KnownBlock[][] = [];
  for (const b of blocks) {
    const last = out.at(-1);
    if (b.type === 'actions' && last && last.length === 1 && last[0].type === 'section') last.push(b);
    else out.push([b]);
  }
  // A bold heading line stays with the first item under it.
  for (let i = 0; i < out.length - 1; i++) {
    const u = out[i];
    if (u.length === 1 && isHeading(u[0])) {
      out[i] = [...u, ...out[i + 1]];
      out.splice(i + 1, 1);
    }
  }
  return out;
}

function isHeading(b: KnownBlock): boolean {
  if (b.type !== 'section' || !('text' in b) || !b.text) return false;
  return /^\*[^*\n]+\*$/.test(b.text.text);
}

/**
 * Splits rendered blocks into posts that each fit. The header (when the first block is one) is
 * repeated on every post with "(n/N)", so each post says what it belongs to.
 */
export function paginate(blocks: KnownBlock[], limits: PageLimits = { blocks: MESSAGE_BLOCKS, chars: POST_TEXT }): KnownBlock[][] {
  const header = blocks[0]?.type === 'header' ? (blocks[0] as types.HeaderBlock) : null;
  const body = header ? blocks.slice(1) : blocks;
  // Room for the header, repeated on each page.
  const room = { blocks: limits.blocks - (header ? 1 : 0), chars: limits.chars - (header ? blockChars(header) + 10 : 0) };
  const pages: KnownBlock[][] = [];
  let page: KnownBlock[] = [];
  let chars = 0;
  for (const unit of units(body)) {
    const size = unit.reduce((n, b) => n + blockChars(b), 0);
    if (page.length && (page.length + unit.length > room.blocks || chars + size > room.chars)) {
      pages.push(page);
      page = [];
      chars = 0;
    }
    // A unit bigger than a page on its own (a heading with a long item) is split into its blocks.
    if (unit.length > room.blocks) {
      for (let i = 0; i < unit.length; i += room.blocks) pages.push(unit.slice(i, i + room.blocks));
      continue;
    }
    page.push(...unit);
    chars += size;
  }
  if (page.length || !pages.length) pages.push(page);
  if (!header) return pages;
  if (pages.length === 1) return [[header, ...pages[0]]];
  return pages.map((p, i) => [{ ...header, text: { ...header.text, text: numbered(header.text.text, i + 1, pages.length) } }, ...p]);
}

function numbered(title: string, n: number, of: number): string {
  const suffix = ` (${n}/${of})`;
  return title.length + suffix.length <= HEADER_TEXT ? `${title}${suffix}` : `${title.slice(0, HEADER_TEXT - suffix.length - 1)}…${suffix}`;
}

/**
 * For one view (App Home) that has to hold everything: consecutive list lines without buttons are
 * packed into shared sections (3000 characters each); when that is still too many blocks, the buttons
 * go (the commands still work typed) and the lines are packed again.
 */
export function packForView(blocks: KnownBlock[], max = VIEW_BLOCKS): KnownBlock[] {
  return packIntoView(blocks, max) ?? pack(blocks.filter((b) => b.type !== 'actions')).slice(0, max);
}

/** The blocks packed into one view, or null when even packed they pass `max` (the caller pages instead). */
export function packIntoView(blocks: KnownBlock[], max = VIEW_BLOCKS): KnownBlock[] | null {
  const packed = pack(blocks);
  if (packed.length <= max) return packed;
  const withoutButtons = pack(blocks.filter((b) => b.type !== 'actions'));
  return withoutButtons.length <= max ? withoutButtons : null;
}

function pack(blocks: KnownBlock[]): KnownBlock[] {
  const out: KnownBlock[] = [];
  for (const b of blocks) {
    const last = out.at(-1);
    const line = listLine(b);
    const prev = last ? listLine(last) : null;
    if (line !== null && prev !== null && prev.length + line.length + 1 <= SECTION_TEXT) {
      out[out.length - 1] = { type: 'section', text: { type: 'mrkdwn', text: `${prev}\n${line}` } };
    } else out.push(b);
  }
  return out;
}

/** A list line's text (a section that starts with "•"), or null for any other block. */
function listLine(b: KnownBlock): string | null {
  if (b.type !== 'section' || !('text' in b) || !b.text || b.text.type !== 'mrkdwn' || 'fields' in b || 'accessory' in b) return null;
  return b.text.text.startsWith('•') ? b.text.text : null;
}
