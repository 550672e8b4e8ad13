// Interactive lists (`ärende lista`, `mina`) come in pages: each page says which part of how many it
// shows ("Visar 1–20 av 60") and ends with a "Visa fler" button that runs the same command for the next
// page. Twenty items keep a page inside Slack's 50 blocks (an item and its buttons are two) and well
// under Teams' card size; nothing is ever left out without saying so.
import type { Messages } from '../i18n/index.js';
import type { Action, Block, Message } from './model.js';

export const LIST_PAGE = 20;

export interface Page<T> {
  rows: T[];
  /** 1-based, inclusive. */
  from: number;
  to: number;
  total: number;
  page: number;
  pages: number;
  /** The next page's number, null on the last. */
  next: number | null;
}

/** One page of rows; `page` past the last is null (the caller says so). `page` undefined: all rows. */
export function pageOf<T>(rows: T[], page: number | undefined, size = LIST_PAGE): Page<T> | null {
  const total = rows.length;
  if (page === undefined) return { rows, from: total ? 1 : 0, to: total, total, page: 1, pages: 1, next: null };
  const pages = Math.max(1, Math.ceil(total / size));
  if (page > pages) return null;
  const start = (page - 1) * size;
  const slice = rows.slice(start, start + size);
  return { rows: slice, from: start + 1, to: start + slice.length, total, page, pages, next: page < pages ? page + 1 : null };
}

/** The "Visar 21–40 av 60" line (with the next page's command, for the shell), or nothing when everything is shown. */
export function countLine<T>(m: Messages, p: Page<T>, command: (page: number) => string): Block[] {
  const next = p.next === null ? null : command(p.next);
  return p.pages > 1 ? [{ type: 'text', text: m.paging.showing({ from: p.from, to: p.to, total: p.total, next }) }] : [];
}

/** The "Visa fler" button (its command is the list's next page), or nothing on the last page. */
export function moreButton<T>(m: Messages, p: Page<T>, command: (page: number) => string): Block[] {
  if (p.next === null) return [];
  const action: Action = { id: MORE_ACTION, label: m.paging.more({ n: Math.min(LIST_PAGE, p.total - p.to) }), command: command(p.next) };
  return [{ type: 'actions', actions: [action] }];
}

/** The id of every "Visa fler" button (an adapter may page a view in place instead of answering anew). */
export const MORE_ACTION = 'list-more';

/** A page number past the last: says how many pages there are, shows nothing else. */
export function noSuchPage(m: Messages, total: number, _page: number | undefined): Message {
  return { tone: 'warning', blocks: [{ type: 'text', text: m.paging.noSuchPage({ pages: Math.max(1, Math.ceil(total / LIST_PAGE)), total }) }] };
}
