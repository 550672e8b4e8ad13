// `åtgärd ny` and `åtgärd klar` in one statement each (issue 19): the step row, its audit line and its
// posts (the channel's, the owner's DM) in one CTE, the posts inserted already claimed; everything the
// statement needs was read and built before it. See write-posts.ts.
import { sql } from 'drizzle-orm';
import type { NewStepWrite, OneWrite, OutboxRow } from '../../core/stores.js';
import type { Db } from '../client.js';
import { auditFrom, insertedPosts, postsColumn, postsFrom, writeOnce } from './write-posts.js';

const S = sql.raw('s');

export async function addStepWithPosts(db: Db, w: NewStepWrite): Promise<{ id: number; outbox: OutboxRow[] }> {
  const s = w.step;
  const row = await writeOnce<{ id: number | string; posts: unknown }>(
    db,
    sql`with s as (
      insert into next_steps (case_id, forum_key, owner_id, owner_organisation_key, due_date, text, status, meeting_id, created_by, created_at)
      values (${s.caseId}::int, ${s.forumKey}::text, ${s.ownerId}::int, ${s.ownerOrganisationKey ?? null}::text, ${s.dueDate}::text, ${s.text ?? null}::text, ${s.status ?? 'open'}::text, ${s.meetingId ?? null}::int, ${s.createdBy}::int, ${s.createdAt.toISOString()}::timestamptz)
      returning id
    ), a as (${auditFrom(S, w.audit, w.at)}), o as (${postsFrom(S, w.posts, w, w.slot)})
    select s.id, ${postsColumn} from s`,
  );
  const id = Number(row!.id);
  return { id, outbox: insertedPosts(w.posts, row!.posts, w, w.slot, id) };
}

export async function stepDoneWithPosts(db: Db, id: number, w: OneWrite): Promise<OutboxRow[] | null> {
  // Done once: a step someone else marked done in the meantime matches nothing, and nothing is written.
  const row = await writeOnce<{ posts: unknown }>(
    db,
    sql`with s as (
      update next_steps set status = 'done', done_at = ${w.at.toISOString()}::timestamptz where id = ${id}::int and status <> 'done' returning id
    ), a as (${auditFrom(S, w.audit, w.at)}), o as (${postsFrom(S, w.posts, w)})
    select s.id, ${postsColumn} from s`,
  );
  return row ? insertedPosts(w.posts, row.posts, w) : null;
}
