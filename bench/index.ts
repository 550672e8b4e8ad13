// `npm run bench [-- --quick] [-- --only slash,start,tick,delivery,dashboard]`: runs the benchmarks on loopback
// against throwaway databases (samrad_bench_*, dropped after) and writes BENCHMARKS.md.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { dashboardBench, type DashboardResult } from './dashboard.js';
import { deliveryBench, type DeliveryResult } from './delivery.js';
import { machine, PG_BASE, ROOT, type Machine } from './lib.js';
import { renderReport } from './report.js';
import { slashBench, type SlashResult } from './slash.js';
import { startBench, type StartResult } from './start.js';
import { tickBench, type TickResult } from './tick.js';

export interface BenchResults {
  machine: Machine;
  quick: boolean;
  at: string;
  commit: string;
  totalS: number;
  /** Set when --only reran part of the benchmarks. */
  partial?: string;
  slash?: SlashResult;
  tick?: TickResult;
  delivery?: DeliveryResult;
  start?: StartResult;
  dashboard?: DashboardResult;
  /** 1-minute load average when the run ended. */
  loadAtEnd?: number;
}

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, only: { type: 'string' }, out: { type: 'string' } } });
const only = new Set((values.only ?? 'slash,start,tick,delivery,dashboard').split(','));
const log = (s: string) => void process.stdout.write(`${s}\n`);
const t0 = performance.now();

const m = machine();
const admin = postgres(`${PG_BASE}/postgres`, { max: 1, onnotice: () => {} });
m.postgres = String((await admin`show server_version`)[0].server_version);
await admin.end();
let commit = 'unknown';
try {
  commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
} catch {
  /* not a checkout */
}
const results: BenchResults = { machine: m, quick: Boolean(values.quick), at: new Date().toISOString(), commit, totalS: 0 };
const lastRun = join(ROOT, 'bench', 'last-run.json');
// With --only, the other sections keep the previous run's numbers (and say so in BENCHMARKS.md).
const previous: Partial<BenchResults> = values.only && existsSync(lastRun) ? (JSON.parse(readFileSync(lastRun, 'utf8')) as BenchResults) : {};
// Samråd runs as it does in production: the JavaScript in dist/, built now from these sources.
execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
log(`samrad bench${results.quick ? ' (quick)' : ''}: ${m.cores} × ${m.cpu}, ${m.memoryGb} GB, Node ${m.node}, PostgreSQL ${m.postgres}, load ${m.load}`);

if (only.has('slash')) {
  log('1. slash-command path');
  results.slash = await slashBench({ quick: results.quick, log });
}
if (only.has('start')) {
  log('2. cold start');
  results.start = await startBench({ quick: results.quick, log });
}
if (only.has('tick')) {
  log('3. tick at scale');
  results.tick = await tickBench({ quick: results.quick, log });
}
if (only.has('delivery')) {
  log('4. delivery at 1 post/s per channel');
  results.delivery = await deliveryBench({ quick: results.quick, log });
}
if (only.has('dashboard')) {
  log('5. dashboard, 20 forums × 8 quarters');
  results.dashboard = await dashboardBench({ quick: results.quick, log });
}

results.totalS = Math.round((performance.now() - t0) / 1000);
results.loadAtEnd = Math.round(loadavg()[0] * 100) / 100;
for (const k of ['slash', 'start', 'tick', 'delivery', 'dashboard'] as const) if (!results[k] && previous[k]) Object.assign(results, { [k]: previous[k] });
if (values.only) results.partial = `only ${[...only].join(', ')} rerun at ${results.at}; the rest from ${previous.at ?? 'nowhere'}`;

const out = values.out ?? join(ROOT, 'BENCHMARKS.md');
writeFileSync(out, renderReport(results));
writeFileSync(lastRun, `${JSON.stringify(results, null, 2)}\n`);
log(`done in ${results.totalS} s; wrote ${out}`);
