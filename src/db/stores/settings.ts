// Mirrors the configured organisations, forums and handover templates into the database; keeps
// channel bindings (they are made in chat, not in config).
import { sql } from 'drizzle-orm';
import { forumEveryWeeks, forumRecurrence, sideLabel, type Settings } from '../../core/settings.js';
import type { Db } from '../client.js';
import { forums, handoverTemplates, organisations } from '../schema/index.js';

export async function syncSettings(db: Db, cfg: Settings): Promise<void> {
  await db.transaction(async (tx) => {
    for (const o of cfg.organisations) {
      await tx.insert(organisations).values({ key: o.key, name: o.name }).onConflictDoUpdate({ target: organisations.key, set: { name: o.name } });
    }
    for (const f of cfg.forums) {
      const values = {
        name: f.name,
        kind: f.kind,
        prefix: f.prefix,
        everyWeeks: forumEveryWeeks(f.cadence),
        recurrence: forumRecurrence(cfg.calendar, f.cadence),
        anchor: f.cadence.anchor,
        time: f.cadence.time,
        durationMinutes: f.cadence.durationMinutes,
        agendaLeadWorkingDays: f.agendaLeadWorkingDays,
        holidayPolicy: f.holidayPolicy,
        coordinatorEmail: f.coordinator ?? null,
      };
      // A new time or length changes every event in the calendar feed: its SEQUENCE must go up.
      const scheduleSequence = sql`case when ${forums.time} is distinct from excluded.time or ${forums.durationMinutes} is distinct from excluded.duration_minutes then ${forums.scheduleSequence} + 1 else ${forums.scheduleSequence} end`;
      await tx.insert(forums).values({ key: f.key, ...values }).onConflictDoUpdate({ target: forums.key, set: { ...values, scheduleSequence } });
    }
    for (const h of cfg.handoverTemplates) {
      const values = { name: h.name, fromOrganisationKey: sideLabel(h.from), toOrganisationKey: sideLabel(h.to), dueWorkingDays: h.dueWorkingDays, definition: h };
      await tx.insert(handoverTemplates).values({ key: h.key, ...values }).onConflictDoUpdate({ target: handoverTemplates.key, set: values });
    }
  });
}
