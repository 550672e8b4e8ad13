// `POST /api/messages` on the one HTTP server. Without an app id, activities are accepted
// unauthenticated only when that was asked for (TEAMS_ALLOW_UNAUTHENTICATED=1, the Emulator);
// with an app id, botbuilder checks the Bot Framework token and answers 401 itself.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { json, type Route } from '../../src/http/server.js';
import type { Logger } from '../../src/log.js';
import type { TeamsBot } from './bot.js';

const MAX_BODY = 512 * 1024;

export function readJson(req: IncomingMessage, limit = MAX_BODY): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(Object.assign(new Error('body too large'), { status: 413 }));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        reject(Object.assign(new Error('not JSON'), { status: 400 }));
      }
    });
    req.on('error', reject);
  });
}

/** The shape of response botbuilder writes to (express-like), on node's ServerResponse. */
function botResponse(res: ServerResponse) {
  let status = 200;
  let body: unknown;
  return {
    socket: res.socket,
    status: (code: number) => void (status = code),
    header: (name: string, value: unknown) => void res.setHeader(name, String(value)),
    send: (b: unknown) => void (body = b),
    end: () => {
      if (res.writableEnded) return;
      if (body === undefined) {
        res.writeHead(status);
        res.end();
      } else if (typeof body === 'string') {
        res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(body);
      } else json(res, status, body);
    },
  };
}

export function teamsRoute(bot: TeamsBot | null, opts: { authenticated: boolean; allowUnauthenticated: boolean; logger: Logger }): Route {
  return {
    method: 'POST',
    path: '/api/messages',
    async handle(req, res) {
      if (!bot || (!opts.authenticated && !opts.allowUnauthenticated)) {
        req.resume();
        return json(res, 401, { ok: false, error: 'unauthenticated Teams requests are not accepted (set MicrosoftAppId, or TEAMS_ALLOW_UNAUTHENTICATED=1 for local testing)' });
      }
      let body: unknown;
      try {
        body = await readJson(req);
      } catch (e) {
        return json(res, (e as { status?: number }).status ?? 400, { ok: false });
      }
      if (!body || typeof body !== 'object' || Array.isArray(body)) return json(res, 400, { ok: false });
      await bot.adapter.process({ body: body as Record<string, unknown>, headers: req.headers, method: req.method }, botResponse(res), (ctx) => bot.run(ctx));
      opts.logger.debug({ type: (body as { type?: string }).type }, 'teams activity');
    },
  };
}
