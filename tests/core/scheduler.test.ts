// The tick at chosen instants: agendas at their lead time (then updated in place), reminders the
// working day before and the morning after, escalations after N working days — each exactly once.
import { beforeEach, describe, expect, it } from 'vitest';
import { ANNA, KARIN, OLLE, useTestBot } from '../helpers/bot.js';
import { at, sentTo, tickAt, tickThrough } from '../helpers/tick.js';

// The clock starts on Wednesday 2026-11-25 09:00.
const { bot } = useTestBot({
  setup: async (bot) => {
    await bot.say(ANNA, 'koppla arendeforum-unga'); // next meeting Thursday 2026-12-03 13:00
    bot.port.clear();
  },
});

/** Ticks every `minutes` from `from` up to (not including) `to` (for short spans within one day). */
async function tickEvery(from: string, to: string, minutes: number) {
  for (let t = new Date(from).getTime(); t < new Date(to).getTime(); t += minutes * 60_000) await tickAt(bot, new Date(t).toISOString());
}

/** Over days: only the instants at which something can fall due (helpers/tick.ts dueInstants). */
const tickDays = (from: string, to: string) => tickThrough(bot, from, to);

// Direct messages sent by commands before the ticks start are not what these tests look at.
const SINCE = '2026-11-25T08:00:00Z';
const agendaPosts = () => bot.port.sent.filter((s) => s.target.kind === 'channel' && s.text.startsWith('Dagordning'));

describe('the agenda', () => {
  it('goes out exactly two working days before the meeting, at the morning hour, once', async () => {
    await bot.say(KARIN, 'ärende ny grupp:unga samtycke:ja Behöver stöd kring studiestart');
    await tickDays(at('2026-11-30', '08:00'), at('2026-12-01', '07:59'));
    await tickAt(bot, at('2026-12-01', '07:59'));
    expect(agendaPosts()).toEqual([]);
    await tickAt(bot, at('2026-12-01', '08:00'));
    await tickAt(bot, at('2026-12-01', '08:00'));
    await tickAt(bot, at('2026-12-01', '08:01'));
    expect(agendaPosts()).toHaveLength(1);
    const [post] = agendaPosts();
    expect(post.text).toContain('Dagordning – Ärendeforum unga 18–29, torsdag 2026-12-03 kl. 13:00');
    expect(post.text).toContain('UNG-2026-001 (ny)');
    expect(post.replaces).toBeUndefined();
  });

  it('is updated in place, not posted again, when a case is added later', async () => {
    await bot.say(KARIN, 'ärende ny grupp:unga Första ärendet');
    await tickAt(bot, at('2026-12-01', '08:00'));
    const ref = (await bot.store.outbox.existingKeys(['agenda:arendeforum-unga:2026-12-03'])).size;
    expect(ref).toBe(1);
    bot.clock.set(at('2026-12-01', '10:00'));
    await bot.say(OLLE, 'ärende ny grupp:unga Andra ärendet');
    await tickAt(bot, at('2026-12-01', '10:01'));
    await tickAt(bot, at('2026-12-01', '10:02'));
    const posts = agendaPosts();
    expect(posts).toHaveLength(2);
    expect(posts[1].text).toContain('UNG-2026-002');
    // The update carries what the first post returned, so the adapter edits that message.
    expect(posts[1].replaces).toEqual({ id: bot.port.sent.indexOf(posts[0]) + 1 });
  });

  it('lists steps due before the meeting and handovers that will be late', async () => {
    await bot.say(ANNA, 'ärende ny grupp:unga samtycke:ja Studiestart');
    await bot.say(ANNA, 'åtgärd ny UNG-2026-001 @karin@helsingborg.se 2026-11-27 boka trepartssamtal');
    await bot.say(ANNA, 'överlämning ny sfi UNG-2026-001 @karin@helsingborg.se senast 2026-11-30');
    await tickAt(bot, at('2026-12-01', '08:00'));
    const text = agendaPosts()[0].text;
    expect(text).toContain('Åtgärder att följa upp');
    expect(text).toContain('#1 UNG-2026-001: boka trepartssamtal – karin@helsingborg.se, 2026-11-27');
    expect(text).toContain('Försenade överlämningar');
    expect(text).toContain('#1 UNG-2026-001: SFI-startdatum – karin@helsingborg.se, 2026-11-30');
  });

  it('follows a moved meeting and is not posted for a cancelled one', async () => {
    await bot.say(ANNA, 'möte flytta 2026-12-02'); // Wednesday: the agenda goes out on Monday
    await tickAt(bot, at('2026-11-30', '08:00'));
    expect(agendaPosts().map((p) => p.text.split('\n')[0])).toEqual(['Dagordning – Ärendeforum unga 18–29, onsdag 2026-12-02 kl. 13:00']);
    bot.port.clear();
    bot.clock.set(at('2026-12-10', '09:00'));
    await bot.say(ANNA, 'möte ställ in'); // 2026-12-17 cancelled: next is 2026-12-31 (nyårsafton → 2027-01-04)
    await tickDays(at('2026-12-14', '08:00'), at('2026-12-18', '08:00'));
    expect(agendaPosts()).toEqual([]);
  });
});

describe('next-step reminders', () => {
  beforeEach(async () => {
    await bot.say(ANNA, 'ärende ny grupp:unga samtycke:ja Studiestart');
    await bot.say(ANNA, 'åtgärd ny UNG-2026-001 @karin@helsingborg.se fredag boka trepartssamtal'); // due Friday 2026-11-27
    bot.port.clear();
  });

  it('reminds the owner the working day before and the morning after, then escalates after 3 working days', async () => {
    await tickDays(at('2026-11-25', '10:00'), at('2026-12-05', '00:00'));
    const toKarin = await sentTo(bot, KARIN, SINCE);
    expect(toKarin.map((s) => [s.at, s.text.split(':')[0]])).toEqual([
      [at('2026-11-26', '08:00'), 'Påminnelse'],
      [at('2026-11-30', '08:00'), 'Åtgärd #1 i Ärendeforum unga 18–29 (UNG-2026-001) skulle vara klar 2026-11-27 och är fortfarande öppen'],
    ]);
    // Anna linked the channel, so she coordinates: a direct message and a line in the channel.
    const escalation = 'Försenad åtgärd i Ärendeforum unga 18–29: #1 (UNG-2026-001) boka trepartssamtal – ägare karin@helsingborg.se, senast 2026-11-27, 3 arbetsdagar försenad.';
    expect((await sentTo(bot, ANNA, SINCE)).map((s) => [s.at, s.text])).toEqual([[at('2026-12-02', '08:00'), escalation]]);
    expect(bot.port.toChannel('unga').filter((t) => t.startsWith('Försenad'))).toEqual([escalation]);
  });

  it('says nothing once the step is done', async () => {
    await bot.say(KARIN, 'åtgärd klar 1');
    await tickDays(at('2026-11-25', '10:00'), at('2026-12-05', '00:00'));
    expect(bot.port.sent.map((s) => s.text.split('\n')[0])).toEqual(['Dagordning – Ärendeforum unga 18–29, torsdag 2026-12-03 kl. 13:00']);
  });

  it('counts working days across jul: julafton typed moves the due date to 28 Dec, reminded 23 Dec, after on 29 Dec, escalated 4 Jan', async () => {
    bot.clock.set(at('2026-12-21', '09:00'));
    await bot.say(ANNA, 'åtgärd ny UNG-2026-001 @olle@helsingborg.se 2026-12-24 ringa skolan');
    expect(bot.port.toChannel('unga').at(-1)).toContain('torsdag 2026-12-24 är ingen arbetsdag (julafton), så sista dagen blir måndag 2026-12-28.');
    bot.port.clear();
    await tickDays(at('2026-12-21', '10:00'), at('2027-01-06', '00:00'));
    expect((await sentTo(bot, OLLE, at('2026-12-21', '09:00'))).map((s) => s.at.slice(0, 10))).toEqual(['2026-12-23', '2026-12-29']);
    // Late on 29 and 30 Dec; nyårsafton, nyårsdagen and the weekend are no working days.
    expect((await sentTo(bot, ANNA, SINCE)).filter((s) => s.text.includes('#2')).map((s) => s.at.slice(0, 10))).toEqual(['2027-01-04']);
  });

  it('catches up a working day on which no tick ran, once', async () => {
    await tickAt(bot, at('2026-11-26', '08:00')); // the reminder before
    // Due Friday; Monday, the morning after, passes without a tick (every replica down). Tuesday ticks.
    await tickEvery(at('2026-12-01', '07:00'), at('2026-12-01', '12:00'), 60);
    expect((await sentTo(bot, KARIN, SINCE)).map((s) => [s.at, s.text.slice(0, 24)])).toEqual([
      [at('2026-11-26', '08:00'), 'Påminnelse: åtgärd #1 i '],
      [at('2026-12-01', '08:00'), 'Åtgärd #1 i Ärendeforum '],
    ]);
    await tickEvery(at('2026-12-07', '07:00'), at('2026-12-07', '12:00'), 60); // escalation day (Wed 2 Dec) missed too
    expect((await sentTo(bot, ANNA, SINCE)).map((s) => [s.at, s.text.slice(0, 30)])).toEqual([[at('2026-12-07', '08:00'), 'Försenad åtgärd i Ärendeforum ']]);
    expect((await sentTo(bot, ANNA, SINCE))[0].text).toContain('6 arbetsdagar försenad');
  });

  it('sends one reminder however many ticks run at the same instant', async () => {
    for (let i = 0; i < 5; i++) await tickAt(bot, at('2026-11-26', '08:00'));
    expect(await sentTo(bot, KARIN, SINCE)).toHaveLength(1);
  });
});

describe('handover reminders', () => {
  it('reminds the receiver and escalates like a step', async () => {
    await bot.say(ANNA, 'ärende ny grupp:etablering Studiestart SFI');
    await bot.say(ANNA, 'överlämning ny sfi UNG-2026-001 @karin@helsingborg.se'); // 10 working days: 2026-12-09
    expect(bot.port.toChannel('unga').at(-1)).toBe('Överlämning #1 för UNG-2026-001: SFI-startdatum – svar från karin@helsingborg.se (Helsingborgs stad) senast 2026-12-09.');
    bot.port.clear();
    await tickDays(at('2026-11-25', '10:00'), at('2026-12-16', '00:00'));
    expect((await sentTo(bot, KARIN, SINCE)).map((s) => [s.at.slice(0, 10), s.text])).toEqual([
      ['2026-12-08', 'Påminnelse: överlämning #1 (UNG-2026-001, SFI-startdatum) ska besvaras senast 2026-12-09.'],
      ['2026-12-10', 'Överlämning #1 (UNG-2026-001, SFI-startdatum) skulle besvaras 2026-12-09 och väntar fortfarande på svar.'],
    ]);
    const esc = (await sentTo(bot, ANNA, SINCE)).filter((s) => s.text.startsWith('Obesvarad'));
    expect(esc.map((s) => s.at.slice(0, 10))).toEqual(['2026-12-14']);
    expect(esc[0].text).toContain('mottagare karin@helsingborg.se, senast 2026-12-09, 3 arbetsdagar försenad');
  });
});
