// Retention: closed cases are reduced to statistics after the configured period, wherever their free
// text lies; open cases never. Driven with an injected clock, checked against every row of the database.
import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as t from '../../src/db/schema/index.js';
import { purgeExpired, scrub } from '../../src/core/retention.js';
import { buildAgenda } from '../../src/core/handlers/agenda.js';
import { messages } from '../../src/i18n/index.js';
import { snapshot } from '../helpers/dump.js';
import { ANNA, createTestBot, KARIN, type TestBot, useTestDatabase } from '../helpers/bot.js';

const DAY = 86_400_000;
// Distinctive texts so a search of the whole database cannot match by accident.
const Q_OLD = 'Behöver samplanering kring studiestart och försörjning under hösten';
const STEP_OLD = 'boka trepartssamtal med studievägledaren';
const ANSWER_OLD = 'Komvux Norra kvällsgrupp';
const Q_OPEN = 'Behöver stöd att hitta praktikplats inom vården';
const Q_RECENT = 'Behöver hjälp med ansökan till yrkesutbildning';

const database = useTestDatabase();
let bot: TestBot;

/** UNG-2026-001 closed now (with a step, a handover answer, an agenda and minutes), 002 stays open. */
async function scenario() {
  bot = await createTestBot(database);
  await bot.say(ANNA, 'koppla arendeforum-unga');
  await bot.say(ANNA, `ärende ny grupp:unga samtycke:ja ${Q_OLD}`);
  await bot.say(ANNA, `ärende ny grupp:unga samtycke:ja ${Q_OPEN}`);
  await bot.say(ANNA, `åtgärd ny UNG-2026-001 @${KARIN} +3 ${STEP_OLD}`);
  const [c1, c2] = await bot.store.cases.open('arendeforum-unga');
  const now = bot.clock.now();
  await database.db.insert(t.handovers).values({
    templateKey: 'sfi', caseId: c1.id, forumKey: 'arendeforum-unga', fromMemberId: 1, toMemberId: 2,
    dueDate: '2026-12-10', fields: { skola: ANSWER_OLD, 'nivå': '2' }, status: 'answered', createdAt: now,
  });
  // What the scheduler would keep: the agenda as posted (in the outbox and the meeting) and minutes.
  const forum = (await bot.store.forums.byKey('arendeforum-unga'))!;
  const agenda = await buildAgenda(bot.store, bot.config, messages('sv'), forum, null, now);
  await bot.store.outbox.enqueue([{ key: 'agenda:test', target: { kind: 'channel', platform: 'shell', channelId: 'unga' }, payload: agenda, nextAttemptAt: now, createdAt: now, status: 'sent' }]);
  const minutes = { items: [{ code: c1.code, note: 'diskuterades', steps: [{ text: STEP_OLD }] }, { code: c2.code, note: Q_OPEN }] };
  await database.db.insert(t.meetings).values({ forumKey: 'arendeforum-unga', scheduledDate: '2026-12-03', date: '2026-12-03', startsAt: now, walkState: agenda, minutes });
  await bot.say(ANNA, 'ärende avsluta UNG-2026-001 studier');
  return { c1, c2 };
}

describe('purgeExpired', () => {
  beforeEach(async () => {
    await scenario();
  });

  it('keeps everything until the period has passed', async () => {
    const before = await snapshot(database);
    const stats = await purgeExpired(bot.store, bot.config, new Date(bot.clock.now().getTime() + 364 * DAY));
    expect(stats.codes).toEqual([]);
    expect(await snapshot(database)).toBe(before);
  });

  it('removes the free text of a closed case everywhere after the period and keeps the statistics', async () => {
    expect(await snapshot(database)).toContain(Q_OLD);
    const when = new Date(bot.clock.now().getTime() + 366 * DAY);
    const stats = await purgeExpired(bot.store, bot.config, when);
    expect(stats.codes).toEqual(['UNG-2026-001']);
    expect(stats).toMatchObject({ steps: 1, handovers: 1, meetings: 1 });
    expect(stats.outbox).toBeGreaterThanOrEqual(3); // the case post, the step post and DM, the agenda

    const all = await snapshot(database);
    for (const gone of [Q_OLD, STEP_OLD, ANSWER_OLD]) expect(all).not.toContain(gone);
    expect(all).toContain(Q_OPEN); // the open case, in its row, the agenda and the minutes

    // The statistics the report counts are all still there.
    const c1 = (await bot.store.cases.byCode('UNG-2026-001'))!;
    expect(c1).toMatchObject({ status: 'closed', outcome: 'studier', targetGroups: ['unga'], consent: 'ja', question: null, organisationKey: 'af' });
    expect(c1.purgedAt?.toISOString()).toBe(when.toISOString());
    const [step] = await bot.store.steps.forCases([c1.id]);
    // Closed with its case (issue 15), so never reminded; the text is gone, the date kept.
    expect(step).toMatchObject({ text: null, status: 'closed', dueDate: '2026-11-30' });
    const [handover] = await bot.store.handovers.forCases([c1.id]);
    expect(handover).toMatchObject({ fields: null, status: 'answered', dueDate: '2026-12-10' });
    const audit = await bot.store.audit.forCase('UNG-2026-001');
    expect(audit.at(-1)).toMatchObject({ action: 'case.purge', actorId: null });

    // The agenda and the minutes keep the other case and say what was removed.
    const [meeting] = await database.db.select().from(t.meetings);
    expect(JSON.stringify(meeting.walkState)).toContain('UNG-2026-001 [gallrat]');
    expect(JSON.stringify(meeting.walkState)).toContain(Q_OPEN);
    expect(meeting.minutes).toEqual({ items: [{ code: 'UNG-2026-001', note: '[gallrat]', steps: [{ text: '[gallrat]' }] }, { code: 'UNG-2026-002', note: Q_OPEN }] });

    // A coordinator looking at it later sees that it was purged, not an empty question.
    expect(await bot.say(ANNA, 'ärende visa UNG-2026-001')).toContain('gallrat efter bevarandetiden');
  });

  it('never purges an open case, however old', async () => {
    const stats = await purgeExpired(bot.store, bot.config, new Date(bot.clock.now().getTime() + 10 * 365 * DAY));
    expect(stats.codes).toEqual(['UNG-2026-001']);
    expect((await bot.store.cases.byCode('UNG-2026-002'))?.question).toBe(Q_OPEN);
    expect((await bot.store.cases.byCode('UNG-2026-002'))?.purgedAt).toBeNull();
  });

  it('counts from the day the case was closed, with the configured period, and runs once', async () => {
    bot.clock.advance(100 * DAY);
    await bot.say(ANNA, `ärende ny grupp:unga ${Q_RECENT}`);
    await bot.say(ANNA, 'ärende avsluta UNG-2027-001 arbete');
    const config = { ...bot.config, retention: { closedCaseDays: 30 } };
    const first = await purgeExpired(bot.store, config, new Date(bot.clock.now().getTime() + 29 * DAY));
    expect(first.codes).toEqual(['UNG-2026-001']); // closed 129 days earlier; UNG-2027-001 only 29
    expect(await snapshot(database)).toContain(Q_RECENT);
    const again = await purgeExpired(bot.store, config, new Date(bot.clock.now().getTime() + 29 * DAY));
    expect(again.codes).toEqual([]);
    const later = await purgeExpired(bot.store, config, new Date(bot.clock.now().getTime() + 31 * DAY));
    expect(later.codes).toEqual(['UNG-2027-001']);
    expect(await snapshot(database)).not.toContain(Q_RECENT);
  });

  it('stops an undelivered message about a purged case instead of sending it emptied', async () => {
    await database.db.update(t.outbox).set({ status: 'pending' }).where(eq(t.outbox.caseCode, 'UNG-2026-001'));
    await purgeExpired(bot.store, bot.config, new Date(bot.clock.now().getTime() + 366 * DAY));
    const rows = await database.db.select().from(t.outbox).where(eq(t.outbox.caseCode, 'UNG-2026-001'));
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r).toMatchObject({ status: 'failed', lastError: 'purged by retention' });
  });
});

describe('scrub', () => {
  it('replaces only strings that hold the case, and keeps the shape of a message', () => {
    const doc = { title: 'Dagordning', blocks: [{ type: 'item', text: 'UNG-2026-001 · Målgrupp: Unga — en fråga här', actions: [{ id: 'x', label: 'Ny åtgärd', command: 'åtgärd ny UNG-2026-001' }] }, { type: 'item', text: 'UNG-2026-002 · annat' }] };
    expect(scrub(doc, 'UNG-2026-001', ['UNG-2026-001'])).toEqual({
      title: 'Dagordning',
      blocks: [{ type: 'item', text: 'UNG-2026-001 [gallrat]', actions: [{ id: 'x', label: 'Ny åtgärd', command: 'åtgärd ny UNG-2026-001' }] }, { type: 'item', text: 'UNG-2026-002 · annat' }],
    });
  });
});
