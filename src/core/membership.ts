// Organisations by membership (issue 17): who counts to which organisation. In order: a membership the
// forum's coordinator added in chat (`medlem lägg till @x <org>`, the memberships store), the config's
// member lists and groups, then the e-mail domain or Teams tenant (parties.ts).
import type { FileConfig, OrganisationConfig } from './settings.js';
import type { Store } from './stores.js';
import type { Identity } from './model.js';
import { organisationFromSettings } from './parties.js';

type Who = Pick<Identity, 'platform' | 'externalId' | 'email' | 'tenantId' | 'groups'>;

/** The organisation a person counts to: a chat-added membership first, else what the config gives. */
export async function resolveOrganisation(store: Pick<Store, 'memberships'>, cfg: FileConfig, who: Who): Promise<OrganisationConfig | null> {
  const added = await store.memberships.of(who);
  const org = added && cfg.organisations.find((o) => o.key === added.organisationKey);
  return org || organisationFromSettings(cfg, who);
}

/** The organisation whose member list or groups in the config name the person (chat cannot change that), or null. */
export function listedOrganisation(cfg: FileConfig, who: Who): OrganisationConfig | null {
  const lower = (s: string) => s.trim().toLowerCase();
  const ids = [who.email, who.externalId].filter((x): x is string => Boolean(x)).map(lower);
  return cfg.organisations.find((o) => o.members.some((m) => ids.includes(lower(m))) || (who.groups ?? []).some((g) => o.groups.includes(g))) ?? null;
}
