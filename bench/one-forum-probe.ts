// One forum saturated, then the database and the fake Slack watched second by second (not part of
// `npm run bench`): `node --import tsx bench/one-forum-probe.ts [--paced] [--race] [--ceiling]`, env AMOUNT
// (3000), WATCH (seconds, 90), MAXW (SAMRAD_MAX_WAITING). `--race` resets after the paced phase the way
// the old bench did (at once, in two statements) and shows the stray cases that made every later
// `ärende ny` fail (docs/performance.md).
import postgres from 'postgres';
import { BenchSlack } from './fake-slack.js';
import { benchForum, forumsConfig } from './forums.js';
import { load } from './load.js';
import { BIN, commandBody, dropDatabase, freePort, freshDatabase, postCommand, serverEnv, sleep, spawnUntilHealthy } from './lib.js';
import { USERS, TEXT, ceilingRun } from './slash.js';

const paced = process.argv.includes('--paced');
const amount = Number(process.env.AMOUNT ?? 3000);
const slack = new BenchSlack(USERS);
await slack.start();
if (process.argv.includes('--ceiling')) { console.log('ceiling one', JSON.stringify(await ceilingRun(slack, 1, 3000, 10))); console.log('ceiling twenty', JSON.stringify(await ceilingRun(slack, 20, 3000, 10))); }
const url = await freshDatabase('probe');
const port = await freePort();
const child = (await spawnUntilHealthy([BIN, 'start'], serverEnv(slack.url, { DATABASE_URL: url, PORT: String(port), SAMRAD_CONFIG: forumsConfig(1), ...(process.env.MAXW ? { SAMRAD_MAX_WAITING: process.env.MAXW } : {}) }), port)).child;
const ch = 'CBENCH001';
await postCommand(child.base, commandBody(USERS[0].id, ch, `koppla ${benchForum(0).key}`, `${slack.url}/response/link`));
const base = { base: child.base, slackUrl: slack.url, users: USERS.map((u) => u.id), channels: [ch], text: TEXT };
const sql = postgres(url, { max: 1, onnotice: () => {} });
const state = async () => {
  const c = (await sql`select count(*)::int n from case_items`)[0].n;
  const o = await sql`select status, count(*)::int n, min(attempts) mina, max(attempts) maxa from outbox group by status order by status`;
  return `cases ${c} outbox ${o.map((r) => `${r.status}:${r.n}(att ${r.mina}-${r.maxa})`).join(' ')} posts ${slack.postTimes.length} calls ${JSON.stringify(Object.fromEntries(slack.calls))}`;
};
await load({ ...base, connections: 2, amount: 300 });
await sleep(3000);
console.log('warm-up:', await state());
await sql`truncate case_items, audit_log, outbox restart identity`;
await sql`delete from case_counters`;
if (paced) {
  const l = await load({ ...base, connections: 10, rate: 100, seconds: 5 });
  if (!process.argv.includes('--race')) await sleep(5000);
  else {
    // As the old bench did: its waitPosts returned at once (postTimes held earlier posts), so the reset ran now.
    await sql`truncate case_items, audit_log, outbox restart identity`;
    await sql`delete from case_counters`;
    await sleep(5000);
    console.log('after the racing reset: cases', JSON.stringify(await sql`select code, created_at from case_items order by id`), 'counter', JSON.stringify(await sql`select * from case_counters`));
  }
  console.log('paced', l.ok, l.busy, await state());
  if (!process.argv.includes('--race')) {
    await sql`truncate case_items, audit_log, outbox restart identity`;
    await sql`delete from case_counters`;
  }
}
slack.postTimes.length = 0;
slack.calls.clear();
const t0 = performance.now();
const l = await load({ ...base, connections: 10, amount });
console.log(`load: ok ${l.ok} busy ${l.busy} in ${l.durationS.toFixed(2)} s; admitted ${l.ok - l.busy}`);
for (let i = 0; i < Number(process.env.WATCH ?? 90); i++) {
  console.log(`t+${((performance.now() - t0) / 1000).toFixed(1)}s`, await state());
  await sleep(1000);
}
console.log('stderr (not busy):\n', child.stderr().split('\n').filter((l) => !l.includes('work queue full')).slice(-40).join('\n'));
const resp = new Map<string, number>();
for (const [t, n] of slack.posts) if (t.startsWith('response')) { const k = t.replace(/^response [^|]*\|/, '').slice(0, 120); resp.set(k, (resp.get(k) ?? 0) + n); }
console.log('response_url texts:', [...resp].slice(0, 20));
await sql.end();
await child.stop();
await slack.stop();
await dropDatabase('probe');
