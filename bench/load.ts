// Signed slash commands at a server with autocannon: each request gets a fresh timestamp and signature,
// a user from the pool, a channel from the list (round robin) and its own response URL at the fake.
// Times are taken from the responses themselves (first request sent → last response in), not from
// autocannon's duration, which with a fixed `amount` notices the end only at its next sample tick.
import autocannon from 'autocannon';
import { commandBody, sign } from './lib.js';

export interface LoadResult {
  requests: number;
  ok: number;
  /** Acks whose body says "busy, try again" (the bounded queue turned them away). */
  busy: number;
  /** First request → last response, in seconds. */
  durationS: number;
  /** Acknowledged requests per second over durationS. */
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
  /** performance.now() when the first request went out. */
  startedAt: number;
}

export async function load(o: { base: string; slackUrl: string; users: string[]; channels: string[]; text: string; seconds?: number; connections: number; rate?: number; amount?: number }): Promise<LoadResult> {
  let n = 0;
  let busy = 0;
  let last = 0;
  const startedAt = performance.now();
  const result = await autocannon({
    url: o.base,
    connections: o.connections,
    sampleInt: 20,
    ...(o.amount ? { amount: o.amount } : { duration: o.seconds ?? 5 }),
    ...(o.rate ? { overallRate: o.rate } : {}),
    requests: [
      {
        method: 'POST',
        path: '/slack/events',
        setupRequest: (req: Record<string, any>) => {
          const i = n++;
          const body = commandBody(o.users[i % o.users.length], o.channels[i % o.channels.length], o.text, `${o.slackUrl}/response/${i}`);
          const ts = Math.floor(Date.now() / 1000);
          return { ...req, body, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': sign(ts, body) } };
        },
        onResponse: (_status: number, body: string) => {
          last = performance.now();
          if (body && body.includes('ephemeral')) busy++;
        },
      },
    ],
  });
  const durationS = ((last || performance.now()) - startedAt) / 1000;
  return {
    requests: result.requests.total,
    ok: result['2xx'],
    busy,
    durationS,
    perSecond: result['2xx'] / durationS,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    startedAt,
  };
}
