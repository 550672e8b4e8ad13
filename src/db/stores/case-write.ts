// `ärende ny` in one statement (issue 19). The forum's case counter is the one row every new case of a
// forum and year must take in turn; the old write held its lock through the case insert, the audit
// insert, reading the next meeting, building the message, the outbox insert and the commit — Node's
// work and five round trips while every other command of the forum waited. Now everything is read and
// built first, and this single statement bumps the counter, inserts the case, its audit line and its
// channel post; the lock lives from this statement to the commit that follows it at once.
//
// Why a counter row and not a sequence per forum and year: nextval() is not transactional (a refused
// or rolled-back command would leave a gap) and a sequence cannot be created per forum and year inside
// the command's transaction without DDL; the counter row keeps codes gap-free and in commit order.
//
// The post's text carries the code, which only this statement knows: the message is built with a
// placeholder that the statement replaces (a random token per process, so no typed text can hit it).
import { sql } from 'drizzle-orm';
import type { CaseWritten, NewCaseWrite } from '../../core/stores.js';
import type { Db } from '../client.js';

const fill = (text: string, slot: string, code: string) => text.split(slot).join(code);

export async function insertCaseWithPost(db: Db, c: NewCaseWrite): Promise<CaseWritten> {
  const payload = JSON.stringify(c.post.payload);
  const claimed = c.claimUntil !== null;
  // ISO strings, cast in SQL: the drivers (postgres.js under drizzle, PGlite) agree on those.
  const at = c.at.toISOString();
  const claimUntil = c.claimUntil?.toISOString() ?? null;
  const result = await db.execute(sql`
    with n as (
      insert into case_counters (forum_key, year, last) values (${c.forumKey}::text, ${c.year}::int, 1)
      on conflict (forum_key, year) do update set last = case_counters.last + 1
      returning last
    ), k as (
      select ${c.prefix}::text || '-' || ${String(c.year)}::text || '-' || case when n.last < 1000 then lpad(n.last::text, 3, '0') else n.last::text end as code from n
    ), i as (
      insert into case_items (code, forum_key, raised_by, organisation_key, target_groups, consent, category, question, created_at)
      select k.code, ${c.forumKey}::text, ${c.raisedBy}::int, ${c.organisationKey}::text, ${JSON.stringify(c.targetGroups)}::jsonb, ${c.consent}::text, ${c.category}::text, ${c.question}::text, ${at}::timestamptz from k
      returning id, code
    ), a as (
      insert into audit_log (at, actor_id, actor_organisation_key, action, forum_key, case_code)
      select ${at}::timestamptz, ${c.audit.actorId}::int, ${c.audit.actorOrganisationKey}::text, ${c.audit.action}::text, ${c.forumKey}::text, i.code from i
    ), o as (
      insert into outbox (key, target, payload, case_code, status, attempts, next_attempt_at, locked_until, created_at)
      select replace(${c.post.key}::text, ${c.slot}::text, i.code), ${JSON.stringify(c.post.target)}::jsonb, replace(${payload}::text, ${c.slot}::text, i.code)::jsonb, i.code,
             ${claimed ? 'sending' : 'pending'}::text, ${claimed ? 1 : 0}::int, ${at}::timestamptz, ${claimUntil}::timestamptz, ${at}::timestamptz from i
      returning id
    )
    select i.id as case_id, i.code as code, o.id as outbox_id from i, o`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { case_id: number | string; code: string; outbox_id: number | string }[];
  const [r] = rows;
  const code = r.code;
  return {
    caseId: Number(r.case_id),
    code,
    outbox: {
      id: Number(r.outbox_id),
      key: fill(c.post.key, c.slot, code),
      target: c.post.target,
      payload: JSON.parse(fill(payload, c.slot, code)),
      replaces: null,
      caseCode: code,
      status: claimed ? 'sending' : 'pending',
      attempts: claimed ? 1 : 0,
      nextAttemptAt: c.at,
      lockedUntil: c.claimUntil,
      lastError: null,
      sentRef: null,
      createdAt: c.at,
      uncertain: false,
      sentAt: null,
    },
  };
}
