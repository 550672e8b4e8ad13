import { describe, it, expect } from 'vitest';
import { type Cadence, nextOccurrence, occurrenceOn, occurrencesBetween, previousOccurrence } from '../../src/core/calendar.js';

// Every second Thursday 09:00–10:30 from 8 January 2026; it lands on Kristi himmelsfärd 2026-05-14
// and on julafton 2026-12-24.
const thursdays = (policy: Cadence['holidayPolicy']): Cadence => ({
  everyWeeks: 2, anchor: '2026-01-08', time: '09:00', durationMinutes: 90, holidayPolicy: policy,
});

// Every Wednesday 10:00–11:00 through Christmas 2025 (julafton and nyårsafton are Wednesdays).
const wednesdays = (policy: Cadence['holidayPolicy']): Cadence => ({
  everyWeeks: 1, anchor: '2025-12-03', time: '10:00', durationMinutes: 60, holidayPolicy: policy,
});

describe('occurrenceOn', () => {
  it('keeps an ordinary date with Stockholm times', () => {
    const o = occurrenceOn(thursdays('cancel'), '2026-01-22');
    expect(o).toEqual({
      scheduledDate: '2026-01-22', date: '2026-01-22', status: 'scheduled',
      start: new Date('2026-01-22T08:00:00Z'), end: new Date('2026-01-22T09:30:00Z'),
    });
  });

  it('moves Kristi himmelsfärd to Friday with next-working-day', () => {
    const o = occurrenceOn(thursdays('next-working-day'), '2026-05-14');
    expect(o.status).toBe('moved');
    expect(o.date).toBe('2026-05-15');
    expect(o.holiday).toBe('Kristi himmelsfärdsdag');
    expect(o.start.toISOString()).toBe('2026-05-15T07:00:00.000Z'); // CEST
    expect(o.end.toISOString()).toBe('2026-05-15T08:30:00.000Z');
  });

  it('cancels Kristi himmelsfärd with cancel', () => {
    const o = occurrenceOn(thursdays('cancel'), '2026-05-14');
    expect(o.status).toBe('cancelled');
    expect(o.date).toBe('2026-05-14');
    expect(o.holiday).toBe('Kristi himmelsfärdsdag');
  });

  it('moves julafton on a Thursday past the whole Christmas weekend', () => {
    expect(occurrenceOn(thursdays('next-working-day'), '2026-12-24').date).toBe('2026-12-28');
  });

  it('treats a weekend anchor as non-working, without a holiday name', () => {
    const saturday: Cadence = { everyWeeks: 1, anchor: '2026-03-21', time: '10:00', durationMinutes: 30, holidayPolicy: 'next-working-day' };
    const o = occurrenceOn(saturday, '2026-03-21');
    expect(o.status).toBe('moved');
    expect(o.date).toBe('2026-03-23');
    expect(o.holiday).toBeUndefined();
  });
});

describe('occurrencesBetween', () => {
  it('gives 52 fortnightly Thursdays over 2026–2027, two of them on holidays', () => {
    const moved = occurrencesBetween(thursdays('next-working-day'), '2026-01-01', '2027-12-31');
    expect(moved).toHaveLength(52);
    expect(moved[0].scheduledDate).toBe('2026-01-08');
    expect(moved[51].scheduledDate).toBe('2027-12-23');
    expect(moved.filter((o) => o.status === 'moved').map((o) => [o.scheduledDate, o.date, o.holiday])).toEqual([
      ['2026-05-14', '2026-05-15', 'Kristi himmelsfärdsdag'],
      ['2026-12-24', '2026-12-28', 'julafton'],
    ]);

    const cancelled = occurrencesBetween(thursdays('cancel'), '2026-01-01', '2027-12-31');
    expect(cancelled.filter((o) => o.status === 'cancelled').map((o) => o.scheduledDate)).toEqual(['2026-05-14', '2026-12-24']);
    expect(cancelled.filter((o) => o.status === 'scheduled')).toHaveLength(50);
  });

  it('moves the Wednesdays on julafton and nyårsafton to the next working day', () => {
    const list = occurrencesBetween(wednesdays('next-working-day'), '2025-12-17', '2026-01-14');
    expect(list.map((o) => [o.scheduledDate, o.date, o.status])).toEqual([
      ['2025-12-17', '2025-12-17', 'scheduled'],
      ['2025-12-24', '2025-12-29', 'moved'],
      ['2025-12-31', '2026-01-02', 'moved'],
      ['2026-01-07', '2026-01-07', 'scheduled'],
      ['2026-01-14', '2026-01-14', 'scheduled'],
    ]);
    expect(list[1].holiday).toBe('julafton');
    expect(list[2].holiday).toBe('nyårsafton');
    expect(list[1].start.toISOString()).toBe('2025-12-29T09:00:00.000Z');
  });

  it('cancels the Wednesdays on julafton and nyårsafton with cancel', () => {
    const list = occurrencesBetween(wednesdays('cancel'), '2025-12-20', '2026-01-01');
    expect(list.map((o) => [o.date, o.status, o.holiday])).toEqual([
      ['2025-12-24', 'cancelled', 'julafton'],
      ['2025-12-31', 'cancelled', 'nyårsafton'],
    ]);
  });

  it('never starts before the anchor and includes both ends', () => {
    expect(occurrencesBetween(wednesdays('cancel'), '2025-01-01', '2025-12-10').map((o) => o.scheduledDate)).toEqual(['2025-12-03', '2025-12-10']);
    expect(occurrencesBetween(thursdays('cancel'), '2026-01-09', '2026-01-21')).toEqual([]);
    expect(occurrencesBetween(thursdays('cancel'), '2026-02-01', '2026-01-01')).toEqual([]);
  });
});

describe('nextOccurrence / previousOccurrence', () => {
  const may1 = new Date('2026-05-01T10:00:00Z');

  it('skips a cancelled occurrence', () => {
    expect(nextOccurrence(thursdays('cancel'), may1).scheduledDate).toBe('2026-05-28');
    expect(nextOccurrence(thursdays('next-working-day'), may1).date).toBe('2026-05-15');
  });

  it('finds a moved occurrence even when its scheduled date has passed', () => {
    const holidayEvening = new Date('2026-05-14T18:00:00Z');
    const o = nextOccurrence(thursdays('next-working-day'), holidayEvening);
    expect([o.scheduledDate, o.date]).toEqual(['2026-05-14', '2026-05-15']);
  });

  it('returns a meeting in progress as next, and as previous once it has ended', () => {
    const c = thursdays('cancel');
    expect(nextOccurrence(c, new Date('2026-01-22T09:00:00Z')).scheduledDate).toBe('2026-01-22');
    expect(previousOccurrence(c, new Date('2026-01-22T09:00:00Z'))?.scheduledDate).toBe('2026-01-08');
    expect(previousOccurrence(c, new Date('2026-01-22T09:30:00Z'))?.scheduledDate).toBe('2026-01-22');
    expect(nextOccurrence(c, new Date('2026-01-22T09:30:00Z')).scheduledDate).toBe('2026-02-05');
  });

  it('looks back past a cancelled occurrence', () => {
    expect(previousOccurrence(thursdays('cancel'), new Date('2026-05-20T12:00:00Z'))?.scheduledDate).toBe('2026-04-30');
    expect(previousOccurrence(thursdays('next-working-day'), new Date('2026-05-20T12:00:00Z'))?.date).toBe('2026-05-15');
  });

  it('starts at the anchor', () => {
    const before = new Date('2025-06-01T00:00:00Z');
    expect(nextOccurrence(thursdays('cancel'), before).scheduledDate).toBe('2026-01-08');
    expect(previousOccurrence(thursdays('cancel'), before)).toBeNull();
  });

  it('gives up when every occurrence is cancelled', () => {
    const sundays: Cadence = { everyWeeks: 1, anchor: '2026-03-22', time: '10:00', durationMinutes: 30, holidayPolicy: 'cancel' };
    expect(() => nextOccurrence(sundays, may1)).toThrow();
    expect(previousOccurrence(sundays, may1)).toBeNull();
  });
});
