// Roles resolved to people (issue 17): a template side, a follow-up's owner — and forum routines' owners
// (issue 17b) — may be a role instead of a person. `samordnare` / `coordinator` is the forum's
// coordinator; any other role is configured under `roles:` with member e-mails / ids and groups.
// Two small functions: whether someone holds a role, and who the holders are.
import { isCoordinator } from './access.js';
import type { FileConfig } from './settings.js';
import { isCoordinatorRole } from './settings-roles.js';
import type { ForumRow, MemberRow, Store } from './stores.js';

const lower = (s: string) => s.trim().toLowerCase();

/** Whether this person holds the role in this forum: by the config's members or groups (the groups the platform reported for them), or as the forum's coordinator. */
export function holdsRole(cfg: FileConfig, role: string, who: Pick<MemberRow, 'id' | 'email' | 'externalId'> & { groups?: string[] | null }, forum: ForumRow | null): boolean {
  if (isCoordinatorRole(role)) return Boolean(forum && isCoordinator(forum, who));
  const r = cfg.roles.find((x) => x.key === role);
  if (!r) return false;
  const ids = [who.email, who.externalId].filter((x): x is string => Boolean(x)).map(lower);
  return r.members.some((m) => ids.includes(lower(m))) || Boolean(who.groups?.some((g) => r.groups.includes(g)));
}

/**
 * The people holding a role in a forum, in the config's order: the forum's coordinator, or the role's
 * listed members Samråd knows (they have used it once, so it can reach them). Group members are found
 * only when they act (the platform reports their groups then), so they are not listed here.
 */
export async function roleHolders(store: Pick<Store, 'members'>, cfg: FileConfig, role: string, forum: ForumRow | null): Promise<MemberRow[]> {
  if (isCoordinatorRole(role)) {
    if (!forum) return [];
    const c = forum.coordinatorEmail ? await store.members.byEmail(forum.coordinatorEmail) : forum.coordinatorMemberId !== null ? await store.members.byId(forum.coordinatorMemberId) : null;
    return c ? [c] : [];
  }
  const r = cfg.roles.find((x) => x.key === role);
  const out: MemberRow[] = [];
  for (const m of r?.members ?? []) {
    const row = m.includes('@') ? await store.members.byEmail(m) : null;
    if (row && !out.some((o) => o.id === row.id)) out.push(row);
  }
  return out;
}

/** A role's name in words: the configured name, or "forumets samordnare" for the built-in one. */
export function roleName(cfg: FileConfig, role: string, coordinatorWords: string): string {
  return isCoordinatorRole(role) ? coordinatorWords : (cfg.roles.find((r) => r.key === role)?.name ?? role);
}
