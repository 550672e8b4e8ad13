// Renders BENCHMARKS.md from one run: the machine and its load, the goals of issue 19 with what was
// measured, each section's table, and bench/NOTES.md (the analysis written after a run) verbatim.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dashboardSection } from './dashboard.js';
import type { BenchResults } from './index.js';
import { ROOT } from './lib.js';
import type { Run } from './slash.js';

const r2 = (x: number) => (Number.isFinite(x) ? (Math.round(x * 100) / 100).toString() : '–');
const r0 = (x: number) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en').replace(/,/g, ' ') : '–');
const verdict = (ok: boolean) => (ok ? '✅ met' : '❌ missed');

function runRow(name: string, r: Run): string {
  const of = r.settled ? ` of ${r0(r.settled.admitted)}${r.settled.complete ? '' : ' ⚠️'}` : '';
  return `| ${name} | ${r0(r.ok)} (${r0(r.busy)} busy) in ${r2(r.durationS)} s | ${r0(r.completed)}${of} in ${r2(r.completedS)} s | **${r0(r.completedPerSecond)}** | ${r.p50} ms | ${r.p99} ms | ${r0(r.peakMb)} MB |`;
}

/** What the bench found when a run's admitted work did not all arrive: the database and the server's log. */
function incompleteNote(name: string, r: Run): string[] {
  const s = r.settled;
  if (!s || s.complete) return [];
  const counts = (o?: Record<string, number>) => (o && Object.keys(o).length ? Object.entries(o).map(([k, n]) => `${k} ${r0(n)}`).join(', ') : 'none');
  return [`> ⚠️ ${name}: only ${r0(r.completed)} of ${r0(s.admitted)} admitted commands were posted when the bench stopped waiting (${r2(s.waitedS)} s after the last ack, nothing having moved for the last 70 s). Database then: ${r0(s.cases ?? NaN)} cases; outbox ${counts(s.outbox)}; outbox errors: ${counts(s.errors)}. Server log: ${counts(s.log)}.`, ''];
}

export function renderReport(b: BenchResults): string {
  const m = b.machine;
  const out: string[] = [];
  out.push('# Benchmarks', '');
  out.push(`Written by \`npm run bench${b.quick ? ' -- --quick' : ''}\` (bench/, never part of \`npm test\`) at ${b.at}, commit \`${b.commit}\`, in ${b.totalS} s — all figures from this one run. Everything runs on loopback: Samråd (compiled, \`dist/\`), a bare Bolt app, a hand-written postgres.js app, a fake Slack Web API (bench/fake-slack.ts) and PostgreSQL on the same machine. Rerun to replace this file; the raw numbers are in \`bench/last-run.json\`.`, '');
  if (b.partial) out.push(`> Partial rerun: ${b.partial}.`, '');
  out.push('## Machine', '');
  out.push('| CPU | cores | memory | Node | PostgreSQL | OS | load (1 / 5 min) at start | at end |', '|---|---|---|---|---|---|---|---|');
  out.push(`| ${m.cpu} | ${m.cores} | ${m.memoryGb} GB (${m.freeGb} free) | ${m.node} | ${m.postgres ?? '–'} | ${m.platform} | ${m.load} / ${m.load5 ?? '–'} | ${b.loadAtEnd ?? '–'} |`, '');
  if (m.load > m.cores / 2) out.push(`> The 2 cores were shared with other work during this run (load above). Absolute times are pessimistic and noisy; the ratios, taken in the same run, are the figures to trust.`, '');

  const goals: string[] = [];
  const s = b.slash;
  if (s) {
    goals.push(`| \`ärende ny\` completed/s ÷ bare Bolt acks/s, one forum | ≥ 0.12 | ${r2(s.ratios.samradToBolt)} | ${verdict(s.ratios.samradToBolt >= 0.12)} |`);
    goals.push(`| Samråd ÷ the hand-written same work, one forum | ≥ 0.8 | ${r2(s.ratios.samradToCeiling)} | ${verdict(s.ratios.samradToCeiling >= 0.8)} |`);
    goals.push(`| RSS on Postgres: idle / at ${s.rss.pacedRate} commands/s / saturated ${r0(s.amount)} | ≤ 110 / 160 / 200 MB | ${s.rss.idle} / ${s.rss.paced} / ${s.rss.saturated} MB | ${verdict(s.rss.idle <= 110 && s.rss.paced <= 160 && s.rss.saturated <= 200)} |`);
  }
  if (b.start) goals.push(`| cold start to /healthz on Postgres ÷ bare Bolt's (both compiled) | ≤ 1.5 | ${r2(b.start.ratio)} (${r0(b.start.samradMs)} / ${r0(b.start.boltMs)} ms) | ${verdict(b.start.ratio <= 1.5)} |`);
  if (b.tick) goals.push(`| tick with nothing new at ${b.tick.forums} forums / ${r0(b.tick.steps)} steps | ≤ 0.2 s | ${r2(b.tick.idleMs / 1000)} s | ${verdict(b.tick.idleMs <= 200)} |`);
  if (b.delivery) {
    const d = b.delivery;
    goals.push(`| delivery of ${r0(d.rows)} posts over ${d.channels} channels at 1/s per channel ÷ ideal time | ≤ 1.1 (≤ 1.1 writes per message) | ${r2(d.ratio)} (${r2(d.writesPerMessage)} writes per message) | ${verdict(d.ratio <= 1.1 && d.writesPerMessage <= 1.1)} |`);
    goals.push(`| … nothing lost or duplicated | 0 / 0 | ${d.missing} / ${d.duplicates} | ${verdict(d.missing === 0 && d.duplicates === 0)} |`);
  }
  if (b.dashboard) goals.push(`| \`GET /dashboard\`, 20 forums × 8 quarters, median answer (issue 20) | < ${b.dashboard.goalMs} ms | ${b.dashboard.medianMs} ms | ${verdict(b.dashboard.medianMs < b.dashboard.goalMs)} |`);
  out.push('## Goals (issue 19)', '', '| figure | goal | measured | |', '|---|---|---|---|', ...goals, '');

  if (s) {
    out.push('## 1. Slash-command path and memory', '');
    out.push(`${r0(s.amount)} signed \`/forum ${'ärende ny grupp:unga samtycke:ja …'}\` from 20 users, autocannon with ${s.connections} connections and a fixed amount (bench/load.ts). Times come from the responses and posts themselves: from the first request sent to the last ack (bare Bolt) or to the last case's post reaching the fake Slack (the others) — exact, not autocannon's sampled duration. *Completed* counts posts of the commands admitted (acked and not turned away busy); the bench waits until every one of them is a case in the database and a post at the fake, and marks a run ⚠️ when it stopped waiting first (nothing moved for 70 s, longer than the server's tick that retries a failed post). Each server on a fresh Postgres database; *busy* counts acks that turned the command away (the bounded queue).`, '');
    out.push('| server | acked | completed | completed/s | ack p50 | ack p99 | peak RSS |', '|---|---|---|---|---|---|---|');
    out.push(runRow('bare Bolt (acks only)', s.bolt));
    out.push(runRow('hand-written postgres.js, one forum', s.ceiling.one));
    out.push(runRow('hand-written postgres.js, 20 forums', s.ceiling.twenty));
    out.push(runRow('Samråd, one forum', s.samrad.one));
    out.push(runRow('Samråd, 20 forums', s.samrad.twenty), '');
    out.push(...incompleteNote('hand-written, one forum', s.ceiling.one), ...incompleteNote('hand-written, 20 forums', s.ceiling.twenty), ...incompleteNote('Samråd, one forum', s.samrad.one), ...incompleteNote('Samråd, 20 forums', s.samrad.twenty));
    out.push(`Ratios: Samråd ÷ bare Bolt **${r2(s.ratios.samradToBolt)}** (20 forums: ${r2(s.ratios.samradToBolt20)}); Samråd ÷ hand-written **${r2(s.ratios.samradToCeiling)}** (20 forums: ${r2(s.ratios.samradToCeiling20)}); hand-written ÷ bare Bolt ${r2(s.ratios.ceilingToBolt)}.`, '');
    out.push(`Memory of the Samråd server (RSS from /proc): **${s.rss.idle} MB** idle after warm-up, **${s.rss.paced} MB** peak at ${s.rss.pacedRate} commands/s, **${s.rss.saturated} MB** peak over the saturated ${r0(s.amount)}; the bare Bolt app: ${s.rss.boltIdle} MB idle.`, '');
  }
  if (b.start) {
    const t = b.start;
    out.push('## 2. Cold start', '', `Spawn → first \`GET /healthz\` 200, polled every 10 ms; Samråd in server mode on a migrated Postgres database (its first start, migrations included: ${r0(t.freshMs)} ms).`, '');
    out.push('| | median | runs (ms) |', '|---|---|---|');
    out.push(`| Samråd (dist/) | **${r0(t.samradMs)} ms** | ${t.samradRuns.join(', ')} |`, `| bare Bolt | **${r0(t.boltMs)} ms** | ${t.boltRuns.join(', ')} |`, '');
  }
  if (b.tick) {
    const t = b.tick;
    out.push('## 3. Tick at scale', '', `\`runTick\` in-process on Postgres: ${t.forums} linked case forums, ${r0(t.cases)} open cases, ${r0(t.steps)} open next steps, ${r0(t.handovers)} open handovers; Slack at the fake, a fresh Slack port per tick (as each \`samrad tick\`).`, '');
    out.push('| tick | time | agendas | reminders | posts delivered | conversations.open |', '|---|---|---|---|---|---|');
    out.push(`| busy instant (Wednesday 09:00) | ${r0(t.busy.ms)} ms | ${t.busy.agendas} | ${t.busy.reminders} | ${t.busy.delivered} | ${t.busy.conversationsOpen} |`);
    for (const [i, r] of t.idleRuns.entries()) out.push(`| nothing new, +${(i + 1) * 5} min | ${r0(r.ms)} ms | ${r.agendas} | ${r.reminders} | ${r.delivered} | ${r.conversationsOpen} |`);
    out.push('', `Median tick with nothing new: **${r0(t.idleMs)} ms**.`, '');
  }
  if (b.delivery) {
    const d = b.delivery;
    out.push('## 4. Delivery at 1 post/s per channel', '', `${r0(d.rows)} due posts over ${d.channels} channels through the real Deliverer and SlackPort; the fake takes one chat.postMessage a second per channel and answers the rest 429 + Retry-After. Ideal: ${d.idealS} s (a channel's last post cannot go earlier).`, '');
    out.push('| time | ideal | ratio | posts accepted | 429 answers | outbox UPDATEs | writes per message | lost | duplicated |', '|---|---|---|---|---|---|---|---|---|');
    out.push(`| ${r2(d.drainS)} s | ${d.idealS} s | **${r2(d.ratio)}** | ${r0(d.accepted)} | ${r0(d.rateLimited)} | ${r0(d.updates)} | **${r2(d.writesPerMessage)}** | ${d.missing} | ${d.duplicates} |`, '');
  }
  if (b.dashboard) out.push(...dashboardSection(b.dashboard).map((l) => l.replace('## Dashboard', '## 5. Dashboard')));
  const notes = join(ROOT, 'bench', 'NOTES.md');
  if (existsSync(notes)) out.push(readFileSync(notes, 'utf8').trim(), '');
  return `${out.join('\n')}\n`;
}
