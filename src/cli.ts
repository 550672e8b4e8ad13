// The one composition root: reads config, opens the database, wires core, adapters and scheduler.
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type AppConfig } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import { Repository } from './db/repo.js';
import { createLogger, type Logger } from './log.js';
import { Samrad } from './core/samrad.js';
import { systemClock, type Clock, type Platform } from './core/model.js';
import type { ChatPort } from './core/ports.js';
import { Deliverer } from './outbox/deliverer.js';
import { ShellPort } from '../adapters/shell/port.js';
import { runShell } from '../adapters/shell/shell.js';
import { createHttpServer, healthRoutes, listen, type Route } from './http/server.js';
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
  repo: Repository;
  logger: Logger;
  clock: Clock;
}

/** Opens the database, migrates it and mirrors the config into it. */
export async function openRuntime(config: AppConfig, clock: Clock = systemClock, logger?: Logger): Promise<Runtime> {
  // In the shell, stdout belongs to the conversation: logs go to stderr, quietly.
  const log = logger ?? createLogger(config.env.LOG_LEVEL ?? (config.mode === 'shell' ? 'warn' : 'info'), process.stderr);
  const database = await openDatabase({ url: config.env.DATABASE_URL, dataDir: config.env.DATA_DIR });
  await database.migrate();
  const repo = new Repository(database.db);
  await repo.syncConfig(config.file);
  return { config, database, repo, logger: log, clock };
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
    case 'report':
      process.stderr.write('samrad report: not yet available in this version\n');
      return 1;
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
  const deliverer = new Deliverer(rt.database.db, ports, rt.clock, rt.logger);
  const core = new Samrad({ repo: rt.repo, config: config.file, clock: rt.clock, logger: rt.logger, deliver: async (ids) => void (await deliverer.deliver(ids)) });
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
    const deliverer = new Deliverer(rt.database.db, { shell: new ShellPort((s) => void process.stdout.write(s)) }, clock, rt.logger);
    const r = await runTick({ repo: rt.repo, config: config.file, deliverer, logger: rt.logger }, now);
    const stats = r.delivered;
    process.stdout.write(`tick ${now.toISOString()}: agendas ${r.agendas}, reminders ${r.reminders}, delivered ${stats.sent}, retrying ${stats.retried}, failed ${stats.failed}\n`);
  } finally {
    await rt.database.close();
  }
  return 0;
}

/** Server mode: one HTTP server on PORT; each configured chat adapter adds its routes and its port. */
async function startServer(config: AppConfig): Promise<number> {
  const rt = await openRuntime(config);
  const ports: Partial<Record<Platform, ChatPort>> = {};
  const routes: Route[] = [...healthRoutes(() => rt.database.ping())];
  const deliverer = new Deliverer(rt.database.db, ports, rt.clock, rt.logger);
  const core = new Samrad({ repo: rt.repo, config: config.file, clock: rt.clock, logger: rt.logger, deliver: async (ids) => void (await deliverer.deliver(ids)) });
  void core; // adapters (Slack, Teams) receive the core when they are configured
  const server = createHttpServer(routes, rt.logger);
  const port = await listen(server, config.env.PORT);
  rt.logger.info({ port }, 'samrad listening');
  const stopScheduler = startScheduler({
    tick: (now) => runTick({ repo: rt.repo, config: config.file, deliverer, logger: rt.logger }, now),
    clock: rt.clock,
    logger: rt.logger,
    timezone: config.file.timezone,
  });
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  await stopScheduler();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rt.database.close();
  return 0;
}
