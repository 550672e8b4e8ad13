import { describe, it, expect } from 'vitest';
import {
  addDays, addWorkingDays, holidayName, isoWeekday, isValidIsoDate, isWorkingDay, localDate, localTime,
  nextWorkingDay, workingDaysBetween, zonedInstant,
} from '../../src/core/dates.js';
import { parseDate } from '../../src/core/date-words.js';

describe('plain dates', () => {
  it('validates ISO dates strictly', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2026-02-29')).toBe(false);
    expect(isValidIsoDate('2026-13-01')).toBe(false);
    expect(isValidIsoDate('2026-1-01')).toBe(false);
    expect(isValidIsoDate('')).toBe(false);
  });

  it('adds days across month, year and DST boundaries', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
  });

  it('numbers weekdays Monday = 1 … Sunday = 7', () => {
    expect(isoWeekday('2026-03-23')).toBe(1);
    expect(isoWeekday('2026-03-18')).toBe(3);
    expect(isoWeekday('2026-03-22')).toBe(7);
  });
});

describe('time zones', () => {
  it('maps Stockholm wall clock to UTC on both sides of the spring change (29 March 2026)', () => {
    expect(zonedInstant('2026-03-27', '09:00').toISOString()).toBe('2026-03-27T08:00:00.000Z');
    expect(zonedInstant('2026-03-30', '09:00').toISOString()).toBe('2026-03-30T07:00:00.000Z');
  });

  it('maps Stockholm wall clock to UTC on both sides of the autumn change (25 October 2026)', () => {
    expect(zonedInstant('2026-10-24', '09:00').toISOString()).toBe('2026-10-24T07:00:00.000Z');
    expect(zonedInstant('2026-10-26', '09:00').toISOString()).toBe('2026-10-26T08:00:00.000Z');
  });

  it('works for other zones too', () => {
    expect(zonedInstant('2026-03-08', '09:00', 'America/New_York').toISOString()).toBe('2026-03-08T13:00:00.000Z');
    expect(zonedInstant('2026-03-07', '09:00', 'America/New_York').toISOString()).toBe('2026-03-07T14:00:00.000Z');
  });

  it('rejects malformed times', () => {
    expect(() => zonedInstant('2026-03-27', '25:00')).toThrow();
    expect(() => zonedInstant('2026-03-27', '9')).toThrow();
    expect(() => zonedInstant('2026-02-30', '09:00')).toThrow();
  });

  it('reads the local date and time of an instant', () => {
    const lateNight = new Date('2026-03-28T23:30:00Z');
    expect(localDate(lateNight)).toBe('2026-03-29');
    expect(localTime(lateNight)).toBe('00:30');
    const midnight = new Date('2026-01-01T23:00:00Z');
    expect(localDate(midnight)).toBe('2026-01-02');
    expect(localTime(midnight)).toBe('00:00');
    expect(localDate(lateNight, 'UTC')).toBe('2026-03-28');
    expect(localTime(zonedInstant('2026-07-01', '13:45'))).toBe('13:45');
  });
});

describe('Swedish holidays', () => {
  it.each([
    ['2026-01-01', 'nyårsdagen'],
    ['2026-01-06', 'trettondedag jul'],
    ['2026-04-03', 'långfredagen'],
    ['2026-04-04', 'påskafton'],
    ['2026-04-05', 'påskdagen'],
    ['2026-04-06', 'annandag påsk'],
    ['2026-05-01', 'första maj'],
    ['2026-05-14', 'Kristi himmelsfärdsdag'],
    ['2026-05-24', 'pingstdagen'],
    ['2026-06-06', 'nationaldagen'],
    ['2026-06-19', 'midsommarafton'],
    ['2026-06-20', 'midsommardagen'],
    ['2026-10-31', 'alla helgons dag'],
    ['2026-12-24', 'julafton'],
    ['2026-12-25', 'juldagen'],
    ['2026-12-26', 'annandag jul'],
    ['2026-12-31', 'nyårsafton'],
  ])('2026: %s is %s', (date, name) => {
    expect(holidayName(date)).toBe(name);
  });

  it('follows Easter into 2027 (påskdagen 28 March)', () => {
    expect(holidayName('2027-03-26')).toBe('långfredagen');
    expect(holidayName('2027-03-27')).toBe('påskafton');
    expect(holidayName('2027-03-28')).toBe('påskdagen');
    expect(holidayName('2027-03-29')).toBe('annandag påsk');
    expect(holidayName('2027-05-06')).toBe('Kristi himmelsfärdsdag');
    expect(holidayName('2027-06-25')).toBe('midsommarafton');
    expect(holidayName('2027-11-06')).toBe('alla helgons dag');
  });

  it('does not count ordinary days, half days or abolished holidays', () => {
    expect(holidayName('2026-03-18')).toBeNull();
    expect(holidayName('2026-04-02')).toBeNull(); // skärtorsdagen
    expect(holidayName('2026-04-30')).toBeNull(); // valborgsmässoafton
    expect(holidayName('2026-01-05')).toBeNull(); // trettondagsafton
    expect(holidayName('2026-05-25')).toBeNull(); // annandag pingst, not a holiday since 2005
    expect(holidayName('2026-06-18')).toBeNull();
  });

  it('has 251 working days in 2026', () => {
    expect(workingDaysBetween('2025-12-31', '2026-12-31')).toBe(251);
  });

  it('treats weekends and holidays as non-working', () => {
    expect(isWorkingDay('2026-03-18')).toBe(true);
    expect(isWorkingDay('2026-03-21')).toBe(false);
    expect(isWorkingDay('2026-06-19')).toBe(false);
    expect(isWorkingDay('2026-04-02')).toBe(true);
  });
});

describe('working-day arithmetic', () => {
  it('finds the next working day', () => {
    expect(nextWorkingDay('2026-03-18')).toBe('2026-03-18');
    expect(nextWorkingDay('2026-06-19')).toBe('2026-06-22');
    expect(nextWorkingDay('2026-12-24')).toBe('2026-12-28');
    expect(nextWorkingDay('2026-04-03')).toBe('2026-04-07');
  });

  it('skips the Christmas holidays', () => {
    // Friday 19 Dec 2025: Mon 22, Tue 23, then julafton, juldagen, annandag jul and a weekend.
    expect(addWorkingDays('2025-12-19', 3)).toBe('2025-12-29');
    expect(addWorkingDays('2026-12-18', 3)).toBe('2026-12-23');
    expect(addWorkingDays('2026-12-18', 4)).toBe('2026-12-28');
  });

  it('counts backwards and treats 0 as the date itself', () => {
    expect(addWorkingDays('2026-04-07', -1)).toBe('2026-04-02');
    expect(addWorkingDays('2025-12-29', -3)).toBe('2025-12-19');
    expect(addWorkingDays('2026-12-25', 0)).toBe('2026-12-25');
  });

  it('counts working days in (from, to]', () => {
    expect(workingDaysBetween('2025-12-19', '2025-12-29')).toBe(3);
    expect(workingDaysBetween('2025-12-29', '2025-12-19')).toBe(-3);
    expect(workingDaysBetween('2026-03-18', '2026-03-18')).toBe(0);
    expect(workingDaysBetween('2026-03-20', '2026-03-23')).toBe(1);
    expect(workingDaysBetween('2026-12-23', '2026-12-28')).toBe(1);
  });
});

describe('parseDate', () => {
  const today = '2026-03-18'; // a Wednesday

  it.each([
    ['2026-12-01', '2026-12-01'],
    ['  2026-12-01 ', '2026-12-01'],
    ['1/12', '2026-12-01'],
    ['01/12', '2026-12-01'],
    ['18/3', '2026-03-18'],
    ['1/3', '2027-03-01'], // already passed this year
    ['1/12/2027', '2027-12-01'],
    ['1/12/27', '2027-12-01'],
    ['idag', '2026-03-18'],
    ['IDAG', '2026-03-18'],
    ['today', '2026-03-18'],
    ['imorgon', '2026-03-19'],
    ['Tomorrow', '2026-03-19'],
    ['torsdag', '2026-03-19'],
    ['tor', '2026-03-19'],
    ['thursday', '2026-03-19'],
    ['fredag', '2026-03-20'],
    ['fre', '2026-03-20'],
    ['fri', '2026-03-20'],
    ['lördag', '2026-03-21'],
    ['lordag', '2026-03-21'],
    ['sat', '2026-03-21'],
    ['söndag', '2026-03-22'],
    ['sondag', '2026-03-22'],
    ['sun', '2026-03-22'],
    ['måndag', '2026-03-23'],
    ['Måndag', '2026-03-23'],
    ['mandag', '2026-03-23'],
    ['mån', '2026-03-23'],
    ['ma\u030andag', '2026-03-23'], // decomposed å
    ['MONDAY', '2026-03-23'],
    ['mon', '2026-03-23'],
    ['tisdag', '2026-03-24'],
    ['tue', '2026-03-24'],
    ['onsdag', '2026-03-25'], // strictly after today, which is a Wednesday
    ['wed', '2026-03-25'],
    ['+1', '2026-03-19'],
    ['+3', '2026-03-23'],
  ])('%j → %s', (input, expected) => {
    expect(parseDate(input, today)).toBe(expected);
  });

  it.each(['', '   ', 'abc', 'igår', 'yesterday', '2026-02-30', '2026-2-3', '32/1', '0/1', '1/13', '29/2/2026', '+0', '+366', '-3', '+', 'mån dag'])(
    'rejects %j',
    (input) => {
      expect(parseDate(input, today)).toBeNull();
    },
  );

  it('rolls a day/month without year into next year near year end', () => {
    expect(parseDate('1/12', '2026-12-15')).toBe('2027-12-01');
    expect(parseDate('24/12', '2026-12-15')).toBe('2026-12-24');
    expect(parseDate('1/1', '2026-12-15')).toBe('2027-01-01');
  });

  it('counts +N in working days', () => {
    expect(parseDate('+1', '2026-04-02')).toBe('2026-04-07'); // over Easter
    expect(parseDate('+3', '2025-12-19')).toBe('2025-12-29');
    expect(parseDate('+365', today)).not.toBeNull();
  });
});
