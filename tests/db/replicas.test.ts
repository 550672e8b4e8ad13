// Three replicas (separate connection pools) tick at the same instants, day by day over weeks, against
// one PostgreSQL and one recording chat port: every message reaches the chat exactly once, also when
// the chat is down for days in between. Real Postgres only (PGlite is one connection).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq, sql } from 'drizzle-orm';
import { addDays, isWorkingDay } from '../../src/core/dates.js';
import { DeliveryError } from '../../src/core/ports.js';
import type { Database } from '../../src/db/client.js';
import { createStore } from '../../src/db/stores/index.js';
import { caseItems, outbox } from '../../src/db/schema/index.js';
import { createLogger } from '../../src/log.js';
import { Deliverer } from '../../src/outbox/deliverer.js';
import { runTick, type TickDeps } from '../../src/scheduler/tick.js';
import { onPostgres, openTestDatabase, type TestDatabase } from '../helpers/db.js';
import { ANNA, createTestBot, KARIN, OLLE, type TestBot } from '../helpers/bot.js';
import { at } from '../helpers/tick.js';

const quiet = createLogger('silent');
let database: TestDatabase;
let pools: Database[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  if (onPostgres) pools = [await database.replica(), await database.replica()];
});
afterAll(async () => {
  for (const p of pools) await p.close();
  await database.close();
});

function replicas(bot: TestBot): TickDeps[] {
  return [bot.db, ...pools.map((p) => p.db)].map((db) => ({ store: createStore(db), config: bot.config, deliverer: new Deliverer(createStore(db).outbox, { shell: bot.port }, bot.clock, quiet), logger: quiet }));
}

/**
 * Six weeks from Wednesday 2026-11-25: for four weeks, every working day raises a case and a next step
 * (every third one done the same morning) and each Monday starts an SFI handover; at five instants a day
 * three replicas tick at once. `outage` days make the chat refuse everything.
 */
async function simulate(bot: TestBot, outage: (day: string) => boolean = () => false) {
  const ticks = replicas(bot);
  await bot.say(ANNA, 'koppla arendeforum-unga', 'unga');
  await bot.say(KARIN, 'koppla arendeforum-vuxna', 'vuxna');
  const steps: number[] = [];
  const done: number[] = [];
  let n = 0;
  for (let day = '2026-11-25'; day < '2027-01-06'; day = addDays(day, 1)) {
    bot.port.failWith = outage(day) ? new DeliveryError('chat is down', true) : null;
    if (isWorkingDay(day) && day < '2026-12-23') {
      bot.clock.set(at(day, '09:30'));
      const [channel, owner] = n % 2 ? ['vuxna', OLLE] : ['unga', KARIN];
      await bot.say(ANNA, `ärende ny grupp:unga samtycke:ja Ärende ${++n}`, channel);
      const [{ code: c }] = await bot.db.select({ code: caseItems.code }).from(caseItems).orderBy(desc(caseItems.id)).limit(1);
      await bot.say(ANNA, `åtgärd ny ${c} @${owner} +2 uppföljning ${n}`, channel);
      steps.push(steps.length + 1);
      if (n % 3 === 0) {
        bot.clock.set(at(day, '09:45'));
        await bot.say(owner, `åtgärd klar ${steps.length}`, channel);
        done.push(steps.length);
      }
      if (new Date(`${day}T12:00:00Z`).getUTCDay() === 1) await bot.say(ANNA, `överlämning ny sfi ${c} @${KARIN}`, channel);
    }
    for (const time of ['07:59', '08:00', '08:00', '10:00', '14:00']) {
      bot.clock.set(at(day, time));
      await Promise.all(ticks.map((t) => runTick(t, bot.clock.now())));
    }
  }
  bot.port.failWith = null;
  // After the last day, a few more rounds flush whatever still waits for its backoff.
  for (let i = 0; i < 4; i++) {
    bot.clock.advance(3_600_000);
    await Promise.all(ticks.map((t) => runTick(t, bot.clock.now())));
  }
  return { steps, done };
}

async function checkExactlyOnce(bot: TestBot, r: { steps: number[]; done: number[] }) {
  const rows = await bot.db.select({ status: outbox.status, n: sql<number>`count(*)::int` }).from(outbox).groupBy(outbox.status);
  const byStatus = Object.fromEntries(rows.map((x) => [x.status, x.n]));
  // Nothing lost: everything queued was delivered (or gave way to a newer agenda update).
  expect(Object.keys(byStatus).filter((s) => !['sent', 'superseded'].includes(s))).toEqual([]);
  expect(bot.port.sent.length).toBe(byStatus.sent);
  // Nothing twice: no message reached the same place twice.
  const seen = bot.port.sent.map((s) => JSON.stringify([s.target, s.text, s.replaces ?? null]));
  expect(seen.length - new Set(seen).size).toBe(0);
  // Each open step: one reminder before, one after, one escalation in the channel; none for done ones.
  // A day's reminders of one person (and the channel's escalations) come as one digest: count its lines.
  const lines = (t: string) => (/^(Dina påminnelser|Försenat i)/.test(t) ? t.split('\n').filter((l) => l.trim().startsWith('• ')) : [t]);
  const dms = bot.port.sent.filter((s) => s.target.kind === 'member').flatMap((s) => lines(s.text));
  const channel = bot.port.sent.filter((s) => s.target.kind === 'channel').flatMap((s) => lines(s.text));
  const inDigest = (t: string, id: number, what: string) => t.trim().startsWith(`• åtgärd #${id} (`) && t.includes(what);
  for (const id of r.steps) {
    const expected = r.done.includes(id) ? 0 : 1;
    expect([id, dms.filter((t) => t.startsWith(`Påminnelse: åtgärd #${id} `) || inDigest(t, id, 'i morgon')).length]).toEqual([id, expected]);
    expect([id, dms.filter((t) => (t.startsWith(`Åtgärd #${id} `) && t.includes('skulle vara klar')) || inDigest(t, id, 'skulle vara klar')).length]).toEqual([id, expected]);
    expect([id, channel.filter((t) => (t.includes(`: #${id} (`) && t.startsWith('Försenad åtgärd')) || inDigest(t, id, 'försenad')).length]).toEqual([id, expected]);
  }
  // One agenda post per meeting; later changes edit it.
  const agendas = bot.port.sent.filter((s) => s.text.startsWith('Dagordning'));
  const firsts = agendas.filter((s) => s.replaces === undefined).map((s) => s.text.split('\n')[0]);
  expect(firsts.length).toBe(new Set(firsts).size);
  expect(firsts.length).toBeGreaterThanOrEqual(5);
  for (const u of agendas.filter((s) => s.replaces !== undefined)) expect(u.replaces).toMatchObject({ id: expect.any(Number) });
  return { sent: byStatus.sent as number, agendas: firsts.length, updates: agendas.length - firsts.length };
}

describe.skipIf(!onPostgres)('three replicas on one PostgreSQL', () => {
  it('deliver every message exactly once, day by day over six weeks', async () => {
    const bot = await createTestBot(database, { now: at('2026-11-25', '09:00') });
    const r = await simulate(bot);
    const stats = await checkExactlyOnce(bot, r);
    expect(r.steps.length).toBe(20);
    expect(stats.sent).toBeGreaterThan(100);
  }, 180_000);

  it('deliver everything exactly once after the chat was down for three days', async () => {
    const bot = await createTestBot(database, { now: at('2026-11-25', '09:00') });
    const r = await simulate(bot, (day) => day >= '2026-11-30' && day <= '2026-12-02');
    const stats = await checkExactlyOnce(bot, r);
    expect(stats.sent).toBeGreaterThan(100);
    const [failed] = await bot.db.select({ n: sql<number>`count(*)::int` }).from(outbox).where(eq(outbox.status, 'failed'));
    expect(failed.n).toBe(0);
  }, 180_000);
});
