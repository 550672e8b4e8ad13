// The open forum routines a person owns (issue 17): by name, as the owning organisation or as a holder
// of the role, in the forums their organisation takes part in. `mina` in chat and the personal page
// (`/mine`, the Teams personal tab) list the same ones.
import { takesPart } from '../access.js';
import type { FileConfig } from '../settings.js';
import type { MemberRow, RoutineOccurrenceRow, Store } from '../stores.js';
import { ownsRoutine, routineOf } from './owner.js';

export interface MyRoutine {
  occurrence: RoutineOccurrenceRow;
  name: string;
  forumName: string;
}

/** Open occurrences, by due date; only those of `forumKey` when given. */
export async function myRoutines(store: Store, cfg: FileConfig, member: Pick<MemberRow, 'id' | 'email' | 'externalId' | 'organisationKey'>, forumKey: string | null): Promise<MyRoutine[]> {
  if (!cfg.routines.length) return [];
  const forums = (await store.forums.all()).filter((f) => (forumKey === null || f.key === forumKey) && takesPart(cfg, f.key, member.organisationKey));
  const byKey = new Map(forums.map((f) => [f.key, f]));
  const out: MyRoutine[] = [];
  for (const o of await store.routines.openOfForums(forums.map((f) => f.key))) {
    const r = routineOf(cfg, o);
    const forum = byKey.get(o.forumKey) ?? null;
    if (r && ownsRoutine(cfg, r.owner, member, forum)) out.push({ occurrence: o, name: r.name, forumName: forum?.name ?? o.forumKey });
  }
  return out;
}
