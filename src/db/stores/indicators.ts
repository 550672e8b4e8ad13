// The indicators' counts (issue 20), counted in the database: one grouped query per figure over every
// requested forum and quarter at once, instead of reading each forum's rows and counting them in JS
// (20 forums × 8 quarters was ~23 000 rows mapped by drizzle per dashboard). The quarters go in as
// a VALUES list joined as a table, so a row falling in two requested quarters counts in
// both, as it did per quarter before. Local dates are the forum's time zone; dates stored as text are
// compared byte by byte (collate "C"), as JS compares strings.
import { sql, type SQL } from 'drizzle-orm';
import type { IndicatorCounts, IndicatorSpan, IndicatorStore } from '../../core/stores.js';
import type { Db } from '../client.js';

type Row = Record<string, unknown>;

export function indicatorStore(db: Db): IndicatorStore {
  const rows = async (query: SQL): Promise<Row[]> => {
    const result = await db.execute(query);
    return (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];
  };
  return {
    async counts(span) {
      if (!span.quarters.length || !span.forumKeys.length) return emptyCounts();
      const p = parts(span);
      const [raised, firstStep, steps, handovers, outcomes, meetingsHeld, routines] = await Promise.all([
        // Cases raised, by organisation and by the list of target groups (a few distinct lists): the core
        // counts a case once in each group of its list. `first` (lowest case id) orders keys no longer configured.
        rows(sql`${p.q} select c.forum_key as f, q.i, c.organisation_key as key, c.target_groups as groups, count(*)::int as n, min(c.id)::float8 as first
          from case_items c join q on c.created_at >= q.start and c.created_at < q.stop
          where ${p.forum(sql`c.forum_key`)} ${p.group(sql`c.target_groups`)} group by 1, 2, 3, 4`),
        // Calendar days from raised to the case's first step (any step, whenever due); the median as
        // percentile_cont(0.5): the middle value, or the mean of the two middle ones.
        rows(sql`${p.q} select c.forum_key as f, q.i, (percentile_cont(0.5) within group (order by ${p.day(sql`s.first`)} - ${p.day(sql`c.created_at`)}))::float8 as median, count(*)::int as n
          from case_items c join q on c.created_at >= q.start and c.created_at < q.stop
          join lateral (select min(created_at) as first from next_steps where case_id = c.id) s on s.first is not null
          where ${p.forum(sql`c.forum_key`)} ${p.group(sql`c.target_groups`)} group by 1, 2`),
        rows(sql`${p.q} select s.forum_key as f, q.i,
            count(*) filter (where s.status = 'done' or s.due_date collate "C" < ${span.asOf}::text)::int as due,
            count(*) filter (where s.status = 'done' and s.done_at is not null and ${p.localDate(sql`s.done_at`)} <= s.due_date collate "C")::int as on_time
          from next_steps s join q on s.due_date >= q.from_day and s.due_date <= q.to_day ${p.caseInGroup(sql`s.case_id`)}
          where ${p.forum(sql`s.forum_key`)} group by 1, 2`),
        rows(sql`${p.q} select h.forum_key as f, q.i, h.template_key as key, min(h.id)::float8 as first, ${p.loop(sql`h.status = 'answered' and h.answered_at is not null`, sql`h.answered_at`, sql`h.due_date`)}
          from handovers h join q on h.due_date >= q.from_day and h.due_date <= q.to_day ${p.caseInGroup(sql`h.case_id`)}
          where ${p.forum(sql`h.forum_key`)} group by 1, 2, 3`),
        rows(sql`${p.q} select c.forum_key as f, q.i, c.outcome as key, count(*)::int as n
          from case_items c join q on c.closed_at >= q.start and c.closed_at < q.stop
          where c.status = 'closed' and c.outcome is not null and ${p.forum(sql`c.forum_key`)} ${p.group(sql`c.target_groups`)} group by 1, 2, 3`),
        rows(sql`${p.q} select m.forum_key as f, q.i, count(*)::int as n
          from meetings m join q on m.date collate "C" >= q.from_day collate "C" and m.date collate "C" <= q.to_day collate "C"
          where m.status = 'held' and ${p.forum(sql`m.forum_key`)} group by 1, 2`),
        rows(sql`${p.q} select r.forum_key as f, q.i, ${p.loop(sql`r.status = 'done' and r.done_at is not null`, sql`r.done_at`, sql`r.due_date`)}
          from routine_occurrences r join q on r.due_date >= q.from_day and r.due_date <= q.to_day
          where ${p.forum(sql`r.forum_key`)} group by 1, 2`),
      ]);
      const at = (r: Row) => ({ forumKey: String(r.f), quarter: Number(r.i) });
      const loop = (r: Row) => ({ due: Number(r.due), onTime: Number(r.on_time), late: Number(r.late), never: Number(r.never), pending: Number(r.pending) });
      return {
        raised: raised.map((r) => ({ ...at(r), organisationKey: String(r.key), targetGroups: groupList(r.groups), count: Number(r.n), first: Number(r.first) })),
        firstStep: firstStep.map((r) => ({ ...at(r), median: r.median === null ? null : Number(r.median), cases: Number(r.n) })),
        steps: steps.map((r) => ({ ...at(r), due: Number(r.due), onTime: Number(r.on_time) })),
        handovers: handovers.map((r) => ({ ...at(r), template: String(r.key), first: Number(r.first), ...loop(r) })),
        outcomes: outcomes.map((r) => ({ ...at(r), key: String(r.key), count: Number(r.n) })),
        meetingsHeld: meetingsHeld.map((r) => ({ ...at(r), count: Number(r.n) })),
        routines: routines.map((r) => ({ ...at(r), ...loop(r) })),
      };
    },
  };
}

/** jsonb comes back parsed from postgres.js and PGlite alike; anything but a list of strings is no group. */
function groupList(v: unknown): string[] {
  const list = typeof v === 'string' ? (JSON.parse(v) as unknown) : v;
  return Array.isArray(list) ? list.map(String) : [];
}

function emptyCounts(): IndicatorCounts {
  return { raised: [], firstStep: [], steps: [], handovers: [], outcomes: [], meetingsHeld: [], routines: [] };
}

/** The pieces every query shares: the quarters as a table, the forum and target-group filters, local dates. */
function parts(span: IndicatorSpan) {
  const quarters = sql.join(
    span.quarters.map((q, i) => sql`(${i}::int, ${q.from}::text, ${q.to}::text, ${q.start.toISOString()}::timestamptz, ${q.end.toISOString()}::timestamptz)`),
    sql`, `,
  );
  const forums = sql.join(span.forumKeys.map((k) => sql`${k}::text`), sql`, `);
  const tz = span.timeZone;
  const localDate = (col: SQL) => sql`to_char(timezone(${tz}::text, ${col}), 'YYYY-MM-DD') collate "C"`;
  const group = span.targetGroup === undefined ? null : JSON.stringify([span.targetGroup]);
  return {
    // A VALUES list and a plain IN list, not JSON unpacked in SQL: the planner then knows there are 8
    // quarters and 20 forums. With jsonb_to_recordset's guess of 100 rows each, its cost estimates passed
    // jit_above_cost and Postgres spent 200 ms JIT-compiling a query that runs in 9 (bench, issue 20).
    q: sql`with q (i, from_day, to_day, start, stop) as (values ${quarters})`,
    forum: (col: SQL) => sql`${col} in (${forums})`,
    /** Only cases of the target group (the filter of the report). */
    group: (col: SQL) => (group === null ? sql`` : sql`and ${col} @> ${group}::jsonb`),
    /** Only rows whose case is of the target group (a row whose case is gone is left out). */
    caseInGroup: (caseId: SQL) => (group === null ? sql`` : sql`join case_items gc on gc.id = ${caseId} and gc.target_groups @> ${group}::jsonb`),
    day: (col: SQL) => sql`timezone(${tz}::text, ${col})::date`,
    localDate,
    /** Due / done by the due day / after it / not done with the day passed / not yet due. */
    loop: (done: SQL, doneAt: SQL, dueDate: SQL) => sql`count(*)::int as due,
      count(*) filter (where ${done} and ${localDate(doneAt)} <= ${dueDate} collate "C")::int as on_time,
      count(*) filter (where ${done} and ${localDate(doneAt)} > ${dueDate} collate "C")::int as late,
      count(*) filter (where not (${done}) and ${dueDate} collate "C" < ${span.asOf}::text)::int as never,
      count(*) filter (where not (${done}) and ${dueDate} collate "C" >= ${span.asOf}::text)::int as pending`,
  };
}
