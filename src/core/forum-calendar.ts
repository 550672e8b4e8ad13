// A forum row's cadence: every N weeks, or the RRULE with its pauses and terms that the settings
// resolved (settings-calendar.ts `forumRecurrence`) and the row keeps.
import type { Cadence, HolidayPolicy } from './calendar.js';
import type { ForumRecurrence } from './settings-calendar.js';

/** The cadence of a forum row: its every-N-weeks columns, and the rule, pauses and terms when set. */
export function cadenceFromRow(f: { everyWeeks: number; anchor: string; time: string; durationMinutes: number; holidayPolicy: string; recurrence?: unknown }): Cadence {
  const r = (f.recurrence ?? null) as ForumRecurrence | null;
  return {
    everyWeeks: f.everyWeeks,
    anchor: f.anchor,
    time: f.time,
    durationMinutes: f.durationMinutes,
    holidayPolicy: f.holidayPolicy as HolidayPolicy,
    rrule: r?.rrule ?? null,
    pauses: r?.pauses ?? [],
    within: r?.within ?? null,
  };
}
