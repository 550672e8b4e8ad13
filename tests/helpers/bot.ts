// A whole bot on a real database with an injected clock and a recording chat port:
// tests talk to it the way a user types, and read what a user would see.
import { loadFileConfig, type FileConfig } from '../../src/config.js';
import type { Store } from '../../src/core/stores.js';
import type { Db } from '../../src/db/client.js';
import { createStore, syncSettings } from '../../src/db/stores/index.js';
import { createLogger } from '../../src/log.js';
import { Samrad } from '../../src/core/samrad.js';
import type { Clock, Identity, Message, Platform, Reply, Target } from '../../src/core/model.js';
import type { ChatPort } from '../../src/core/ports.js';
import { toPlainText } from '../../src/core/plaintext.js';
import { Deliverer } from '../../src/outbox/deliverer.js';
import { minutesPdf } from '../../src/export/renderer.js';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { openTestDatabase, type TestDatabase } from './db.js';

export class FakeClock implements Clock {
  constructor(private t: Date) {}
  now(): Date {
    return new Date(this.t);
  }
  set(iso: string | Date): void {
    this.t = new Date(iso);
  }
  advance(ms: number): void {
    this.t = new Date(this.t.getTime() + ms);
  }
}

export interface Sent {
  target: Target;
  message: Message;
  text: string;
  replaces?: unknown;
}

/** A chat port that remembers everything it was asked to send. */
export class RecordingPort implements ChatPort {
  sent: Sent[] = [];
  /** Set to make the next sends fail (e.g. a chat outage). */
  failWith: Error | null = null;
  async send(target: Target, message: Message, replaces?: unknown): Promise<unknown> {
    if (this.failWith) throw this.failWith;
    this.sent.push({ target, message, text: toPlainText(message), replaces });
    return { id: this.sent.length };
  }
  toChannel(channelId: string): string[] {
    return this.sent.filter((s) => s.target.kind === 'channel' && s.target.channelId === channelId).map((s) => s.text);
  }
  toMember(externalId: string): string[] {
    return this.sent.filter((s) => s.target.kind === 'member' && s.target.externalId === externalId).map((s) => s.text);
  }
  clear(): void {
    this.sent = [];
  }
}

export interface TestBot {
  core: Samrad;
  store: Store;
  /** The database itself, for tests that read what no store offers. */
  db: Db;
  clock: FakeClock;
  port: RecordingPort;
  deliverer: Deliverer;
  config: FileConfig;
  /** Runs one command as `user` (an e-mail) in `channel`; returns the reply text ('' when it went to the channel). */
  say(user: string, text: string, channel?: string): Promise<string>;
  sayRaw(user: string, text: string, channel?: string): Promise<Reply>;
}

export const T0 = '2026-11-25T09:00:00+01:00';

export function shellUser(email: string): Identity {
  return { platform: 'shell', externalId: email, email, displayName: email };
}

/** Resets the database, mirrors the config into it and wires a bot. Call in beforeEach. */
export interface TestBotOptions {
  now?: string;
  config?: FileConfig;
  platform?: Platform;
}

export async function createTestBot(database: TestDatabase, opts: TestBotOptions = {}): Promise<TestBot> {
  await database.reset();
  const config = opts.config ?? loadFileConfig();
  const clock = new FakeClock(new Date(opts.now ?? T0));
  const store = createStore(database.db);
  await syncSettings(database.db, config);
  const port = new RecordingPort();
  const logger = createLogger('silent');
  const deliverer = new Deliverer(store.outbox, { shell: port, slack: port, teams: port }, clock, logger, { wake: false });
  const core = new Samrad({ store, config, clock, logger, deliver: async (ids) => void (await deliverer.deliver(ids)), deliverClaimed: async (rows) => void (await deliverer.sendClaimed(rows)), minutesPdf });
  const sayRaw = (user: string, text: string, channel = 'unga') => core.handle({ identity: shellUser(user), channel: { platform: 'shell', id: channel }, text });
  return {
    core,
    store,
    db: database.db,
    clock,
    port,
    deliverer,
    config,
    sayRaw,
    say: async (user, text, channel) => {
      const r = await sayRaw(user, text, channel);
      return r.message ? toPlainText(r.message) : '';
    },
  };
}

export const ANNA = 'anna@arbetsformedlingen.se';
export const KARIN = 'karin@helsingborg.se';
export const OLLE = 'olle@helsingborg.se';
export const STRANGER = 'someone@example.org';

/** What a test file gets from useTestBot: live views of the running test's bot and the file's database. */
export interface UsedTestBot {
  bot: TestBot;
  database: TestDatabase;
}

/**
 * The usual hooks of a test file on a whole bot: one database for the file (opened before all tests,
 * closed after) and, before each test, a fresh bot on the reset database followed by `setup` (e.g. link a
 * channel). Call it at the top level; hooks the file registers later run after these.
 */
export function useTestBot(opts: TestBotOptions & { setup?: (bot: TestBot) => Promise<unknown> | void } = {}): UsedTestBot {
  const { setup, ...botOpts } = opts;
  const database = useTestDatabase();
  let bot: TestBot | undefined;
  beforeEach(async () => {
    bot = await createTestBot(database, botOpts);
    await setup?.(bot);
  });
  return { bot: liveView(() => bot, 'bot'), database };
}

/** Only the database hooks (for files that make their bots themselves): opened before all tests, closed after. */
export function useTestDatabase(): TestDatabase {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });
  return liveView(() => database, 'database');
}

/**
 * Forwards every property to whatever `current()` is now, so a file can take `bot` once at the top
 * although a new one is made before each test (what the `let bot` + reassignment did before).
 */
export function liveView<T extends object>(current: () => T | undefined, what: string): T {
  return new Proxy({} as T, {
    get(_, key) {
      const target = current();
      if (!target) throw new Error(`the test ${what} exists only inside hooks and tests`);
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
