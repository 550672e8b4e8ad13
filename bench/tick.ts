// 2. Tick cost versus history: the same tick, with nothing due, over 10 k and over 1 M historical rows
// (closed cases, done steps, sent outbox rows), plus EXPLAIN ANALYZE of the sweep queries at 1 M.
// History is written with generate_series in SQL; the tick runs in-process on the real code.
import postgres from 'postgres';
import { loadConfig } from '../src/config.js';
import { openRuntime } from '../src/cli.js';
import { createLogger } from '../src/log.js';
import { Deliverer } from '../src/outbox/deliverer.js';
import { runTick } from '../src/scheduler/tick.js';
import { dropDatabase, freshDatabase, median, round } from './lib.js';

// A Wednesday, 09:00 in Stockholm: reminders are open, the retention sweep runs.
const NOW = new Date('2026-03-11T08:00:00Z');

export interface TickSize {
  rows: number;
  medianMs: number;
  runs: number[];
}

export interface TickResult {
  sizes: TickSize[];
  ratio: number;
  explain: { name: string; sql: string; plan: string }[];
}

/** The sweep queries as the stores and the deliverer send them (parameters inlined). */
function sweeps(now: Date) {
  const iso = now.toISOString();
  const before = new Date(now.getTime() - 365 * 86_400_000).toISOString();
  return [
    { name: 'Reminders: open steps due in a window (store.openStepsDueIn)', sql: `select * from next_steps where status = 'open' and due_date >= '2026-02-25' and due_date < '2026-03-13' order by id` },
    { name: 'Reminders: open handovers due in a window (store.openHandoversDueIn)', sql: `select * from handovers where status = 'open' and due_date >= '2026-02-25' and due_date < '2026-03-13' order by id` },
    { name: 'Agenda: open cases of a forum (store.openCases)', sql: `select * from case_items where forum_key = 'arendeforum-unga' and status = 'open' order by id` },
    { name: 'Agenda: open steps of a forum (store.openStepsOfForum)', sql: `select * from next_steps where forum_key = 'arendeforum-unga' and status = 'open' order by due_date, id` },
    { name: 'Retention: closed cases past retention (store.closedCasesToPurge)', sql: `select * from case_items where status = 'closed' and closed_at is not null and closed_at < '${before}' and purged_at is null order by status, purged_at, closed_at limit 50 for update skip locked` },
    { name: 'Delivery: claim due outbox rows (Deliverer.claim)', sql: `select id from outbox where ((status = 'pending' and next_attempt_at <= '${iso}') or (status = 'sending' and locked_until <= '${iso}')) order by id limit 50 for update skip locked` },
  ];
}

/** Writes `rows` historical rows: 30 % closed cases, 40 % steps, 30 % sent outbox rows. */
async function history(sql: postgres.Sql, rows: number): Promise<void> {
  const cases = Math.round(rows * 0.3);
  const steps = Math.round(rows * 0.4);
  const sent = rows - cases - steps;
  await sql`insert into members (platform, external_id, display_name, organisation_key, created_at)
            select 'slack', 'UH' || g, 'Person ' || g, case when g % 2 = 0 then 'af' else 'helsingborg' end, now() from generate_series(1, 50) g
            on conflict do nothing`;
  // 85 % closed and purged years ago; 15 % closed within the retention year (kept, not yet due).
  await sql.unsafe(`insert into case_items (code, forum_key, raised_by, organisation_key, question, status, outcome, created_at, closed_at, closed_by, purged_at)
    select 'H-' || g, case when g % 2 = 0 then 'arendeforum-unga' else 'arendeforum-vuxna' end, 1, 'af',
           case when g % 100 < 85 then null else 'Historisk fråga ' || g end, 'closed', 'arbete',
           timestamptz '2020-01-01' + (g % 2000) * interval '1 day',
           case when g % 100 < 85 then timestamptz '2021-01-01' + (g % 1500) * interval '1 day' / 2 else timestamptz '${new Date(NOW.getTime() - 200 * 86_400_000).toISOString()}' + (g % 150) * interval '1 day' end,
           1,
           case when g % 100 < 85 then timestamptz '2024-01-01' else null end
    from generate_series(1, ${cases}) g`);
  // 90 % done; the open 10 % were due long ago (past every reminder window).
  await sql.unsafe(`insert into next_steps (case_id, forum_key, owner_id, due_date, text, status, created_by, created_at, done_at)
    select 1 + (g % ${cases}), 'arendeforum-unga', 1, to_char(case when g % 1000 = 0 then date '2030-01-01' else date '2020-01-01' end + (g % 1800), 'YYYY-MM-DD'), null,
           case when g % 1000 = 0 then 'open' else 'done' end, 1, timestamptz '2020-01-01', case when g % 1000 = 0 then null else timestamptz '2021-01-01' end
    from generate_series(1, ${steps}) g`);
  await sql.unsafe(`insert into outbox (key, target, payload, status, attempts, next_attempt_at, created_at, sent_at, case_code)
    select 'hist:' || g, '{"kind":"channel","platform":"slack","channelId":"C1"}'::jsonb, '{"blocks":[]}'::jsonb, 'sent', 1,
           timestamptz '2021-01-01' + (g % 1000) * interval '1 hour', timestamptz '2021-01-01', timestamptz '2021-01-01', 'H-' || (g % ${cases})
    from generate_series(1, ${sent}) g`);
  await sql`analyze`;
}

async function measure(rows: number, runs: number, explain: boolean): Promise<{ size: TickSize; explain: TickResult['explain'] }> {
  const url = await freshDatabase('tick');
  const logger = createLogger('silent');
  const config = loadConfig({ DATABASE_URL: url, SAMRAD_MODE: 'shell' });
  const rt = await openRuntime(config, { now: () => NOW }, logger);
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`update forums set channel_platform = 'slack', channel_id = 'C-' || key, linked_at = ${NOW}`;
    await history(sql, rows);
    const deliverer = new Deliverer(rt.store.outbox, {}, { now: () => NOW }, logger);
    const tick = () => runTick({ store: rt.store, config: config.file, deliverer, logger }, NOW);
    // The first tick may post an agenda (and fail it: no chat port); after that nothing is due.
    await tick();
    await tick();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const r = await tick();
      times.push(performance.now() - t0);
      if (r.agendas || r.reminders || r.purged || r.delivered.sent + r.delivered.failed + r.delivered.retried) throw new Error(`tick at ${rows} rows was not idle: ${JSON.stringify(r)}`);
    }
    const plans: TickResult['explain'] = [];
    if (explain) {
      for (const q of sweeps(NOW)) {
        const out = await sql.begin(async (tx) => tx.unsafe(`explain (analyze, costs off, buffers) ${q.sql}`));
        plans.push({ ...q, plan: out.map((r) => String((r as Record<string, unknown>)['QUERY PLAN'])).join('\n') });
      }
    }
    return { size: { rows, medianMs: round(median(times)), runs: times.map((t) => round(t, 1)) }, explain: plans };
  } finally {
    await sql.end();
    await rt.database.close();
    if (!process.env.BENCH_KEEP) await dropDatabase("tick");
  }
}

export async function tickBench(o: { quick: boolean; log: (s: string) => void }): Promise<TickResult> {
  const sizes = [10_000, o.quick ? 200_000 : 1_000_000];
  const results: TickSize[] = [];
  let explain: TickResult['explain'] = [];
  for (const rows of sizes) {
    o.log(`  tick over ${rows.toLocaleString('en')} historical rows…`);
    const r = await measure(rows, 15, rows === sizes[sizes.length - 1]);
    results.push(r.size);
    if (r.explain.length) explain = r.explain;
  }
  return { sizes: results, ratio: results[1].medianMs / results[0].medianMs, explain };
}
