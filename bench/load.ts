// Signed slash commands at a server with autocannon: each request gets a fresh timestamp and signature,
// a user from the pool and its own response URL at the fake Web API.
import autocannon from 'autocannon';
import { commandBody, sign } from './lib.js';

export interface LoadResult {
  requests: number;
  ok: number;
  durationS: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

export async function load(o: { base: string; slackUrl: string; users: string[]; channel: string; text: string; seconds: number; connections: number; rate?: number; amount?: number }): Promise<LoadResult> {
  let n = 0;
  const result = await autocannon({
    url: o.base,
    connections: o.connections,
    ...(o.amount ? { amount: o.amount } : { duration: o.seconds }),
    ...(o.rate ? { overallRate: o.rate } : {}),
    requests: [
      {
        method: 'POST',
        path: '/slack/events',
        setupRequest: (req: Record<string, any>) => {
          const i = n++;
          const body = commandBody(o.users[i % o.users.length], o.channel, o.text, `${o.slackUrl}/response/${i}`);
          const ts = Math.floor(Date.now() / 1000);
          return { ...req, body, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': sign(ts, body) } };
        },
      },
    ],
  });
  const durationS = result.duration;
  return {
    requests: result.requests.total,
    ok: result['2xx'],
    durationS,
    perSecond: result['2xx'] / durationS,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}
