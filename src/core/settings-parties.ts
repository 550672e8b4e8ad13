// The organisations part of the settings: who belongs where beyond the e-mail domain. An organisation
// may list its members (e-mail addresses or platform user ids) and groups (Slack user group ids,
// Entra/Teams group ids), and be part of another (`parent`: Komvux of the city). settings.ts merges
// these in; the checks across organisations are `checkOrganisationSettings`.
import { z } from 'zod';

const key = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected lower-case letters, digits and dashes');

/** Added to each organisation: who belongs to it explicitly, before any e-mail domain is looked at. */
export const organisationMembership = {
  /** Another organisation this one is part of: it takes part wherever the parent does. */
  parent: key.optional(),
  /** E-mail addresses (or platform user ids: a Slack `U…`, an Entra object id) of its staff. */
  members: z.array(z.string().min(3)).default([]),
  /** Slack user group ids (`S…`) or Entra/Teams group ids whose members are its staff. */
  groups: z.array(z.string().min(2)).default([]),
};

interface Org {
  key: string;
  domains: string[];
  tenantIds: string[];
  parent?: string;
  members: string[];
  groups: string[];
}

/** Parents must exist; two organisations on one domain or tenant without member lists cannot be told apart. */
export function checkOrganisationSettings(cfg: { organisations: Org[] }, ctx: z.RefinementCtx): void {
  const orgKeys = new Set(cfg.organisations.map((o) => o.key));
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  cfg.organisations.forEach((o, i) => {
    if (o.parent && !orgKeys.has(o.parent)) issue(['organisations', i, 'parent'], `unknown organisation "${o.parent}"`);
    if (o.parent === o.key) issue(['organisations', i, 'parent'], 'an organisation cannot be its own parent');
  });
  // One domain, two organisations: only one of them may take the people nobody listed.
  const byDomain = new Map<string, string[]>();
  for (const o of cfg.organisations) {
    if (o.members.length || o.groups.length) continue;
    for (const d of [...o.domains.map((x) => x.toLowerCase()), ...o.tenantIds.map((x) => `tenant ${x}`)]) byDomain.set(d, [...(byDomain.get(d) ?? []), o.key]);
  }
  for (const [domain, keys] of byDomain) {
    if (keys.length > 1) {
      const where = domain.startsWith('tenant ') ? domain : `the domain ${domain}`;
      issue(['organisations'], `organisations "${keys.join('" and "')}" share ${where} and none of them has a member list: give all but one of them members or groups, so people can be told apart`);
    }
  }
}
