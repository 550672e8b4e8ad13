// 3. Delivery: N due outbox rows through the real Deliverer and SlackPort, two of them at once (two
// replicas' worth), against a fake Web API that allows `perSecond` × 5 posts per five-second window
// and answers the rest with 429 + Retry-After. Real clock, real short window: Slack's windows are a
// minute, ours five seconds, so the bench takes seconds; Retry-After is in whole seconds as Slack's.
// Between rounds a replica waits until the earliest retry is due, as a faster tick would.
import postgres from 'postgres';
import { createSlackPort } from '../adapters/slack/index.js';
import { systemClock } from '../src/core/model.js';
import { openDatabase } from '../src/db/client.js';
import { createLogger } from '../src/log.js';
import { Deliverer } from '../src/outbox/deliverer.js';
import { createStore } from '../src/db/stores/index.js';
import { BenchSlack } from './fake-slack.js';
import { dropDatabase, freshDatabase, round, sleep } from './lib.js';

const WINDOW_S = 5;

export interface DeliveryResult {
  rows: number;
  limitPerSecond: number;
  windowS: number;
  drainS: number;
  idealS: number;
  shareOfLimit: number;
  accepted: number;
  rateLimited: number;
  duplicates: number;
  missing: number;
  attempts: number;
}

export async function deliveryBench(o: { quick: boolean; log: (s: string) => void }): Promise<DeliveryResult> {
  const rows = o.quick ? 2_000 : 10_000;
  const perSecond = 100;
  const slack = new BenchSlack([], { perWindow: perSecond * WINDOW_S, windowMs: WINDOW_S * 1_000 });
  const slackUrl = await slack.start();
  const url = await freshDatabase('delivery');
  const database = await openDatabase({ url });
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const logger = createLogger('silent');
  try {
    await database.migrate();
    await sql.unsafe(`insert into outbox (key, target, payload, status, attempts, next_attempt_at, created_at)
      select 'remind:bench-' || g, '{"kind":"channel","platform":"slack","channelId":"CREM"}'::jsonb,
             jsonb_build_object('tone', 'info', 'blocks', jsonb_build_array(jsonb_build_object('type', 'text', 'text', 'Påminnelse ' || g))),
             'pending', 0, now(), now()
      from generate_series(1, ${rows}) g`);
    const replica = () => new Deliverer(createStore(database.db).outbox, { slack: createSlackPort({ botToken: 'xoxb-bench', apiUrl: `${slackUrl}/api/`, logger, retryConfig: { retries: 0 } }) }, systemClock, logger);
    const t0 = performance.now();
    let left = rows;
    const run = async (d: Deliverer) => {
      while (left > 0) {
        const s = await d.deliver();
        if (s.sent + s.retried + s.failed > 0) continue;
        const [r] = await sql<{ pending: number; wait: number | null }[]>`
          select count(*) filter (where status in ('pending', 'sending'))::int as pending,
                 extract(epoch from min(next_attempt_at) filter (where status = 'pending') - now()) * 1000 as wait
          from outbox`;
        left = r.pending;
        if (left > 0) await sleep(Math.min(1_000, Math.max(5, Number(r.wait ?? 5))));
      }
    };
    o.log(`  ${rows} rows, limit ${perSecond}/s, two deliverers…`);
    await Promise.all([run(replica()), run(replica())]);
    const drainS = (performance.now() - t0) / 1000;
    const [stat] = await sql<{ sent: number; attempts: number }[]>`select count(*) filter (where status = 'sent')::int as sent, sum(attempts)::int as attempts from outbox`;
    // Every reminder's text is distinct: the fake's tally by text tells missing and duplicated ones.
    const missing = rows - [...slack.posts.keys()].filter((k) => /\|Påminnelse \d+$/.test(k)).length;
    // Windows start at the first post: the last window need not be waited out, so the ideal is the
    // start of the window that takes the last post; the share counts the windows actually opened.
    const perWindow = perSecond * WINDOW_S;
    const idealS = (Math.ceil(rows / perWindow) - 1) * WINDOW_S;
    return {
      rows,
      limitPerSecond: perSecond,
      windowS: WINDOW_S,
      drainS: round(drainS, 1),
      idealS,
      shareOfLimit: round(slack.accepted / (perWindow * Math.ceil(drainS / WINDOW_S))),
      accepted: slack.accepted,
      rateLimited: slack.limited,
      duplicates: slack.duplicates().length,
      missing: Math.max(missing, rows - stat.sent),
      attempts: stat.attempts,
    };
  } finally {
    await sql.end();
    await database.close();
    await slack.stop();
    await dropDatabase('delivery');
  }
}
