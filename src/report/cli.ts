// `samrad report --quarter 2026-Q4 [--format csv|md|json] [--forum <key>] [--group <target group>]`: prints the follow-up.
import { parseArgs } from 'node:util';
import type { FileConfig } from '../core/settings.js';
import type { Store } from '../core/stores.js';
import { messages } from '../i18n/index.js';
import { formatReport, type ReportFormat } from './format.js';
import { quarterReport } from '../core/report/indicators.js';
import { parseQuarter } from '../core/report/quarter.js';

export interface ReportCliDeps {
  store: Store;
  config: FileConfig;
  now: Date;
  out(s: string): void;
  err(s: string): void;
}

const FORMATS: ReportFormat[] = ['csv', 'md', 'json'];

/** Returns the process exit code: 0 printed, 2 bad arguments. */
export async function runReport(args: string[], d: ReportCliDeps): Promise<number> {
  let values: { quarter?: string; format?: string; forum?: string; group?: string };
  try {
    ({ values } = parseArgs({ args, options: { quarter: { type: 'string' }, format: { type: 'string', default: 'md' }, forum: { type: 'string' }, group: { type: 'string' } } }));
  } catch (e) {
    d.err(`samrad report: ${(e as Error).message}\n`);
    return 2;
  }
  const q = values.quarter ? parseQuarter(values.quarter) : null;
  if (!q) {
    d.err(`samrad report: --quarter YYYY-Qn is required (e.g. 2026-Q4)${values.quarter ? `, not "${values.quarter}"` : ''}\n`);
    return 2;
  }
  const format = (values.format ?? 'md').toLowerCase() as ReportFormat;
  if (!FORMATS.includes(format)) {
    d.err(`samrad report: --format must be one of ${FORMATS.join(', ')}\n`);
    return 2;
  }
  if (values.forum && !d.config.forums.some((f) => f.key === values.forum)) {
    d.err(`samrad report: unknown forum "${values.forum}" (forums: ${d.config.forums.map((f) => f.key).join(', ')})\n`);
    return 2;
  }
  if (values.group && !(values.group in d.config.targetGroups)) {
    d.err(`samrad report: unknown target group "${values.group}" (groups: ${Object.keys(d.config.targetGroups).join(', ')})\n`);
    return 2;
  }
  const report = await quarterReport(d.store, d.config, q, d.now, values.forum, values.group);
  d.out(formatReport(report, d.config, messages(d.config.language), format));
  return 0;
}
