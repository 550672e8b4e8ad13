// 4. Cold start: spawn → first GET /healthz 200 (polled every 10 ms), of the real `node bin/samrad.js
// start` (compiled dist/, server mode, Slack at the fake) on a migrated Postgres database, and of the
// bare Bolt app (plain JavaScript). Median of a few restarts each.
import { BenchSlack } from './fake-slack.js';
import { BIN, dropDatabase, freePort, freshDatabase, median, serverEnv, spawnUntilHealthy } from './lib.js';

export interface StartResult {
  samradMs: number;
  samradRuns: number[];
  boltMs: number;
  boltRuns: number[];
  /** The first start on an empty database (migrations included). */
  freshMs: number;
  ratio: number;
}

export async function startBench(o: { quick: boolean; log: (s: string) => void }): Promise<StartResult> {
  const slack = new BenchSlack([]);
  await slack.start();
  const url = await freshDatabase('start');
  const runs = o.quick ? 3 : 5;
  try {
    o.log(`  samråd and bare bolt, ${runs} starts each…`);
    const once = async (args: string[], extra: Record<string, string>) => {
      const port = await freePort();
      const { child, startMs } = await spawnUntilHealthy(args, serverEnv(slack.url, { PORT: String(port), ...extra }), port);
      const code = await child.stop();
      if (code !== 0 && code !== null) throw new Error(`${args.join(' ')} exited with ${code} on SIGTERM:\n${child.stderr()}`);
      return startMs;
    };
    const freshMs = await once([BIN, 'start'], { DATABASE_URL: url });
    const samradRuns: number[] = [];
    const boltRuns: number[] = [];
    for (let i = 0; i < runs; i++) {
      samradRuns.push(await once([BIN, 'start'], { DATABASE_URL: url }));
      boltRuns.push(await once(['bench/bare-bolt.mjs'], {}));
    }
    const samradMs = median(samradRuns);
    const boltMs = median(boltRuns);
    return { samradMs, samradRuns, boltMs, boltRuns, freshMs, ratio: samradMs / boltMs };
  } finally {
    await slack.stop();
    await dropDatabase('start');
  }
}
