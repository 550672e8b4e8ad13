// The audit line and the posts of a one-statement write (issue 19). `åtgärd ny`, `åtgärd klar` and
// `överlämning svar` read and build everything first and then write once: a CTE that changes the row,
// inserts its audit line and its outbox rows — already claimed for prompt delivery — from that row, so
// the command's locks live from this one statement to the commit that follows it at once, never while
// Node works. Used by steps.ts and handovers.ts; `ärende ny` has its own (case-write.ts, the counter).
import { sql, type SQL } from 'drizzle-orm';
import type { OutboxRow, WriteAudit, WritePost } from '../../core/stores.js';
import type { Db } from '../client.js';

/** What the statement's posts are inserted with: claimed until then (status 'sending'), or pending. */
export interface PostsClaim {
  at: Date;
  claimUntil: Date | null;
}

/** `insert into audit_log … select … from <source>`: one line when the source CTE has its row. */
export function auditFrom(source: SQL, a: WriteAudit, at: Date): SQL {
  return sql`insert into audit_log (at, actor_id, actor_organisation_key, action, forum_key, case_code)
    select ${at.toISOString()}::timestamptz, ${a.actorId}::int, ${a.actorOrganisationKey}::text, ${a.action}::text, ${a.forumKey}::text, ${a.caseCode}::text from ${source}`;
}

/**
 * `insert into outbox … select … from <source>, (values …)`, in the order given, `returning id, key`.
 * With `slot`, key and payload carry it where the source row's id goes (its id is known only here).
 */
export function postsFrom(source: SQL, posts: WritePost[], c: PostsClaim, slot?: string): SQL {
  if (!posts.length) return sql`select null::bigint as id, null::text as key where false`;
  const claimed = c.claimUntil !== null;
  const at = c.at.toISOString();
  const rows = sql.join(
    posts.map((p, i) => sql`(${i}::int, ${p.key}::text, ${JSON.stringify(p.target)}::jsonb, ${JSON.stringify(p.payload)}::text, ${p.caseCode}::text)`),
    sql`, `,
  );
  const fill = (v: SQL) => (slot ? sql`replace(${v}, ${slot}::text, ${source}.id::text)` : v);
  return sql`insert into outbox (key, target, payload, case_code, status, attempts, next_attempt_at, locked_until, created_at)
    select ${fill(sql`p.key`)}, p.target, (${fill(sql`p.payload`)})::jsonb, p.case_code, ${claimed ? 'sending' : 'pending'}::text, ${claimed ? 1 : 0}::int, ${at}::timestamptz, ${c.claimUntil?.toISOString() ?? null}::timestamptz, ${at}::timestamptz
    from ${source}, (values ${rows}) as p (ord, key, target, payload, case_code)
    order by p.ord
    on conflict (key) do nothing
    returning id, key`;
}

/** The `posts` column of the statement's result: the outbox rows inserted (id, key), in id order. */
export const postsColumn = sql`coalesce((select json_agg(json_build_object('id', o.id, 'key', o.key) order by o.id) from o), '[]'::json) as posts`;

/** Runs the statement; its one result row, or null when the row change matched nothing. */
export async function writeOnce<R>(db: Db, statement: SQL): Promise<R | null> {
  const result = await db.execute(statement);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as R[];
  return rows[0] ?? null;
}

/** The outbox rows as inserted, for delivery right after the commit (`Deliverer.sendClaimed`). */
export function insertedPosts(posts: WritePost[], inserted: unknown, c: PostsClaim, slot?: string, id?: number): OutboxRow[] {
  const list = (typeof inserted === 'string' ? JSON.parse(inserted) : inserted) as { id: number | string; key: string }[];
  const fill = (text: string) => (slot && id !== undefined ? text.split(slot).join(String(id)) : text);
  const claimed = c.claimUntil !== null;
  const byKey = new Map(posts.map((p) => [fill(p.key), p]));
  return list.flatMap((r) => {
    const p = byKey.get(r.key);
    if (!p) return [];
    return [
      {
        id: Number(r.id),
        key: r.key,
        target: p.target,
        payload: JSON.parse(fill(JSON.stringify(p.payload))),
        replaces: null,
        caseCode: p.caseCode,
        status: claimed ? 'sending' : 'pending',
        attempts: claimed ? 1 : 0,
        nextAttemptAt: c.at,
        lockedUntil: c.claimUntil,
        lastError: null,
        sentRef: null,
        createdAt: c.at,
        uncertain: false,
        sentAt: null,
      } satisfies OutboxRow,
    ];
  });
}
