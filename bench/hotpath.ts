// Counting measures of the slash-command hot path that do not depend on how busy the machine is:
// per `ärende ny`, the statements Postgres executed for the server (from the server log, with
// log_statement = all on a throwaway database), the transactions it committed, and the server's own
// CPU time (from /proc), for Samråd (dist/) and the hand-written ceiling (bench/ceiling.mjs).
// `node --import tsx bench/hotpath.ts [n] [--samrad-only]`; never part of `npm test` or `npm run bench`.
import { readFileSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import postgres from 'postgres';
import { BenchSlack } from './fake-slack.js';
import { benchForum, forumsConfig } from './forums.js';
import { BIN, commandBody, dropDatabase, freePort, freshDatabase, PG_BASE, postCommand, ROOT, rssMb, serverEnv, sleep, spawnUntilHealthy, type Child } from './lib.js';
import { load } from './load.js';
import { TEXT, USERS } from './slash.js';

const LOG = process.env.PG_LOG ?? '/var/log/postgresql/postgresql-15-main.log';
const n = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 200);
const samradOnly = process.argv.includes('--samrad-only');
const CH = 'CBENCH001';

function cpuMs(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime + stime, clock ticks of 10 ms
}

function statementsSince(offset: number, db: string): { total: number; byKind: Map<string, number> } {
  const text = readFileSync(LOG, 'utf8').slice(offset);
  const byKind = new Map<string, number>();
  let total = 0;
  for (const line of text.split('\n')) {
    const m = new RegExp(`@${db} LOG:  (?:statement|execute [^:]*): (.*)$`).exec(line);
    if (!m) continue;
    total++;
    const k = m[1].replace(/\s+/g, ' ').slice(0, 70);
    byKind.set(k, (byKind.get(k) ?? 0) + 1);
  }
  return { total, byKind };
}

async function xacts(url: string, db: string): Promise<number> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const [r] = await sql`select xact_commit + xact_rollback as x from pg_stat_database where datname = ${db}`;
  await sql.end();
  return Number(r.x);
}

async function sequential(slack: BenchSlack, child: Child, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const before = slack.postTimes.length;
    const status = await postCommand(child.base, commandBody(USERS[i % USERS.length].id, CH, TEXT, `${slack.url}/response/s${i}`));
    if (status !== 200) throw new Error(`status ${status}`);
    for (let w = 0; slack.postTimes.length <= before && w < 2000; w++) await sleep(1);
  }
}

async function measure(name: string, spawnArgs: string[], prepare: (url: string) => Promise<void>, link: (child: Child, slack: BenchSlack) => Promise<void>) {
  const slack = new BenchSlack(USERS);
  await slack.start();
  const dbName = `samrad_bench_hp${name}`;
  const url = await freshDatabase(`hp${name}`);
  const admin = postgres(`${PG_BASE}/postgres`, { max: 1, onnotice: () => {} });
  await admin.unsafe(`alter database ${dbName} set log_statement = 'all'`);
  await admin.end();
  let child: Child | undefined;
  try {
    await prepare(url);
    const port = await freePort();
    child = (await spawnUntilHealthy(spawnArgs, serverEnv(slack.url, { DATABASE_URL: url, PORT: String(port), SAMRAD_CONFIG: forumsConfig(1) }), port)).child;
    await link(child, slack);
    await sequential(slack, child, 100); // warm-up: caches, pool, JIT
    await sleep(500);
    const pid = child.proc.pid!;
    const off = statSync(LOG).size;
    const x0 = await xacts(url, dbName);
    const c0 = cpuMs(pid);
    const t0 = performance.now();
    await sequential(slack, child, n);
    const wall = performance.now() - t0;
    const c1 = cpuMs(pid);
    await sleep(300);
    const x1 = await xacts(url, dbName);
    const st = statementsSince(off, dbName);
    process.stdout.write(`\n== ${name}: ${n} sequential commands\n  server CPU ${((c1 - c0) / n).toFixed(2)} ms/command, wall ${(wall / n).toFixed(2)} ms/command, statements ${(st.total / n).toFixed(2)}/command, transactions ${((x1 - x0 - 1) / n).toFixed(2)}/command, rss ${rssMb(pid)} MB\n`);
    for (const [k, v] of [...st.byKind].sort((a, b) => b[1] - a[1]).slice(0, 20)) process.stdout.write(`   ${(v / n).toFixed(2)}  ${k}\n`);
    // Saturated: the bench's load (10 connections, fixed amount) — how many are admitted and completed.
    slack.postTimes.length = 0;
    const c2 = cpuMs(pid);
    const l = await load({ base: child.base, slackUrl: slack.url, users: USERS.map((u) => u.id), channels: [CH], text: TEXT, connections: 10, amount: Number(process.env.BENCH_AMOUNT ?? 1500) });
    for (let still = 0, seen = -1; slack.postTimes.length < l.ok - l.busy && still < 60; await sleep(50)) (still = slack.postTimes.length === seen ? still + 1 : 0), (seen = slack.postTimes.length);
    const last = slack.postTimes[slack.postTimes.length - 1] ?? l.startedAt;
    const c3 = cpuMs(pid);
    const errs = new Map<string, number>();
    for (const line of child.stderr().split('\n')) { const m = /"msg":"([^"]+)"/.exec(line); if (m) errs.set(m[1], (errs.get(m[1]) ?? 0) + 1); }
    process.stdout.write(`  server log: ${JSON.stringify([...errs])}\n`);
    process.stdout.write(`  saturated ${l.requests}: busy ${l.busy}, completed ${slack.postTimes.length} in ${((last - l.startedAt) / 1000).toFixed(2)} s = ${(slack.postTimes.length / ((last - l.startedAt) / 1000)).toFixed(0)}/s, CPU ${((c3 - c2) / Math.max(1, slack.postTimes.length)).toFixed(2)} ms/completed, ack p50 ${l.p50} ms\n`);
  } finally {
    await child?.stop();
    await slack.stop();
    await dropDatabase(`hp${name}`);
  }
}

const PROF = process.env.BENCH_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROF}`] : [];
await measure(
  'samrad',
  [...PROF, BIN, 'start'],
  async () => {},
  async (child, slack) => {
    if ((await postCommand(child.base, commandBody(USERS[0].id, CH, `koppla ${benchForum(0).key}`, `${slack.url}/response/link`))) !== 200) throw new Error('koppla');
  },
);
if (!samradOnly)
  await measure(
    'ceiling',
    ['bench/ceiling.mjs'],
    async (url) => {
      execFileSync(process.execPath, [BIN, 'migrate'], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url, SAMRAD_CONFIG: forumsConfig(1), SAMRAD_MODE: 'shell', LOG_LEVEL: 'warn' }, stdio: 'ignore' });
      const sql = postgres(url, { max: 1, onnotice: () => {} });
      await sql`update forums set channel_platform = 'slack', channel_id = ${CH}, linked_at = now() where key = ${benchForum(0).key}`;
      await sql.end();
    },
    async () => {},
  );
