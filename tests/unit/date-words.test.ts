import { describe, expect, it } from 'vitest';
import { dateWordCount, readDate, workingDue } from '../../src/core/date-words.js';
import { errorText } from '../../src/core/errors.js';
import { messages } from '../../src/i18n/index.js';
import { readDay } from '../../src/core/due.js';
import { UserError } from '../../src/core/errors.js';

const today = '2026-12-02'; // a Wednesday
const date = (s: string) => {
  const r = readDate(s, today);
  return 'date' in r ? r.date : r.problem.why;
};

describe('dates as people write them', () => {
  it('reads months, weeks and working days ahead', () => {
    expect(date('+3m')).toBe('2027-03-02');
    expect(date('om 3 månader')).toBe('2027-03-02');
    expect(date('om en månad')).toBe('2027-01-02');
    expect(date('+2v')).toBe('2026-12-16');
    expect(date('om 2 veckor')).toBe('2026-12-16');
    expect(date('in 2 weeks')).toBe('2026-12-16');
    expect(date('+3')).toBe('2026-12-07');
    expect(date('om 3 arbetsdagar')).toBe('2026-12-07');
  });

  it('reads i morgon, i övermorgon and named days', () => {
    expect(date('i morgon')).toBe('2026-12-03');
    expect(date('imorgon')).toBe('2026-12-03');
    expect(date('i övermorgon')).toBe('2026-12-04');
    expect(date('3 december')).toBe('2026-12-03');
    expect(date('3 dec')).toBe('2026-12-03');
    expect(date('1 dec')).toBe('2027-12-01');
    expect(date('den 3:e')).toBe('2026-12-03');
    expect(date('den 1:a')).toBe('2027-01-01');
    expect(date('3 januari 2027')).toBe('2027-01-03');
    expect(date('December 3')).toBe('2026-12-03');
  });

  it('says why a date is not one', () => {
    expect(readDate('31/2', today)).toEqual({ problem: { why: 'noSuchDay', month: 2, day: 31, days: 28 } });
    expect(readDate('igår', today)).toEqual({ problem: { why: 'past', date: '2026-12-01' } });
    expect(readDate('2026-11-30', today)).toEqual({ problem: { why: 'past', date: '2026-11-30' } });
    expect(readDate('1/13', today)).toEqual({ problem: { why: 'noSuchMonth', month: 13 } });
    expect(date('+99m')).toBe('tooFar');
    expect(date('blå')).toBe('unknown');
  });

  it('answers each bad date with the reason, in Swedish and English', () => {
    const text = (word: string, lang: 'sv' | 'en') => {
      try {
        readDay(today, word);
        return 'no error';
      } catch (e) {
        return errorText(messages(lang), (e as UserError).key, (e as UserError).params);
      }
    };
    expect(text('31/2', 'sv')).toContain('februari har inte 31 dagar');
    expect(text('igår', 'sv')).toBe('2026-12-01 har redan passerat. Välj ett datum från och med idag.');
    expect(text('31/2', 'en')).toContain('February has no 31 days');
  });

  it('moves a due date on a weekend or holiday to the next working day', () => {
    expect(workingDue('2026-12-05')).toEqual({ date: '2026-12-07', moved: { from: '2026-12-05', holiday: null, weekday: 6 } });
    expect(workingDue('2026-12-25').date).toBe('2026-12-28');
    expect(workingDue('2026-12-25').moved?.holiday).toBe('juldagen');
    expect(workingDue('2026-12-04')).toEqual({ date: '2026-12-04' });
  });

  it('finds how many words of a command line are the date', () => {
    expect(dateWordCount(['i', 'morgon', 'boka', 'möte'])).toBe(2);
    expect(dateWordCount(['om', '3', 'månader', 'ring', 'upp'])).toBe(3);
    expect(dateWordCount(['3', 'dec', 'ring'])).toBe(2);
    expect(dateWordCount(['+3', 'boka'])).toBe(1);
    expect(dateWordCount(['31/2', 'boka'])).toBe(1);
    expect(dateWordCount(['boka'])).toBe(0);
  });
});
