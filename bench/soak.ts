// `npm run soak`: two replicas — two real `node bin/samrad.js start` processes (the image's command)
// on different ports, one Postgres database, Slack at one fake Web API — take a burst of signed
// commands spread over both; then a simulated week of ticks, each instant run by two
// `samrad tick --now …` processes at once so both replicas' logic races. Finally both replicas get
// SIGTERM. Asserts: every acknowledged command committed, every outbox row sent, what the fake
// received equals what the outbox sent, no text received twice, and every step reminded.
// Bounded (about a minute here), loopback only, database samrad_bench_soak dropped after.
import { spawn } from 'node:child_process';
import postgres from 'postgres';
import { BenchSlack, type FakeUser } from './fake-slack.js';
import { BIN, commandBody, dropDatabase, freePort, freshDatabase, postCommand, serverEnv, sleep, spawnUntilHealthy, type Child } from './lib.js';

const USERS: FakeUser[] = Array.from({ length: 10 }, (_, i) => ({ id: `U${String(i + 1).padStart(8, '0')}`, email: `soak${i + 1}@${i % 2 ? 'arbetsformedlingen.se' : 'helsingborg.se'}` }));
const CASES = Number(process.env.SOAK_CASES ?? 200);
const STEPS = 40;
const CHANNEL = 'CSOAK';

const failures: string[] = [];
const check = (ok: boolean, what: string) => {
  process.stdout.write(`${ok ? 'ok  ' : 'FAIL'} ${what}\n`);
  if (!ok) failures.push(what);
};

/** Runs `samrad tick --now <iso>`; resolves with its exit code and output. */
function tick(env: NodeJS.ProcessEnv, iso: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [BIN, 'tick', '--now', iso], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (out += d));
    p.on('error', reject);
    p.on('close', (code) => resolve({ code, out }));
  });
}

/** Runs `work` over `items` with at most `n` at a time. */
async function pool<T>(items: T[], n: number, work: (x: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: n }, async () => {
    while (next < items.length) {
      const i = next++;
      await work(items[i], i);
    }
  }));
}

/** The Monday after `d` (UTC date), as YYYY-MM-DD. */
function nextMonday(d: Date): Date {
  const x = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  x.setUTCDate(x.getUTCDate() + (((8 - x.getUTCDay()) % 7) || 7));
  return x;
}
const isoDay = (d: Date, plus: number) => new Date(d.getTime() + plus * 86_400_000).toISOString().slice(0, 10);

async function main(): Promise<number> {
  const t0 = performance.now();
  const slack = new BenchSlack(USERS);
  const slackUrl = await slack.start();
  const url = await freshDatabase('soak');
  const sql = postgres(url, { max: 2, onnotice: () => {} });
  const replicas: Child[] = [];
  try {
    // Two replicas starting together also race through the migrations (advisory lock).
    const ports = [await freePort(), await freePort()];
    const started = await Promise.all(ports.map((port) => spawnUntilHealthy([BIN, 'start'], serverEnv(slackUrl, { DATABASE_URL: url, PORT: String(port) }), port)));
    replicas.push(...started.map((s) => s.child));
    process.stdout.write(`two replicas up on ${ports.join(', ')} (${started.map((s) => s.startMs).join(' / ')} ms)\n`);

    const send = (i: number, user: string, text: string) => postCommand(replicas[i % 2].base, commandBody(user, CHANNEL, text, `${slackUrl}/response/${user}-${i}-${Math.random().toString(36).slice(2)}`));
    check((await send(0, USERS[0].id, 'koppla arendeforum-unga')) === 200, 'koppla answered 200');
    const linked = async () => (await sql`select 1 from forums where channel_id = ${CHANNEL}`).length > 0;
    for (let i = 0; i < 100 && !(await linked()); i++) await sleep(100);
    check(await linked(), 'the channel is linked to arendeforum-unga');

    // The burst: cases over both replicas, 20 at a time.
    let acked = 0;
    await pool(Array.from({ length: CASES }, (_, i) => i), 20, async (i) => {
      if ((await send(i, USERS[i % USERS.length].id, `ärende ny grupp:unga samtycke:ja Samplanering inför studiestart, underlag ${i + 1}`)) === 200) acked++;
    });
    const committed = async () => Number((await sql`select count(*)::int as n from case_items`)[0].n);
    for (let i = 0; i < 600 && (await committed()) < acked; i++) await sleep(100);
    check(acked === CASES, `${acked} of ${CASES} case commands acknowledged`);
    check((await committed()) === acked, `${await committed()} cases committed for ${acked} acknowledged`);

    // Next steps due Tuesday–Friday of the coming week, over both replicas.
    const monday = nextMonday(new Date());
    const codes = (await sql<{ code: string }[]>`select code from case_items order by id limit ${STEPS}`).map((r) => r.code);
    let stepAcks = 0;
    await pool(codes, 10, async (code, i) => {
      const owner = USERS[(i + 1) % USERS.length];
      if ((await send(i, USERS[i % USERS.length].id, `åtgärd ny ${code} <@${owner.id}|${owner.id.toLowerCase()}> ${isoDay(monday, 1 + (i % 4))} boka trepartssamtal ${i + 1}`)) === 200) stepAcks++;
    });
    const steps = async () => Number((await sql`select count(*)::int as n from next_steps`)[0].n);
    for (let i = 0; i < 300 && (await steps()) < stepAcks; i++) await sleep(100);
    check((await steps()) === STEPS, `${await steps()} of ${STEPS} next steps committed`);

    // The week: two instants a working day and one on the weekend days, each run by two tick processes at once.
    const env = serverEnv(slackUrl, { DATABASE_URL: url });
    delete env.SAMRAD_MODE;
    const instants: string[] = [];
    for (let d = 0; d < 7; d++) for (const h of d < 5 ? ['07:30', '12:00'] : ['12:00']) instants.push(`${isoDay(monday, d)}T${h}:00Z`);
    let tickFailures = 0;
    for (const iso of instants) {
      const both = await Promise.all([tick(env, iso), tick(env, iso)]);
      for (const r of both) if (r.code !== 0) (tickFailures++, process.stdout.write(r.out));
    }
    check(tickFailures === 0, `${instants.length * 2} tick processes over ${instants.length} instants exited 0`);

    // Replicas stop gracefully.
    const codesOnStop = await Promise.all(replicas.map((r) => r.stop()));
    const errors = replicas.splice(0).flatMap((r) => r.stderr().split("\n").filter((l) => l.includes("\"level\":50")));
    check(errors.length === 0, `no errors logged by the replicas${errors.length ? `:\n${errors.slice(0, 3).join("\n")}` : ""}`);
    check(codesOnStop.every((c) => c === 0), `both replicas exited 0 on SIGTERM (${codesOnStop.join(', ')})`);

    const [box] = await sql<{ total: number; sent: number; other: number; retried: number }[]>`
      select count(*)::int as total, count(*) filter (where status = 'sent')::int as sent,
             count(*) filter (where status not in ('sent', 'superseded'))::int as other,
             count(*) filter (where attempts > 1)::int as retried from outbox`;
    check(box.other === 0, `every outbox row sent or superseded (${box.sent} sent of ${box.total})`);
    const channelPosts = [...slack.posts].filter(([k]) => !k.startsWith('response ')).reduce((n, [, c]) => n + c, 0);
    check(channelPosts === box.sent, `the fake Web API received ${channelPosts} posts for ${box.sent} sent outbox rows`);
    const dups = slack.duplicates();
    check(dups.length === 0, `no text received twice${dups.length ? `: ${dups.slice(0, 3).join(' | ')}` : ''}`);
    const reminders = await sql<{ before: number; after: number; due_mid: number }[]>`
      select count(*) filter (where key like 'remind:step-%:before:%')::int as before,
             count(*) filter (where key like 'remind:step-%:after:%')::int as after,
             (select count(*)::int from next_steps where due_date < ${isoDay(monday, 4)}) as due_mid
      from outbox where status = 'sent'`;
    check(reminders[0].before === STEPS, `${reminders[0].before} of ${STEPS} steps reminded the working day before`);
    check(reminders[0].after === reminders[0].due_mid, `${reminders[0].after} of ${reminders[0].due_mid} steps due Tue–Thu reminded the morning after`);
    const agendas = Number((await sql`select count(*)::int as n from outbox where key like 'agenda:%' and status = 'sent'`)[0].n);
    for (const [k] of slack.posts) if (k.includes(":warning:") || k.includes(":x:")) process.stdout.write(`  refused: ${k.replace(/^response [^|]*\|/, "")}\n`);
    process.stdout.write(`(agenda posts and updates sent: ${agendas}; rows retried: ${box.retried}; Web API posts accepted: ${slack.accepted})\n`);
  } finally {
    await Promise.all(replicas.map((r) => r.stop()));
    await sql.end();
    await slack.stop();
    await dropDatabase('soak');
  }
  process.stdout.write(`soak ${failures.length ? 'FAILED' : 'passed'} in ${Math.round((performance.now() - t0) / 1000)} s\n`);
  return failures.length ? 1 : 0;
}

process.exitCode = await main();
