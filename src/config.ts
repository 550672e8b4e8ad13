// The only module that reads process.env and the YAML config. Everything is zod-validated here,
// so the rest of the code trusts the types.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from './paths.js';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

// The domain settings schema belongs to the core (src/core/settings.ts); re-exported for callers outside it.
export { settingsSchema as fileConfigSchema } from './core/settings.js';
export type { Settings as FileConfig, ForumConfig, OrganisationConfig, HandoverTemplateConfig, HandoverFieldConfig } from './core/settings.js';
import { settingsSchema, type Settings } from './core/settings.js';

export class ConfigError extends Error {}

export const DEFAULT_CONFIG_PATH = join(PACKAGE_ROOT, 'config', 'samrad.yaml');

/** Reads and validates a YAML config file; errors name the file, the path and the problem. */
export function loadFileConfig(path: string = DEFAULT_CONFIG_PATH): Settings {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ConfigError(`${path}: cannot read the config file (${(e as Error).message})`);
  }
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (e) {
    throw new ConfigError(`${path}: not valid YAML: ${(e as Error).message}`);
  }
  const parsed = settingsSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${path}: ${i.path.length ? i.path.join('.') : '(top)'}: ${i.message}`);
    throw new ConfigError(lines.join('\n'));
  }
  return parsed.data;
}

const envSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./data'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  SAMRAD_CONFIG: z.string().optional(),
  SAMRAD_MODE: z.enum(['shell', 'server']).optional(),
  SAMRAD_USER: z.string().optional(),
  SAMRAD_CHANNEL: z.string().optional(),
  SAMRAD_LANG: z.enum(['sv', 'en']).optional(),
  SLACK_BOT_TOKEN: z.string().optional(),
  SLACK_SIGNING_SECRET: z.string().optional(),
  SLACK_APP_TOKEN: z.string().optional(),
  SLACK_API_URL: z.string().url().optional(),
  MicrosoftAppId: z.string().optional(),
  MicrosoftAppPassword: z.string().optional(),
  MicrosoftAppTenantId: z.string().optional(),
  MicrosoftAppType: z.string().optional(),
  TEAMS_ALLOW_UNAUTHENTICATED: z.string().optional(),
  // issue 16: botbuilder's own name for where the channel's signing keys are published (sovereign clouds; tests).
  ToBotFromChannelOpenIdMetadataUrl: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  SAMRAD_PUBLIC_URL: z.string().url().optional(),
  // issue 16: pacing per Slack channel (ms between posts; Slack allows about one a second). Tests and
  // benchmarks against a local fake set it lower; production leaves the default.
  SLACK_CHANNEL_INTERVAL_MS: z.coerce.number().int().min(0).max(60_000).optional(),
  /** Acknowledged commands that may wait for their turn (issue 19; beyond them: "busy, try again"). */
  SAMRAD_MAX_WAITING: z.coerce.number().int().min(0).max(100_000).optional(),
  // issue 16, docs/drift.md: the fault budgets. Defaults in the code that uses them; set only to tune.
  /** SIGTERM to exit 0 (default 8 000; at least 2 000: 1.5 s of it are for giving work back and closing). */
  SHUTDOWN_BUDGET_MS: z.coerce.number().int().min(2_000).max(600_000).optional(),
  /** Every Slack Web API call gives up after this long (default 5 000). */
  WEB_API_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).optional(),
  /** A tick stops claiming this long after it began (default 45 000; below the minute between ticks). */
  TICK_DEADLINE_MS: z.coerce.number().int().min(1_000).max(59_000).optional(),
  /** Longest a start waits for another process's migration lock before it stops with one line (default 120 000). */
  MIGRATION_LOCK_MS: z.coerce.number().int().min(0).max(3_600_000).optional(),
});

export type Env = z.infer<typeof envSchema>;

export interface AppConfig {
  env: Env;
  file: Settings;
  configPath: string;
  mode: 'shell' | 'server';
  slackConfigured: boolean;
  teamsConfigured: boolean;
}

/** Reads env (default: process.env) and the YAML config it names. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `environment: ${i.path.join('.')}: ${i.message}`).join('\n'));
  }
  const env = parsed.data;
  // Half a Slack set-up would otherwise fall back to the shell without a word.
  if (env.SLACK_APP_TOKEN && !env.SLACK_BOT_TOKEN) throw new ConfigError('environment: SLACK_APP_TOKEN (Socket Mode) needs SLACK_BOT_TOKEN too');
  if (env.SLACK_BOT_TOKEN && !env.SLACK_SIGNING_SECRET && !env.SLACK_APP_TOKEN) {
    throw new ConfigError('environment: SLACK_BOT_TOKEN needs SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode)');
  }
  const configPath = env.SAMRAD_CONFIG ?? DEFAULT_CONFIG_PATH;
  const file = loadFileConfig(configPath);
  const slackConfigured = Boolean((env.SLACK_BOT_TOKEN && env.SLACK_SIGNING_SECRET) || env.SLACK_APP_TOKEN);
  const teamsConfigured = Boolean(env.MicrosoftAppId || env.TEAMS_ALLOW_UNAUTHENTICATED === '1');
  const mode = env.SAMRAD_MODE ?? (slackConfigured || teamsConfigured ? 'server' : 'shell');
  return { env, file, configPath, mode, slackConfigured, teamsConfigured };
}

/** What the Teams adapter needs from the environment (structurally its `TeamsSetup`). */
export function teamsSetup(config: AppConfig) {
  const e = config.env;
  return {
    auth: { appId: e.MicrosoftAppId, appPassword: e.MicrosoftAppPassword, tenantId: e.MicrosoftAppTenantId, appType: e.MicrosoftAppType, openIdMetadataUrl: e.ToBotFromChannelOpenIdMetadataUrl },
    configured: config.teamsConfigured,
    allowUnauthenticated: e.TEAMS_ALLOW_UNAUTHENTICATED === '1',
  };
}
