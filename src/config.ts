// The only module that reads process.env and the YAML config. Everything is zod-validated here,
// so the rest of the code trusts the types.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time HH:MM');
const key = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected lower-case letters, digits and dashes');

const organisationSchema = z.object({
  key,
  name: z.string().min(1),
  domains: z.array(z.string().min(3)).default([]),
  tenantIds: z.array(z.string()).default([]),
});

const forumSchema = z.object({
  key,
  name: z.string().min(1),
  kind: z.enum(['case', 'topic']),
  prefix: z.string().regex(/^[A-ZÅÄÖ]{2,6}$/, 'expected 2–6 capital letters'),
  cadence: z.object({
    everyWeeks: z.number().int().min(1).max(52),
    anchor: z.preprocess((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v), isoDate),
    time: hhmm,
    durationMinutes: z.number().int().min(15).max(480).default(90),
  }),
  agendaLeadWorkingDays: z.number().int().min(0).max(20).default(2),
  holidayPolicy: z.enum(['next-working-day', 'cancel']).default('next-working-day'),
  coordinator: z.string().email().nullish(),
  /** Organisations taking part in this forum (keys); absent means every configured organisation. */
  organisations: z.array(key).min(1).optional(),
});

const fieldSchema = z.object({
  key: z.string().min(1),
  label: z.string().min(1),
  type: z.enum(['date', 'choice', 'text', 'number']),
  choices: z.array(z.string()).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  optional: z.boolean().default(false),
});

// A level the agreement expects of one number field depending on a choice field (e.g. SFI: spår 1
// means 23 h/week, spår 2–3 mean 30): an answer below it is stored and flagged to the asking side.
const minimumSchema = z.object({
  field: z.string().min(1),
  dependsOn: z.string().min(1),
  values: z.record(z.string(), z.number()),
});

const templateSchema = z.object({
  key,
  name: z.string().min(1),
  from: key,
  to: key,
  dueWorkingDays: z.number().int().min(1).max(120).default(10),
  recurEveryMonths: z.number().int().min(1).max(24).optional(),
  description: z.string().default(''),
  fields: z.array(fieldSchema).min(1),
  minimum: minimumSchema.optional(),
});

export const fileConfigSchema = z
  .object({
    timezone: z.string().default('Europe/Stockholm'),
    language: z.enum(['sv', 'en']).default('sv'),
    organisations: z.array(organisationSchema).min(1),
    forums: z.array(forumSchema).min(1),
    targetGroups: z.record(z.string(), z.string()).default({}),
    // `at`: the local time on working days from which agendas and reminders go out.
    reminders: z
      .object({ escalateAfterWorkingDays: z.number().int().min(1).max(60).default(3), at: hhmm.default('08:00') })
      .default({ escalateAfterWorkingDays: 3, at: '08:00' }),
    retention: z.object({ closedCaseDays: z.number().int().min(1).max(3650).default(365) }).default({ closedCaseDays: 365 }),
    handoverTemplates: z.array(templateSchema).default([]),
    /** Question categories a case may carry (key -> label): what kind of help is asked, never who. */
    questionCategories: z.record(z.string().regex(/^[a-z0-9-]+$/, 'expected lower-case letters, digits and dashes'), z.string()).default({}),
  })
  .superRefine((cfg, ctx) => {
    const orgKeys = new Set(cfg.organisations.map((o) => o.key));
    unique(cfg.forums.map((f) => f.key), ['forums'], ctx);
    unique(cfg.forums.map((f) => f.prefix), ['forums'], ctx, 'prefix');
    unique(cfg.organisations.map((o) => o.key), ['organisations'], ctx);
    cfg.forums.forEach((f, i) =>
      f.organisations?.forEach((o, j) => {
        if (!orgKeys.has(o)) ctx.addIssue({ code: 'custom', path: ['forums', i, 'organisations', j], message: `unknown organisation "${o}"` });
      }),
    );
    cfg.handoverTemplates.forEach((t, i) => {
      for (const side of ['from', 'to'] as const) {
        if (!orgKeys.has(t[side])) ctx.addIssue({ code: 'custom', path: ['handoverTemplates', i, side], message: `unknown organisation "${t[side]}"` });
      }
      t.fields.forEach((f, j) => {
        if (f.type === 'choice' && !f.choices?.length) ctx.addIssue({ code: 'custom', path: ['handoverTemplates', i, 'fields', j, 'choices'], message: 'a choice field needs choices' });
      });
      const min = t.minimum;
      if (min && t.fields.find((f) => f.key === min.field)?.type !== 'number') ctx.addIssue({ code: 'custom', path: ['handoverTemplates', i, 'minimum', 'field'], message: `"${min.field}" is not a number field of this template` });
      if (min && t.fields.find((f) => f.key === min.dependsOn)?.type !== 'choice') ctx.addIssue({ code: 'custom', path: ['handoverTemplates', i, 'minimum', 'dependsOn'], message: `"${min.dependsOn}" is not a choice field of this template` });
    });
  });

function unique(values: string[], path: (string | number)[], ctx: z.RefinementCtx, what = 'key') {
  const seen = new Set<string>();
  values.forEach((v, i) => {
    if (seen.has(v)) ctx.addIssue({ code: 'custom', path: [...path, i, what], message: `duplicate ${what} "${v}"` });
    seen.add(v);
  });
}

export type FileConfig = z.infer<typeof fileConfigSchema>;
export type ForumConfig = FileConfig['forums'][number];
export type OrganisationConfig = FileConfig['organisations'][number];
export type HandoverTemplateConfig = FileConfig['handoverTemplates'][number];
export type HandoverFieldConfig = HandoverTemplateConfig['fields'][number];

export class ConfigError extends Error {}

export const DEFAULT_CONFIG_PATH = fileURLToPath(new URL('../config/samrad.yaml', import.meta.url));

/** Reads and validates a YAML config file; errors name the file, the path and the problem. */
export function loadFileConfig(path: string = DEFAULT_CONFIG_PATH): FileConfig {
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
  const parsed = fileConfigSchema.safeParse(raw);
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
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  SAMRAD_PUBLIC_URL: z.string().url().optional(),
});

export type Env = z.infer<typeof envSchema>;

export interface AppConfig {
  env: Env;
  file: FileConfig;
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
