import { and, asc, desc, eq, gt, gte, inArray, isNotNull, lte, or, sql } from 'drizzle-orm';
import type { MeetingStore } from '../../core/stores.js';
import type { Db } from '../client.js';
import { meetings } from '../schema/index.js';
import { likePattern } from './like.js';

export function meetingStore(db: Db): MeetingStore {
  return {
    ofForum: (forumKey) => db.select().from(meetings).where(eq(meetings.forumKey, forumKey)).orderBy(asc(meetings.scheduledDate)),
    between: (forumKey, from, to) =>
      db
        .select()
        .from(meetings)
        .where(and(eq(meetings.forumKey, forumKey), gte(meetings.scheduledDate, from), lte(meetings.scheduledDate, to)))
        .orderBy(asc(meetings.scheduledDate)),
    async betweenForForums(forumKeys, from, to) {
      if (!forumKeys.length) return [];
      return db
        .select()
        .from(meetings)
        .where(and(inArray(meetings.forumKey, forumKeys), gte(meetings.scheduledDate, from), lte(meetings.scheduledDate, to)))
        .orderBy(asc(meetings.forumKey), asc(meetings.scheduledDate));
    },
    async lock(v) {
      await db.insert(meetings).values(v).onConflictDoNothing({ target: [meetings.forumKey, meetings.scheduledDate] });
      const [row] = await db
        .select()
        .from(meetings)
        .where(and(eq(meetings.forumKey, v.forumKey), eq(meetings.scheduledDate, v.scheduledDate)))
        .for('update');
      return row;
    },
    async running(forumKey) {
      const [row] = await db.select().from(meetings).where(and(eq(meetings.forumKey, forumKey), eq(meetings.status, 'running'))).orderBy(asc(meetings.id)).limit(1).for('update');
      return row ?? null;
    },
    async update(id, set) {
      const [row] = await db.update(meetings).set(set).where(eq(meetings.id, id)).returning();
      return row;
    },
    async save(v) {
      const [row] = await db
        .insert(meetings)
        // Every change to an occurrence is a new version of its calendar event (ICS SEQUENCE).
        .values({ ...v, sequence: 1 })
        .onConflictDoUpdate({ target: [meetings.forumKey, meetings.scheduledDate], set: { date: v.date, startsAt: v.startsAt, status: v.status, note: v.note, sequence: sql`${meetings.sequence} + 1` } })
        .returning();
      return row;
    },
    async latestMinutes(forumKey) {
      const [row] = await db
        .select()
        .from(meetings)
        .where(and(eq(meetings.forumKey, forumKey), isNotNull(meetings.minutesStatus)))
        .orderBy(desc(meetings.date), desc(meetings.id))
        .limit(1);
      return row ?? null;
    },
    async minutesOn(forumKey, date) {
      const [row] = await db
        .select()
        .from(meetings)
        .where(and(eq(meetings.forumKey, forumKey), eq(meetings.date, date), isNotNull(meetings.minutesStatus)))
        .orderBy(desc(meetings.id))
        .limit(1);
      return row ?? null;
    },
    async heldEnds(forumKey, since) {
      const rows = await db
        .select({ endedAt: meetings.endedAt })
        .from(meetings)
        .where(and(eq(meetings.forumKey, forumKey), eq(meetings.status, 'held'), gt(meetings.endedAt, since)));
      return rows.map((r) => r.endedAt!).filter(Boolean);
    },
    withCaseItem(caseId) {
      const probe = JSON.stringify({ items: [{ kind: 'case', id: caseId }] });
      return db
        .select()
        .from(meetings)
        .where(sql`${meetings.walkState} @> ${probe}::jsonb or ${meetings.minutes} @> ${probe}::jsonb`);
    },
    async mentioning(forumKey, needles) {
      if (!needles.length) return [];
      const docs = sql`coalesce(${meetings.walkState}::text, '') || coalesce(${meetings.minutes}::text, '')`;
      return db
        .select({ id: meetings.id, walkState: meetings.walkState, minutes: meetings.minutes })
        .from(meetings)
        .where(and(eq(meetings.forumKey, forumKey), or(...needles.map((n) => sql`${docs} like ${likePattern(n)} escape '\\'`))));
    },
    async scrub(id, walkState, minutes) {
      await db.update(meetings).set({ walkState, minutes }).where(eq(meetings.id, id));
    },
  };
}
