// Three replicas over a simulated month, with faults sprinkled in (issue 16): three deliverers (own
// connection pools on PostgreSQL; on PGlite the one instance) tick at the same instants of an injected
// clock through 30 days of commands, while the chat now and then resets after taking a post in, answers
// 503, asks for a Retry-After, and one replica dies after claiming a batch and posting part of it.
// Counted by outbox key at the chat: 0 lost, 0 duplicated posts. (An edit of an earlier post — an
// agenda update — whose outcome was unknown is made again: the same edit twice shows the same thing.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc } from 'drizzle-orm';
import { addDays, isWorkingDay } from '../../src/core/dates.js';
import type { Message, Target } from '../../src/core/model.js';
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
  pools = [await database.replica(), await database.replica()];
});
afterAll(async () => {
  for (const p of pools) await p.close();
  await database.close();
});

/** The test bot's chat, with faults by turn: every 7th send resets after the post was made, every 11th is a 503 before it, every 13th a 429. */
function faultyChat(bot: TestBot) {
  const record = bot.port.send.bind(bot.port);
  const posted: string[] = [];
  let n = 0;
  const faults = { reset: 0, unavailable: 0, limited: 0 };
  const state = { down: false };
  const post = async (target: Target, message: Message, replaces?: unknown, key?: string) => {
    const ref = await record(target, message, replaces);
    // An edit of an earlier post (an agenda update) done twice shows the same thing: only new posts count.
    if (replaces === undefined) posted.push(key!);
    return ref ?? { key };
  };
  Object.assign(bot.port, {
    send: async (target: Target, message: Message, replaces?: unknown, key?: string) => {
      n++;
      if (state.down) throw new DeliveryError('HTTP 503', true, undefined, true);
      if (n % 13 === 0) throw (faults.limited++, new DeliveryError('rate limited', true, 2_000));
      if (n % 11 === 0) throw (faults.unavailable++, new DeliveryError('HTTP 503', true, undefined, true));
      const ref = await post(target, message, replaces, key);
      if (n % 7 === 0) throw (faults.reset++, new DeliveryError('connection reset', true, undefined, true));
      return ref;
    },
    // Like Slack's history: a post made is found by its key.
    findSent: async (_t: Target, key: string) => (posted.includes(key) ? { key } : null),
  });
  return { posted, faults, post, state };
}

describe('three replicas over a simulated month, with faults', () => {
  it('deliver every message exactly once', async () => {
    const bot = await createTestBot(database, { now: at('2026-11-25', '09:00') });
    const chat = faultyChat(bot);
    const ports = { shell: bot.port, slack: bot.port, teams: bot.port };
    const replicas: TickDeps[] = [bot.db, ...pools.map((p) => p.db)].map((db) => ({ store: createStore(db), config: bot.config, deliverer: new Deliverer(createStore(db).outbox, ports, bot.clock, quiet, { wake: false, rates: {} }), logger: quiet }));
    await bot.say(ANNA, 'koppla arendeforum-unga', 'unga');
    await bot.say(KARIN, 'koppla arendeforum-vuxna', 'vuxna');
    let n = 0;
    let crashed = 0;
    for (let day = '2026-11-25'; day < '2026-12-25'; day = addDays(day, 1)) {
      // On the crash day the chat refuses the morning's posts, so they wait for the (dying) replica.
      chat.state.down = day === '2026-12-09';
      if (isWorkingDay(day)) {
        bot.clock.set(at(day, '09:30'));
        const [channel, owner] = n % 2 ? ['vuxna', OLLE] : ['unga', KARIN];
        await bot.say(ANNA, `ärende ny grupp:unga samtycke:ja Ärende ${++n}`, channel);
        const [{ code }] = await bot.db.select({ code: caseItems.code }).from(caseItems).orderBy(desc(caseItems.id)).limit(1);
        await bot.say(ANNA, `åtgärd ny ${code} @${owner} +2 uppföljning ${n}`, channel);
        if (n % 4 === 0) await bot.say(owner, `åtgärd klar ${n}`, channel);
      }
      if (day === '2026-12-09') {
        // A replica claims what is due, posts half of it and dies: its lease (60 s) runs out.
        bot.clock.set(at(day, '09:59'));
        chat.state.down = false;
        const claimed = await replicas[2].store.outbox.claim(bot.clock.now(), 60_000, 50);
        // (As a deliverer does, it looks first for a row whose earlier attempt may have been posted.)
        for (const row of claimed.slice(0, Math.ceil(claimed.length / 2))) if (!(row.uncertain && chat.posted.includes(row.key))) await chat.post(row.target as Target, row.payload as Message, undefined, row.key);
        crashed = claimed.length;
      }
      for (const time of ['08:00', '14:00']) {
        bot.clock.set(at(day, time));
        await Promise.all(replicas.map((t) => runTick(t, bot.clock.now())));
      }
    }
    for (let i = 0; i < 4; i++) {
      bot.clock.advance(3_600_000);
      await Promise.all(replicas.map((t) => runTick(t, bot.clock.now())));
    }

    const rows = await bot.db.select({ key: outbox.key, status: outbox.status, replaces: outbox.replaces }).from(outbox);
    expect(rows.filter((r) => !['sent', 'superseded'].includes(r.status)).map((r) => `${r.key}:${r.status}`)).toEqual([]);
    // Each key at the chat exactly once, and exactly the rows recorded as sent.
    expect(chat.posted.filter((k, i) => chat.posted.indexOf(k) !== i)).toEqual([]);
    expect([...chat.posted].sort()).toEqual(rows.filter((r) => r.status === 'sent' && r.replaces === null).map((r) => r.key).sort());
    // The faults did happen.
    expect(chat.faults.reset).toBeGreaterThan(5);
    expect(chat.faults.unavailable).toBeGreaterThan(3);
    expect(chat.faults.limited).toBeGreaterThan(3);
    expect(crashed).toBeGreaterThan(0);
    expect(rows.length).toBeGreaterThan(80);
  }, 120_000);
});

void onPostgres;
