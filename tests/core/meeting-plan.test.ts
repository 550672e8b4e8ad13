// The forum's planned meetings from its cadence and the Swedish holidays, and the coordinator's changes.
import { beforeEach, describe, expect, it } from 'vitest';
import { loadFileConfig, type FileConfig } from '../../src/config.js';
import { plannedMeetings } from '../../src/core/schedule.js';
import { ANNA, createTestBot, KARIN, OLLE, type TestBot, useTestDatabase } from '../helpers/bot.js';

const database = useTestDatabase();
let bot: TestBot;

// Two extra forums that land on the holidays worth testing: Fridays (långfredag, första maj,
// midsommarafton, juldagen, nyårsdagen, julafton, nyårsafton) and Mondays (annandag påsk).
function calendarConfig(): FileConfig {
  const cfg = loadFileConfig();
  const base = cfg.forums[0];
  cfg.forums.push(
    { ...base, key: 'fredagar', name: 'Fredagsforum', prefix: 'FRE', cadence: { everyWeeks: 1, anchor: '2026-01-02', time: '09:00', durationMinutes: 60, pauses: [] }, holidayPolicy: 'next-working-day' },
    { ...base, key: 'mandagar', name: 'Måndagsforum', prefix: 'MAN', kind: 'topic', cadence: { everyWeeks: 1, anchor: '2026-01-05', time: '10:00', durationMinutes: 60, pauses: [] }, holidayPolicy: 'cancel' },
  );
  return cfg;
}

describe('planned meetings over two years', () => {
  beforeEach(async () => {
    bot = await createTestBot(database, { config: calendarConfig() });
  });

  it('moves Friday meetings off långfredag, midsommarafton, jul and nyår to the next working day', async () => {
    const forum = (await bot.store.forums.byKey('fredagar'))!;
    const list = plannedMeetings(forum, [], '2026-01-01', '2027-12-31');
    expect(list).toHaveLength(105); // 2027 has 53 Fridays
    expect(list.filter((m) => m.status === 'moved').map((m) => [m.scheduledDate, m.date, m.holiday])).toEqual([
      ['2026-04-03', '2026-04-07', 'långfredagen'],
      ['2026-05-01', '2026-05-04', 'första maj'],
      ['2026-06-19', '2026-06-22', 'midsommarafton'],
      ['2026-12-25', '2026-12-28', 'juldagen'],
      ['2027-01-01', '2027-01-04', 'nyårsdagen'],
      ['2027-03-26', '2027-03-30', 'långfredagen'],
      ['2027-06-25', '2027-06-28', 'midsommarafton'],
      ['2027-12-24', '2027-12-27', 'julafton'],
      ['2027-12-31', '2028-01-03', 'nyårsafton'],
    ]);
  });

  it('cancels Monday meetings on annandag påsk when the policy says cancel', async () => {
    const forum = (await bot.store.forums.byKey('mandagar'))!;
    const list = plannedMeetings(forum, [], '2026-01-01', '2027-12-31');
    expect(list.filter((m) => m.status === 'cancelled').map((m) => [m.scheduledDate, m.holiday])).toEqual([
      ['2026-04-06', 'annandag påsk'],
      ['2027-03-29', 'annandag påsk'],
    ]);
  });

  it('names the moved meeting when the channel is linked the day before midsommarafton', async () => {
    bot.clock.set('2026-06-18T10:00:00+02:00');
    expect(await bot.say(ANNA, 'koppla fredagar', 'fre')).toContain('måndag 2026-06-22 kl. 09:00');
  });

  it('skips the cancelled påsk Monday for the next meeting', async () => {
    bot.clock.set('2027-03-26T10:00:00+01:00');
    expect(await bot.say(ANNA, 'koppla mandagar', 'man')).toContain('måndag 2027-04-05 kl. 10:00');
  });
});

describe('move and cancel by the coordinator', () => {
  beforeEach(async () => {
    bot = await createTestBot(database);
    await bot.say(ANNA, 'koppla arendeforum-unga'); // Anna links, so Anna coordinates
  });

  it('moves the next meeting, tells the channel and shows it on the agenda', async () => {
    expect(await bot.say(ANNA, 'möte flytta 2026-12-02')).toBe('');
    expect(bot.port.toChannel('unga').at(-1)).toBe('Mötet i Ärendeforum unga 18–29 torsdag 2026-12-03 kl. 13:00 är flyttat till onsdag 2026-12-02 kl. 13:00.');
    expect(await bot.say(KARIN, 'dagordning')).toContain('onsdag 2026-12-02 kl. 13:00');
    const [row] = await bot.store.meetings.between('arendeforum-unga', '2026-12-03', '2026-12-03');
    expect(row).toMatchObject({ scheduledDate: '2026-12-03', date: '2026-12-02', status: 'moved' });
  });

  it('cancels the next meeting with a reason and names the one after', async () => {
    expect(await bot.say(ANNA, 'möte ställ in studiedag')).toBe('');
    expect(bot.port.toChannel('unga').at(-1)).toBe('Mötet i Ärendeforum unga 18–29 torsdag 2026-12-03 kl. 13:00 är inställt (studiedag). Nästa möte: torsdag 2026-12-17 kl. 13:00.');
    expect(await bot.say(KARIN, 'dagordning')).toContain('torsdag 2026-12-17 kl. 13:00');
  });

  it('works in English; the channel reads the forum\'s language (issue 18)', async () => {
    await bot.say(ANNA, 'meeting cancel');
    expect(bot.port.toChannel('unga').at(-1)).toMatch(/^Mötet i Ärendeforum unga 18–29 torsdag 2026-12-03 kl\. 13:00 är inställt\. Nästa möte: torsdag 2026-12-17/);
  });

  it('refuses anyone else, politely, and changes nothing', async () => {
    const before = bot.port.sent.length;
    expect(await bot.say(KARIN, 'möte flytta 2026-12-02')).toBe('Det får bara forumets samordnare göra.');
    expect(await bot.say(OLLE, 'möte ställ in')).toBe('Det får bara forumets samordnare göra.');
    expect(await bot.say(KARIN, 'meeting cancel')).toBe("Only the forum's coordinator may do that.");
    expect(bot.port.sent.length).toBe(before);
    expect(await bot.store.meetings.between('arendeforum-unga', '2026-01-01', '2027-12-31')).toEqual([]);
  });

  it('refuses a day off, a date past the next regular meeting and a past date', async () => {
    expect(await bot.say(ANNA, 'möte flytta 2026-12-05')).toBe('2026-12-05 är ingen arbetsdag (lördag). Välj en annan dag.');
    expect(await bot.say(ANNA, 'möte flytta 2026-12-24')).toBe('2026-12-24 är ingen arbetsdag (julafton). Välj en annan dag.');
    expect(await bot.say(ANNA, 'möte flytta 2026-12-18')).toMatch(/^2026-12-18 ligger på eller efter nästa ordinarie möte \(torsdag 2026-12-17/);
    expect(await bot.say(ANNA, 'möte flytta 2026-11-20')).toMatch(/har redan passerat/);
    expect(await bot.store.meetings.between('arendeforum-unga', '2026-01-01', '2027-12-31')).toEqual([]);
  });

  it('lets the coordinator named in config do it, not the one who linked', async () => {
    const cfg = loadFileConfig();
    cfg.forums = cfg.forums.map((f) => (f.key === 'arendeforum-vuxna' ? { ...f, coordinator: KARIN } : f));
    bot = await createTestBot(database, { config: cfg });
    await bot.say(ANNA, 'koppla arendeforum-vuxna', 'vuxna');
    expect(await bot.say(ANNA, 'möte ställ in', 'vuxna')).toBe('Det får bara forumets samordnare göra.');
    expect(await bot.say(KARIN, 'möte flytta 2026-11-27', 'vuxna')).toBe('');
    expect(bot.port.toChannel('vuxna').at(-1)).toContain('är flyttat till fredag 2026-11-27 kl. 09:00');
  });
});
