// The routines part of the settings (issue 17): recurring tasks that belong to a forum, not to a case —
// skolsamverkan at the start of the autumn term, the working groups' Q2/Q4 reports, the yearly
// evaluation, the January revision of the agreement. Each has an owner, a rule that gives its due days,
// a text, and is reminded and escalated like a step. settings.ts merges these in; the checks across
// sections are `checkRoutineSettings`.
import { z } from 'zod';
import { rruleSchema } from './settings-calendar.js';
import { COORDINATOR_ROLES, roleRef } from './settings-roles.js';

const key = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected lower-case letters, digits and dashes');
const asDate = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : v);
const isoDate = z.preprocess(asDate, z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD'));
const monthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected MM-DD (e.g. 04-01 for 1 April)');

/**
 * Who does it: one person (an e-mail address), an organisation (its members see it in `mina` and may
 * mark it done; reminders go to the forum's channel), or a role (`{ role: samordnare }`: the forum's
 * coordinator; or one of `roles:`, docs/medlemmar.md). One union member per kind of owner, one case
 * per kind in `routines/owner.ts`.
 */
export const routineOwnerSchema = z.union([z.object({ person: z.string().email() }).strict(), z.object({ organisation: key }).strict(), roleRef]);
export type RoutineOwner = z.infer<typeof routineOwnerSchema>;

/**
 * When it is due. An RRULE (`FREQ=YEARLY;BYMONTH=4,10;BYMONTHDAY=1`: 1 April and 1 October), fixed
 * days of every year (`dates: ["04-01", "10-01"]`), or the start of school terms from `calendar.terms`
 * (`termStart: ht`: the first working day of the autumn term, plus `offsetWorkingDays`). A due day on a
 * weekend or holiday moves to the next working day, as for any due date.
 */
export const routineRuleSchema = z.union([
  z.object({ rrule: rruleSchema, anchor: isoDate.optional() }).strict(),
  z.object({ dates: z.array(monthDay).min(1) }).strict(),
  z.object({ termStart: z.union([key, z.array(key).min(1)]), offsetWorkingDays: z.number().int().min(0).max(60).default(0) }).strict(),
]);
export type RoutineRule = z.infer<typeof routineRuleSchema>;

export const routineSchema = z.object({
  key,
  /** The forum it belongs to: shown on its agenda, in its channel, counted in its indicators. */
  forum: key,
  name: z.string().min(1).max(120),
  text: z.string().min(1).max(300),
  owner: routineOwnerSchema,
  rule: routineRuleSchema,
  /** The occurrence is created (owner and channel told) this many working days before its due day. */
  leadWorkingDays: z.number().int().min(0).max(60).default(10),
});
export type RoutineSettings = z.infer<typeof routineSchema>;

export const routinesSchema = z.array(routineSchema).default([]);

/** Forums, organisations and terms a routine names must exist; keys are unique per forum. */
export function checkRoutineSettings(
  cfg: { routines: RoutineSettings[]; forums: { key: string }[]; organisations: { key: string }[]; calendar: { terms: { key: string }[] }; roles: { key: string }[] },
  ctx: z.RefinementCtx,
): void {
  const forums = new Set(cfg.forums.map((f) => f.key));
  const orgs = new Set(cfg.organisations.map((o) => o.key));
  const terms = new Set(cfg.calendar.terms.map((t) => t.key));
  const roles = new Set<string>([...COORDINATOR_ROLES, ...cfg.roles.map((r) => r.key)]);
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path: ['routines', ...path], message });
  const seen = new Set<string>();
  cfg.routines.forEach((r, i) => {
    if (seen.has(`${r.forum}/${r.key}`)) issue([i, 'key'], `duplicate key "${r.key}" in forum ${r.forum}`);
    seen.add(`${r.forum}/${r.key}`);
    if (!forums.has(r.forum)) issue([i, 'forum'], `unknown forum "${r.forum}"`);
    if ('organisation' in r.owner && !orgs.has(r.owner.organisation)) issue([i, 'owner', 'organisation'], `unknown organisation "${r.owner.organisation}"`);
    if ('role' in r.owner && !roles.has(r.owner.role)) issue([i, 'owner', 'role'], `unknown role "${r.owner.role}"`);
    if ('termStart' in r.rule) {
      for (const t of Array.isArray(r.rule.termStart) ? r.rule.termStart : [r.rule.termStart]) {
        if (!terms.has(t)) issue([i, 'rule', 'termStart'], `unknown term "${t}" (calendar.terms: ${[...terms].join(', ') || 'none'})`);
      }
    }
  });
}
