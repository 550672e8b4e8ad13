// The domain settings: organisations, forums, handover templates and the rules around them. The core
// owns this shape; src/config.ts reads it from YAML (and the environment) and validates it here.
import { z } from 'zod';
import { cadenceSchema, calendarSchema, checkCalendarSettings } from './settings-calendar.js';
import { checkOrganisationSettings, organisationMembership } from './settings-parties.js';
import { checkRoleSettings, followUpSchema, roleSchema, sideRole, sideSchema, type Side } from './settings-roles.js';

export { forumEveryWeeks, forumRecurrence, type ForumRecurrence } from './settings-calendar.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time HH:MM');
const key = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected lower-case letters, digits and dashes');
// A side: one organisation, one of several, or a role (`{ role: … }`, settings-roles.ts).
const side = sideSchema;

const organisationSchema = z.object({
  key,
  name: z.string().min(1),
  domains: z.array(z.string().min(3)).default([]),
  tenantIds: z.array(z.string()).default([]),
  /** parent, members, groups (settings-parties.ts). */
  ...organisationMembership,
});

const forumSchema = z.object({
  key,
  name: z.string().min(1),
  kind: z.enum(['case', 'topic']),
  prefix: z.string().regex(/^[A-ZÅÄÖ]{2,6}$/, 'expected 2–6 capital letters'),
  /** Every N weeks from an anchor, or an RRULE; pauses and terms (settings-calendar.ts). */
  cadence: cadenceSchema,
  agendaLeadWorkingDays: z.number().int().min(0).max(20).default(2),
  holidayPolicy: z.enum(['next-working-day', 'cancel']).default('next-working-day'),
  coordinator: z.string().email().nullish(),
  /** Where the forum meets (a room or a meeting link), for the protokoll. */
  place: z.string().min(1).max(300).optional(),
  /** The language of the forum's channel posts and its protokoll; absent: the configured `language`. */
  language: z.enum(['sv', 'en']).optional(),
  /** Organisations taking part in this forum (keys); absent means every configured organisation. */
  organisations: z.array(key).min(1).optional(),
});

const fieldSchema = z.object({
  key: z.string().min(1),
  label: z.string().min(1),
  type: z.enum(['date', 'choice', 'text', 'number', 'member']), // member: a colleague by mention (issue 15)
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
  /** The organisation that asks, or one of several (`[gislaved, gnosjo, vaggeryd, varnamo]`). */
  from: side,
  /** The organisation that answers, or one of several: the receiver is chosen among them. */
  to: side,
  dueWorkingDays: z.number().int().min(1).max(120).default(10),
  recurEveryMonths: z.number().int().min(1).max(24).optional(),
  description: z.string().default(''),
  fields: z.array(fieldSchema).min(1),
  minimum: minimumSchema.optional(),
  /** A step created when the loop is answered (`{ owner: asker, text: …, due: +5 }`, settings-roles.ts). */
  followUp: followUpSchema.optional(),
});

export const settingsSchema = z
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
    /** School terms and named pauses the forums' cadences refer to. */
    calendar: calendarSchema,
    /** People across organisations a template side or owner may name (`{ role: … }`). */
    roles: z.array(roleSchema).default([]),
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
    checkCalendarSettings(cfg, ctx);
    checkOrganisationSettings(cfg, ctx);
    checkRoleSettings(cfg, ctx);
    cfg.handoverTemplates.forEach((t, i) => {
      for (const end of ['from', 'to'] as const) {
        const v = t[end];
        if (sideRole(v)) continue; // a role: checked in checkRoleSettings
        sideKeys(v).forEach((o, j) => {
          if (!orgKeys.has(o)) ctx.addIssue({ code: 'custom', path: ['handoverTemplates', i, end, ...(Array.isArray(v) ? [j] : [])], message: `unknown organisation "${o}"` });
        });
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

export type Settings = z.infer<typeof settingsSchema>;
export type ForumConfig = Settings['forums'][number];
export type OrganisationConfig = Settings['organisations'][number];
export type HandoverTemplateConfig = Settings['handoverTemplates'][number];
export type HandoverFieldConfig = HandoverTemplateConfig['fields'][number];


/** The organisations of a template's side: one, or one of several; a role side names none. */
export function sideKeys(side: Side): string[] {
  if (sideRole(side)) return [];
  return Array.isArray(side) ? side : [side as string];
}

/** What the database's mirror of a template stores of a side: organisation keys, or `role:<key>`. */
export function sideLabel(side: Side): string {
  const role = sideRole(side);
  return role ? `role:${role}` : sideKeys(side).join(',');
}

/** The name most of the core knows the settings by. */
export type FileConfig = Settings;
