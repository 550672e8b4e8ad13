// Slack requests run once. Bolt rejects stale and badly signed requests but not ones signed for the
// future, and it runs a retry (X-Slack-Retry-Num) or a replay of the same signed request again. In
// front of Bolt's receiver: verify, refuse timestamps more than 5 minutes off either way (401), and
// acknowledge without running any request whose event id (or exact body) was already taken in by
// any replica. The buffered body is handed on, so Bolt verifies the very same bytes.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../../src/log.js';

const WINDOW_S = 5 * 60;
const MAX_BODY = 1024 * 1024;

export interface OnceOptions {
  signingSecret: string;
  /** True when `key` is new (remembered in the database, shared by every replica). */
  first(key: string): Promise<boolean>;
  /** Wall-clock milliseconds (Slack signs with real time). */
  now?: () => number;
  log: Logger;
}

export type Listener = (req: IncomingMessage, res: ServerResponse) => void;

export function runOnce(next: Listener, o: OnceOptions): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const now = o.now ?? Date.now;
  return async (req, res) => {
    let raw: Buffer;
    try {
      raw = await readRaw(req);
    } catch {
      return end(res, 413);
    }
    const ts = Number(req.headers['x-slack-request-timestamp']);
    const signature = String(req.headers['x-slack-signature'] ?? '');
    const sslCheck = String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded') && new URLSearchParams(raw.toString('utf8')).get('ssl_check') === '1';
    if (!sslCheck) {
      if (!Number.isFinite(ts) || Math.abs(now() / 1000 - ts) > WINDOW_S || !validSignature(o.signingSecret, ts, raw, signature)) {
        o.log.warn({ future: Number.isFinite(ts) && ts > now() / 1000 + WINDOW_S }, 'slack: request refused (signature or timestamp)');
        return end(res, 401);
      }
      const key = requestKey(raw);
      let fresh = true;
      try {
        fresh = await o.first(key);
      } catch (err) {
        // The database is away: run it (the command will say so politely) rather than drop it.
        o.log.warn({ err: (err as Error)?.message }, 'slack: could not check for a retry; running the request');
      }
      if (!fresh) {
        o.log.info({ retry: req.headers['x-slack-retry-num'] ?? null }, 'slack: request already taken in; acknowledged, not run again');
        return end(res, 200);
      }
    }
    (req as IncomingMessage & { rawBody?: Buffer }).rawBody = raw;
    next(req, res);
  };
}

/** An Events API callback by its event id; anything else (commands, interactions) by its exact body. */
export function requestKey(raw: Buffer): string {
  const text = raw.toString('utf8');
  if (text.startsWith('{')) {
    try {
      const id = (JSON.parse(text) as { event_id?: unknown }).event_id;
      if (typeof id === 'string' && id) return `slack:event:${id}`;
    } catch {
      // not JSON after all: keyed by its body below
    }
  }
  return `slack:body:${createHash('sha256').update(raw).digest('hex')}`;
}

function validSignature(secret: string, ts: number, raw: Buffer, signature: string): boolean {
  const [version, hash] = signature.split('=');
  if (version !== 'v0' || !hash) return false;
  const ours = createHmac('sha256', secret).update(`v0:${ts}:`).update(raw).digest();
  const theirs = Buffer.from(hash, 'hex');
  return theirs.length === ours.length && timingSafeEqual(theirs, ours);
}

function readRaw(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function end(res: ServerResponse, status: number): void {
  res.writeHead(status);
  res.end();
}
