// The Slack adapter on Bolt: HTTP (Bolt's own receiver mounted at POST /slack/events on our one
// server) or Socket Mode. It receives the core and a logger and returns a route and a chat port.
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as webApi from '@slack/web-api';
import { App, HTTPReceiver, socketModeReceiver } from './bolt.js';
import type { Samrad } from '../../src/core/samrad.js';
import type { Route } from '../../src/http/server.js';
import type { Logger } from '../../src/log.js';
import type { ConversationRefs } from '../../src/core/ports.js';
import { SlackDirectory } from './directory.js';
import { registerListeners } from './listeners.js';
import { boltLogger } from './logger.js';
import { runOnce } from './once.js';
import { SlackPort } from './port.js';
import { WorkQueue, type WorkQueueOptions } from '../../src/http/work-queue.js';

export const SLACK_EVENTS_PATH = '/slack/events';

export interface SlackAdapterOptions {
  core: Samrad;
  logger: Logger;
  botToken: string;
  /** HTTP mode: requests are verified with it (bad signature or older than 5 min → 401). */
  signingSecret?: string;
  /** Socket Mode when set. */
  appToken?: string;
  /** Another Web API base URL (tests, benchmarks); Slack's own when absent. */
  apiUrl?: string;
  /**
   * Retries inside one Web API call. Kept short: the outbox retries deliveries for longer,
   * and a person waiting for an answer should not wait on minutes of back-off.
   */
  retryConfig?: webApi.RetryOptions;
  /**
   * True the first time a request key is seen by any replica (the database remembers): retries and
   * replays are then acknowledged without running again. Without it every request runs.
   */
  firstSeen?: (key: string) => Promise<boolean>;
  /** The bound between ack and work: how many run at once and how many may wait (src/http/work-queue.ts). */
  workQueue?: Partial<WorkQueueOptions>;
  /** Every Web API call gives up after this long (WEB_API_TIMEOUT_MS by default). */
  timeoutMs?: number;
  /** Look up people's Slack user groups (the config names some under `groups:`; scope usergroups:read). */
  userGroups?: boolean;
  /** Where a person's DM channel id is kept once conversations.open gave it (every process, every tick reuses it). */
  refs?: ConversationRefs;
}

export interface SlackAdapter {
  port: SlackPort;
  routes: Route[];
  /** Connects Socket Mode (HTTP mode has nothing to start: the server is ours). */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export const defaultRetryConfig: webApi.RetryOptions = { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 3_000 };

/**
 * Every Web API call gives up after this long (the client's own default is to wait for ever): a
 * hanging Slack must never hold a command, the tick or a shutdown.
 */
export const WEB_API_TIMEOUT_MS = 5_000;

/** Builds the adapter and checks the bot token with auth.test, so a wrong token fails at start-up. */
export async function createSlackAdapter(o: SlackAdapterOptions): Promise<SlackAdapter> {
  const clientOptions = webClientOptions(o);
  const logger = clientOptions.logger;
  const socketMode = Boolean(o.appToken);
  if (!socketMode && !o.signingSecret) throw new Error('Slack HTTP mode needs SLACK_SIGNING_SECRET');
  const receiver = socketMode ? undefined : new HTTPReceiver({ signingSecret: o.signingSecret!, endpoints: SLACK_EVENTS_PATH, logger });
  // Socket Mode's own connection call (apps.connections.open) honours SLACK_API_URL too.
  const socket = socketMode ? new (await socketModeReceiver())({ appToken: o.appToken!, logger, installerOptions: { clientOptions } }) : undefined;
  const app = new App({ token: o.botToken, receiver: receiver ?? socket, clientOptions, logger, deferInitialization: true });
  await app.init();
  const port = createSlackPort(o);
  const directory = new SlackDirectory(app.client, { userGroups: o.userGroups });
  const queue = new WorkQueue(o.workQueue);
  registerListeners(app, { core: o.core, directory, port, log: o.logger, queue });
  app.error(async (err) => o.logger.error({ err }, 'slack: unhandled error'));
  // Bolt acks first and runs the listener after the HTTP answer has gone, so the server does not know
  // when a command's work ends; this keeps count, so a shutdown lets that work finish.
  const inFlight = new Set<Promise<void>>();
  app.use(async ({ next }) => {
    const work = next();
    inFlight.add(work);
    try {
      await work;
    } finally {
      inFlight.delete(work);
    }
  });
  const listen = receiver ? (req: IncomingMessage, res: ServerResponse) => receiver.requestListener(req, res) : undefined;
  // While the queue is full a request is answered "busy" and nothing of it runs or is stored — not even
  // in the request ledger: a busy answer costs the database nothing, and the same request sent again
  // (a Slack retry) runs then instead of being taken for one already done.
  const firstSeen = o.firstSeen;
  const first = firstSeen && ((key: string) => (queue.full ? Promise.resolve(true) : firstSeen(key)));
  const handle = listen && first ? runOnce(listen, { signingSecret: o.signingSecret!, first, log: o.logger }) : listen;
  const routes: Route[] = handle ? [{ method: 'POST', path: SLACK_EVENTS_PATH, handle: (req, res) => handle(req, res) }] : [];
  let connected = false;
  return {
    port,
    routes,
    start: async () => {
      if (!socketMode) return;
      await app.start();
      connected = true;
    },
    stop: async () => {
      if (connected) await app.stop();
      connected = false;
      while (inFlight.size) await Promise.allSettled([...inFlight]);
    },
  };
}

/** The outbox's way into Slack, also for `samrad tick` without the rest of the app. */
export function createSlackPort(o: SlackClientOptions & { botToken: string }): SlackPort {
  // Deliveries reject a rate limit at once: the outbox then waits Retry-After without holding a request.
  // No retries inside a call: a post retried blindly after a reset is posted twice; the outbox
  // retries instead, and looks in the channel's history first when an attempt's outcome is unknown.
  return new SlackPort(new webApi.WebClient(o.botToken, { ...webClientOptions(o), retryConfig: { retries: 0 }, rejectRateLimitedCalls: true }), o.logger, o.refs);
}

type SlackClientOptions = Pick<SlackAdapterOptions, 'apiUrl' | 'retryConfig' | 'logger' | 'timeoutMs' | 'refs'>;

/** Web API client options shared by Bolt's client and the outbox's: base URL, retries, logging. */
function webClientOptions(o: SlackClientOptions): webApi.WebClientOptions & { logger: ReturnType<typeof boltLogger> } {
  return { retryConfig: o.retryConfig ?? defaultRetryConfig, timeout: o.timeoutMs ?? WEB_API_TIMEOUT_MS, logger: boltLogger(o.logger), ...(o.apiUrl ? { slackApiUrl: withSlash(o.apiUrl) } : {}) };
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
