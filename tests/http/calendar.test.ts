// The ICS feed as Outlook would read it: the link `kalender` gives, parsed back by node-ical.
import ical from 'node-ical';
import { describe, expect, it } from 'vitest';
import { meetings } from '../../src/db/schema/index.js';
import { zonedInstant } from '../../src/core/dates.js';
import { ANNA, KARIN } from '../helpers/bot.js';
import { useCalendarServer } from '../helpers/calendar.js';

const { bot, database, fetchFeed } = useCalendarServer();

type Ev = { type: string; uid: string; start: Date; end: Date; status?: string; summary: string; description?: string };

async function feedPath(): Promise<string> {
  await bot.say(ANNA, 'koppla arendeforum-unga');
  const out = await bot.say(ANNA, 'kalender');
  const path = /(\/calendar\/arendeforum-unga\.ics\?token=[\w-]+)/.exec(out)?.[1];
  expect(path).toBeTruthy();
  return path!;
}

describe('calendar feed', () => {
  it('lists the meetings, with a moved one at its new time and a cancelled one marked CANCELLED', async () => {
    const path = await feedPath();
    // What `möte flytta` and `möte ställ in` (the scheduler's commands) store for an occurrence.
    await database.db.insert(meetings).values([
      { forumKey: 'arendeforum-unga', scheduledDate: '2026-12-03', date: '2026-12-04', startsAt: zonedInstant('2026-12-04', '10:00'), status: 'moved' },
      { forumKey: 'arendeforum-unga', scheduledDate: '2026-12-17', date: '2026-12-17', startsAt: zonedInstant('2026-12-17', '13:00'), status: 'cancelled', note: 'Krockar med julavslutningen' },
    ]);
    const res = await fetchFeed(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const body = await res.text();
    const events = Object.values(ical.sync.parseICS(body)).filter((e) => e?.type === 'VEVENT') as unknown as Ev[];
    const byUid = new Map(events.map((e) => [e.uid, e]));

    const moved = byUid.get('arendeforum-unga-2026-12-03@samrad')!;
    expect(moved.start.toISOString()).toBe('2026-12-04T09:00:00.000Z');
    expect(moved.end.toISOString()).toBe('2026-12-04T10:30:00.000Z');
    expect(moved.status).toBe('CONFIRMED');
    expect(moved.description).toContain('Flyttat från 2026-12-03');

    const cancelled = byUid.get('arendeforum-unga-2026-12-17@samrad')!;
    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.summary).toBe('INSTÄLLT: Ärendeforum unga 18–29');
    expect(cancelled.description).toContain('Krockar med julavslutningen');

    // Nyårsafton is a de facto day off: the cadence itself moves that meeting to the next working day.
    const newYear = byUid.get('arendeforum-unga-2026-12-31@samrad')!;
    expect(newYear.start.toISOString().slice(0, 10)).not.toBe('2026-12-31');
    expect(newYear.description).toContain('Flyttat från 2026-12-31');

    const plain = byUid.get('arendeforum-unga-2027-01-14@samrad')!;
    expect(plain.start.toISOString()).toBe('2027-01-14T12:00:00.000Z');
    expect(plain.summary).toBe('Ärendeforum unga 18–29');
    // Half a year back, a year ahead, every other week.
    expect(events.length).toBeGreaterThan(35);
    expect(events.length).toBeLessThan(50);
  });

  it('opens only with the forum token; the token is made once and shown only to the coordinator', async () => {
    const path = await feedPath();
    expect(await bot.say(ANNA, 'kalender')).toContain(path);
    expect(await bot.say(KARIN, 'kalender')).toBe('Det får bara forumets samordnare göra.');
    const token = path.split('token=')[1];
    expect(token.length).toBeGreaterThanOrEqual(32);
    expect((await fetchFeed(`/calendar/arendeforum-unga.ics`)).status).toBe(404);
    expect((await fetchFeed(`/calendar/arendeforum-unga.ics?token=${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).status).toBe(404);
    expect((await fetchFeed(`/calendar/arendeforum-vuxna.ics?token=${token}`)).status).toBe(404);
    expect((await fetchFeed(`/calendar/finns-inte.ics?token=${token}`)).status).toBe(404);
  });
});
