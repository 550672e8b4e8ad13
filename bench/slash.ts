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

export interface Run extends LoadResult {
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

/** Waits until `expected` posts arrived, or no post came for 5 s. */
async function waitPosts(slack: BenchSlack, expected: number): Promise<void> {
  let seen = -1;
  let still = 0;
  while (slack.postTimes.length < expected && still < 100) {
    still = slack.postTimes.length === seen ? still + 1 : 0;
    seen = slack.postTimes.length;
    await sleep(50);
  }
}

async function measured(slack: BenchSlack, child: Child, o: Parameters<typeof load>[0], countsPosts: boolean): Promise<Run> {
  slack.postTimes.length = 0;
  const r = await peakRss(child.proc.pid!, async () => {
    const l = await load(o);
    if (countsPosts) await waitPosts(slack, l.ok - l.busy);
    return l;
  });
  const l = r.value;
  const completed = countsPosts ? slack.postTimes.length : l.ok;
  const lastAt = countsPosts ? slack.postTimes[slack.postTimes.length - 1] ?? l.startedAt : l.startedAt + l.durationS * 1000;
  const completedS = (lastAt - l.startedAt) / 1000;
  return { ...l, completed, completedS, completedPerSecond: completed / completedS, peakMb: r.peak };
}

/** Links channel i to forum i with `koppla`, through the server like a person would. */
async function linkAll(base: string, slackUrl: string, channels: string[], keys: string[]): Promise<void> {
  for (let i = 0; i < channels.length; i++) {
    const status = await postCommand(base, commandBody(USERS[0].id, channels[i], `koppla ${keys[i]}`, `${slackUrl}/response/link${i}`));
    if (status !== 200) throw new Error(`koppla answered ${status}`);
  }
}

async function resetCases(url: string): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  await sql`truncate case_items, audit_log, outbox restart identity`;
  await sql`delete from case_counters`;
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
    await linkAll(child.base, slack.url, channels, channels.map((_, i) => benchForum(i).key));
    const base = { base: child.base, slackUrl: slack.url, users: USERS.map((u) => u.id), channels, text: TEXT };
    // Warm-up: the directory cache, the pool, the JIT.
    await load({ ...base, connections: 2, amount: 300 });
    await waitPosts(slack, Infinity);
    await resetCases(url);
    if (memory) await memory(child, base, url);
    return await measured(slack, child, { ...base, connections, amount }, true);
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
    await load({ ...base, connections: 2, amount: 300 });
    await waitPosts(slack, Infinity);
    const run = await measured(slack, child, { ...base, connections, amount }, true);
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
        const l = await load({ ...base, connections, rate: pacedRate, seconds: o.quick ? 3 : 5 });
        await waitPosts(slack, l.ok - l.busy);
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
