// The one composition root: reads config, opens the database, wires core, adapters and scheduler.
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, teamsSetup, type AppConfig } from './config.js';
import { DataDirInUse, openDatabase, type Database } from './db/client.js';
import type { Store } from './core/stores.js';
import { conversationRefs, createStore, syncSettings } from './db/stores/index.js';
import { installDriverCrashGuard, isDatabaseUnavailable, startupProblem } from './db/faults.js';
import { RequestLedger } from './db/requests.js';
import { TickMonitor } from './scheduler/monitor.js';
import { defaultRates, type Rate } from './outbox/pacing.js';
import type { Timers } from './outbox/timers.js';
import { createLogger, type Logger } from './log.js';
import { Samrad } from './core/samrad.js';
import { systemClock, type Clock, type Platform } from './core/model.js';
import type { ChatPort } from './core/ports.js';
import { Deliverer, type DeliveryOptions } from './outbox/deliverer.js';
import { ShellPort } from '../adapters/shell/port.js';
import { runShell } from '../adapters/shell/shell.js';
import { teamsRoute } from '../adapters/teams/route.js';
import { calendarRoutes } from './http/calendar.js';
import { reportRoutes } from './http/reports.js';
import { pageRoutes } from './http/pages/routes.js';
import { runReport } from './report/cli.js';
import { runProtokoll } from './export/cli.js';
import { minutesPdf } from './export/renderer.js';
import { minutesRoutes } from './http/minutes.js';
import { createHttpServer, healthRoutes, listen, type Route } from './http/server.js';
import { createSlackAdapter, createSlackPort, type SlackAdapterOptions } from '../adapters/slack/index.js';
import type { Server } from 'node:http';
import { runTick } from './scheduler/tick.js';
import { startScheduler } from './scheduler/cron.js';

const USAGE = `samrad – chat-ops för samverkansforum

  samrad start                      startar boten (skal eller server, se README)
  samrad migrate                    kör databasmigreringar
  samrad tick [--now <ISO-8601>]    kör allt schemalagt som är förfallet, en gång
  samrad report --quarter YYYY-Qn [--format csv|md|json] [--forum <nyckel>]
  samrad protokoll --forum <nyckel> [--date YYYY-MM-DD] --format pdf|md
`;

export interface Runtime {
  config: AppConfig;
  database: Database;
  store: Store;
  logger: Logger;
  clock: Clock;
}

/** Opens the database, migrates it and mirrors the config into it. */
export async function openRuntime(config: AppConfig, clock: Clock = systemClock, logger?: Logger): Promise<Runtime> {
  // In the shell, stdout belongs to the conversation: logs go to stderr, quietly.
  const log = logger ?? createLogger(config.env.LOG_LEVEL ?? (config.mode === 'shell' ? 'warn' : 'info'), process.stderr);
  const database = await openDatabase({ url: config.env.DATABASE_URL, dataDir: config.env.DATA_DIR, migrationLockMs: config.env.MIGRATION_LOCK_MS });
  try {
    await database.migrate();
    await syncSettings(database.db, config.file);
  } catch (e) {
    // A start that fails here (e.g. the migration lock held too long) must not be kept alive by the pool.
    await database.close().catch(() => {});
    throw e;
  }
  return { config, database, store: createStore(database.db), logger: log, clock };
}

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [cmd = 'start', ...rest] = argv;
  if (cmd === '--help' || cmd === '-h' || cmd === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  let config: AppConfig;
  try {
    config = loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`samrad: configuration error\n${e.message}\n`);
      return 2;
    }
    throw e;
  }
  try {
    return await run(cmd, rest, config);
  } catch (e) {
    // A database failing at start gets one line saying what failed and what to do, like a config error.
    const line = e instanceof DataDirInUse ? `samrad: ${e.message}` : startupProblem(e, config.env.DATABASE_URL);
    if (!line) throw e;
    process.stderr.write(`${line}\n`);
    return 1;
  }
}

async function run(cmd: string, rest: string[], config: AppConfig): Promise<number> {
  switch (cmd) {
    case 'start':
      return start(config);
    case 'migrate': {
      const rt = await openRuntime(config);
      await rt.database.close();
      process.stdout.write(`migrations applied (${rt.database.kind})\n`);
      return 0;
    }
    case 'tick':
      return tick(config, rest);
    case 'report': {
      const rt = await openRuntime(config);
      try {
        return await runReport(rest, { store: rt.store, config: config.file, now: rt.clock.now(), out: (s) => void process.stdout.write(s), err: (s) => void process.stderr.write(s) });
      } finally {
        await rt.database.close();
      }
    }
    case 'protokoll': {
      const rt = await openRuntime(config);
      try {
        return await runProtokoll(rest, { store: rt.store, config: config.file, out: (s) => void process.stdout.write(s), err: (s) => void process.stderr.write(s) });
      } finally {
        await rt.database.close();
      }
    }
    default:
      process.stderr.write(`samrad: unknown command "${cmd}"\n\n${USAGE}`);
      return 2;
  }
}

async function start(config: AppConfig): Promise<number> {
  if (config.mode === 'server') return startServer(config);
  const rt = await openRuntime(config);
  const write = (s: string) => void process.stdout.write(s);
  const ports: Partial<Record<Platform, ChatPort>> = { shell: new ShellPort(write) };
  const deliverer = new Deliverer(rt.store.outbox, ports, rt.clock, rt.logger);
  const core = new Samrad({
    store: rt.store,
    config: config.file,
    clock: rt.clock,
    logger: rt.logger,
    deliver: async (ids) => void (await deliverer.deliver(ids)),
    deliverClaimed: async (rows) => void (await deliverer.sendClaimed(rows)),
    leaseMs: deliverer.leaseMs,
    publicUrl: config.env.SAMRAD_PUBLIC_URL,
    minutesPdf,
    unavailable: isDatabaseUnavailable,
  });
  // Anything a previous run left undelivered is printed first.
  await deliverer.deliver();
  try {
    await runShell({
      core,
      input: process.stdin,
      output: process.stdout,
      user: config.env.SAMRAD_USER ?? 'demo@arbetsformedlingen.se',
      channel: config.env.SAMRAD_CHANNEL ?? 'samrad',
      language: config.env.SAMRAD_LANG,
      interactive: Boolean(process.stdin.isTTY),
    });
  } finally {
    await rt.database.close();
  }
  return 0;
}

/** The chat ports `samrad tick` delivers through: the shell's, and Slack's and Teams' when configured. */
async function tickPorts(config: AppConfig, rt: Runtime): Promise<Partial<Record<Platform, ChatPort>>> {
  const ports: Partial<Record<Platform, ChatPort>> = { shell: new ShellPort((s) => void process.stdout.write(s)) };
  if (config.env.SLACK_BOT_TOKEN) ports.slack = createSlackPort({ botToken: config.env.SLACK_BOT_TOKEN, apiUrl: config.env.SLACK_API_URL, logger: rt.logger, timeoutMs: config.env.WEB_API_TIMEOUT_MS, refs: conversationRefs(rt.database.db) });
  if (config.teamsConfigured) {
    const { createTeamsPort } = await import('../adapters/teams/index.js');
    const teams = createTeamsPort(teamsSetup(config), { refs: conversationRefs(rt.database.db), logger: rt.logger });
    if (teams) ports.teams = teams;
  }
  return ports;
}

async function tick(config: AppConfig, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { now: { type: 'string' } } });
  const now = values.now ? new Date(values.now) : new Date();
  if (Number.isNaN(now.getTime())) {
    process.stderr.write(`samrad tick: --now "${values.now}" is not an ISO-8601 instant\n`);
    return 2;
  }
  const clock: Clock = { now: () => now };
  const rt = await openRuntime(config, clock);
  try {
    // One tick and out: no wake-up timers (what is due later is the next tick's).
    const deliverer = new Deliverer(rt.store.outbox, await tickPorts(config, rt), clock, rt.logger, { ...deliveryOptions(config), wake: false });
    const r = await runTick({ store: rt.store, config: config.file, deliverer, logger: rt.logger }, now);
    const stats = r.delivered;
    process.stdout.write(`tick ${now.toISOString()}: agendas ${r.agendas}, reminders ${r.reminders}, purged ${r.purged}, delivered ${stats.sent}, retrying ${stats.retried}, failed ${stats.failed}\n`);
  } finally {
    await rt.database.close();
  }
  return 0;
}

/** What server mode is made of; tests compose the same thing on a test database and port 0. */
export interface ServerComposition {
  server: Server;
  core: Samrad;
  deliverer: Deliverer;
  ports: Partial<Record<Platform, ChatPort>>;
  /** The scheduler's figures, shown on /readyz. */
  monitor: TickMonitor;
  /** Starts what connects outward (Slack Socket Mode). */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface ServerOverrides {
  /** Web API retries inside one call (tests use none). */
  slackRetryConfig?: SlackAdapterOptions['retryConfig'];
  /** Delivery settings (pacing rates, lease, timeouts) and how it waits (tests move a fake clock). */
  delivery?: Partial<DeliveryOptions>;
  timers?: Timers;
  /** The bound between ack and work (tests use a small one). */
  workQueue?: SlackAdapterOptions['workQueue'];
}

/** Delivery settings from the environment: Slack's pace per channel (SLACK_CHANNEL_INTERVAL_MS). */
export function deliveryOptions(config: AppConfig): Partial<DeliveryOptions> {
  const ms = config.env.SLACK_CHANNEL_INTERVAL_MS;
  if (ms === undefined) return {};
  const slack: Rate | null = ms === 0 ? null : { ...defaultRates.slack!, intervalMs: ms };
  return { rates: { ...defaultRates, slack } };
}

/** A command's own messages: its answer waits this long at most for them (pacing may hold them longer). */
const PROMPT_DELIVERY_WAIT_MS = 1_500;

/** Builds core, deliverer, routes and chat ports for server mode; each configured chat adapter adds its own. */
export async function composeServer(rt: Runtime, overrides: ServerOverrides = {}): Promise<ServerComposition> {
  const { config } = rt;
  const ports: Partial<Record<Platform, ChatPort>> = {};
  const monitor = new TickMonitor();
  const routes: Route[] = [
    ...healthRoutes(
      () => rt.database.ping(),
      () => monitor.status(rt.clock.now()),
    ),
    ...calendarRoutes(rt.store, { clock: rt.clock, language: config.file.language }),
    ...reportRoutes(rt.store, config.file, rt.clock),
    ...minutesRoutes(rt.store, config.file),
    // Read-only pages (issue 20): /dashboard, /forum/<key>, /mine, each behind its own page token.
    ...pageRoutes({ store: rt.store, config: config.file, clock: rt.clock }),
  ];
  warnWithoutPublicUrl(config, rt.logger);
  const deliverer = new Deliverer(rt.store.outbox, ports, rt.clock, rt.logger, { ...deliveryOptions(config), ...overrides.delivery }, overrides.timers);
  // Right after a command: one attempt per message. What fails waits for its retry time and the tick,
  // so a person's answer is never held up by a chat platform that is struggling; a message waiting for
  // its channel's turn goes on being delivered after the answer.
  const core = new Samrad({
    store: rt.store,
    config: config.file,
    clock: rt.clock,
    logger: rt.logger,
    deliver: (ids) => promptly(deliverer.deliver(ids, 1)),
    deliverClaimed: (rows) => promptly(deliverer.sendClaimed(rows)),
    leaseMs: deliverer.leaseMs,
    publicUrl: config.env.SAMRAD_PUBLIC_URL,
    minutesPdf,
    unavailable: isDatabaseUnavailable,
  });
  // Teams: POST /api/messages and proactive posts (the route refuses with 401 when Teams is not configured).
  // botbuilder and teams-ai take ~4 s and ~100 MB to load, so they are imported only when Teams is configured.
  if (config.teamsConfigured) {
    const { createTeams } = await import('../adapters/teams/index.js');
    const teams = createTeams(teamsSetup(config), { core, refs: conversationRefs(rt.database.db), config: config.file, clock: rt.clock, logger: rt.logger });
    routes.push(teams.route);
    if (teams.port) ports.teams = teams.port;
  } else {
    routes.push(teamsRoute(null, { authenticated: false, allowUnauthenticated: false, logger: rt.logger }));
  }
  const starts: (() => Promise<void>)[] = [];
  // Slack signs with wall-clock time, so request memory runs on it too (not the injected clock).
  const ledger = new RequestLedger(rt.database.db);
  const stops: (() => Promise<void>)[] = [];
  // Slack: SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET → POST /slack/events; SLACK_APP_TOKEN → Socket Mode.
  if (config.slackConfigured && config.env.SLACK_BOT_TOKEN) {
    const slack = await createSlackAdapter({
      core,
      logger: rt.logger,
      botToken: config.env.SLACK_BOT_TOKEN,
      signingSecret: config.env.SLACK_SIGNING_SECRET,
      appToken: config.env.SLACK_APP_TOKEN,
      apiUrl: config.env.SLACK_API_URL,
      timeoutMs: config.env.WEB_API_TIMEOUT_MS,
      retryConfig: overrides.slackRetryConfig,
      firstSeen: (key) => ledger.first(key, new Date()),
      userGroups: usesGroups(config.file),
      workQueue: overrides.workQueue ?? (config.env.SAMRAD_MAX_WAITING === undefined ? undefined : { waiting: config.env.SAMRAD_MAX_WAITING }),
      refs: conversationRefs(rt.database.db),
    });
    ports.slack = slack.port;
    routes.push(...slack.routes);
    starts.push(slack.start);
    stops.push(slack.stop);
  }
  const server = createHttpServer(routes, rt.logger);
  return {
    server,
    core,
    deliverer,
    ports,
    monitor,
    start: async () => {
      for (const s of starts) await s();
    },
    // Stops taking requests first, then lets the work already accepted (and its deliveries) finish.
    stop: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      for (const s of stops) await s();
      await closed;
      // Rows waiting for their channel's turn go back for the next tick; sends on the wire finish.
      deliverer.stop();
      await deliverer.idle();
    },
  };
}

/** Waits for a delivery at most PROMPT_DELIVERY_WAIT_MS; it goes on (and is awaited at shutdown) after. */
async function promptly(delivery: Promise<unknown>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, PROMPT_DELIVERY_WAIT_MS)));
  try {
    await Promise.race([delivery.then(() => undefined), waited]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * SIGTERM's budget: well inside Docker's 10 s default and Kubernetes' 30 s. Every outbound call has a
 * timeout below it (Slack 5 s, a delivery 10 s at most, a database query 10 s to connect), and what is
 * not finished by then goes back to the outbox for any replica, so the process always exits 0 in time.
 */
export const SHUTDOWN_BUDGET_MS = 8_000;

/** Server mode: one HTTP server on PORT; each configured chat adapter adds its routes and its port. */
async function startServer(config: AppConfig): Promise<number> {
  // Before any connection exists: the one postgres.js failure no await can catch (docs/drift.md).
  const unguard = config.env.DATABASE_URL ? installDriverCrashGuard(createLogger(config.env.LOG_LEVEL ?? 'info', process.stderr)) : () => {};
  const rt = await openRuntime(config);
  let composed: ServerComposition;
  try {
    composed = await composeServer(rt);
  } catch (e) {
    // E.g. Slack rejecting the bot token at auth.test: say so and stop, rather than run half-wired.
    rt.logger.fatal({ err: e }, 'server mode could not start');
    process.stderr.write(`samrad: server mode could not start: ${(e as Error).message}\n`);
    await rt.database.close();
    unguard();
    return 1;
  }
  const port = await listen(composed.server, config.env.PORT);
  await composed.start();
  rt.logger.info({ port, slack: Boolean(composed.ports.slack) }, 'samrad listening');
  const stopScheduler = startScheduler({
    tick: (now, deadline) => runTick({ store: rt.store, config: config.file, deliverer: composed.deliverer, logger: rt.logger }, now, deadline),
    clock: rt.clock,
    logger: rt.logger,
    timezone: config.file.timezone,
    monitor: composed.monitor,
    deadlineMs: config.env.TICK_DEADLINE_MS,
  });
  const signal = await new Promise<string>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
  // Graceful shutdown: stop taking requests, let a running tick and the commands already acknowledged
  // finish, send what is on the wire, give the rest back to the outbox, close the database — within
  // SHUTDOWN_BUDGET_MS (env, default 8 s). Past it, whatever is still held goes back to the outbox and we leave anyway.
  const began = Date.now();
  const budget = config.env.SHUTDOWN_BUDGET_MS ?? SHUTDOWN_BUDGET_MS;
  rt.logger.info({ signal, budgetMs: budget }, 'shutting down');
  // The last word: whatever still hangs (a socket, a timer), the process is gone when the budget is.
  setTimeout(() => {
    rt.logger.warn('shutdown budget spent; exiting');
    process.exit(0);
  }, budget).unref();
  const drained = Promise.all([stopScheduler(), composed.stop()]).then(() => composed.deliverer.idle());
  const inTime = await Promise.race([drained.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), budget - 1_500).unref())]);
  if (!inTime) {
    composed.deliverer.stop();
    const released = await Promise.race([composed.deliverer.releaseHeld(), new Promise<number>((r) => setTimeout(() => r(-1), 1_000).unref())]);
    rt.logger.warn({ released }, 'shutdown budget reached; unfinished deliveries were given back to the outbox');
  }
  await Promise.race([rt.database.close(), new Promise((r) => setTimeout(r, 500).unref())]).catch(() => {});
  rt.logger.info({ ms: Date.now() - began }, 'stopped');
  unguard();
  return 0;
}

/** Slack and Teams load chart images and PDF links from the public URL: without it they cannot, so say so once. */
function warnWithoutPublicUrl(config: AppConfig, logger: Logger): void {
  if (config.env.SAMRAD_PUBLIC_URL) return;
  logger.warn('SAMRAD_PUBLIC_URL is not set: report charts and protokoll PDF links cannot be shown in Slack or Teams (set it to the public https address of this server)');
}

/** Whether any organisation or role is found by group (then the Slack adapter asks for user groups). */
function usesGroups(file: { organisations: { groups: string[] }[]; roles: { groups: string[] }[] }): boolean {
  return [...file.organisations, ...file.roles].some((x) => x.groups.length > 0);
}
