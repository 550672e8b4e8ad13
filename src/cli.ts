// The one composition root: reads config, opens the database, wires core, adapters and scheduler.
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, teamsSetup, type AppConfig } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import type { Store } from './core/stores.js';
import { conversationRefs, createStore, syncSettings } from './db/stores/index.js';
import { createLogger, type Logger } from './log.js';
import { Samrad } from './core/samrad.js';
import { systemClock, type Clock, type Platform } from './core/model.js';
import type { ChatPort } from './core/ports.js';
import { Deliverer } from './outbox/deliverer.js';
import { ShellPort } from '../adapters/shell/port.js';
import { runShell } from '../adapters/shell/shell.js';
import { teamsRoute } from '../adapters/teams/route.js';
import { calendarRoutes } from './http/calendar.js';
import { reportRoutes } from './http/reports.js';
import { pageRoutes } from './http/pages/routes.js';
import { runReport } from './report/cli.js';
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
  const database = await openDatabase({ url: config.env.DATABASE_URL, dataDir: config.env.DATA_DIR });
  await database.migrate();
  const store = createStore(database.db);
  await syncSettings(database.db, config.file);
  return { config, database, store, logger: log, clock };
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
  if (config.env.SLACK_BOT_TOKEN) ports.slack = createSlackPort({ botToken: config.env.SLACK_BOT_TOKEN, apiUrl: config.env.SLACK_API_URL, logger: rt.logger });
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
    const deliverer = new Deliverer(rt.store.outbox, await tickPorts(config, rt), clock, rt.logger);
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
  /** Starts what connects outward (Slack Socket Mode). */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface ServerOverrides {
  /** Web API retries inside one call (tests use none). */
  slackRetryConfig?: SlackAdapterOptions['retryConfig'];
  /** The bound between ack and work (tests use a small one). */
  workQueue?: SlackAdapterOptions['workQueue'];
}

/** Builds core, deliverer, routes and chat ports for server mode; each configured chat adapter adds its own. */
export async function composeServer(rt: Runtime, overrides: ServerOverrides = {}): Promise<ServerComposition> {
  const { config } = rt;
  const ports: Partial<Record<Platform, ChatPort>> = {};
  const routes: Route[] = [
    ...healthRoutes(() => rt.database.ping()),
    ...calendarRoutes(rt.store, { clock: rt.clock, language: config.file.language }),
    ...reportRoutes(rt.store, config.file, rt.clock),
    // Read-only pages (issue 20): /dashboard, /forum/<key>, /mine, each behind its own page token.
    ...pageRoutes({ store: rt.store, config: config.file, clock: rt.clock }),
  ];
  const deliverer = new Deliverer(rt.store.outbox, ports, rt.clock, rt.logger);
  // Right after a command: one attempt per message. What fails waits for its retry time and the tick,
  // so a person's answer is never held up by a chat platform that is struggling.
  const core = new Samrad({
    store: rt.store,
    config: config.file,
    clock: rt.clock,
    logger: rt.logger,
    deliver: async (ids) => void (await deliverer.deliver(ids, 1)),
    deliverClaimed: async (rows) => void (await deliverer.sendClaimed(rows)),
    leaseMs: deliverer.leaseMs,
    publicUrl: config.env.SAMRAD_PUBLIC_URL,
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
      retryConfig: overrides.slackRetryConfig,
      workQueue: overrides.workQueue ?? (config.env.SAMRAD_MAX_WAITING === undefined ? undefined : { waiting: config.env.SAMRAD_MAX_WAITING }),
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
    start: async () => {
      for (const s of starts) await s();
    },
    // Stops taking requests first, then lets the work already accepted (and its deliveries) finish.
    stop: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      for (const s of stops) await s();
      await closed;
      await deliverer.idle();
    },
  };
}

/** Below Docker's and Kubernetes' usual grace periods once raised (compose.yaml gives 30 s). */
const SHUTDOWN_GRACE_MS = 25_000;

/** Server mode: one HTTP server on PORT; each configured chat adapter adds its routes and its port. */
async function startServer(config: AppConfig): Promise<number> {
  const rt = await openRuntime(config);
  let composed: ServerComposition;
  try {
    composed = await composeServer(rt);
  } catch (e) {
    // E.g. Slack rejecting the bot token at auth.test: say so and stop, rather than run half-wired.
    rt.logger.fatal({ err: e }, 'server mode could not start');
    process.stderr.write(`samrad: server mode could not start: ${(e as Error).message}\n`);
    await rt.database.close();
    return 1;
  }
  const port = await listen(composed.server, config.env.PORT);
  await composed.start();
  rt.logger.info({ port, slack: Boolean(composed.ports.slack) }, 'samrad listening');
  const stopScheduler = startScheduler({
    tick: (now) => runTick({ store: rt.store, config: config.file, deliverer: composed.deliverer, logger: rt.logger }, now),
    clock: rt.clock,
    logger: rt.logger,
    timezone: config.file.timezone,
  });
  const signal = await new Promise<string>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
  // Graceful shutdown: stop taking requests, let a running tick and the commands already acknowledged
  // finish with their deliveries, then close the database. A stuck drain must not outlive the
  // orchestrator's grace period silently: after SHUTDOWN_GRACE_MS we leave with code 1.
  rt.logger.info({ signal }, 'shutting down');
  const force = setTimeout(() => {
    rt.logger.error('shutdown took too long; leaving with work unfinished (the outbox retries it)');
    process.exit(1);
  }, SHUTDOWN_GRACE_MS);
  force.unref();
  await Promise.all([stopScheduler(), composed.stop()]);
  await composed.deliverer.idle();
  await rt.database.close();
  rt.logger.info('stopped');
  return 0;
}
