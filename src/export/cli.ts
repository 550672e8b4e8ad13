// `samrad protokoll --forum <key> [--date YYYY-MM-DD] --format pdf|md`: prints a forum's protokoll
// (the latest, or the meeting held on that date) to stdout, e.g. `… --format pdf > protokoll.pdf`.
import { parseArgs } from 'node:util';
import { findMinutes, loadProtokoll } from '../core/meeting/protokoll-load.js';
import type { FileConfig } from '../core/settings.js';
import type { Store } from '../core/stores.js';
import { protokollMarkdown } from './protokoll-md.js';
import { protokollPdf } from './protokoll-pdf.js';

export interface ProtokollCliDeps {
  store: Store;
  config: FileConfig;
  out(s: string | Uint8Array): void;
  err(s: string): void;
}

/** Returns the exit code: 0 printed, 1 no such minutes, 2 bad arguments. */
export async function runProtokoll(args: string[], d: ProtokollCliDeps): Promise<number> {
  let values: { forum?: string; date?: string; format?: string };
  try {
    ({ values } = parseArgs({ args, options: { forum: { type: 'string' }, date: { type: 'string' }, format: { type: 'string', default: 'md' } } }));
  } catch (e) {
    d.err(`samrad protokoll: ${(e as Error).message}\n`);
    return 2;
  }
  const forums = d.config.forums.map((f) => f.key).join(', ');
  if (!values.forum) return bad(d, `--forum <key> is required (forums: ${forums})`);
  const format = (values.format ?? 'md').toLowerCase();
  if (format !== 'pdf' && format !== 'md') return bad(d, '--format must be pdf or md');
  if (values.date && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) return bad(d, `--date must be YYYY-MM-DD, not "${values.date}"`);
  const forum = await d.store.forums.byKey(values.forum);
  if (!forum) return bad(d, `unknown forum "${values.forum}" (forums: ${forums})`);
  const row = await findMinutes(d.store, forum.key, values.date);
  if (!row) {
    d.err(`samrad protokoll: no minutes for ${forum.key}${values.date ? ` on ${values.date}` : ''}\n`);
    return 1;
  }
  const { doc, createdAt } = await loadProtokoll(d.store, d.config, forum, row);
  d.out(format === 'pdf' ? await protokollPdf(doc, { createdAt }) : protokollMarkdown(doc));
  return 0;
}

function bad(d: ProtokollCliDeps, why: string): number {
  d.err(`samrad protokoll: ${why}\n`);
  return 2;
}
