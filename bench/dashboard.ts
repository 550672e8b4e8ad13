// The dashboard for 20 forums × 8 quarters: how long the server takes to answer GET /dashboard (the
// indicators of every forum and quarter, seven Vega-Lite charts drawn to SVG, their tables), in-process
// against PostgreSQL on loopback. Goal: under 200 ms (issue 20). `npm run bench -- --only dashboard`.
import type { AddressInfo } from 'node:net';
import postgres from 'postgres';
import { loadFileConfig } from '../src/config.js';
import type { FileConfig } from '../src/core/settings.js';
import { openDatabase } from '../src/db/client.js';
import { createStore, syncSettings } from '../src/db/stores/index.js';
import { newPageToken } from '../src/core/pagetoken.js';
import { createHttpServer } from '../src/http/server.js';
import { pageRoutes } from '../src/http/pages/routes.js';
import { createLogger } from '../src/log.js';
import { dropDatabase, freshDatabase } from './lib.js';

export interface DashboardResult {
  forums: number;
  quarters: number;
  rows: { cases: number; steps: number; handovers: number };
  bytes: number;
  runs: number[];
  medianMs: number;
  p95Ms: number;
  goalMs: number;
}

const FORUMS = 20;
const NOW = new Date('2026-12-31T12:00:00+01:00');

/** The shipped config with 20 case forums instead of its three. */
function twentyForums(): FileConfig {
  const cfg = loadFileConfig();
  const model = cfg.forums.find((f) => f.kind === 'case')!;
  const forums = Array.from({ length: FORUMS }, (_, i) => ({ ...model, key: `forum-${i + 1}`, name: `Ärendeforum ${i + 1}`, prefix: `F${String(i + 1).padStart(2, '0')}`, coordinator: undefined }));
  return { ...cfg, forums };
}

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

export async function dashboardBench(opts: { quick: boolean; log: (s: string) => void }): Promise<DashboardResult> {
  const url = await freshDatabase('dashboard');
  const database = await openDatabase({ url });
  try {
    await database.migrate();
    const cfg = twentyForums();
    const store = createStore(database.db);
    await syncSettings(database.db, cfg);
    const groups = Object.keys(cfg.targetGroups);
    const templates = cfg.handoverTemplates.map((t) => t.key);
    // Two years of work per forum: a case every third day, a step or two each, a handover for every
    // fourth case, 60 % closed three weeks later; written with generate_series, then ANALYZE.
    const pg = postgres(url, { max: 1, onnotice: () => {} });
    await pg.unsafe(`
      insert into case_items (code, forum_key, raised_by, organisation_key, target_groups, consent, question, status, outcome, created_at, closed_at)
      select 'F' || f || '-' || n, 'forum-' || f, 1, case when n % 2 = 0 then 'af' else 'helsingborg' end,
             jsonb_build_array((array[${groups.map((g) => `'${g}'`).join(',')}])[1 + (n % ${groups.length})]),
             case when n % 3 = 0 then 'nej' else 'ja' end, 'bench', case when n % 5 < 3 then 'closed' else 'open' end,
             case when n % 5 < 3 then (array['arbete','studier','insats','samplanering','ej-aktuellt'])[1 + (n % 5)] end,
             timestamptz '2025-01-01 09:00+01' + (n * 3) * interval '1 day',
             case when n % 5 < 3 then timestamptz '2025-01-01 09:00+01' + (n * 3 + 21) * interval '1 day' end
      from generate_series(1, ${FORUMS}) f, generate_series(1, 243) n`);
    await pg.unsafe(`
      insert into next_steps (case_id, forum_key, owner_id, owner_organisation_key, due_date, text, status, created_by, created_at, done_at)
      select c.id, c.forum_key, 1, 'af', to_char(c.created_at + (14 + k * 7) * interval '1 day', 'YYYY-MM-DD'), 'bench',
             case when (c.id + k) % 5 = 0 then 'open' else 'done' end, 1, c.created_at + ((c.id % 9) + k) * interval '1 day',
             case when (c.id + k) % 5 <> 0 then c.created_at + (10 + (c.id % 10) + k * 7) * interval '1 day' end
      from case_items c, generate_series(0, (select 1)) k where (k = 0 or c.id % 2 = 0)`);
    await pg.unsafe(`
      insert into handovers (template_key, case_id, forum_key, from_member_id, from_organisation_key, to_member_id, to_organisation_key, due_date, status, answered_at, created_at)
      select (array[${templates.map((t) => `'${t}'`).join(',')}])[1 + (c.id % ${templates.length})], c.id, c.forum_key, 1, 'af', 2, 'helsingborg',
             to_char(c.created_at + interval '15 days', 'YYYY-MM-DD'), case when c.id % 3 = 0 then 'open' else 'answered' end,
             case when c.id % 3 <> 0 then c.created_at + (10 + c.id % 12) * interval '1 day' end, c.created_at
      from case_items c where c.id % 4 = 0`);
    await pg.unsafe('analyze');
    const count = async (t: string) => Number((await pg.unsafe(`select count(*)::int as n from ${t}`))[0].n);
    const rows = { cases: await count('case_items'), steps: await count('next_steps'), handovers: await count('handovers') };
    await pg.end();

    const token = newPageToken();
    await store.pages.issue(token, { scope: 'dashboard', forumKey: null, memberId: null, createdBy: null, at: NOW });
    const server = createHttpServer(pageRoutes({ store, config: cfg, clock: { now: () => NOW } }), createLogger('silent'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const href = `http://127.0.0.1:${(server.address() as AddressInfo).port}/dashboard?token=${token}&from=2025-Q1&to=2026-Q4`;
    const runs: number[] = [];
    let bytes = 0;
    try {
      const [warm, n] = opts.quick ? [2, 8] : [5, 30];
      for (let i = 0; i < warm + n; i++) {
        const t = performance.now();
        const res = await fetch(href);
        const body = await res.text();
        const ms = performance.now() - t;
        if (res.status !== 200 || !body.includes('<svg')) throw new Error(`dashboard answered ${res.status}`);
        bytes = body.length;
        if (i >= warm) runs.push(Math.round(ms * 10) / 10);
      }
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
    const result = { forums: FORUMS, quarters: 8, rows, bytes, runs, medianMs: quantile(runs, 0.5), p95Ms: quantile(runs, 0.95), goalMs: 200 };
    opts.log(`   ${FORUMS} forums × 8 quarters (${rows.cases} cases, ${rows.steps} steps, ${rows.handovers} handovers): median ${result.medianMs} ms, p95 ${result.p95Ms} ms, ${Math.round(bytes / 1024)} KB`);
    return result;
  } finally {
    await database.close();
    await dropDatabase('dashboard');
  }
}

/** The section of BENCHMARKS.md. */
export function dashboardSection(d: DashboardResult): string[] {
  const ok = d.medianMs < d.goalMs;
  return [
    '## Dashboard: 20 forums × 8 quarters',
    '',
    `\`GET /dashboard\` for all ${d.forums} forums over ${d.quarters} quarters (bench/dashboard.ts): the indicators of every forum and quarter from PostgreSQL (${d.rows.cases} cases, ${d.rows.steps} steps, ${d.rows.handovers} handovers), seven Vega-Lite charts compiled and drawn to SVG, their tables, the HTML (${Math.round(d.bytes / 1024)} KB). In-process server on loopback, timed from request to last byte, after warm-up.`,
    '',
    '| median | p95 | goal | verdict | all runs (ms) |',
    '|---|---|---|---|---|',
    `| ${d.medianMs} ms | ${d.p95Ms} ms | < ${d.goalMs} ms | ${ok ? '✅ met' : '❌ missed'} | ${d.runs.join(', ')} |`,
    '',
  ];
}
