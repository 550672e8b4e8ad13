// Who belongs where, and which organisations are a forum's parties. An organisation is found from, in
// order, the config's member lists (e-mail or platform user id), its groups (Slack user groups, Entra
// groups the adapter reports), and last the e-mail domain or Teams tenant. Where two organisations
// share a domain, the one without a member list takes the people nobody listed (the settings refuse
// two such). An organisation may be part of another (`parent`): it takes part wherever the parent does,
// and its approval of minutes counts for the parent.

interface Org {
  key: string;
  domains: string[];
  tenantIds: string[];
  parent?: string;
  members?: string[];
  groups?: string[];
}
interface PartySettings {
  organisations: Org[];
  forums: { key: string; organisations?: string[] }[];
}

export interface Who {
  email?: string | null;
  externalId?: string;
  tenantId?: string | null;
  /** Group ids the platform reports for the person (Slack user groups, Entra groups). */
  groups?: string[] | null;
}

const lower = (s: string) => s.trim().toLowerCase();

function listed(list: string[] | undefined, who: Who): boolean {
  if (!list?.length) return false;
  const ids = new Set(list.map(lower));
  return Boolean((who.email && ids.has(lower(who.email))) || (who.externalId && ids.has(lower(who.externalId))));
}

function inGroups(list: string[] | undefined, who: Who): boolean {
  return Boolean(list?.length && who.groups?.some((g) => list.includes(g)));
}

function onDomain(o: Org, who: Who): boolean {
  const domain = who.email?.split('@')[1]?.toLowerCase();
  return Boolean((domain && o.domains.some((d) => domain === d.toLowerCase() || domain.endsWith(`.${d.toLowerCase()}`))) || (who.tenantId && o.tenantIds.includes(who.tenantId)));
}

/** The organisation the settings give a person (member lists, groups, then domain/tenant), or null. */
export function organisationFromSettings<O extends Org>(cfg: { organisations: O[] }, who: Who): O | null {
  const byList = cfg.organisations.find((o) => listed(o.members, who));
  if (byList) return byList;
  // A group refines within the organisation's own domains: an AF colleague speaking in a channel of the
  // Komvux team (whose Entra group Teams reports for everyone there) stays AF.
  const byGroup = cfg.organisations.find((o) => inGroups(o.groups, who) && (!o.domains.length || !who.email || onDomain(o, who)));
  if (byGroup) return byGroup;
  const candidates = cfg.organisations.filter((o) => onDomain(o, who));
  if (candidates.length <= 1) return candidates[0] ?? null;
  const unlisted = candidates.filter((o) => !o.members?.length && !o.groups?.length);
  return unlisted.length === 1 ? unlisted[0] : null;
}

/** The party an organisation approves minutes for: its parent (the city), else itself. */
export function partyOf(cfg: Pick<PartySettings, 'organisations'>, orgKey: string): string {
  return cfg.organisations.find((o) => o.key === orgKey)?.parent ?? orgKey;
}

/** True when the organisation, or the organisation it is part of, is one of `keys`. */
export function belongsTo(cfg: Pick<PartySettings, 'organisations'>, orgKey: string | null | undefined, keys: string[]): boolean {
  if (!orgKey) return false;
  return keys.includes(orgKey) || keys.includes(partyOf(cfg, orgKey));
}

/** The organisations a forum lists (or all), plus those that are part of a listed one. */
export function forumMemberOrganisations(cfg: PartySettings, forumKey: string): string[] {
  const listedKeys = cfg.forums.find((f) => f.key === forumKey)?.organisations;
  if (!listedKeys) return cfg.organisations.map((o) => o.key);
  return cfg.organisations.filter((o) => belongsTo(cfg, o.key, listedKeys)).map((o) => o.key);
}

/** The parties whose approval makes a forum's minutes final: one per organisation of the forum, sub-organisations counted with their parent. */
export function forumParties(cfg: PartySettings, forumKey: string): string[] {
  return [...new Set(forumMemberOrganisations(cfg, forumKey).map((k) => partyOf(cfg, k)))];
}
