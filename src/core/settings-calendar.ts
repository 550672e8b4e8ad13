// The calendar part of the settings: a forum's cadence as every N weeks from an anchor (the shorthand)
// or an RFC 5545 RRULE, with pauses (summer, Christmas: date spans, or names from `calendar.pauses`)
// and `within` the school terms (`calendar.terms`). settings.ts merges these in; the checks across
// sections are `checkCalendarSettings`.
import { z } from 'zod';
import { isDateSpanEnd, ruleProblem, typicalWeeks, type DateSpan } from './recurrence.js';

const key = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected lower-case letters, digits and dashes');
const asDate = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : v);
const isoDate = z.preprocess(asDate, z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD'));
// A YAML `06-22` stays a string; `2026-06-22` may arrive as a Date.
const spanEnd = z.preprocess(asDate, z.string().refine(isDateSpanEnd, 'expected YYYY-MM-DD, or MM-DD for every year'));

export const rruleSchema = z.string().superRefine((r, ctx) => {
  const problem = ruleProblem(r);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const namedSpan = z.object({ key, name: z.string().min(1), from: spanEnd, to: spanEnd });
export const calendarSchema = z
  .object({
    /** School terms (vårtermin, hösttermin): `within: terms` cadences and term-start routines use them. */
    terms: z.array(namedSpan).default([]),
    /** Named pauses a forum can refer to (sommar, jul). */
    pauses: z.array(namedSpan).default([]),
  })
  .default({ terms: [], pauses: [] });

const pauseRef = z.union([key, z.object({ from: spanEnd, to: spanEnd, name: z.string().optional() })]);

/** Where an RRULE without an anchor starts counting. */
export const DEFAULT_RULE_ANCHOR = '2026-01-01';

/** The cadence: every N weeks from an anchor (the shorthand), or an RRULE; pauses and terms on top. */
export const cadenceSchema = z
  .object({
    everyWeeks: z.number().int().min(1).max(52).optional(),
    rrule: rruleSchema.optional(),
    anchor: isoDate.optional(),
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time HH:MM'),
    durationMinutes: z.number().int().min(15).max(480).default(90),
    pauses: z.array(pauseRef).default([]),
    /** `terms` (every term in calendar.terms) or a list of term keys: meetings only inside them. */
    within: z.union([z.literal('terms'), z.array(key).min(1)]).optional(),
  })
  .superRefine((c, ctx) => {
    if ((c.everyWeeks === undefined) === (c.rrule === undefined)) ctx.addIssue({ code: 'custom', message: 'give either everyWeeks (with anchor) or rrule' });
    if (c.everyWeeks !== undefined && !c.anchor) ctx.addIssue({ code: 'custom', path: ['anchor'], message: 'everyWeeks needs an anchor date (its weekday is the meeting day)' });
  })
  .transform((c) => ({ ...c, anchor: c.anchor ?? DEFAULT_RULE_ANCHOR }));

export type CadenceSettings = z.infer<typeof cadenceSchema>;
export type CalendarSettings = z.infer<typeof calendarSchema>;

/** Pauses and terms a forum names must exist in `calendar`. */
export function checkCalendarSettings(
  cfg: { calendar: CalendarSettings; forums: { cadence: { pauses: (string | DateSpan)[]; within?: 'terms' | string[] } }[] },
  ctx: z.RefinementCtx,
): void {
  const termKeys = new Set(cfg.calendar.terms.map((t) => t.key));
  const pauseKeys = new Set(cfg.calendar.pauses.map((t) => t.key));
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  cfg.forums.forEach((f, i) => {
    f.cadence.pauses.forEach((p, j) => {
      if (typeof p === 'string' && !pauseKeys.has(p)) issue(['forums', i, 'cadence', 'pauses', j], `unknown pause "${p}" (calendar.pauses: ${[...pauseKeys].join(', ') || 'none'})`);
    });
    const within = f.cadence.within;
    if (within === 'terms' && !termKeys.size) issue(['forums', i, 'cadence', 'within'], 'within: terms needs calendar.terms');
    if (Array.isArray(within)) within.forEach((t, j) => termKeys.has(t) || issue(['forums', i, 'cadence', 'within', j], `unknown term "${t}"`));
  });
}

/** What a forum row keeps of its cadence beyond every N weeks (null rrule: every N weeks). */
export interface ForumRecurrence {
  rrule: string | null;
  pauses: DateSpan[];
  within: DateSpan[] | null;
}

/** The forum's rule with named pauses and terms looked up in `calendar`. */
export function forumRecurrence(calendar: CalendarSettings, c: Pick<CadenceSettings, 'rrule' | 'pauses' | 'within'>): ForumRecurrence {
  const named = new Map(calendar.pauses.map((p) => [p.key, p]));
  const pauses = c.pauses
    .map((p) => (typeof p === 'string' ? named.get(p) : p))
    .filter((p): p is DateSpan => Boolean(p))
    .map(({ from, to, name }) => ({ from, to, ...(name ? { name } : {}) }));
  const terms = c.within === 'terms' ? calendar.terms : c.within ? calendar.terms.filter((t) => c.within!.includes(t.key)) : null;
  return { rrule: c.rrule ?? null, pauses, within: terms ? terms.map(({ from, to, name }) => ({ from, to, name })) : null };
}

/** Weeks between meetings as the row stores them: everyWeeks itself, or about how often the rule meets. */
export function forumEveryWeeks(c: Pick<CadenceSettings, 'everyWeeks' | 'rrule' | 'anchor'>): number {
  return c.everyWeeks ?? typicalWeeks({ rrule: c.rrule!, anchor: c.anchor });
}
