// Slack at the wire, for tests: a local fake of the Web API that records every call and answers the
// way Slack does, and a client that posts signed requests to /slack/events the way Slack sends them.
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { composeServer, type ServerComposition, type ServerOverrides } from '../../src/cli.js';
import { loadConfig } from '../../src/config.js';
import type { Store } from '../../src/core/stores.js';
import { createStore, syncSettings } from '../../src/db/stores/index.js';
import { createLogger, type Logger } from '../../src/log.js';
import { listen } from '../../src/http/server.js';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { FakeClock, liveView, T0, useTestDatabase } from './bot.js';
import type { TestDatabase } from './db.js';
import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';

export interface SlackCall {
  /** Web API method (`chat.postMessage`), or `response_url` for posts to a response URL. */
  method: string;
  body: Record<string, any>;
  /** Whether the fake answered with success. */
  ok: boolean;
  /** The full URL called (tells response URLs apart). */
  url: string;
  /** chat.postMessage only: the post was made (also when the answer never reached the caller). */
  posted?: boolean;
}

type FaultKind = 'reset' | 'hang' | { status: number; headers?: Record<string, string>; body?: unknown; /** The post is made before the error answer (a 5xx after receipt). */ posted?: boolean };
interface Fault {
  method: string;
  kind: FaultKind;
  match: (body: Record<string, any>) => boolean;
  left: number;
}

export interface FakeUser {
  id: string;
  email: string | null;
  name: string;
  locale?: string;
  /** Slack user groups (`S…`) the person is in: usergroups.list answers with them. */
  groups?: string[];
}

type Scripted = { status: number; headers?: Record<string, string>; body?: unknown };

/** A fake Slack Web API on 127.0.0.1 (port 0). */
export class FakeSlack {
  calls: SlackCall[] = [];
  private server!: Server;
  private users = new Map<string, FakeUser>();
  private scripted = new Map<string, Scripted[]>();
  private gates = new Map<string, Promise<void>>();
  private waiters: { match: (c: SlackCall) => boolean; resolve: (c: SlackCall) => void }[] = [];
  private ts = Math.floor(Date.now() / 1000);
  private responseUrls = 0;
  /** Faults for calls matching a predicate (issue 16): answered, reset after receipt, or held for ever. */
  private faults: Fault[] = [];
  /** What was posted, per channel, as conversations.history shows it (with metadata). */
  private history = new Map<string, { ts: string; text?: string; metadata?: unknown }[]>();
  /** A slow Web API: every answer to the method waits this long (issue 16's kill -9 burst). */
  private latency = new Map<string, number>();

  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let raw = '';
      req.setEncoding('utf8');
      req.on('data', (c) => (raw += c));
      req.on('end', () => void this.answer(req.url ?? '/', req.headers['content-type'] ?? '', raw, res));
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private hanging: import('node:http').ServerResponse[] = [];

  /** Records a post in the channel's history; returns its ts. */
  private post(body: Record<string, any>): string {
    const ts = `${++this.ts}.000100`;
    const list = this.history.get(body.channel) ?? [];
    list.push({ ts, text: body.text, metadata: body.metadata });
    this.history.set(body.channel, list);
    return ts;
  }

  async stop(): Promise<void> {
    for (const r of this.hanging.splice(0)) r.socket?.destroy();
    this.server.closeAllConnections?.();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  reset(users: FakeUser[]): void {
    this.calls = [];
    this.faults = [];
    this.history.clear();
    this.scripted.clear();
    this.gates.clear();
    this.latency.clear();
    this.users = new Map(users.map((u) => [u.id, u]));
  }

  /** A fresh response_url pointing at this fake. */
  responseUrl(): string {
    return `${this.url}/response/${++this.responseUrls}`;
  }

  /** The next calls of `method` get these answers, in order (then success again). */
  script(method: string, ...answers: Scripted[]): void {
    this.scripted.set(method, [...(this.scripted.get(method) ?? []), ...answers]);
  }

  /** Holds every answer to `method` until the returned release is called (a slow Web API). */
  hold(method: string): () => void {
    let release!: () => void;
    this.gates.set(method, new Promise<void>((r) => (release = r)));
    return () => {
      this.gates.delete(method);
      release();
    };
  }

  /** Resolves with the first recorded call (past or future) that matches; fails after `ms`. */
  waitFor(match: (c: SlackCall) => boolean, what = 'a matching call', ms = 10_000): Promise<SlackCall> {
    const found = this.calls.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const waiter = { match, resolve: (c: SlackCall) => (clearTimeout(timer), resolve(c)) };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`timed out waiting for ${what}; calls: ${this.calls.map((c) => c.method).join(', ')}`));
      }, ms);
      this.waiters.push(waiter);
    });
  }

  /** Waits for a call of `method` whose body matches. */
  waitForCall(method: string, match: (body: Record<string, any>) => boolean = () => true, what = method): Promise<SlackCall> {
    return this.waitFor((c) => c.method === method && c.ok && match(c.body), what);
  }

  of(method: string): SlackCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /**
   * The next `times` calls of `method` whose body matches get `fault`: a scripted answer, a reset of
   * the connection after the call was taken in (a post is then in the history all the same), or no
   * answer at all (`hang`, until the fake stops).
   */
  fault(method: string, fault: FaultKind, o: { match?: (body: Record<string, any>) => boolean; times?: number } = {}): void {
    this.faults.push({ method, kind: fault, match: o.match ?? (() => true), left: o.times ?? 1 });
  }

  /** Drops the faults not yet used up: the Web API answers normally again. */
  clearFaults(): void {
    this.faults = [];
  }

  /** Every later answer to `method` takes `ms` (a slow Web API; 0 for none). */
  slow(method: string, ms: number): void {
    this.latency.set(method, ms);
  }

  /** Posts that reached the fake (answered or not), by their outbox key in the message metadata. */
  postedKeys(): string[] {
    return this.calls.filter((c) => c.method === 'chat.postMessage' && c.posted).map((c) => c.body.metadata?.event_payload?.key);
  }

  private async answer(url: string, type: string, raw: string, res: import('node:http').ServerResponse): Promise<void> {
    const body = parseBody(type, raw);
    const method = url.startsWith('/response/') ? 'response_url' : url.replace(/^\/api\//, '').replace(/\?.*$/, '');
    const fault = this.faults.find((f) => f.method === method && f.left > 0 && f.match(body));
    if (fault) {
      fault.left--;
      const kind = fault.kind;
      if (kind === 'reset' || kind === 'hang') {
        // Taken in: a post is made before the connection dies (or while it hangs).
        const posted = method === 'chat.postMessage' ? this.post(body) : undefined;
        this.record({ method, body, ok: false, url: `${this.url}${url}`, posted: Boolean(posted) });
        if (kind === 'reset') res.socket?.destroy();
        else this.hanging.push(res);
        return;
      }
      const made = kind.posted && method === 'chat.postMessage' ? this.post(body) : undefined;
      this.record({ method, body, ok: false, url: `${this.url}${url}`, ...(made ? { posted: true } : {}) });
      res.writeHead(kind.status, { 'content-type': 'application/json', ...(kind.headers ?? {}) });
      res.end(JSON.stringify(kind.body ?? { ok: false }));
      return;
    }
    const gate = this.gates.get(method);
    if (gate) await gate;
    const latency = this.latency.get(method);
    if (latency) await new Promise((r) => setTimeout(r, latency));
    const scripted = this.scripted.get(method)?.shift();
    const [status, headers, reply] = scripted ? [scripted.status, scripted.headers ?? {}, scripted.body ?? { ok: false }] : [200, {}, this.reply(method, body)];
    const ok = status === 200 && (reply as { ok?: boolean }).ok !== false;
    this.record({ method, body, ok, url: `${this.url}${url}`, posted: method === 'chat.postMessage' && ok });
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(reply));
  }

  private record(call: SlackCall): void {
    this.calls.push(call);
    for (const w of [...this.waiters]) {
      if (w.match(call)) {
        this.waiters = this.waiters.filter((x) => x !== w);
        w.resolve(call);
      }
    }
  }

  private reply(method: string, body: Record<string, any>): unknown {
    const ts = () => `${++this.ts}.000100`;
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', user: 'samrad' };
      case 'users.info': {
        const u = this.users.get(body.user);
        if (!u) return { ok: false, error: 'user_not_found' };
        return {
          ok: true,
          user: { id: u.id, name: u.name, real_name: u.name, is_bot: false, deleted: false, ...(body.include_locale ? { locale: u.locale ?? 'en-US' } : {}), profile: { display_name: u.name, ...(u.email ? { email: u.email } : {}) } },
        };
      }
      case 'usergroups.list': {
        const ids = [...new Set([...this.users.values()].flatMap((u) => u.groups ?? []))];
        return { ok: true, usergroups: ids.map((id) => ({ id, handle: id.toLowerCase(), ...(body.include_users ? { users: [...this.users.values()].filter((u) => u.groups?.includes(id)).map((u) => u.id) } : {}) })) };
      }
      case 'users.lookupByEmail': {
        const u = [...this.users.values()].find((x) => x.email === body.email);
        return u ? { ok: true, user: { id: u.id } } : { ok: false, error: 'users_not_found' };
      }
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(body.users).slice(1)}` } };
      case 'chat.postMessage':
        return { ok: true, channel: body.channel, ts: this.post(body) };
      case 'chat.update':
        return { ok: true, channel: body.channel, ts: body.ts };
      case 'conversations.history': {
        const all = (this.history.get(body.channel) ?? []).filter((m) => Number(m.ts) >= Number(body.oldest ?? 0));
        return { ok: true, has_more: false, messages: [...all].reverse().map((m) => (body.include_all_metadata ? m : { ts: m.ts, text: m.text })) };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: ts() };
      case 'views.open':
      case 'views.publish':
        return { ok: true, view: { id: `V${this.calls.length}` } };
      case 'response_url':
        return { ok: true };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
}

function parseBody(type: string, raw: string): Record<string, any> {
  if (type.includes('application/json')) return raw ? JSON.parse(raw) : {};
  const out: Record<string, any> = {};
  for (const [k, v] of new URLSearchParams(raw)) out[k] = /^[[{]/.test(v) ? JSON.parse(v) : v === 'true' ? true : v;
  return out;
}

/** Every piece of text a user would see in a call's blocks (or its text), joined by newlines. */
export function visibleText(body: Record<string, any>): string {
  const parts: string[] = [];
  const walk = (v: any): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      if (typeof v.text === 'string') parts.push(v.text);
      for (const [k, x] of Object.entries(v)) if (k !== 'text' || typeof x !== 'string') walk(x);
    }
  };
  walk(body.blocks ?? body.view?.blocks ?? []);
  if (!parts.length && typeof body.text === 'string') parts.push(body.text);
  return parts.join('\n').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Buttons (label and the command they run) in a call's blocks. */
export function buttons(body: Record<string, any>): { label: string; value: string; actionId: string }[] {
  const out: { label: string; value: string; actionId: string }[] = [];
  for (const b of body.blocks ?? body.view?.blocks ?? []) {
    if (b.type !== 'actions') continue;
    for (const e of b.elements) if (e.type === 'button') out.push({ label: e.text.text, value: e.value, actionId: e.action_id });
  }
  return out;
}

/** Posts to the bot's /slack/events the way Slack does: signed with v0 HMAC-SHA256 of `v0:ts:body`. */
// Ids Slack makes unique per request; two requests in the same millisecond must not share one (a retry
// detector would take the second for the first).
let sequence = 0;

export class SlackClient {
  constructor(
    private readonly base: string,
    private readonly secret: string,
  ) {}

  async post(body: string, contentType: string, opts: { timestamp?: number; signature?: string; headers?: Record<string, string> } = {}): Promise<{ status: number; text: string }> {
    const ts = opts.timestamp ?? Math.floor(Date.now() / 1000);
    const signature = opts.signature ?? sign(this.secret, ts, body);
    const res = await fetch(`${this.base}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': contentType, 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signature, ...opts.headers },
      body,
    });
    return { status: res.status, text: await res.text() };
  }

  /** A slash command as form fields. */
  command(fields: { user: string; channel: string; text: string; responseUrl: string; command?: string }, opts?: { timestamp?: number; signature?: string }) {
    const body = new URLSearchParams({
      token: 'legacy-unused',
      team_id: 'T1',
      team_domain: 'samverkan',
      channel_id: fields.channel,
      channel_name: fields.channel.toLowerCase(),
      user_id: fields.user,
      user_name: fields.user.toLowerCase(),
      command: fields.command ?? '/forum',
      text: fields.text,
      api_app_id: 'A1',
      is_enterprise_install: 'false',
      response_url: fields.responseUrl,
      trigger_id: `trigger.${fields.user}.${Date.now()}.${++sequence}`,
    }).toString();
    return this.post(body, 'application/x-www-form-urlencoded', opts);
  }

  /** An interactivity payload (block_actions, view_submission) as `payload=<json>`. */
  interaction(payload: unknown) {
    return this.post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded');
  }

  /** An Events API callback as JSON. */
  event(event: Record<string, unknown>) {
    const body = JSON.stringify({ token: 'legacy-unused', team_id: 'T1', api_app_id: 'A1', type: 'event_callback', event_id: `Ev${Date.now()}${++sequence}`, event_time: Math.floor(Date.now() / 1000), event, authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }] });
    return this.post(body, 'application/json');
  }
}

export function sign(secret: string, ts: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`;
}

// --- the real server-mode composition on a test database, port 0, pointed at the fake

export const SIGNING_SECRET = 'test-signing-secret';

export interface SlackServer {
  base: string;
  client: SlackClient;
  composed: ServerComposition;
  store: Store;
  clock: FakeClock;
  stop(): Promise<void>;
}

/** Resets the database and starts server mode with Slack configured against `fake`. */
export async function startSlackServer(database: TestDatabase, fake: FakeSlack, opts: { logger?: Logger; env?: Record<string, string>; overrides?: ServerOverrides; workQueue?: ServerOverrides['workQueue'] } = {}): Promise<SlackServer> {
  await database.reset();
  const config = loadConfig(opts.env ?? { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: `${fake.url}/api/`, PORT: '0' });
  const clock = new FakeClock(new Date(T0));
  const store = createStore(database.db);
  await syncSettings(database.db, config.file);
  const logger = opts.logger ?? createLogger(process.env.TEST_LOG ?? 'silent');
  // Unpaced unless a test asks (pacing has tests of its own): a test posts several times a second.
  const composed = await composeServer({ config, database, store, logger, clock }, { slackRetryConfig: { retries: 0 }, delivery: { rates: {} }, workQueue: opts.workQueue, ...opts.overrides });
  const port = await listen(composed.server, 0, '127.0.0.1');
  const base = `http://127.0.0.1:${port}`;
  return { base, client: new SlackClient(base, SIGNING_SECRET), composed, store, clock, stop: () => composed.stop() };
}

export type SlackServerOptions = Parameters<typeof startSlackServer>[2];

/** What a Slack test file gets from useSlackServer; `database` and `s` are live views of the current ones. */
export interface UsedSlackServer {
  /** The fake Slack Web API of the whole file, reset to the file's users before each test. */
  fake: FakeSlack;
  database: TestDatabase;
  /** The server of the running test (started afresh, on a reset database, before each one). */
  s: SlackServer;
  /** Puts another server in place of the running test's; the one in place is stopped after the test. */
  replace(server: SlackServer): void;
}

/**
 * The hooks of a Slack test file: one database and one fake Slack for the file, and before each test a
 * reset fake and a fresh server (with `opts()` called anew, e.g. for a new log sink); stopped after it.
 */
export function useSlackServer(users: FakeUser[], opts: () => SlackServerOptions = () => ({})): UsedSlackServer {
  const fake = new FakeSlack();
  const database = useTestDatabase();
  let server: SlackServer | undefined;
  beforeAll(async () => {
    await fake.start();
  });
  afterAll(async () => {
    await fake.stop();
  });
  beforeEach(async () => {
    fake.reset(users);
    server = await startSlackServer(database, fake, opts());
  });
  afterEach(async () => {
    await server?.stop();
  });
  return { fake, database, s: liveView(() => server, 'Slack server'), replace: (next) => void (server = next) };
}

/** A log destination the test can await: each JSON line is kept and matched against waiters. */
export class LogSink extends Writable {
  lines: Record<string, any>[] = [];
  private waiters: { match: (l: Record<string, any>) => boolean; resolve: (l: Record<string, any>) => void }[] = [];

  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    for (const raw of chunk.toString('utf8').split('\n').filter(Boolean)) {
      const line = JSON.parse(raw) as Record<string, any>;
      this.lines.push(line);
      for (const w of [...this.waiters]) if (w.match(line)) (this.waiters = this.waiters.filter((x) => x !== w)), w.resolve(line);
    }
    done();
  }

  /** Resolves with the first line (past or future) whose msg contains `msg`; fails after `ms`. */
  waitFor(msg: string, ms = 10_000): Promise<Record<string, any>> {
    const match = (l: Record<string, any>) => typeof l.msg === 'string' && l.msg.includes(msg);
    const found = this.lines.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for log "${msg}"`)), ms);
      this.waiters.push({ match, resolve: (l) => (clearTimeout(timer), resolve(l)) });
    });
  }

  /** Resolves once `n` lines (past or future) have a msg containing `msg`; fails after `ms`. */
  async waitForCount(msg: string, n: number, ms = 10_000): Promise<Record<string, any>[]> {
    const match = (l: Record<string, any>) => typeof l.msg === 'string' && l.msg.includes(msg);
    let seen = this.lines.filter(match).length;
    if (seen < n) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${n} logs "${msg}" (saw ${seen})`)), ms);
        this.waiters.push({ match: (l) => match(l) && ++seen >= n, resolve: () => (clearTimeout(timer), resolve()) });
      });
    }
    return this.lines.filter(match);
  }
}
