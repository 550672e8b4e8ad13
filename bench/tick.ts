// 2. Tick cost at scale: 200 linked case forums, 10 000 open cases, 50 000 open next steps and 10 000
// open handovers (written with generate_series), the whole runTick in-process on Postgres with Slack
// at the fake. A busy instant (a Wednesday 09:00: agendas in their lead window, reminders due) and
// the same tick again five minutes later, when nothing is new. Each tick gets a fresh Slack port, as
// each `samrad tick` of the CLI does, so conversations.open shows what the tick asks Slack again.
import postgres from 'postgres';
import { createSlackPort } from '../adapters/slack/index.js';
import { loadConfig } from '../src/config.js';
import { openRuntime } from '../src/cli.js';
import { createLogger } from '../src/log.js';
import { Deliverer } from '../src/outbox/deliverer.js';
import { conversationRefs } from '../src/db/stores/index.js';
import { runTick } from '../src/scheduler/tick.js';
import { BenchSlack } from './fake-slack.js';
import { forumsConfig } from './forums.js';
import { dropDatabase, freshDatabase, median, round } from './lib.js';

const BUSY = new Date('2026-03-11T08:00:00Z'); // Wednesday 09:00 in Stockholm

export interface TickRun {
  ms: number;
  agendas: number;
  reminders: number;
  delivered: number;
  conversationsOpen: number;
}

export interface TickResult {
  forums: number;
  cases: number;
  steps: number;
  handovers: number;
  busy: TickRun;
  /** Ticks with nothing new (median and all runs). */
  idleMs: number;
  idleRuns: TickRun[];
}

async function seed(sql: postgres.Sql, forums: number, steps: number, handovers: number): Promise<number> {
  const cases = forums * 50;
  await sql`update forums set channel_platform = 'slack', channel_id = 'C' || upper(replace(key, '-', '')), linked_at = ${BUSY}`;
  await sql.unsafe(`insert into members (platform, external_id, email, display_name, organisation_key, language)
    select 'slack', 'UT' || lpad(g::text, 5, '0'), 'tick' || g || case when g % 2 = 0 then '@arbetsformedlingen.se' else '@helsingborg.se' end,
           'Person ' || g, case when g % 2 = 0 then 'af' else 'helsingborg' end, 'sv'
    from generate_series(1, 400) g`);
  await sql.unsafe(`with f as (select key, prefix, row_number() over (order by key) - 1 as i from forums)
    insert into case_items (code, forum_key, raised_by, organisation_key, target_groups, consent, question, created_at)
    select f.prefix || '-2026-' || lpad(g::text, 3, '0'), f.key, 1 + (g + f.i) % 400, 'af', '["unga"]'::jsonb, 'ja', 'Fråga ' || g, timestamptz '2026-02-01'
    from f, generate_series(1, 50) g`);
  // Due dates spread over the year: a few hundred in today's reminder windows, the rest ahead.
  await sql.unsafe(`insert into next_steps (case_id, forum_key, owner_id, owner_organisation_key, due_date, text, status, created_by, created_at)
    select c.id, c.forum_key, 1 + g % 400, 'af', to_char(date '2026-03-02' + (g % 300), 'YYYY-MM-DD'), 'Steg ' || g, 'open', 1, timestamptz '2026-02-01'
    from generate_series(1, ${steps}) g join case_items c on c.id = 1 + g % ${cases}`);
  await sql.unsafe(`insert into handovers (template_key, case_id, forum_key, from_member_id, from_organisation_key, to_member_id, to_organisation_key, due_date, status, created_at)
    select 'sfi', c.id, c.forum_key, 1 + g % 400, 'af', 1 + (g + 1) % 400, 'helsingborg', to_char(date '2026-03-02' + (g % 300), 'YYYY-MM-DD'), 'open', timestamptz '2026-02-01'
    from generate_series(1, ${handovers}) g join case_items c on c.id = 1 + g % ${cases}`);
  await sql`analyze`;
  return cases;
}

export async function tickBench(o: { quick: boolean; log: (s: string) => void }): Promise<TickResult> {
  const forums = 200;
  const steps = o.quick ? 10_000 : 50_000;
  const handovers = o.quick ? 2_000 : 10_000;
  const url = await freshDatabase('tick');
  const logger = createLogger('silent');
  const slack = new BenchSlack([]);
  await slack.start();
  const config = loadConfig({ DATABASE_URL: url, SAMRAD_MODE: 'shell', SAMRAD_CONFIG: forumsConfig(forums) });
  const rt = await openRuntime(config, { now: () => BUSY }, logger);
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    o.log(`  ${forums} forums, ${steps.toLocaleString('en')} open steps, ${handovers.toLocaleString('en')} handovers…`);
    const cases = await seed(sql, forums, steps, handovers);
    const tick = async (now: Date): Promise<TickRun> => {
      const port = createSlackPort({ botToken: 'xoxb-bench', apiUrl: `${slack.url}/api/`, logger, retryConfig: { retries: 0 }, refs: conversationRefs(rt.database.db) });
      const deliverer = new Deliverer(rt.store.outbox, { slack: port }, { now: () => now }, logger);
      const opens = slack.calls.get('conversations.open') ?? 0;
      const t0 = performance.now();
      const r = await runTick({ store: rt.store, config: config.file, deliverer, logger }, now);
      const ms = performance.now() - t0;
      return { ms: round(ms, 1), agendas: r.agendas, reminders: r.reminders, delivered: r.delivered.sent, conversationsOpen: (slack.calls.get('conversations.open') ?? 0) - opens };
    };
    o.log('  the busy tick…');
    const busy = await tick(BUSY);
    const idleRuns: TickRun[] = [];
    for (let i = 1; i <= (o.quick ? 5 : 9); i++) idleRuns.push(await tick(new Date(BUSY.getTime() + i * 5 * 60_000)));
    return { forums, cases, steps, handovers, busy, idleMs: round(median(idleRuns.map((r) => r.ms)), 1), idleRuns };
  } finally {
    await sql.end();
    await rt.database.close();
    await slack.stop();
    if (!process.env.BENCH_KEEP) await dropDatabase('tick');
  }
}
