// Teams at the wire: a local fake Bot Framework connector (the activities' serviceUrl) that records
// what the bot sends, a roster it answers from, and the bot behind the real /api/messages route.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadFileConfig, teamsSetup, type AppConfig } from '../../src/config.js';
import type { Store } from '../../src/core/stores.js';
import { conversationRefs, createStore, syncSettings } from '../../src/db/stores/index.js';
import { createLogger, type Logger } from '../../src/log.js';
import { Samrad } from '../../src/core/samrad.js';
import type { Platform } from '../../src/core/model.js';
import type { ChatPort } from '../../src/core/ports.js';
import { Deliverer } from '../../src/outbox/deliverer.js';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createHttpServer, healthRoutes, listen } from '../../src/http/server.js';
import { createTeams, type TeamsAdapterParts } from '../../adapters/teams/index.js';
import { FakeClock, T0 } from './bot.js';
import { openTestDatabase, type TestDatabase } from './db.js';

export interface Recorded {
  method: string;
  path: string;
  conversationId: string;
  body: Record<string, any>;
}

export interface RosterEntry {
  id: string;
  aadObjectId: string;
  name: string;
  email?: string;
  userPrincipalName?: string;
  tenantId?: string;
}

/** A Bot Framework connector on 127.0.0.1: records activities, answers roster and conversation calls. */
export class FakeConnector {
  readonly received: Recorded[] = [];
  readonly roster: RosterEntry[] = [];
  /** Answers queued for the next activity posts (e.g. a 429 once). */
  readonly failures: { status: number; headers?: Record<string, string> }[] = [];
  private waiters: { pred: (r: Recorded) => boolean; resolve: (r: Recorded) => void }[] = [];
  private server: Server;
  url = '';
  private n = 0;

  constructor() {
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  async start(): Promise<this> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  stop(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }

  clear(): void {
    this.received.length = 0;
    this.failures.length = 0;
  }

  /** Activities the bot posted (replies, proactive posts, updates), optionally in one conversation. */
  activities(conversationId?: string): Recorded[] {
    return this.received.filter((r) => /\/activities/.test(r.path) && (conversationId === undefined || r.conversationId === conversationId));
  }

  /** All text of the activities' cards, flattened, one string per activity. */
  texts(conversationId?: string): string[] {
    return this.activities(conversationId).map((r) => cardText(r.body));
  }

  /** Resolves with the first recorded call matching `pred` (already there or still to come), or fails after `ms`. */
  waitFor(pred: (r: Recorded) => boolean, ms = 5_000): Promise<Recorded> {
    const hit = this.received.find(pred);
    if (hit) return Promise.resolve(hit);
    return new Promise((resolve, reject) => {
      const w = { pred, resolve };
      this.waiters.push(w);
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((x) => x !== w);
        reject(new Error('the fake connector received nothing matching in time'));
      }, ms);
      w.resolve = (r) => {
        clearTimeout(timer);
        resolve(r);
      };
    });
  }

  private async handle(req: IncomingMessage, res: import('node:http').ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', this.url);
    const path = decodeURIComponent(url.pathname);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    const member = /^\/v3\/conversations\/([^/]+)\/members\/([^/]+)$/.exec(path);
    if (req.method === 'GET' && member) {
      const who = this.roster.find((p) => [p.id, p.aadObjectId, p.userPrincipalName, p.email].includes(member[2]));
      return who ? send(200, who) : send(404, { error: { code: 'MemberNotFoundInConversation', message: 'not found' } });
    }
    const body = raw ? JSON.parse(raw) : {};
    if (req.method === 'POST' && path === '/v3/conversations') {
      const rec = { method: 'POST', path, conversationId: '', body };
      this.received.push(rec);
      this.notify(rec);
      return send(201, { id: `a:dm-${body.members?.[0]?.id ?? 'x'}` });
    }
    const act = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(path);
    if (act && (req.method === 'POST' || req.method === 'PUT')) {
      const fail = this.failures.shift();
      if (fail) return send(fail.status, { error: { code: 'Throttled', message: 'try later' } }, fail.headers);
      const rec = { method: req.method, path, conversationId: act[1], body };
      this.received.push(rec);
      this.notify(rec);
      return send(200, { id: req.method === 'PUT' ? act[2] : `act-${++this.n}` });
    }
    send(404, { error: { code: 'NotFound', message: path } });
  }

  private notify(rec: Recorded): void {
    for (const w of [...this.waiters]) {
      if (w.pred(rec)) {
        this.waiters = this.waiters.filter((x) => x !== w);
        w.resolve(rec);
      }
    }
  }
}

/** Every text of an activity: its text and all TextBlock/FactSet strings of its cards. */
export function cardText(activity: Record<string, any>): string {
  const out: string[] = [];
  if (activity.text) out.push(activity.text);
  const walk = (x: unknown) => {
    if (Array.isArray(x)) return x.forEach(walk);
    if (!x || typeof x !== 'object') return;
    const o = x as Record<string, any>;
    if (o.type === 'TextBlock' && typeof o.text === 'string') out.push(o.text);
    if (o.type === 'FactSet') for (const f of o.facts ?? []) out.push(`${f.title}: ${f.value}`);
    if (typeof o.label === 'string' && typeof o.id === 'string') out.push(o.label);
    if (typeof o.title === 'string' && typeof o.type === 'string' && o.type.startsWith('Action.')) out.push(`[${o.title}]`);
    for (const v of Object.values(o)) if (typeof v === 'object') walk(v);
  };
  for (const a of activity.attachments ?? []) walk(a.content);
  return out.join('\n');
}

export interface TeamsRig {
  connector: FakeConnector;
  store: Store;
  clock: FakeClock;
  deliverer: Deliverer;
  /** The core the adapter runs commands through (tests seed large forums through it). */
  core: Samrad;
  teams: TeamsAdapterParts;
  url: string;
  /** Posts one activity to /api/messages; returns the HTTP status and JSON body (for invokes). */
  post(activity: Record<string, unknown>, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

export function appConfig(env: Record<string, string>): AppConfig {
  const file = env.SAMRAD_CONFIG ? loadFileConfig(env.SAMRAD_CONFIG) : loadFileConfig();
  const teamsConfigured = Boolean(env.MicrosoftAppId || env.TEAMS_ALLOW_UNAUTHENTICATED === '1');
  return { env: { DATA_DIR: './data', PORT: 0, ...env } as AppConfig['env'], file, configPath: '', mode: 'server', slackConfigured: false, teamsConfigured };
}

/** The server composition of `startServer`, on port 0, against the test database. */
export async function startTeamsRig(
  database: TestDatabase,
  connector: FakeConnector,
  env: Record<string, string> = { TEAMS_ALLOW_UNAUTHENTICATED: '1' },
  logger: Logger = createLogger('silent'),
): Promise<TeamsRig> {
  await database.reset();
  connector.clear();
  const config = appConfig(env);
  const clock = new FakeClock(new Date(T0));
  const store = createStore(database.db);
  await syncSettings(database.db, config.file);
  const ports: Partial<Record<Platform, ChatPort>> = {};
  // Unpaced, as in the Slack rig: a test posts several times a second (pacing has tests of its own).
  const deliverer = new Deliverer(store.outbox, ports, clock, logger, { rates: {} });
  const core = new Samrad({ store, config: config.file, clock, logger, deliver: async (ids) => void (await deliverer.deliver(ids)), deliverClaimed: async (rows) => void (await deliverer.sendClaimed(rows)) });
  const teams = createTeams(teamsSetup(config), { core, refs: conversationRefs(database.db), config: config.file, clock, logger });
  if (teams.port) ports.teams = teams.port;
  const server = createHttpServer([...healthRoutes(async () => true), teams.route], logger);
  const port = await listen(server, 0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  return {
    connector,
    store,
    clock,
    deliverer,
    core,
    teams,
    url,
    async post(activity, headers = {}) {
      const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(activity) });
      const text = await res.text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        // plain text answers (botbuilder's own errors) stay text
      }
      return { status: res.status, body };
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/**
 * One database and fake connector per test file (the connector knows `roster`), a fresh rig per test.
 * `logger` is called for each rig, so a test can keep the sink of its own run.
 */
export function useTeamsRig(roster: RosterEntry[], logger?: () => Logger): { readonly database: TestDatabase; readonly connector: FakeConnector; readonly rig: TeamsRig } {
  let database: TestDatabase;
  let connector: FakeConnector;
  let rig: TeamsRig;
  beforeAll(async () => {
    database = await openTestDatabase();
    connector = await new FakeConnector().start();
    connector.roster.push(...roster);
  });
  afterAll(async () => {
    await connector.stop();
    await database.close();
  });
  beforeEach(async () => {
    rig = await startTeamsRig(database, connector, undefined, logger?.());
    return () => rig.close();
  });
  return {
    get database() { return database; },
    get connector() { return connector; },
    get rig() { return rig; },
  };
}
