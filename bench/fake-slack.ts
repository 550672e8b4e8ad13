// A lean fake of the Slack Web API for benchmarks and the soak check (loopback only). It answers the
// few methods Samråd calls, can enforce a rate limit with 429 + Retry-After like Slack does, and
// counts every accepted post by its text so duplicates show up.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeUser {
  id: string;
  email: string;
}

export interface RateLimit {
  /** Accepted calls of chat.postMessage per window; the rest get 429. */
  perWindow: number;
  windowMs: number;
}

/** Slack's per-channel pace for chat.postMessage: about one a second, short bursts allowed. */
export interface ChannelLimit {
  /** Posts a channel may take at once (the bucket's size). */
  burst: number;
  /** One more post allowed per this many ms. */
  everyMs: number;
}

export class BenchSlack {
  url = '';
  /** Calls by Web API method (and `response_url`), accepted or not. */
  readonly calls = new Map<string, number>();
  /** performance.now() of each accepted chat.postMessage, in order (with `countKeys`, only those posts). */
  readonly postTimes: number[] = [];
  /**
   * Set: postTimes counts only posts whose outbox key (the message metadata) starts with this, or that
   * carry none — e.g. `case.new:`, so an agenda the server's tick posts meanwhile is not taken for a case.
   */
  countKeys?: string;
  /** Per channel: [tokens, at] of its bucket, when a ChannelLimit is set. */
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  channelLimit?: ChannelLimit;
  /** Accepted chat.postMessage / chat.update / response_url posts, by visible text. */
  readonly posts = new Map<string, number>();
  accepted = 0;
  limited = 0;
  firstAcceptedAt = 0;
  lastAcceptedAt = 0;
  private server!: Server;
  private users = new Map<string, FakeUser>();
  private windowStart = 0;
  private inWindow = 0;
  private seq = 0;
  /** Accepted chat.postMessage per channel, as conversations.history returns them (with metadata). */
  private readonly history = new Map<string, { ts: string; text: string; metadata?: unknown }[]>();

  constructor(
    users: FakeUser[] = [],
    private readonly limit?: RateLimit,
  ) {
    for (const u of users) this.users.set(u.id, u);
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 30_000;
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  /** Texts accepted more than once. */
  duplicates(): string[] {
    return [...this.posts].filter(([, n]) => n > 1).map(([t]) => t);
  }

  /** Whether a command's answer came by its response URL (the path, e.g. `/response/link0`). */
  answered(path: string): boolean {
    for (const t of this.posts.keys()) if (t.startsWith(`response ${path}|`)) return true;
    return false;
  }

  /** Posts whose text contains `needle`. */
  count(needle: string): number {
    let n = 0;
    for (const [t, c] of this.posts) if (t.includes(needle)) n += c;
    return n;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let raw = '';
    req.setEncoding('utf8');
    for await (const c of req) raw += c;
    const url = req.url ?? '/';
    const body = parse(String(req.headers['content-type'] ?? ''), raw);
    const method = url.startsWith('/response/') ? 'response_url' : url.replace(/^\/api\//, '').replace(/\?.*$/, '');
    this.calls.set(method, (this.calls.get(method) ?? 0) + 1);
    const send = (status: number, reply: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(reply));
    };
    switch (method) {
      case 'auth.test':
        return send(200, { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', user: 'samrad' });
      case 'users.info': {
        const u = this.users.get(String(body.user));
        if (!u) return send(200, { ok: false, error: 'user_not_found' });
        return send(200, { ok: true, user: { id: u.id, name: u.id, real_name: u.id, is_bot: false, deleted: false, locale: 'sv-SE', profile: { display_name: u.id, email: u.email } } });
      }
      case 'users.lookupByEmail': {
        const u = [...this.users.values()].find((x) => x.email === body.email);
        return send(200, u ? { ok: true, user: { id: u.id } } : { ok: false, error: 'users_not_found' });
      }
      case 'conversations.open':
        return send(200, { ok: true, channel: { id: `D${String(body.users).slice(1)}` } });
      case 'chat.postMessage':
      case 'chat.update':
      case 'response_url': {
        if (method === 'chat.postMessage' && this.limit && !this.admit()) {
          this.limited++;
          const retry = Math.max(1, Math.ceil((this.windowStart + this.limit.windowMs - Date.now()) / 1000));
          return send(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(retry) });
        }
        if (method === 'chat.postMessage' && this.channelLimit) {
          const wait = this.takeChannel(String(body.channel));
          if (wait > 0) {
            this.limited++;
            return send(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(Math.max(1, Math.ceil(wait / 1000))) });
          }
        }
        if (method === 'chat.postMessage' && this.counted(body.metadata)) this.postTimes.push(performance.now());
        const text = visible(body, method === 'response_url' ? url : undefined);
        this.posts.set(text, (this.posts.get(text) ?? 0) + 1);
        this.accepted++;
        this.lastAcceptedAt = Date.now();
        if (!this.firstAcceptedAt) this.firstAcceptedAt = this.lastAcceptedAt;
        if (method === 'chat.update') return send(200, { ok: true, channel: body.channel, ts: body.ts });
        // Real-time ts, as Slack's: the deliverer's history look-up asks for posts since a time.
        const ts = `${Math.floor(Date.now() / 1000)}.${String(++this.seq).padStart(6, '0')}`;
        if (method === 'chat.postMessage') {
          const list = this.history.get(String(body.channel)) ?? [];
          list.push({ ts, text, metadata: body.metadata });
          this.history.set(String(body.channel), list);
        }
        return send(200, { ok: true, channel: body.channel, ts });
      }
      case 'conversations.history': {
        // Newest first, like Slack; one page is enough for the bench's channels.
        const all = (this.history.get(String(body.channel)) ?? []).filter((m) => Number(m.ts) >= Number(body.oldest ?? 0));
        return send(200, { ok: true, has_more: false, messages: [...all].reverse() });
      }
      case 'views.open':
      case 'views.publish':
        return send(200, { ok: true, view: { id: 'V1' } });
      default:
        return send(200, { ok: false, error: 'unknown_method' });
    }
  }

  private counted(metadata: unknown): boolean {
    const key = (metadata as { event_payload?: { key?: unknown } } | undefined)?.event_payload?.key;
    return !this.countKeys || typeof key !== 'string' || key.startsWith(this.countKeys);
  }

  /** Takes one post from the channel's bucket: 0 when allowed, else ms until a post would be. */
  private takeChannel(channel: string): number {
    const { burst, everyMs } = this.channelLimit!;
    const now = performance.now();
    const b = this.buckets.get(channel) ?? { tokens: burst, at: now };
    b.tokens = Math.min(burst, b.tokens + (now - b.at) / everyMs);
    b.at = now;
    this.buckets.set(channel, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return (1 - b.tokens) * everyMs;
  }

  /** A fixed window per `windowMs`, like Slack's per-minute tiers in small. */
  private admit(): boolean {
    const now = Date.now();
    if (now - this.windowStart >= this.limit!.windowMs) {
      this.windowStart = now;
      this.inWindow = 0;
    }
    if (this.inWindow >= this.limit!.perWindow) return false;
    this.inWindow++;
    return true;
  }
}

function parse(type: string, raw: string): Record<string, unknown> {
  if (type.includes('application/json')) return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) out[k] = /^[[{]/.test(v) ? JSON.parse(v) : v;
  return out;
}

/**
 * The text a person would read, plus where it went (so the same text to two places is not a
 * duplicate): the channel, or for an ephemeral answer its response URL (one a command).
 */
function visible(body: Record<string, unknown>, responseUrl?: string): string {
  const parts: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) k === 'text' && typeof x === 'string' ? parts.push(x) : walk(x);
  };
  walk(body.blocks ?? []);
  if (!parts.length && typeof body.text === 'string') parts.push(body.text);
  return `${responseUrl ? `response ${responseUrl}` : String(body.channel ?? '?')}|${body.ts ? `update ${String(body.ts)}|` : ''}${parts.join('\n')}`;
}
