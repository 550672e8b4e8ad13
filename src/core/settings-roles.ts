// Roles and template follow-ups in the settings (issue 17). A role is a set of people across
// organisations (`samordnare` for SFI at Komvux, the UTA-handläggare at AF), named by e-mail or platform
// user id and by group; `samordnare` (or `coordinator`) is built in and means the forum's coordinator.
// A handover template's `from`/`to` may be a role (`{ role: uta-handlaggare }`) and so may its
// follow-up's owner. settings.ts merges these in; the checks are `checkRoleSettings`. Documented in
// docs/medlemmar.md.
import { z } from 'zod';
import { readDate } from './date-words.js';

const key = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected lower-case letters, digits and dashes');

/** The built-in role: the forum's coordinator (the config's `coordinator`, else whoever linked the channel). */
export const COORDINATOR_ROLES = ['samordnare', 'coordinator'] as const;
export const isCoordinatorRole = (role: string) => (COORDINATOR_ROLES as readonly string[]).includes(role);

export const roleSchema = z.object({
  key,
  name: z.string().min(1),
  /** E-mail addresses or platform user ids (a Slack `U…`, an Entra object id). */
  members: z.array(z.string().min(3)).default([]),
  /** Slack user group ids (`S…`) or Entra/Teams group ids. */
  groups: z.array(z.string().min(2)).default([]),
});

export const roleRef = z.object({ role: key }).strict();
/** A template side: one organisation, one of several, or a role. */
export const sideSchema = z.union([key, z.array(key).min(1), roleRef]);
export type Side = z.infer<typeof sideSchema>;

/** Any date word a due date takes (`+5` working days, `+2v`, `+3m`), counted from the day the loop is answered. */
const relativeDue = z.string().refine((v) => 'date' in readDate(v, '2026-01-05'), 'expected a due date such as +5 (working days), +2v or +3m');

export const followUpSchema = z.object({
  /** asker: who started the loop; receiver: who answered it; or `{ role: … }`. */
  owner: z.union([z.enum(['asker', 'receiver']), roleRef]).default('asker'),
  text: z.string().min(1).max(200),
  due: relativeDue.default('+5'),
});
export type FollowUp = z.infer<typeof followUpSchema>;

interface Checked {
  roles: { key: string }[];
  handoverTemplates: { from: Side; to: Side; followUp?: FollowUp }[];
}

/** Roles named by templates must exist; a configured role may not take the built-in coordinator's name. */
export function checkRoleSettings(cfg: Checked, ctx: z.RefinementCtx): void {
  const keys = new Set([...COORDINATOR_ROLES, ...cfg.roles.map((r) => r.key)]);
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const seen = new Set<string>();
  cfg.roles.forEach((r, i) => {
    if (isCoordinatorRole(r.key)) issue(['roles', i, 'key'], `"${r.key}" is the built-in role of the forum's coordinator`);
    if (seen.has(r.key)) issue(['roles', i, 'key'], `duplicate key "${r.key}"`);
    seen.add(r.key);
  });
  const known = (v: unknown, path: (string | number)[]) => {
    if (v && typeof v === 'object' && 'role' in v && !keys.has((v as { role: string }).role)) issue([...path, 'role'], `unknown role "${(v as { role: string }).role}"`);
  };
  cfg.handoverTemplates.forEach((t, i) => {
    known(t.from, ['handoverTemplates', i, 'from']);
    known(t.to, ['handoverTemplates', i, 'to']);
    known(t.followUp?.owner, ['handoverTemplates', i, 'followUp', 'owner']);
  });
}

/** The role of a side, or null when it names organisations. */
export function sideRole(side: Side): string | null {
  return typeof side === 'object' && !Array.isArray(side) ? side.role : null;
}
