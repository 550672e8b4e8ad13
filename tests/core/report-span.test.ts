// The indicators of several forums over several quarters on a generated history, pinned figure by figure
// (tests/core/report-span.expected.json, written from the per-forum implementation before issue 20 moved
// the counting into grouped SQL). The history is varied on purpose: cases and steps at local midnight on
// both sides of the DST shifts, several target groups (and none, and one no longer configured), an
// organisation and a handover template no longer configured, steps done on the due day, the day after
// and never, handovers answered late or never, cases without steps, medians over ties and even counts.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFileConfig } from '../../src/config.js';
import { quarterReport, quarterReports } from '../../src/core/report/indicators.js';
import { parseQuarter, quartersBetween } from '../../src/core/report/quarter.js';
import { caseItems, handovers, meetings, nextSteps, routineOccurrences } from '../../src/db/schema/index.js';
import { createStore, syncSettings } from '../../src/db/stores/index.js';
import { useTestDatabase } from '../helpers/bot.js';

const EXPECTED = fileURLToPath(new URL('./report-span.expected.json', import.meta.url));
const database = useTestDatabase();
const cfg = loadFileConfig();
const NOW = new Date('2026-08-15T10:00:00+02:00');
const DAY = 86_400_000;

/** A small deterministic generator (no Math.random: the history must be the same on every run). */
function lcg(seed: number) {
  let s = seed;
  const next = () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] };
}

const iso = (d: Date) => new Date(d.getTime() + 2 * 3_600_000).toISOString().slice(0, 10);

async function seedHistory() {
  const r = lcg(20);
  const forums = ['arendeforum-vuxna', 'arendeforum-unga', 'ung-helsingborg'];
  const groups: string[][] = [[], ['unga'], ['unga', 'kort-utbildning'], ['langtidsarbetslosa'], ['gammal-grupp'], ['kort-utbildning', 'unga'], ['unga']];
  const orgs = ['af', 'helsingborg', 'komvux', 'af', 'nedlagd-org'];
  const outcomes = ['arbete', 'studier', 'insats', 'samplanering', 'ej-aktuellt', 'okänd'];
  // Hours (UTC) of the instants: 22:30 and 23:30 UTC are the next local day in summer, 23:30 also in winter.
  const hours = [0.5, 9, 22.5, 23.5, 12];
  const start = Date.parse('2025-09-20T00:00:00Z');
  let n = 0;
  for (const forumKey of forums) {
    for (let i = 0; i < 45; i++) {
      n++;
      const createdAt = new Date(start + r.int(320) * DAY + r.pick(hours) * 3_600_000);
      const closed = r.next() < 0.5;
      const closedAt = closed ? new Date(createdAt.getTime() + r.int(60) * DAY + r.pick(hours) * 3_600_000) : null;
      const [c] = await database.db
        .insert(caseItems)
        .values({
          code: `GEN-${n}`,
          forumKey,
          raisedBy: 1,
          organisationKey: r.pick(orgs),
          targetGroups: r.pick(groups),
          question: 'genererad',
          status: closed ? 'closed' : 'open',
          outcome: closed ? (r.pick(outcomes) as 'arbete') : null,
          createdAt,
          closedAt: closed && r.next() < 0.95 ? closedAt : null,
        })
        .returning();
      // Steps: none for some cases; the first one after 0–6 whole days (ties) at an hour near midnight.
      const steps = r.pick([0, 1, 1, 2, 3]);
      for (let k = 0; k < steps; k++) {
        const stepAt = new Date(createdAt.getTime() + r.int(7) * DAY + r.pick([0, 1, 2, 5]) * 3_600_000 + k * 3 * DAY);
        const due = new Date(stepAt.getTime() + (5 + r.int(40)) * DAY);
        const status = r.pick(['open', 'done', 'done', 'closed'] as const);
        const doneAt = status === 'open' ? null : new Date(due.getTime() + r.pick([-3, -1, 0, 0, 1, 4]) * DAY + r.pick([-1.5, 0, 20.5]) * 3_600_000);
        await database.db.insert(nextSteps).values({ caseId: c.id, forumKey, ownerId: 1, ownerOrganisationKey: 'af', dueDate: iso(due), text: 'steg', status, createdBy: 1, createdAt: stepAt, doneAt: status === 'done' && r.next() < 0.05 ? null : doneAt });
      }
      const hs = r.pick([0, 0, 1, 2]);
      for (let k = 0; k < hs; k++) {
        const due = new Date(createdAt.getTime() + (10 + r.int(50)) * DAY);
        const answered = r.next() < 0.6;
        const answeredAt = answered ? new Date(due.getTime() + r.pick([-5, -1, 0, 1, 6]) * DAY + r.pick([-1.5, 0, 21.5]) * 3_600_000) : null;
        await database.db.insert(handovers).values({
          templateKey: r.pick(['sfi', 'komvux-franvaro', 'gammal-mall', 'kaa-overlamning']),
          caseId: c.id,
          forumKey,
          fromMemberId: 1,
          fromOrganisationKey: 'af',
          toMemberId: 2,
          toOrganisationKey: 'helsingborg',
          dueDate: iso(due),
          status: answered ? 'answered' : 'open',
          answeredAt: answered && r.next() < 0.95 ? answeredAt : null,
          createdAt,
        });
      }
    }
    for (let i = 0; i < 12; i++) {
      const due = new Date(start + r.int(360) * DAY);
      const done = r.next() < 0.6;
      const doneAt = done ? new Date(due.getTime() + r.pick([-2, 0, 0, 1, 3]) * DAY + r.pick([-1.5, 0, 21.5]) * 3_600_000) : null;
      await database.db
        .insert(routineOccurrences)
        .values({ forumKey, routineKey: `rutin-${i % 3}`, dueDate: iso(due), owner: 'organisation:af', status: done ? 'done' : 'open', doneAt, createdAt: due })
        .onConflictDoNothing();
    }
    for (let i = 0; i < 14; i++) {
      const day = iso(new Date(start + i * 24 * DAY + r.int(5) * DAY));
      await database.db.insert(meetings).values({ forumKey, scheduledDate: day, date: day, startsAt: new Date(`${day}T09:00:00Z`), status: r.pick(['held', 'held', 'cancelled', 'scheduled', 'moved'] as const) });
    }
  }
}

const quarters = quartersBetween(parseQuarter('2025-Q3')!, parseQuarter('2026-Q3')!);

async function everything() {
  const store = createStore(database.db);
  return {
    all: await quarterReports(store, cfg, quarters, NOW),
    unga: await quarterReports(store, cfg, quarters, NOW, { targetGroup: 'unga' }),
    oneForum: await quarterReports(store, cfg, quarters.slice(1, 3), NOW, { forumKeys: ['ung-helsingborg'], targetGroup: 'kort-utbildning' }),
    twoForums: await quarterReports(store, cfg, quarters, NOW, { forumKeys: ['arendeforum-unga', 'arendeforum-vuxna'] }),
    single: await quarterReport(store, cfg, parseQuarter('2026-Q1')!, NOW, 'arendeforum-unga'),
    none: await quarterReports(store, cfg, [], NOW),
  };
}

describe('indicators over many forums and quarters', () => {
  beforeAll(async () => {
    await database.reset();
    await syncSettings(database.db, cfg);
    await seedHistory();
  });

  it('are the pinned figures for every forum, quarter and filter', async () => {
    const got = JSON.parse(JSON.stringify(await everything()));
    if (process.env.PIN_REPORT) writeFileSync(EXPECTED, `${JSON.stringify(got, null, 1)}\n`);
    expect(got).toEqual(JSON.parse(readFileSync(EXPECTED, 'utf8')));
  });

  it('the history is varied enough to mean something', async () => {
    const { all } = await everything();
    const forums = all.flatMap((q) => q.forums);
    const medians = forums.map((f) => f.daysToFirstStep.median).filter((m) => m !== null);
    // Halves (even counts) and whole numbers; late and never answered handovers, late and never done routines.
    expect(medians.some((m) => !Number.isInteger(m))).toBe(true);
    expect(forums.some((f) => f.byTargetGroup.some((g) => g.key === 'gammal-grupp'))).toBe(true);
    expect(forums.some((f) => f.byOrganisation.some((o) => o.key === 'nedlagd-org' && o.count > 0))).toBe(true);
    expect(forums.some((f) => f.handoversByTemplate.some((t) => t.template === 'gammal-mall' && t.due > 0))).toBe(true);
    for (const k of ['onTime', 'late', 'never', 'pending'] as const) {
      expect(forums.reduce((s, f) => s + f.handovers[k], 0)).toBeGreaterThan(0);
      expect(forums.reduce((s, f) => s + f.routines[k], 0)).toBeGreaterThan(0);
    }
    expect(forums.some((f) => f.steps.sharePercent !== null && f.steps.sharePercent > 0 && f.steps.sharePercent < 100)).toBe(true);
    expect(forums.reduce((s, f) => s + f.meetingsHeld, 0)).toBeGreaterThan(0);
  });
});
