// Teams documents about 28 KB for a message with a card and answers 413 past its limit. A card that
// would be larger is split into several cards, each repeating the title with "(n/N)", so a long
// agenda or set of minutes arrives whole. A 413 is retried with a smaller budget (see port.ts).
import type { Message } from '../../src/core/model.js';
import { renderMessage, type AdaptiveCard, type CardElement } from './render.js';

/** Bytes for one card: 28 KB less room for the activity around it (ids, summary, conversation). */
export const CARD_BYTES = 26_000;
/** The smallest budget a 413 retry goes down to before the failure is final. */
export const MIN_CARD_BYTES = 2_000;

export function cardBytes(card: AdaptiveCard): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

/** A message as one or more cards, each within `budget` bytes. */
export function renderCards(msg: Message, budget = CARD_BYTES): AdaptiveCard[] {
  return splitCard(renderMessage(msg), budget, msg.title ?? null);
}

/**
 * One card as several within `budget` bytes. `title` is the message's title (the card's first
 * TextBlock), repeated with "(n/N)"; null when the card has none.
 */
export function splitCard(whole: AdaptiveCard, budget: number, title: string | null): AdaptiveCard[] {
  if (cardBytes(whole) <= budget) return [whole];
  const head = title !== null ? whole.body[0] : null;
  const body = head ? whole.body.slice(1) : whole.body;
  const empty = { ...whole, body: [] as CardElement[] };
  // Room for the title with its "(n/N)", repeated on each card.
  const room = budget - cardBytes(empty) - (head ? Buffer.byteLength(JSON.stringify(head), 'utf8') + 20 : 0);
  const groups: CardElement[][] = [];
  let group: CardElement[] = [];
  let size = 0;
  for (const el of body) {
    const n = Buffer.byteLength(JSON.stringify(el), 'utf8') + 1;
    if (group.length && size + n > room) {
      groups.push(group);
      group = [];
      size = 0;
    }
    group.push(el);
    size += n;
  }
  if (group.length) groups.push(group);
  if (groups.length <= 1) return [whole];
  return groups.map((g, i) => ({ ...whole, body: head ? [{ ...head, text: `${title} (${i + 1}/${groups.length})` }, ...g] : g }));
}
