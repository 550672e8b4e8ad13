// Paged lists (src/core/paging.ts).
import { integer } from './numbers.js';

export const pagingSv = {
  showing: (p: { from: number; to: number; total: number; next: string | null }) => `Visar ${integer(p.from, 'sv')}–${integer(p.to, 'sv')} av ${integer(p.total, 'sv')}${p.next ? ` (fler: \`${p.next}\`)` : ''}`,
  more: (p: { n: number }) => `Visa fler (${integer(p.n, 'sv')})`,
  noSuchPage: (p: { pages: number; total: number }) => `Listan har ${p.pages === 1 ? 'bara en sida' : `${integer(p.pages, 'sv')} sidor`} (${integer(p.total, 'sv')} rader). Skriv kommandot utan sidnummer för att börja från början.`,
};
