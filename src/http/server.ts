// One HTTP server for every adapter: each contributes routes; health checks are always there.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '../log.js';

export interface Route {
  method: 'GET' | 'POST';
  /** Exact path, or a pattern whose groups are handed to `handle`. */
  path: string | RegExp;
  handle(req: IncomingMessage, res: ServerResponse, match: RegExpExecArray | null): Promise<void> | void;
}

export function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/** A database that has not answered a trivial query by then counts as down. */
export const READY_PING_MS = 2_000;

/**
 * `GET /healthz` (process up) and `GET /readyz` (database answers within 2 s; 503 otherwise), with the
 * scheduler's figures when given: the age of the last completed tick and how many ticks overlapped.
 */
export function healthRoutes(ping: () => Promise<boolean>, tick?: () => unknown): Route[] {
  return [
    { method: 'GET', path: '/healthz', handle: (_req, res) => json(res, 200, { ok: true }) },
    {
      method: 'GET',
      path: '/readyz',
      handle: async (_req, res) => {
        let timer: NodeJS.Timeout | undefined;
        const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), READY_PING_MS)));
        const ok = await Promise.race([ping().catch(() => false), late]);
        clearTimeout(timer);
        json(res, ok ? 200 : 503, { ok, database: ok ? 'up' : 'down', ...(tick ? { tick: tick() } : {}) });
      },
    },
  ];
}

export function createHttpServer(routes: Route[], log: Logger): Server {
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    for (const r of routes) {
      if (r.method !== req.method) continue;
      const match = typeof r.path === 'string' ? (r.path === url.pathname ? null : undefined) : r.path.exec(url.pathname) ?? undefined;
      if (match === undefined) continue;
      Promise.resolve(r.handle(req, res, match)).catch((err) => {
        log.error({ err, path: url.pathname }, 'request failed');
        if (!res.headersSent) json(res, 500, { ok: false });
        else res.end();
      });
      return;
    }
    json(res, 404, { ok: false, error: 'not found' });
  });
}

export function listen(server: Server, port: number, host = '0.0.0.0'): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const a = server.address();
      resolve(typeof a === 'object' && a ? a.port : port);
    });
  });
}
