// Who owns a forum routine, in one place: the owner's key as stored on an occurrence, the owner in
// words, and whether a member is (one of) the owner(s). A new kind of owner (a configured role) is one
// more case in each function here and one more member of `routineOwnerSchema`.
import type { FileConfig, RoutineConfig } from '../settings.js';
import type { RoutineOwner } from '../settings-routines.js';
import type { MemberRow, RoutineOccurrenceRow, Store } from '../stores.js';
import { belongsTo } from '../parties.js';
import { memberName, orgName } from '../render.js';

/** The owner as an occurrence stores it: `person:<e-mail>` or `organisation:<key>`. */
export function ownerKey(owner: RoutineOwner): string {
  if ('person' in owner) return `person:${owner.person.toLowerCase()}`;
  return `organisation:${owner.organisation}`;
}

/** The routine of an occurrence, or undefined when the config no longer has it. */
export function routineOf(cfg: FileConfig, o: Pick<RoutineOccurrenceRow, 'forumKey' | 'routineKey'>): RoutineConfig | undefined {
  return cfg.routines.find((r) => r.forum === o.forumKey && r.key === o.routineKey);
}

/** The person the owner names, when the bot knows them (they have talked to it once). */
export async function ownerMember(store: Store, owner: RoutineOwner): Promise<MemberRow | null> {
  if ('person' in owner) return store.members.byEmail(owner.person);
  return null;
}

/** The owner in words: the person's name, or the organisation's. */
export function ownerText(cfg: FileConfig, owner: RoutineOwner, member?: MemberRow | null): string {
  if ('person' in owner) return member ? memberName(member) : owner.person;
  return orgName(cfg, owner.organisation);
}

/** Whether the occurrence is this member's to do: the named person, or a member of the owning organisation. */
export function ownsRoutine(cfg: FileConfig, owner: RoutineOwner, member: Pick<MemberRow, 'email' | 'organisationKey'>): boolean {
  if ('person' in owner) return Boolean(member.email && member.email.toLowerCase() === owner.person.toLowerCase());
  return belongsTo(cfg, member.organisationKey, [owner.organisation]);
}
