// Who owns a forum routine, in one place: the owner's key as stored on an occurrence, the owner in
// words, and whether a member is (one of) the owner(s). A new kind of owner is one more member of
// `routineOwnerSchema` and one more case in each function here.
import { messages } from '../../i18n/index.js';
import type { FileConfig, RoutineConfig } from '../settings.js';
import type { RoutineOwner } from '../settings-routines.js';
import type { ForumRow, MemberRow, RoutineOccurrenceRow, Store } from '../stores.js';
import { belongsTo } from '../parties.js';
import { memberName, orgName } from '../render.js';
import { holdsRole, roleHolders, roleName } from '../roles.js';

/** The owner as an occurrence stores it: `person:<e-mail>`, `organisation:<key>` or `role:<key>`. */
export function ownerKey(owner: RoutineOwner): string {
  if ('person' in owner) return `person:${owner.person.toLowerCase()}`;
  if ('organisation' in owner) return `organisation:${owner.organisation}`;
  return `role:${owner.role}`;
}

/** The routine of an occurrence, or undefined when the config no longer has it. */
export function routineOf(cfg: FileConfig, o: Pick<RoutineOccurrenceRow, 'forumKey' | 'routineKey'>): RoutineConfig | undefined {
  return cfg.routines.find((r) => r.forum === o.forumKey && r.key === o.routineKey);
}

/** The one person the owner names, when the bot knows them (they have talked to it once): the person, or a role's first holder. */
export async function ownerMember(store: Store, cfg: FileConfig, owner: RoutineOwner, forum: ForumRow | null): Promise<MemberRow | null> {
  if ('person' in owner) return store.members.byEmail(owner.person);
  if ('role' in owner) return (await roleHolders(store, cfg, owner.role, forum))[0] ?? null;
  return null;
}

/** The owner in words: the person's name, the organisation's, or the role's. */
export function ownerText(cfg: FileConfig, owner: RoutineOwner, member?: MemberRow | null): string {
  if ('person' in owner) return member ? memberName(member) : owner.person;
  if ('organisation' in owner) return orgName(cfg, owner.organisation);
  return roleName(cfg, owner.role, messages(cfg.language).members.roleCoordinator);
}

/** Whether the occurrence is this member's to do: the named person, a member of the owning organisation, or a holder of the role. */
export function ownsRoutine(cfg: FileConfig, owner: RoutineOwner, member: Pick<MemberRow, 'id' | 'email' | 'externalId' | 'organisationKey'>, forum: ForumRow | null): boolean {
  if ('person' in owner) return Boolean(member.email && member.email.toLowerCase() === owner.person.toLowerCase());
  if ('organisation' in owner) return belongsTo(cfg, member.organisationKey, [owner.organisation]);
  return holdsRole(cfg, owner.role, member, forum);
}
