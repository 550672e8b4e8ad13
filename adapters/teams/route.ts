// `POST /api/messages` on the one HTTP server. Without an app id, activities are accepted
// unauthenticated only when that was asked for (TEAMS_ALLOW_UNAUTHENTICATED=1, the Emulator);
// with an app id, botbuilder checks the Bot Framework token and answers 401 itself.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { json, type Route } from '../../src/http/server.js';
import type { Logger } from '../../src/log.js';
import type { Activity, TurnContext } from 'botbuilder';
import type { TeamsBot } from './bot.js';
import { authFailureStatus, malformedToken } from './auth-errors.js';

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

/** CloudAdapterBase.processActivity: authenticates, then runs the turn; protected in the typings, public in use. */
interface ProcessesActivities {
  processActivity(auth: string, activity: Activity, logic: (ctx: TurnContext) => Promise<void>): Promise<{ status?: number; body?: unknown } | undefined>;
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
      if (opts.authenticated) {
        const why = malformedToken(req.headers.authorization);
        if (why) {
          opts.logger.warn({ why }, 'teams: request refused (authentication)');
          return json(res, 401, { ok: false, error: 'unauthorized' });
        }
      }
      const activity = body as Partial<Activity>;
      if (typeof activity.type !== 'string') return json(res, 400, { ok: false });
      // processActivity rather than process(): its failures are ours to answer (process() turns any
      // error that is not its own AuthenticationError into a 500 carrying the library's message).
      let turned = false;
      let invoke: { status?: number; body?: unknown } | undefined;
      try {
        invoke = await (bot.adapter as unknown as ProcessesActivities).processActivity(req.headers.authorization ?? '', activity as Activity, async (ctx) => {
          turned = true;
          await bot.run(ctx);
        });
      } catch (e) {
        if (turned) {
          opts.logger.error({ error: (e as Error)?.name }, 'teams: turn failed');
          return json(res, 500, { ok: false });
        }
        const status = authFailureStatus(e);
        if (status === 503) opts.logger.error({ error: (e as Error)?.name, code: (e as { code?: unknown })?.code }, 'teams: the identity provider cannot be reached; request refused with 503');
        else opts.logger.warn({ error: (e as Error)?.name }, 'teams: request refused (authentication)');
        return json(res, status, { ok: false, error: status === 503 ? 'identity provider unavailable, try again' : 'unauthorized' });
      }
      const out = botResponse(res);
      out.status(invoke?.status ?? 200);
      if (invoke?.body !== undefined) out.send(invoke.body);
      out.end();
      opts.logger.debug({ type: activity.type }, 'teams activity');
    },
  };
}
