// `överlämning svar` in one statement (issue 19): the answer, its audit line and its posts (the asking
// side's DM, the channel's line) in one CTE, the posts inserted already claimed. See write-posts.ts.
import { sql } from 'drizzle-orm';
import type { OneWrite, OutboxRow } from '../../core/stores.js';
import type { Db } from '../client.js';
import { auditFrom, insertedPosts, postsColumn, postsFrom, writeOnce } from './write-posts.js';

const S = sql.raw('s');

export async function answerWithPosts(db: Db, id: number, v: { fields: Record<string, string>; flags: string[]; by: number }, w: OneWrite): Promise<OutboxRow[] | null> {
  // Answered once: when someone else answered first the update matches nothing and nothing is written.
  const row = await writeOnce<{ posts: unknown }>(
    db,
    sql`with s as (
      update handovers set fields = ${JSON.stringify(v.fields)}::jsonb, flags = ${JSON.stringify(v.flags)}::jsonb, status = 'answered', answered_by = ${v.by}::int, answered_at = ${w.at.toISOString()}::timestamptz
      where id = ${id}::int and status = 'open' returning id
    ), a as (${auditFrom(S, w.audit, w.at)}), o as (${postsFrom(S, w.posts, w)})
    select s.id, ${postsColumn} from s`,
  );
  return row ? insertedPosts(w.posts, row.posts, w) : null;
}
