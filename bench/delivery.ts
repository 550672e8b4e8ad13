// 3. Delivery under Slack's per-channel pace: 4 400 due posts over 200 channels (22 each) through the
// real Deliverer and SlackPort, against a fake that takes one chat.postMessage a second per channel
// and answers the rest 429 + Retry-After, as Slack does. Real clock. The deliverer runs the way a
// server runs it: a round, then a sleep until the earliest retry is due. Ideal time: 21 s (the 22nd
// post of a channel cannot go before second 21). Writes per message: UPDATEs of outbox rows (from
// pg_stat_user_tables, read after the deliverer's connections closed) ÷ messages.
import postgres from 'postgres';
import { createSlackPort } from '../adapters/slack/index.js';
import { systemClock } from '../src/core/model.js';
import { openDatabase } from '../src/db/client.js';
import { createLogger } from '../src/log.js';
import { Deliverer } from '../src/outbox/deliverer.js';
import { createStore } from '../src/db/stores/index.js';
import { BenchSlack } from './fake-slack.js';
import { dropDatabase, freshDatabase, round, sleep } from './lib.js';

export interface DeliveryResult {
  rows: number;
  channels: number;
  perChannelPerSecond: number;
  drainS: number;
  idealS: number;
  ratio: number;
  accepted: number;
  rateLimited: number;
  updates: number;
  writesPerMessage: number;
  duplicates: number;
  missing: number;
}

export async function deliveryBench(o: { quick: boolean; log: (s: string) => void }): Promise<DeliveryResult> {
  const channels = 200;
  const perChannel = o.quick ? 8 : 22;
  const rows = channels * perChannel;
  const slack = new BenchSlack([]);
  slack.channelLimit = { burst: 1, everyMs: 1_000 };
  const slackUrl = await slack.start();
  const url = await freshDatabase('delivery');
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const logger = createLogger('silent');
  try {
    let database = await openDatabase({ url });
    await database.migrate();
    await database.close();
    // Interleaved as reminders are written: row g goes to channel g % 200.
    await sql.unsafe(`insert into outbox (key, target, payload, status, attempts, next_attempt_at, created_at)
      select 'remind:bench-' || g, jsonb_build_object('kind', 'channel', 'platform', 'slack', 'channelId', 'CDEL' || (g % ${channels})),
             jsonb_build_object('tone', 'info', 'blocks', jsonb_build_array(jsonb_build_object('type', 'text', 'text', 'Påminnelse ' || g))),
             'pending', 0, now(), now()
      from generate_series(1, ${rows}) g`);
    await sleep(1_500);
    const [before] = await sql<{ upd: number }[]>`select n_tup_upd::int as upd from pg_stat_user_tables where relname = 'outbox'`;
    database = await openDatabase({ url });
    const d = new Deliverer(createStore(database.db).outbox, { slack: createSlackPort({ botToken: 'xoxb-bench', apiUrl: `${slackUrl}/api/`, logger, retryConfig: { retries: 0 } }) }, systemClock, logger);
    o.log(`  ${rows} posts over ${channels} channels at 1/s per channel…`);
    const t0 = performance.now();
    for (;;) {
      const s = await d.deliver();
      if (s.sent + s.retried + s.failed > 0) continue;
      const [r] = await sql<{ left: number; wait: number | null }[]>`
        select count(*) filter (where status in ('pending', 'sending'))::int as left,
               extract(epoch from min(next_attempt_at) filter (where status = 'pending') - now()) * 1000 as wait
        from outbox`;
      if (!r.left) break;
      await sleep(Math.min(1_000, Math.max(5, Number(r.wait ?? 5))));
      if (performance.now() - t0 > 600_000) throw new Error('delivery did not finish in 10 minutes');
    }
    const drainS = (performance.now() - t0) / 1000;
    await database.close();
    await sleep(1_500);
    const [after] = await sql<{ upd: number; sent: number }[]>`select (select n_tup_upd::int from pg_stat_user_tables where relname = 'outbox') as upd, (select count(*)::int from outbox where status = 'sent') as sent`;
    const updates = after.upd - before.upd;
    const delivered = [...slack.posts.keys()].filter((k) => /\|Påminnelse \d+$/.test(k)).length;
    const idealS = perChannel - 1;
    return {
      rows,
      channels,
      perChannelPerSecond: 1,
      drainS: round(drainS, 1),
      idealS,
      ratio: round(drainS / idealS),
      accepted: slack.accepted,
      rateLimited: slack.limited,
      updates,
      writesPerMessage: round(updates / rows),
      duplicates: slack.duplicates().length,
      missing: Math.max(rows - delivered, rows - after.sent),
    };
  } finally {
    await sql.end();
    await slack.stop();
    await dropDatabase('delivery');
  }
}
