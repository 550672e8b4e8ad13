// The platforms' own checks, for tests: Microsoft's Adaptive Cards parser (targeting schema 1.5, what
// Teams renders) and Teams' message size; Slack's documented Block Kit limits on `@slack/types` shapes.
import { createRequire } from 'node:module';
import type { KnownBlock as AnyBlock, View } from '@slack/types';

// The package's ESM build imports without file extensions; its UMD bundle loads in Node as it is.
const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as typeof import('adaptivecards');

/** Teams documents about 28 KB for a message carrying a card. */
export const TEAMS_MESSAGE_BYTES = 28 * 1024;

/** Everything the Adaptive Cards parser reports for a card at version 1.5 (errors and warnings), plus size. */
export function cardProblems(card: unknown): string[] {
  const ctx = new AC.SerializationContext(AC.Versions.v1_5);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card as never, ctx);
  const out: string[] = [];
  for (let i = 0; i < ctx.eventCount; i++) {
    const e = ctx.getEventAt(i);
    out.push(`${(e.source as { getJsonTypeName?: () => string } | undefined)?.getJsonTypeName?.() ?? 'card'}: ${e.message}`);
  }
  const bytes = Buffer.byteLength(JSON.stringify(card), 'utf8');
  if (bytes > TEAMS_MESSAGE_BYTES) out.push(`card is ${bytes} bytes, over ${TEAMS_MESSAGE_BYTES}`);
  const ids = new Set<string>();
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) return x.forEach(walk);
    if (!x || typeof x !== 'object') return;
    const o = x as Record<string, unknown>;
    if (typeof o.type === 'string' && o.type.startsWith('Input.')) {
      if (typeof o.id === 'string') {
        if (ids.has(o.id)) out.push(`duplicate input id ${o.id}`);
        ids.add(o.id);
      }
      if (o.isRequired && typeof o.errorMessage !== 'string') out.push(`required input ${String(o.id)} has no errorMessage`);
    }
    for (const v of Object.values(o)) if (typeof v === 'object') walk(v);
  };
  walk(card);
  return out;
}

/** Slack's documented limits for a message's blocks (https://api.slack.com/reference/block-kit/blocks). */
export function slackMessageProblems(blocks: AnyBlock[], maxBlocks = 50): string[] {
  const out: string[] = [];
  if (blocks.length > maxBlocks) out.push(`${blocks.length} blocks, over ${maxBlocks}`);
  for (const [i, b] of blocks.entries()) out.push(...blockProblems(b).map((p) => `block ${i}: ${p}`));
  return out;
}

function blockProblems(b: AnyBlock): string[] {
  const out: string[] = [];
  const len = (s: string | undefined, max: number, what: string) => s !== undefined && s.length > max && out.push(`${what} ${s.length} > ${max}`);
  switch (b.type) {
    case 'section':
      if ('text' in b && b.text) len(b.text.text, 3000, 'section text');
      if ('fields' in b && b.fields) {
        if (b.fields.length > 10) out.push(`${b.fields.length} fields > 10`);
        for (const f of b.fields) len(f.text, 2000, 'field');
      }
      break;
    case 'header':
      len(b.text.text, 150, 'header');
      break;
    case 'actions':
      if (b.elements.length > 25) out.push(`${b.elements.length} elements > 25`);
      for (const e of b.elements) {
        if (e.type === 'button') {
          len(e.text.text, 75, 'button text');
          len(e.value, 2000, 'button value');
          len(e.action_id, 255, 'action_id');
        }
      }
      break;
    case 'context':
      if (b.elements.length > 10) out.push(`${b.elements.length} context elements > 10`);
      break;
    case 'image':
      len(b.alt_text, 2000, 'alt text');
      break;
  }
  return out;
}

/** A modal or App Home view: 100 blocks, and a modal's title, submit and close within 24 characters. */
export function slackViewProblems(view: View): string[] {
  const out = slackMessageProblems(view.blocks as AnyBlock[], 100);
  if (view.type === 'modal') {
    for (const [what, t] of [['title', view.title], ['submit', view.submit], ['close', view.close]] as const) {
      if (t && t.text.length > 24) out.push(`modal ${what} "${t.text}" over 24 characters`);
    }
  }
  return out;
}
