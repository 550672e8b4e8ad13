// 4. Memory and start: the real `node bin/samrad.js start` (server mode, Slack at the fake) on Postgres
// and on PGlite — time from spawn to GET /healthz 200 on a fresh database (migrations included) and
// on a warm one (a restart), RSS idle and the peak under a short burst of slash commands.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BenchSlack } from './fake-slack.js';
import { load } from './load.js';
import { BIN, dropDatabase, freePort, freshDatabase, median, rssMb, serverEnv, sleep, spawnUntilHealthy } from './lib.js';
import { USERS, linkForum, peakRss } from './slash.js';

export interface MemoryRow {
  database: 'postgres' | 'pglite';
  freshStartMs: number;
  /** Median of the warm restarts. */
  warmStartMs: number;
  warmStarts: number[];
  idleMb: number;
  loadMb: number;
}

export interface MemoryResult {
  rows: MemoryRow[];
  bareBolt: { startMs: number };
}

async function one(database: 'postgres' | 'pglite', slackUrl: string, restarts: number, loadS: number): Promise<MemoryRow> {
  const dataDir = database === 'pglite' ? mkdtempSync(join(tmpdir(), 'samrad-bench-')) : '';
  const url = database === 'postgres' ? await freshDatabase('memory') : '';
  const env = (port: number) => serverEnv(slackUrl, { PORT: String(port), ...(url ? { DATABASE_URL: url } : { DATA_DIR: dataDir }) });
  try {
    let port = await freePort();
    const first = await spawnUntilHealthy([BIN, 'start'], env(port), port);
    await first.child.stop();
    const warm: number[] = [];
    let idleMb = 0;
    let loadMb = 0;
    for (let i = 0; i < restarts; i++) {
      port = await freePort();
      const { child, startMs } = await spawnUntilHealthy([BIN, 'start'], env(port), port);
      warm.push(startMs);
      if (i === restarts - 1) {
        await sleep(2_000);
        idleMb = rssMb(child.proc.pid!);
        await linkForum(child.base, slackUrl);
        const burst = await peakRss(child.proc.pid!, async () => {
          await load({ base: child.base, slackUrl, users: USERS.map((u) => u.id), channel: 'CBENCH', text: 'ärende ny grupp:unga samtycke:ja Behöver samplanering kring studiestart', seconds: loadS, connections: 10, rate: 100 });
          await sleep(2_000); // the acknowledged work finishes after the burst
        });
        loadMb = burst.peak;
      }
      const code = await child.stop();
      if (code !== 0) throw new Error(`samrad (${database}) exited with ${code} on SIGTERM:\n${child.stderr()}`);
    }
    return { database, freshStartMs: first.startMs, warmStartMs: median(warm), warmStarts: warm, idleMb, loadMb };
  } finally {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    if (url) await dropDatabase('memory');
  }
}

export async function memoryBench(o: { quick: boolean; log: (s: string) => void }): Promise<MemoryResult> {
  const slack = new BenchSlack(USERS);
  const slackUrl = await slack.start();
  try {
    const restarts = o.quick ? 2 : 3;
    const loadS = o.quick ? 3 : 5;
    const rows: MemoryRow[] = [];
    for (const db of ['postgres', 'pglite'] as const) {
      o.log(`  start and memory on ${db}…`);
      rows.push(await one(db, slackUrl, restarts, loadS));
    }
    const port = await freePort();
    const bolt = await spawnUntilHealthy(['--import', 'tsx', 'bench/bare-bolt.ts'], serverEnv(slackUrl, { PORT: String(port) }), port);
    await bolt.child.stop();
    return { rows, bareBolt: { startMs: bolt.startMs } };
  } finally {
    await slack.stop();
  }
}
