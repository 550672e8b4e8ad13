// 1. The slash-command path, and the memory it takes. Signed `/forum ärende ny …` at three servers:
// a bare Bolt app that only acks (bench/bare-bolt.mjs: the floor of HTTP + Bolt), the same work as
// `ärende ny` written by hand on postgres.js (bench/ceiling.mjs: what this machine allows), and the
// real `node bin/samrad.js start` (compiled, dist/). Each on a fresh Postgres database, with the
// commands spread over one channel (one forum) and over 20 channels (20 forums).
// "Completed" is exact: the post of the case reaching the fake Slack (for the bare app: the ack).
import postgres from 'postgres';
import { BenchSlack, type FakeUser } from './fake-slack.js';
import { benchForum, forumsConfig } from './forums.js';
import { load, type LoadResult } from './load.js';
import { BIN, commandBody, dropDatabase, freePort, freshDatabase, postCommand, ROOT, rssMb, serverEnv, sleep, spawnUntilHealthy, type Child } from './lib.js';
import { execFileSync } from 'node:child_process';

export const USERS: FakeUser[] = Array.from({ length: 20 }, (_, i) => ({ id: `U${String(i + 1).padStart(8, '0')}`, email: `bench${i + 1}@${i % 2 ? 'helsingborg.se' : 'arbetsformedlingen.se'}` }));
export const TEXT = 'ärende ny grupp:unga samtycke:ja Behöver samplanering kring studiestart';

/** What the bench found once it stopped waiting for a run's work (see `settle`). */
export interface Settled {
  /** Commands acknowledged and not turned away busy: each must end as a case and its post. */
  admitted: number;
  /** Every admitted command's case is in the database and its post reached the fake Slack. */
  complete: boolean;
  /** Seconds waited after the last ack. */
  waitedS: number;
  /** Cases in the database when the bench stopped waiting (unset for the bare app). */
  cases?: number;
  /** Outbox rows by status then. */
  outbox?: Record<string, number>;
  /** The outbox's last errors then, by text (a few). */
  errors?: Record<string, number>;
  /** The server's warn and error log lines during the run, by message (the busy line left out). */
  log?: Record<string, number>;
}

export interface Run extends LoadResult {
  settled?: Settled;
  /** Cases whose post reached the fake Slack. */
  completed: number;
  /** First request → last post of a case, seconds. */
  completedS: number;
  completedPerSecond: number;
  /** Peak RSS of the server during the run and the work after it (MB). */
  peakMb: number;
}

export interface SlashResult {
  amount: number;
  connections: number;
  bolt: Run;
  ceiling: { one: Run; twenty: Run };
  samrad: { one: Run; twenty: Run };
  rss: { idle: number; paced: number; pacedRate: number; saturated: number; boltIdle: number };
  ratios: { samradToBolt: number; samradToCeiling: number; ceilingToBolt: number; samradToBolt20: number; samradToCeiling20: number };
}

/** Samples a process's RSS every 50 ms while `work` runs; resolves with the peak. */
export async function peakRss<T>(pid: number, work: () => Promise<T>): Promise<{ value: T; peak: number }> {
  let peak = rssMb(pid);
  const timer = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 50);
  try {
    return { value: await work(), peak: Math.max(peak, rssMb(pid)) };
  } finally {
    clearInterval(timer);
  }
}

const channelsOf = (n: number) => Array.from({ length: n }, (_, i) => `CBENCH${String(i + 1).padStart(3, '0')}`);

/**
 * Longest the bench waits with nothing moving — no post, no case, no outbox row changing state —
 * before it stops and reports the run incomplete. A post whose prompt attempt failed is retried by
 * the server's tick (every minute, after a 5 s backoff), so anything shorter than a tick would stop
 * while admitted work is still legitimately on its way.
 */
const QUIET_MS = 70_000;

async function outboxState(sql: postgres.Sql): Promise<{ cases: number; outbox: Record<string, number>; errors: Record<string, number> }> {
  const [c] = await sql`select count(*)::int as n from case_items`;
  // The cases' posts only: an agenda the server's tick queued meanwhile may rightly wait for its channel.
  const rows = await sql`select status, count(*)::int as n from outbox where key like 'case.new:%' group by status`;
  const errs = await sql`select left(last_error, 120) as e, count(*)::int as n from outbox where key like 'case.new:%' and last_error is not null group by 1 order by 2 desc limit 5`;
  return { cases: c.n as number, outbox: Object.fromEntries(rows.map((r) => [r.status as string, r.n as number])), errors: Object.fromEntries(errs.map((r) => [r.e as string, r.n as number])) };
}

/**
 * Waits for a run's admitted work: every post at the fake Slack and, with the server's database,
 * every case stored and no outbox row left pending or sending. Stops early only when nothing moved
 * for QUIET_MS, and then says so (`complete: false`) with what the database held at that moment.
 */
async function settle(slack: BenchSlack, admitted: number, url?: string, child?: Child): Promise<Settled> {
  const sql = url ? postgres(url, { max: 1, onnotice: () => {} }) : null;
  const t0 = performance.now();
  let seen = '';
  let dbSeen = '';
  let movedAt = t0;
  let postsAt = t0;
  let posts = -1;
  try {
    for (;;) {
      const now = performance.now();
      if (slack.postTimes.length !== posts) (posts = slack.postTimes.length), (postsAt = now);
      // The database is asked only when the posts are all in or have paused a second: polling it
      // while the server drains would take a connection and CPU from the work being measured.
      const ask = sql && (posts >= admitted || now - postsAt > 1_000);
      const db = ask ? await outboxState(sql) : null;
      if (db) dbSeen = JSON.stringify([db.cases, db.outbox]);
      const key = `${posts}|${dbSeen}`;
      if (key !== seen) (seen = key), (movedAt = now);
      const done = posts >= admitted && (!sql || (db !== null && db.cases >= admitted && !db.outbox.pending && !db.outbox.sending));
      if (done || now - movedAt > QUIET_MS) {
        const last = db ?? (sql ? await outboxState(sql) : null);
        const log = child ? Object.fromEntries([...child.logCounts].filter(([k]) => !k.includes('work queue full'))) : undefined;
        return { admitted, complete: done, waitedS: (now - t0) / 1000, ...(last ? { cases: last.cases, outbox: last.outbox, errors: last.errors } : {}), ...(log ? { log } : {}) };
      }
      await sleep(ask ? 250 : 50);
    }
  } finally {
    await sql?.end();
  }
}

async function measured(slack: BenchSlack, child: Child, o: Parameters<typeof load>[0], countsPosts: boolean, url?: string): Promise<Run> {
  slack.postTimes.length = 0;
  child.logCounts.clear();
  let settled: Settled | undefined;
  const r = await peakRss(child.proc.pid!, async () => {
    const l = await load(o);
    if (countsPosts) settled = await settle(slack, l.ok - l.busy, url, child);
    return l;
  });
  const l = r.value;
  const completed = countsPosts ? slack.postTimes.length : l.ok;
  const lastAt = countsPosts ? slack.postTimes[slack.postTimes.length - 1] ?? l.startedAt : l.startedAt + l.durationS * 1000;
  const completedS = (lastAt - l.startedAt) / 1000;
  if (settled && !settled.complete) process.stderr.write(`  incomplete: ${completed} of ${settled.admitted} admitted posted; ${JSON.stringify(settled)}\n`);
  return { ...l, ...(settled ? { settled } : {}), completed, completedS, completedPerSecond: completed / completedS, peakMb: r.peak };
}

/**
 * Links channel i to forum i with `koppla`, through the server like a person would, and waits for
 * each answer: the ack comes before the work, so a command sent right after the ack could still
 * find the channel unlinked.
 */
async function linkAll(base: string, slack: BenchSlack, channels: string[], keys: string[]): Promise<void> {
  for (let i = 0; i < channels.length; i++) {
    const status = await postCommand(base, commandBody(USERS[0].id, channels[i], `koppla ${keys[i]}`, `${slack.url}/response/link${i}`));
    if (status !== 200) throw new Error(`koppla answered ${status}`);
    for (let t = 0; !slack.answered(`/response/link${i}`); t++) {
      if (t > 600) throw new Error(`koppla ${keys[i]}: no answer within 30 s`);
      await sleep(50);
    }
  }
}

/**
 * Empties what a run wrote, in one statement. Only after `settle`: the old bench reset here while the
 * last paced commands were still running (its wait counted posts left over from earlier runs and
 * returned at once), and a command that took its number between emptying `case_items` and deleting
 * `case_counters` left a case numbered past the counter's restart — the measured run's command that
 * reached that number then failed on the unique code, and every one after it too (docs/performance.md).
 */
async function resetCases(url: string): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  await sql`truncate case_items, case_counters, audit_log, outbox restart identity`;
  await sql.end();
}

async function samradRun(slack: BenchSlack, forums: number, amount: number, connections: number, memory?: (child: Child, o: Omit<Parameters<typeof load>[0], 'connections'>, url: string) => Promise<void>): Promise<Run> {
  const config = forumsConfig(forums);
  const url = await freshDatabase('slash');
  const channels = channelsOf(forums);
  let child: Child | undefined;
  try {
    const port = await freePort();
    child = (await spawnUntilHealthy([BIN, 'start'], serverEnv(slack.url, { DATABASE_URL: url, PORT: String(port), SAMRAD_CONFIG: config }), port)).child;
    await linkAll(child.base, slack, channels, channels.map((_, i) => benchForum(i).key));
    const base = { base: child.base, slackUrl: slack.url, users: USERS.map((u) => u.id), channels, text: TEXT };
    // Warm-up: the directory cache, the pool, the JIT.
    slack.postTimes.length = 0;
    const warm = await load({ ...base, connections: 2, amount: 300 });
    await settle(slack, warm.ok - warm.busy, url);
    await resetCases(url);
    if (memory) await memory(child, base, url);
    return await measured(slack, child, { ...base, connections, amount }, true, url);
  } finally {
    await child?.stop();
    await dropDatabase('slash');
  }
}

export async function ceilingRun(slack: BenchSlack, forums: number, amount: number, connections: number): Promise<Run> {
  const config = forumsConfig(forums);
  const url = await freshDatabase('ceiling');
  const channels = channelsOf(forums);
  let child: Child | undefined;
  try {
    // Samråd's own schema and forums (migrate mirrors the config), channels bound directly.
    execFileSync(process.execPath, [BIN, 'migrate'], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url, SAMRAD_CONFIG: config, SAMRAD_MODE: 'shell', LOG_LEVEL: 'warn' }, stdio: 'ignore' });
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    for (let i = 0; i < forums; i++) await sql`update forums set channel_platform = 'slack', channel_id = ${channels[i]}, linked_at = now() where key = ${benchForum(i).key}`;
    await sql.end();
    const port = await freePort();
    child = (await spawnUntilHealthy(['bench/ceiling.mjs'], serverEnv(slack.url, { DATABASE_URL: url, PORT: String(port) }), port)).child;
    const base = { base: child.base, slackUrl: slack.url, users: USERS.map((u) => u.id), channels, text: TEXT };
    slack.postTimes.length = 0;
    const warm = await load({ ...base, connections: 2, amount: 300 });
    await settle(slack, warm.ok - warm.busy, url);
    await resetCases(url);
    const run = await measured(slack, child, { ...base, connections, amount }, true, url);
    if (run.completed < run.ok - run.busy) process.stderr.write(`ceiling: ${run.ok - run.busy - run.completed} posts missing; its stderr:\n${child.stderr().slice(-2000)}\n`);
    return run;
  } finally {
    await child?.stop();
    await dropDatabase('ceiling');
  }
}

export async function slashBench(o: { quick: boolean; log: (s: string) => void }): Promise<SlashResult> {
  const amount = o.quick ? 1_000 : 3_000;
  const connections = 10;
  const pacedRate = 100;
  const slack = new BenchSlack(USERS);
  // Completed means a case's post: not an agenda the server's tick may post to a forum meanwhile.
  slack.countKeys = 'case.new:';
  await slack.start();
  try {
    const port = await freePort();
    o.log(`  bare bolt: ${amount} commands at ${connections} connections…`);
    const bolt = (await spawnUntilHealthy(['bench/bare-bolt.mjs'], serverEnv(slack.url, { PORT: String(port) }), port)).child;
    const boltBase = { base: bolt.base, slackUrl: slack.url, users: USERS.map((u) => u.id), channels: channelsOf(1), text: TEXT };
    await load({ ...boltBase, connections: 2, amount: 300 });
    await sleep(1_000);
    const boltIdle = rssMb(bolt.proc.pid!);
    const boltRun = await measured(slack, bolt, { ...boltBase, connections, amount }, false);
    await bolt.stop();

    o.log('  ceiling (postgres.js by hand): one forum, 20 forums…');
    const ceilingOne = await ceilingRun(slack, 1, amount, connections);
    const ceilingTwenty = await ceilingRun(slack, 20, amount, connections);

    const rss = { idle: 0, paced: 0, pacedRate, saturated: 0, boltIdle };
    o.log('  samråd: one forum (with memory idle and paced), 20 forums…');
    const samradOne = await samradRun(slack, 1, amount, connections, async (child, base, url) => {
      await sleep(2_000);
      rss.idle = rssMb(child.proc.pid!);
      const paced = await peakRss(child.proc.pid!, async () => {
        slack.postTimes.length = 0;
        const l = await load({ ...base, connections, rate: pacedRate, seconds: o.quick ? 3 : 5 });
        await settle(slack, l.ok - l.busy, url);
      });
      rss.paced = paced.peak;
      await resetCases(url);
    });
    rss.saturated = samradOne.peakMb;
    const samradTwenty = await samradRun(slack, 20, amount, connections);
    return {
      amount,
      connections,
      bolt: boltRun,
      ceiling: { one: ceilingOne, twenty: ceilingTwenty },
      samrad: { one: samradOne, twenty: samradTwenty },
      rss,
      ratios: {
        samradToBolt: samradOne.completedPerSecond / boltRun.completedPerSecond,
        samradToCeiling: samradOne.completedPerSecond / ceilingOne.completedPerSecond,
        ceilingToBolt: ceilingOne.completedPerSecond / boltRun.completedPerSecond,
        samradToBolt20: samradTwenty.completedPerSecond / boltRun.completedPerSecond,
        samradToCeiling20: samradTwenty.completedPerSecond / ceilingTwenty.completedPerSecond,
      },
    };
  } finally {
    await slack.stop();
  }
}
