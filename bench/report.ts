// Renders BENCHMARKS.md from one run: the machine, each result with its goal and ratio, why a goal
// was missed (what was measured and what was done about it), and the EXPLAIN plans of the sweeps.
import { dashboardSection } from './dashboard.js';
import type { BenchResults } from './index.js';

const r2 = (x: number) => (Number.isFinite(x) ? (Math.round(x * 100) / 100).toString() : '–');
const r0 = (x: number) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en').replace(/,/g, ' ') : '–');
const verdict = (ok: boolean) => (ok ? '✅ met' : '❌ missed');

export function renderReport(b: BenchResults): string {
  const m = b.machine;
  const out: string[] = [];
  out.push('# Benchmarks', '');
  out.push(`Written by \`npm run bench${b.quick ? ' -- --quick' : ''}\` (bench/, never part of \`npm test\`) at ${b.at}, commit \`${b.commit}\`, in ${b.totalS} s. Everything runs on loopback: Samråd, a bare Bolt app, a fake Slack Web API (bench/fake-slack.ts) and PostgreSQL on the same machine. Rerun to replace this file; the raw numbers are in \`bench/last-run.json\`.`, '');
  if (b.partial) out.push(`> Partial rerun: ${b.partial}.`, '');
  out.push('## Machine', '');
  out.push('| CPU | cores | memory | Node | PostgreSQL | OS | load (1 min) at start |', '|---|---|---|---|---|---|---|');
  out.push(`| ${m.cpu} | ${m.cores} | ${m.memoryGb} GB (${m.freeGb} free) | ${m.node} | ${m.postgres ?? '–'} | ${m.platform} | ${m.load} |`, '');
  if (m.load > m.cores) out.push(`> The load average was above the core count when this run started: other work shared the CPUs, so absolute times are pessimistic. Ratios taken in the same run are the figures to trust.`, '');

  const goals: string[] = [];
  if (b.slash) {
    const s = b.slash;
    const tOk = s.ratios.throughput >= 0.8;
    const pOk = s.ratios.p99 <= 1.25;
    goals.push(`| Slash path: completed/s ÷ bare Bolt | ≥ 0.8 | ${r2(s.ratios.throughput)} | ${verdict(tOk)} |`, `| Slash path: p99 ack ÷ bare Bolt (saturated) | ≤ 1.25 | ${r2(s.ratios.p99)} | ${verdict(pOk)} |`);
    out.push('## 1. Slash-command path', '');
    out.push(`Signed \`/forum ärende ny grupp:unga samtycke:ja …\` from 20 users into one linked channel, autocannon with 10 connections and a fixed number of commands (bench/load.ts), against the real \`node bin/samrad.js start\` on a fresh Postgres database and against bench/bare-bolt.ts — the same \`@slack/bolt\` HTTPReceiver on a node server, whose listener only acks. Samråd acks first and does the work after the ack (users.info, one transaction, the channel post through the outbox, the ephemeral answer to the response URL), so *completed* is counted in the database: cases committed ÷ time from the first request to the last commit. For the bare app, completed = acked.`, '');
    out.push('| | requests acked | completed | completed/s | ack p50 | ack p99 |', '|---|---|---|---|---|---|');
    out.push(`| Samråd, saturated | ${r0(s.samrad.ok)} in ${r2(s.samrad.durationS)} s | ${r0(s.samrad.committed)} in ${r2(s.samrad.drainS)} s | **${r0(s.samrad.completedPerSecond)}** | ${s.samrad.p50} ms | ${s.samrad.p99} ms |`);
    out.push(`| bare Bolt, saturated | ${r0(s.bolt.ok)} in ${r2(s.bolt.durationS)} s | = acked | **${r0(s.bolt.perSecond)}** | ${s.bolt.p50} ms | ${s.bolt.p99} ms |`);
    out.push(`| Samråd, paced ${s.paced.rate}/s | ${r0(s.paced.samrad.ok)} | | | ${s.paced.samrad.p50} ms | ${s.paced.samrad.p99} ms |`);
    out.push(`| bare Bolt, paced ${s.paced.rate}/s | ${r0(s.paced.bolt.ok)} | | | ${s.paced.bolt.p50} ms | ${s.paced.bolt.p99} ms |`, '');
    out.push(`Ratios: throughput **${r2(s.ratios.throughput)}** (goal ≥ 0.8), p99 saturated **${r2(s.ratios.p99)}**, p99 paced **${r2(s.ratios.pacedP99)}** (goal ≤ 1.25). Non-2xx or errors: Samråd ${s.samrad.errors}, Bolt ${s.bolt.errors}.`, '');
    if (!tOk || !pOk) {
      out.push('**Why the goals are missed.** The floor acks and does nothing; Samråd, for every command, reads the member (cached users.info), runs one transaction of about ten statements (member, forum, case counter, case, audit, outbox), then makes two Web API calls and updates the outbox row. The two runs therefore measure different things: the bare app\'s ceiling is the HTTP parser and Bolt\'s signature check, ours is Postgres round trips on the same two cores that autocannon, the fake Web API and Postgres itself also use. A CPU profile of the server under this load (`node --cpu-prof bin/samrad.js start`, summarised by self time) shows no single hot spot of ours: socket writes (postgres.js and HTTP) and drizzle\'s query building lead, then GC; our largest own item is the meeting calendar (`wallParts` → `Intl.DateTimeFormat#formatToParts`, ≈ 0.6 ms a command, because `ärende ny` names the next meeting). The ack itself stays fast (p50 above), so Slack\'s 3-second limit is never at risk; the p99 of the ack rises because the work queued behind earlier acks shares the event loop. What would move the ratio: fewer statements per command (one CTE for counter + case + audit + outbox), a bounded work queue so acks do not compete with a backlog, and a machine where Postgres does not share the CPUs with the load generator. None of these is a cheap, safe change for this issue; they are recorded here.', '');
    }
  }

  if (b.tick) {
    const t = b.tick;
    const ok = t.ratio <= 1.5;
    goals.push(`| Tick with nothing due: ${r0(t.sizes[1].rows)} ÷ ${r0(t.sizes[0].rows)} rows of history | ≤ 1.5 | ${r2(t.ratio)} | ${verdict(ok)} |`);
    out.push('## 2. Tick cost versus history', '');
    out.push('The whole `runTick` (agenda sweep, reminder sweep, retention sweep, delivery claim) in-process on Postgres, at an instant with nothing due (a Wednesday 09:00, after two warm-up ticks), over a history written with `generate_series`: 30 % closed cases (85 % of them purged years ago, 15 % closed within the retention year), 40 % next steps (99.9 % done, the rest due years ahead), 30 % sent outbox rows; then `ANALYZE`. Median of 15 ticks.', '');
    out.push('| history rows | median tick | all runs (ms) |', '|---|---|---|');
    for (const s of t.sizes) out.push(`| ${r0(s.rows)} | ${r2(s.medianMs)} ms | ${s.runs.join(', ')} |`);
    out.push('', `Ratio **${r2(t.ratio)}** (goal ≤ 1.5).`, '');
    out.push('**Found and fixed:** the retention sweep (`closedCasesToPurge`) used the index on `(status, closed_at)` and filtered `purged_at is null` row by row, so it read every purged case of the history on every tick (51 000 rows at 200 k history rows, growing linearly). Migration `0002_issue9_purge_index` adds `case_items_purge_due (status, purged_at, closed_at)` and the query orders by those columns, so the planner walks only cases not yet purged. A partial index alone was not enough: the planner, assuming `purged_at` and `closed_at` independent, still preferred the old index for `ORDER BY closed_at LIMIT 50`.', '');
    out.push('### EXPLAIN (ANALYZE) of the sweep queries at the larger history', '');
    out.push('The statements as the stores and the deliverer send them, parameters inlined (bench/tick.ts `sweeps`).', '');
    for (const e of t.explain) out.push(`**${e.name}**`, '', '```sql', e.sql, '```', '```', e.plan, '```', '');
  }

  if (b.delivery) {
    const d = b.delivery;
    const ok = d.duplicates === 0 && d.missing === 0;
    goals.push(`| Delivery of ${r0(d.rows)} under a rate limit: lost / duplicated | 0 / 0 | ${d.missing} / ${d.duplicates} | ${verdict(ok)} |`);
    out.push('## 3. Delivery under a rate limit', '');
    out.push(`${r0(d.rows)} due reminders in the outbox, delivered by two \`Deliverer\`s at once (two replicas' worth, claims with \`FOR UPDATE SKIP LOCKED\`) through the real \`SlackPort\` to a fake Web API that accepts ${d.limitPerSecond}/s as ${d.limitPerSecond * d.windowS} posts per ${d.windowS}-second window and answers the rest \`429\` with \`Retry-After\` in whole seconds, like Slack. Real clock, short window (Slack's are a minute) so the run takes seconds; between rounds a deliverer sleeps until the earliest retry is due, as a faster tick would. The fake counts every accepted post by its text (each reminder's text is distinct).`, '');
    out.push('| rows | time to drain | ideal (limit-bound) | share of the limit used | posts accepted | 429 answers | attempts | lost | duplicates |', '|---|---|---|---|---|---|---|---|---|');
    out.push(`| ${r0(d.rows)} | ${d.drainS} s | ${d.idealS} s | ${Math.round(d.shareOfLimit * 100)} % | ${r0(d.accepted)} | ${d.rateLimited} | ${r0(d.attempts)} | ${d.missing} | ${d.duplicates} |`, '');
    out.push('**Found and fixed:** before, after a 429 the deliverer went on through its batch of 50, so every further row got its own 429 (2 360 refused calls for 2 000 posts in the first run). Now a 429 pauses that platform in that deliverer until Retry-After; the rest of the batch is put back, due then, without counting an attempt. The share of the limit is bounded by two things: Retry-After in whole seconds (up to a second lost per window), and the deliverers\' own pace when the limit is generous (each post is a Web API call plus an `UPDATE`, one at a time per deliverer).', '');
  }

  if (b.memory) {
    const mm = b.memory;
    out.push('## 4. Memory and start', '');
    out.push('The real `node bin/samrad.js start` with `SAMRAD_MODE=server` and Slack at the fake, spawned by the bench: time from spawn to the first `GET /healthz` 200 (polled every 10 ms) on a fresh database (migrations included) and on restarts, RSS (`/proc/<pid>/status`) idle after 2 s and the peak during a 100/s burst of slash commands and the work after it.', '');
    out.push('| database | first start (fresh, migrates) | restart (median) | restarts (ms) | RSS idle | RSS under load |', '|---|---|---|---|---|---|');
    for (const row of mm.rows) out.push(`| ${row.database} | ${r0(row.freshStartMs)} ms | **${r0(row.warmStartMs)} ms** | ${row.warmStarts.join(', ')} | ${row.idleMb} MB | **${row.loadMb} MB** |`);
    out.push('', `For scale: the bare Bolt app (bench/bare-bolt.ts, also through tsx) reaches /healthz in ${r0(mm.bareBolt.startMs)} ms${b.slash ? ` and holds ${b.slash.rss.bareBoltIdle} MB idle, ${b.slash.rss.bareBoltPeak} MB at its saturated peak; Samråd on Postgres peaked at ${b.slash.rss.peak} MB in the saturated run of section 1 — every acknowledged command waits in memory for its turn at the database, and nothing bounds that backlog; a bounded work queue (ack, then refuse or defer beyond N commands in flight) would cap it` : ''}.`, '');
    const pg = mm.rows.find((x) => x.database === 'postgres');
    const lite = mm.rows.find((x) => x.database === 'pglite');
    if (pg) goals.push(`| Start to /healthz on Postgres (restart) | ≤ 1.5 s | ${r2(pg.warmStartMs / 1000)} s | ${verdict(pg.warmStartMs <= 1500)} |`, `| RSS under load on Postgres | ≤ 150 MB | ${pg.loadMb} MB | ${verdict(pg.loadMb <= 150)} |`);
    if (lite) goals.push(`| RSS under load on PGlite | ≤ 400 MB | ${lite.loadMb} MB | ${verdict(lite.loadMb <= 400)} |`);
    out.push('**Found and fixed:** importing `src/cli.ts` took ≈ 6 s and 250 MB because it loaded botbuilder and teams-ai (≈ 4 s, ≈ 100 MB) and vega + resvg (≈ 2 s, ≈ 50 MB) on every start. Both are now imported only when used: Teams when it is configured, the chart when a report image is requested. Import time of `src/cli.ts` went to ≈ 2–3 s and 150 MB (measured on this machine under load).', '');
    out.push('**What is left, and why:** most of the remaining start time is module loading through tsx: the sources are TypeScript, compiled on the fly by `tsx` in a loader thread (the CPU profile of a start shows `compileSourceTextModule`, `waitForWorker`/`makeSyncRequest` — the hop to that thread — and GC on top); `@slack/bolt` alone takes ≈ 0.8 s to import with plain node, `date-holidays` ≈ 0.5 s (it carries every country\'s rules), drizzle ≈ 0.25 s. The RSS floor is the same story: the V8 heap holds ≈ 35 MB after GC, the rest is code, the tsx loader thread\'s own isolate and malloc arenas; the bare Bolt app through tsx already sits at the figure in the table above. Shipping compiled JavaScript (tsc or esbuild at image build time, no tsx at run time) is the next step for both; it changes how the image and `bin/samrad.js` start and was left for a separate change. On PGlite the database runs inside the process (Postgres compiled to WebAssembly), which is what the PGlite row adds.', '');
  }

  if (b.dashboard) {
    goals.push(`| Dashboard, 20 forums × 8 quarters: median answer | < ${b.dashboard.goalMs} ms | ${b.dashboard.medianMs} ms | ${verdict(b.dashboard.medianMs < b.dashboard.goalMs)} |`);
    out.push(...dashboardSection(b.dashboard));
  }

  out.splice(out.indexOf('## Machine'), 0, '## Goals', '', '| what | goal | measured | |', '|---|---|---|---|', ...goals, '');
  return `${out.join('\n')}\n`;
}
