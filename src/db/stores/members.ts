import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { MemberRow, MemberStore } from '../../core/stores.js';
import type { Db } from '../client.js';
import { members } from '../schema/index.js';

// Raw rows in a form both drivers (postgres.js under drizzle, PGlite) return alike: no dates, no json.
const MEMBER_COLUMNS = sql.raw(
  `id, platform, external_id, email, display_name, organisation_key, language, chat_ref::text as chat_ref, (extract(epoch from created_at) * 1000)::float8 as created_ms`,
);
interface RawMember {
  id: number | string;
  platform: string;
  external_id: string;
  email: string | null;
  display_name: string | null;
  organisation_key: string | null;
  language: string | null;
  chat_ref: string | null;
  created_ms: number | string;
}
function fromRaw(r: RawMember): MemberRow {
  return {
    id: Number(r.id),
    platform: r.platform,
    externalId: r.external_id,
    email: r.email,
    displayName: r.display_name,
    organisationKey: r.organisation_key,
    language: r.language,
    chatRef: r.chat_ref === null ? null : JSON.parse(r.chat_ref),
    createdAt: new Date(Number(r.created_ms)),
  };
}

export function memberStore(db: Db): MemberStore {
  return {
    // Every command upserts its caller. Written as "insert … on conflict do update" alone, that rewrote
    // the row each time (a WAL record, and a row lock held to the commit, so one person's concurrent
    // commands queued on each other). Now the row is written only when something changed; otherwise
    // the same statement returns the stored row (issue 19).
    async upsert(m) {
      const result = await db.execute(sql`
        with v (platform, external_id, email, display_name, organisation_key, language) as (
          values (${m.platform}::text, ${m.externalId}::text, ${m.email}::text, ${m.displayName}::text, ${m.organisationKey}::text, ${m.language}::text)
        ), ins as (
          insert into members (platform, external_id, email, display_name, organisation_key, language)
          select * from v
          on conflict (platform, external_id) do update set
            email = coalesce(excluded.email, members.email),
            display_name = coalesce(excluded.display_name, members.display_name),
            organisation_key = coalesce(excluded.organisation_key, members.organisation_key),
            language = coalesce(excluded.language, members.language)
          where (members.email, members.display_name, members.organisation_key, members.language) is distinct from
                (coalesce(excluded.email, members.email), coalesce(excluded.display_name, members.display_name),
                 coalesce(excluded.organisation_key, members.organisation_key), coalesce(excluded.language, members.language))
          returning ${MEMBER_COLUMNS}
        )
        select * from ins
        union all
        select ${MEMBER_COLUMNS} from members
        where members.platform = ${m.platform}::text and members.external_id = ${m.externalId}::text and not exists (select 1 from ins)`);
      const [raw] = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as RawMember[];
      if (raw) return fromRaw(raw);
      // Inserted by a concurrent transaction after this statement's snapshot, and unchanged: the old
      // always-writing upsert waits for it and returns it.
      const [row] = await db
        .insert(members)
        .values(m)
        .onConflictDoUpdate({
          target: [members.platform, members.externalId],
          set: {
            email: sql`coalesce(excluded.email, ${members.email})`,
            displayName: sql`coalesce(excluded.display_name, ${members.displayName})`,
            organisationKey: sql`coalesce(excluded.organisation_key, ${members.organisationKey})`,
            language: sql`coalesce(excluded.language, ${members.language})`,
          },
        })
        .returning();
      return row;
    },
    async byId(id) {
      const [row] = await db.select().from(members).where(eq(members.id, id));
      return row ?? null;
    },
    async byIds(ids) {
      if (!ids.length) return new Map<number, MemberRow>();
      const rows = await db.select().from(members).where(inArray(members.id, [...new Set(ids)]));
      return new Map(rows.map((r) => [r.id, r]));
    },
    async byEmail(email) {
      const [row] = await db.select().from(members).where(eq(members.email, email.toLowerCase())).orderBy(asc(members.id)).limit(1);
      return row ?? null;
    },
    async setOrganisation(who, organisationKey) {
      await db.update(members).set({ organisationKey }).where(and(eq(members.platform, who.platform), eq(members.externalId, who.externalId)));
    },
  };
}
