// The feed after changes, read back with ical.js: SEQUENCE rises with every change to an occurrence
// (RFC 5545 §3.8.7.4, or clients keep the old copy), and every line is folded within 75 octets without
// splitting a UTF-8 character.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { foldLines } from '../../src/http/ics-fold.js';
import { ANNA } from '../helpers/bot.js';
import { useCalendarServer } from '../helpers/calendar.js';

const { bot, fetchFeed } = useCalendarServer();

const UID = 'arendeforum-unga-2026-12-03@samrad';

async function feed(path: string): Promise<{ raw: string; sequence: () => number; event: () => ICAL.Component }> {
  const raw = await (await fetchFeed(path)).text();
  const cal = new ICAL.Component(ICAL.parse(raw));
  const event = () => cal.getAllSubcomponents('vevent').find((e) => e.getFirstPropertyValue('uid') === UID)!;
  return { raw, event, sequence: () => Number(event().getFirstPropertyValue('sequence')) };
}

describe('calendar feed versions and folding', () => {
  it('raises SEQUENCE on every move, a time change and a cancellation', async () => {
    await bot.say(ANNA, 'koppla arendeforum-unga');
    const path = /(\/calendar\/arendeforum-unga\.ics\?token=[\w-]+)/.exec(await bot.say(ANNA, 'kalender'))![1];
    const seen = [(await feed(path)).sequence()];
    await bot.say(ANNA, 'möte flytta 2026-12-04');
    seen.push((await feed(path)).sequence());
    await bot.say(ANNA, 'möte flytta 2026-12-07');
    seen.push((await feed(path)).sequence());
    // Same day, another hour: a time change is a change too.
    await bot.say(ANNA, 'möte flytta 2026-12-07 09:30');
    const moved = await feed(path);
    seen.push(moved.sequence());
    expect(String(moved.event().getFirstPropertyValue('dtstart'))).toBe('2026-12-07T08:30:00Z'); // 09:30 in Stockholm
    await bot.say(ANNA, 'möte ställ in Lokalen på Bryggaregatan är upptagen av en utbildning för förvaltningens chefer, så vi ses nästa gång i stället');
    const last = await feed(path);
    seen.push(last.sequence());
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThan(seen[i - 1]);
    expect(last.event().getFirstPropertyValue('status')).toBe('CANCELLED');
    // The long Swedish note survives folding whole (ical.js unfolds it).
    expect(String(last.event().getFirstPropertyValue('description'))).toContain('förvaltningens chefer, så vi ses nästa gång i stället');
    for (const line of last.raw.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  });

  it('raises SEQUENCE on a cancellation and again on its restore, each time (möte återställ)', async () => {
    await bot.say(ANNA, 'koppla arendeforum-unga');
    const path = /(\/calendar\/arendeforum-unga\.ics\?token=[\w-]+)/.exec(await bot.say(ANNA, 'kalender'))![1];
    const first = await feed(path);
    const seen = [first.sequence()];
    const statuses = [String(first.event().getFirstPropertyValue('status'))];
    for (const command of ['möte ställ in', 'möte återställ', 'möte ställ in', 'möte återställ']) {
      await bot.say(ANNA, command);
      const now = await feed(path);
      seen.push(now.sequence());
      statuses.push(String(now.event().getFirstPropertyValue('status')));
      // The restored meeting keeps its time: the same occurrence, not a new one.
      expect(String(now.event().getFirstPropertyValue('dtstart'))).toBe('2026-12-03T12:00:00Z');
    }
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThan(seen[i - 1]);
    expect(statuses).toEqual(['CONFIRMED', 'CANCELLED', 'CONFIRMED', 'CANCELLED', 'CONFIRMED']);
  });

  it('folds by octets and never inside a character', () => {
    const line = `DESCRIPTION:${'åäö€😀'.repeat(30)}`;
    const folded = foldLines(`BEGIN:VCALENDAR\r\n${line}\r\nEND:VCALENDAR\r\n`);
    const lines = folded.split('\r\n');
    for (const l of lines) {
      expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);
      expect(l).not.toContain('\uFFFD');
      expect(Buffer.from(l, 'utf8').toString('utf8')).toBe(l);
    }
    expect(folded.replace(/\r\n /g, '')).toContain(line);
  });
});
