// Paged lists (src/core/paging.ts).
import { integer } from './numbers.js';
import type { pagingSv } from './paging.sv.js';

export const pagingEn: typeof pagingSv = {
  showing: (p) => `Showing ${integer(p.from, 'en')}–${integer(p.to, 'en')} of ${integer(p.total, 'en')}${p.next ? ` (more: \`${p.next}\`)` : ''}`,
  more: (p) => `Show more (${integer(p.n, 'en')})`,
  noSuchPage: (p) => `The list has ${p.pages === 1 ? 'only one page' : `${integer(p.pages, 'en')} pages`} (${integer(p.total, 'en')} rows). Type the command without a page number to start from the beginning.`,
};
