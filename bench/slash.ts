// 1. The slash-command path: signed `/forum ärende ny …` at the real binary in server mode on a fresh
// Postgres database, and at a bare Bolt app that only acks. Samråd acks first and works after the
// ack, so "completed" is counted in the database: cases committed over the time until the last one.
// Also 4. (part): RSS of that server idle and under this load.
import postgres from 'postgres';
import { BenchSlack, type FakeUser } from './fake-slack.js';
import { load, type LoadResult } from './load.js';
import { BIN, commandBody, dropDatabase, freePort, freshDatabase, postCommand, rssMb, serverEnv, sleep, spawnUntilHealthy, type Child } from './lib.js';

export const USERS: FakeUser[] = Array.from({ length: 20 }, (_, i) => ({ id: `U${String(i + 1).padStart(8, '0')}`, email: `bench${i + 1}@helsingborg.se` }));
const CHANNEL = 'CBENCH';
const TEXT = 'ärende ny grupp:unga samtycke:ja Behöver samplanering kring studiestart';

export interface SlashResult {
  samrad: LoadResult & { committed: number; completedPerSecond: number; drainS: number };
  bolt: LoadResult;
  paced: { rate: number; samrad: LoadResult; bolt: LoadResult };
  rss: { idle: number; peak: number; bareBoltIdle: number; bareBoltPeak: number };
  ratios: { throughput: number; p99: number; pacedP99: number };
}

/** Samples a process's RSS every 100 ms while `work` runs; resolves with the peak. */
export async function peakRss<T>(pid: number, work: () => Promise<T>): Promise<{ value: T; peak: number }> {
  let peak = rssMb(pid);
  const timer = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 100);
  try {
    return { value: await work(), peak: Math.max(peak, rssMb(pid)) };
  } finally {
    clearInterval(timer);
  }
}

/** Links the bench channel to a forum, as its first command. */
export async function linkForum(base: string, slackUrl: string): Promise<void> {
  const status = await postCommand(base, commandBody(USERS[0].id, CHANNEL, 'koppla arendeforum-unga', `${slackUrl}/response/link`));
  if (status !== 200) throw new Error(`koppla answered ${status}`);
}

/** Waits until the case count stops growing (all acknowledged work done); returns count and last created_at. */
async function waitCommitted(sql: postgres.Sql, expected: number, timeoutMs: number): Promise<{ count: number; last: Date | null }> {
  const t0 = Date.now();
  let prev = -1;
  let stable = 0;
  for (;;) {
    const [r] = await sql<{ n: number; last: Date | null }[]>`select count(*)::int as n, max(created_at) as last from case_items`;
    if (r.n >= expected || Date.now() - t0 > timeoutMs) return { count: r.n, last: r.last };
    stable = r.n === prev ? stable + 1 : 0;
    if (stable >= 30) return { count: r.n, last: r.last }; // 3 s without progress: something was lost
    prev = r.n;
    await sleep(100);
  }
}

export async function slashBench(o: { quick: boolean; log: (s: string) => void }): Promise<SlashResult> {
  const seconds = o.quick ? 4 : 10;
  // Saturation by count, not time: Samråd acks far faster than it works, so a timed burst leaves a
  // backlog of minutes; a fixed number of commands keeps the drain bounded and the count exact.
  const amount = o.quick ? 1_000 : 3_000;
  const connections = 10;
  const rate = 50;
  const slack = new BenchSlack(USERS);
  const slackUrl = await slack.start();
  const users = USERS.map((u) => u.id);
  const url = await freshDatabase('slash');
  let samrad: Child | undefined;
  let bolt: Child | undefined;
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const port = await freePort();
    samrad = (await spawnUntilHealthy([BIN, 'start'], serverEnv(slackUrl, { DATABASE_URL: url, PORT: String(port) }), port)).child;
    await linkForum(samrad.base, slackUrl);
    // Warm-up: the directory cache, the pool, JIT.
    await load({ base: samrad.base, slackUrl, users, channel: CHANNEL, text: TEXT, seconds: 1, connections: 2 });
    await waitCommitted(sql, Infinity, 10_000);
    await sleep(1_000);
    const idle = rssMb(samrad.proc.pid!);
    await sql`truncate case_items, audit_log, outbox restart identity`;
    await sql`delete from case_counters`;

    o.log(`  samråd: ${amount} commands at ${connections} connections…`);
    const t0 = new Date();
    const sat = await peakRss(samrad.proc.pid!, async () => {
      const r = await load({ base: samrad!.base, slackUrl, users, channel: CHANNEL, text: TEXT, seconds, connections, amount });
      return { r, done: await waitCommitted(sql, r.ok, 300_000) };
    });
    const done = sat.value.done;
    const satLoad = sat.value.r;
    const drainS = ((done.last ?? new Date()).getTime() - t0.getTime()) / 1000;
    const samradResult = { ...satLoad, committed: done.count, completedPerSecond: done.count / drainS, drainS };

    o.log(`  samråd: paced at ${rate}/s…`);
    const pacedSamrad = await load({ base: samrad.base, slackUrl, users, channel: CHANNEL, text: TEXT, seconds, connections, rate });
    await waitCommitted(sql, samradResult.committed + pacedSamrad.ok, 60_000);
    await samrad.stop();
    samrad = undefined;

    const boltPort = await freePort();
    bolt = (await spawnUntilHealthy(['--import', 'tsx', 'bench/bare-bolt.ts'], serverEnv(slackUrl, { PORT: String(boltPort) }), boltPort)).child;
    await load({ base: bolt.base, slackUrl, users, channel: CHANNEL, text: TEXT, seconds: 1, connections: 2 });
    await sleep(1_000);
    const boltIdle = rssMb(bolt.proc.pid!);
    o.log(`  bare bolt: ${amount} commands at ${connections} connections…`);
    const boltSat = await peakRss(bolt.proc.pid!, () => load({ base: bolt!.base, slackUrl, users, channel: CHANNEL, text: TEXT, seconds, connections, amount }));
    o.log(`  bare bolt: paced at ${rate}/s…`);
    const pacedBolt = await load({ base: bolt.base, slackUrl, users, channel: CHANNEL, text: TEXT, seconds, connections, rate });
    await bolt.stop();
    bolt = undefined;

    return {
      samrad: samradResult,
      bolt: boltSat.value,
      paced: { rate, samrad: pacedSamrad, bolt: pacedBolt },
      rss: { idle, peak: sat.peak, bareBoltIdle: boltIdle, bareBoltPeak: boltSat.peak },
      ratios: {
        throughput: samradResult.completedPerSecond / boltSat.value.perSecond,
        p99: samradResult.p99 / Math.max(boltSat.value.p99, 1),
        pacedP99: pacedSamrad.p99 / Math.max(pacedBolt.p99, 1),
      },
    };
  } finally {
    await samrad?.stop();
    await bolt?.stop();
    await sql.end();
    await slack.stop();
    await dropDatabase('slash');
  }
}
