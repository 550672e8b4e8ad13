// Retention (gallring): a closed case is kept in full for `retention.closedCaseDays` (default 365),
// then reduced to statistics. Its free text goes wherever a copy lies — the question, the steps' text,
// the handover answers, the outbox payloads, agenda snapshots and minutes — while the rows that the
// quarterly report counts (code, forum, organisation, target groups, category, consent, dates,
// outcome, step and handover status) stay. Open cases are never purged. Called by `samrad tick`.
import type { FileConfig } from './settings.js';
import type { CaseRow, Store } from './stores.js';
import { purgeCaseFromMeetings } from './meeting/minutes.js';

export interface PurgeStats {
  /** Codes of the cases reduced to statistics in this run. */
  codes: string[];
  steps: number;
  handovers: number;
  outbox: number;
  meetings: number;
}

/** What replaces a removed text, so readers see that something was there and why it is gone. */
export const PURGED = '[gallrat]';
const DAY_MS = 86_400_000;
/** Prefix of a long text used to find shortened copies (lists cut the question at 140 characters). */
const NEEDLE_PREFIX = 40;
/** Shorter texts ("ja", "2") say nothing on their own and would match unrelated documents. */
const NEEDLE_MIN = 8;
/** Cases per transaction, so one run never holds locks for long. */
const BATCH = 50;

/** Reduces every closed case older than the retention period to statistics; safe to run from any replica. */
export async function purgeExpired(store: Store, config: FileConfig, now: Date): Promise<PurgeStats> {
  const before = new Date(now.getTime() - config.retention.closedCaseDays * DAY_MS);
  const stats: PurgeStats = { codes: [], steps: 0, handovers: 0, outbox: 0, meetings: 0 };
  for (;;) {
    const done = await store.transaction(async (r) => {
      const cases = await r.cases.toPurge(before, BATCH);
      for (const c of cases) await purgeCase(r, c, now, stats);
      return cases.length;
    });
    if (done < BATCH) return stats;
  }
}

export async function purgeCase(store: Store, c: CaseRow, now: Date, stats: PurgeStats): Promise<void> {
  const [steps, handovers] = await Promise.all([store.steps.forCases([c.id]), store.handovers.forCases([c.id])]);
  const texts = [c.question, ...steps.map((s) => s.text), ...handovers.flatMap((h) => Object.values(h.fields ?? {}))];
  const needles = needlesFor(c.code, texts);

  for (const row of await store.outbox.mentioning(c.code, needles)) {
    // A message about this case alone is emptied; one that also speaks of others (an agenda) is scrubbed.
    const payload = row.caseCode === c.code ? { blocks: [{ type: 'text', text: `${c.code} ${PURGED}` }] } : scrub(row.payload, c.code, needles);
    await store.outbox.scrub(row.id, payload, row.status === 'pending');
    stats.outbox++;
  }
  for (const m of await store.meetings.mentioning(c.forumKey, needles)) {
    await store.meetings.scrub(m.id, scrub(m.walkState, c.code, needles), scrub(m.minutes, c.code, needles));
    stats.meetings++;
  }
  // Notes taken under the case during a meeting (decisions, who informs whom) are free text too.
  stats.meetings += await purgeCaseFromMeetings(store, c.id);
  const n = await store.cases.purgeText(c.id, now);
  stats.steps += n.steps;
  stats.handovers += n.handovers;
  stats.codes.push(c.code);
  await store.audit.add({ at: now, actorId: null, actorOrganisationKey: null, action: 'case.purge', forumKey: c.forumKey, caseCode: c.code });
}

/** The case code and each free text (and its first characters, to catch shortened copies). */
export function needlesFor(code: string, texts: (string | null | undefined)[]): string[] {
  const out = new Set<string>([code]);
  for (const t of texts) {
    const s = t?.trim();
    if (!s || s.length < NEEDLE_MIN) continue;
    out.add(s.slice(0, NEEDLE_PREFIX));
  }
  return [...out];
}

/**
 * A copy of a JSON document where every string that holds the case code or one of its texts is
 * replaced; an object that names the case (`code: 'UNG-2026-001'`) loses all its strings but its
 * structural keys, so a minutes item with the question under another key goes too.
 */
export function scrub(doc: unknown, code: string, needles: string[]): unknown {
  const hit = (s: string) => needles.some((n) => s.includes(n));
  const walk = (v: unknown, all: boolean): unknown => {
    if (typeof v === 'string') return all || hit(v) ? (v.includes(code) ? `${code} ${PURGED}` : PURGED) : v;
    if (Array.isArray(v)) return v.map((x) => walk(x, all));
    if (v && typeof v === 'object') {
      const entries = Object.entries(v as Record<string, unknown>);
      const namesCase = all || entries.some(([, x]) => x === code);
      return Object.fromEntries(entries.map(([k, x]) => [k, STRUCTURAL.has(k) && typeof x === 'string' ? x : walk(x, namesCase)]));
    }
    return v;
  };
  return doc === null || doc === undefined ? doc : walk(doc, false);
}

/** Keys whose values are shapes, ids or codes, never free text: kept so the document still renders. */
const STRUCTURAL = new Set(['type', 'kind', 'id', 'style', 'tone', 'form', 'code', 'caseCode', 'status', 'outcome', 'consent', 'category', 'dueDate', 'date', 'command']);
