// Dates as people write them, typed at the wire (issue 17): months, weeks, `i morgon`, `3 dec`; a due
// date on a day off moves to the next working day and the answer says so; each bad date says why;
// `möte flytta <datum> [HH:MM]`. The clock stands at Wednesday 2026-11-25 (T0).
import { describe, expect, it } from 'vitest';
import { ANNA, KARIN, useTestBot } from '../helpers/bot.js';

const { bot } = useTestBot({
  setup: async (bot) => {
    await bot.say(ANNA, 'koppla arendeforum-unga');
    await bot.say(ANNA, 'ärende ny grupp:etablering,utbildningsplikt Studiestart');
  },
});

const dueOf = async (id: number) => (await bot.store.steps.byId(id))?.dueDate;

describe('due dates as people write them', () => {
  it('reads months, weeks, i morgon and a named day, with the text after the date', async () => {
    await bot.say(ANNA, 'åtgärd ny UNG-2026-001 @karin@helsingborg.se om 3 månader kontakta igen');
    await bot.say(ANNA, 'åtgärd ny UNG-2026-001 @karin@helsingborg.se +2v boka möte');
    await bot.say(ANNA, 'åtgärd ny UNG-2026-001 @karin@helsingborg.se i morgon ring upp');
    await bot.say(ANNA, 'åtgärd ny UNG-2026-001 @karin@helsingborg.se 3 dec skicka intyg');
    await bot.say(ANNA, 'step add UNG-2026-001 @karin@helsingborg.se in 2 weeks send the form');
    expect([await dueOf(1), await dueOf(2), await dueOf(3), await dueOf(4), await dueOf(5)]).toEqual([
      '2027-02-25', '2026-12-09', '2026-11-26', '2026-12-03', '2026-12-09',
    ]);
    expect((await bot.store.steps.byId(1))?.text).toBe('kontakta igen');
    expect((await bot.store.steps.byId(4))?.text).toBe('skicka intyg');
  });

  it('moves a due date on a holiday or weekend to the next working day and says so', async () => {
    await bot.say(ANNA, 'åtgärd ny UNG-2026-001 @karin@helsingborg.se 25 december skicka intyg');
    expect(await dueOf(1)).toBe('2026-12-28');
    expect(bot.port.toChannel('unga').at(-1)).toContain('fredag 2026-12-25 är ingen arbetsdag (juldagen), så sista dagen blir måndag 2026-12-28.');
    await bot.say(ANNA, 'step add UNG-2026-001 @karin@helsingborg.se 2026-11-28 send it');
    expect(await dueOf(2)).toBe('2026-11-30');
    expect(bot.port.toChannel('unga').at(-1)).toContain('lördag 2026-11-28 är ingen arbetsdag (lördag), så sista dagen blir måndag 2026-11-30.'); // the forum's language (issue 18)
  });

  it('answers each bad date with why, and stores nothing', async () => {
    expect(await bot.say(ANNA, 'åtgärd ny UNG-2026-001 @karin@helsingborg.se 31/2 gör något')).toMatch(/^"31\/2" går inte som datum: februari har inte 31 dagar/);
    expect(await bot.say(ANNA, 'åtgärd ny UNG-2026-001 @karin@helsingborg.se igår gör något')).toBe('2026-11-24 har redan passerat. Välj ett datum från och med idag.');
    expect(await bot.say(ANNA, 'åtgärd ny UNG-2026-001 @karin@helsingborg.se 1/13 gör något')).toMatch(/det finns ingen månad 13/);
    expect(await bot.say(ANNA, 'step add UNG-2026-001 @karin@helsingborg.se 31/2 do it')).toMatch(/^"31\/2" does not work as a date: February has no 31 days/);
    expect(await bot.store.steps.byId(1)).toBeNull();
  });

  it('takes a handover due date of several words', async () => {
    await bot.say(ANNA, 'överlämning ny sfi UNG-2026-001 @karin@helsingborg.se senast om 2 veckor');
    expect((await bot.store.handovers.byId(1))?.dueDate).toBe('2026-12-09');
  });
});

describe('möte flytta with a date as people write it and a time', () => {
  it('moves the next meeting to another day and time', async () => {
    expect(await bot.say(ANNA, 'möte flytta 2 december 14:30')).toBe('');
    expect(bot.port.toChannel('unga').at(-1)).toBe('Mötet i Ärendeforum unga 18–29 torsdag 2026-12-03 kl. 13:00 är flyttat till onsdag 2026-12-02 kl. 14:30.');
    const [row] = await bot.store.meetings.between('arendeforum-unga', '2026-12-03', '2026-12-03');
    expect(row).toMatchObject({ scheduledDate: '2026-12-03', date: '2026-12-02', status: 'moved' });
  });

  it('moves only the time on the same day', async () => {
    expect(await bot.say(ANNA, 'möte flytta 3 dec 09:15')).toBe('');
    expect(bot.port.toChannel('unga').at(-1)).toContain('är flyttat till torsdag 2026-12-03 kl. 09:15.');
  });

  it('refuses a time that is none and a bad date, and changes nothing', async () => {
    expect(await bot.say(ANNA, 'möte flytta i morgon 25:00')).toBe('"25:00" är ingen tid. Skriv t.ex. 13:30.');
    expect(await bot.say(ANNA, 'möte flytta 31/11')).toMatch(/november har inte 31 dagar/);
    expect(await bot.say(KARIN, 'möte flytta i morgon')).toBe('Det får bara forumets samordnare göra.');
    expect(await bot.store.meetings.between('arendeforum-unga', '2026-01-01', '2027-12-31')).toEqual([]);
  });
});
