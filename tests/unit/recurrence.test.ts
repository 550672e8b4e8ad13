// Calendar rules as RFC 5545 recurrence (issue 17): what "every N weeks" could not say.
import { describe, expect, it } from 'vitest';
import { type Cadence, cadenceRrule, nextOccurrence, occurrencesBetween, previousOccurrence } from '../../src/core/calendar.js';
import { ruleProblem } from '../../src/core/recurrence.js';
import { zonedInstant } from '../../src/core/dates.js';

const base = { everyWeeks: 2, anchor: '2026-01-01', time: '09:00', durationMinutes: 90, holidayPolicy: 'next-working-day' } as const;
const rule = (rrule: string, extra: Partial<Cadence> = {}): Cadence => ({ ...base, rrule, ...extra });
const dates = (c: Cadence, from = '2026-01-01', to = '2029-12-31') => occurrencesBetween(c, from, to).map((o) => o.scheduledDate);
const perMonth = (list: string[]) => {
  const m = new Map<string, number>();
  for (const d of list) m.set(d.slice(0, 7), (m.get(d.slice(0, 7)) ?? 0) + 1);
  return m;
};
const SUMMER = { from: '06-22', to: '08-09', name: 'sommar' };
const TERMS = [{ from: '2026-01-12', to: '2026-06-12', name: 'vt' }, { from: '2026-08-17', to: '2026-12-18', name: 'ht' }];

describe('RRULE cadences', () => {
  it('twice a month never drifts: the 1st and 3rd Thursday, 48 months, two each', () => {
    const list = dates(rule('FREQ=MONTHLY;BYDAY=1TH,3TH'));
    expect(list).toHaveLength(96);
    expect([...perMonth(list).values()].every((n) => n === 2)).toBe(true);
    // "every 2 weeks" gives three in some months: that is what the rule is for.
    expect([...perMonth(dates({ ...base, anchor: '2026-01-01' })).values()].filter((n) => n === 3).length).toBeGreaterThan(5);
  });

  it('pauses take the summer out, every year', () => {
    const list = dates(rule('FREQ=MONTHLY;BYDAY=1TH,3TH', { pauses: [SUMMER] }));
    expect(list.filter((d) => d.slice(5, 7) === '07')).toEqual([]);
    expect(list).toContain('2026-06-18');
    expect(list).not.toContain('2026-08-06');
  });

  it('twice per term: only inside the terms', () => {
    const list = dates(rule('FREQ=MONTHLY;BYMONTH=2,5,9,11;BYDAY=2TU', { within: TERMS }), '2026-01-01', '2026-12-31');
    expect(list).toEqual(['2026-02-10', '2026-05-12', '2026-09-08', '2026-11-10']);
  });

  it('Q2 and Q4, and yearly in January without drift', () => {
    expect(dates(rule('FREQ=YEARLY;BYMONTH=4,10;BYMONTHDAY=1'), '2026-01-01', '2027-12-31')).toEqual(['2026-04-01', '2026-10-01', '2027-04-01', '2027-10-01']);
    expect(dates(rule('FREQ=YEARLY;BYMONTH=1;BYDAY=3TU'), '2026-01-01', '2031-12-31')).toEqual(['2026-01-20', '2027-01-19', '2028-01-18', '2029-01-16', '2030-01-15', '2031-01-21']);
  });

  it('first Tuesday of the month; a holiday moves it like any meeting', () => {
    const occ = occurrencesBetween(rule('FREQ=MONTHLY;BYDAY=1TU'), '2026-12-01', '2027-01-31');
    expect(occ.map((o) => [o.scheduledDate, o.date])).toEqual([['2026-12-01', '2026-12-01'], ['2027-01-05', '2027-01-05']]);
    const may = occurrencesBetween(rule('FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=1'), '2026-01-01', '2026-12-31');
    expect(may.map((o) => [o.date, o.status, o.holiday])).toEqual([['2026-05-04', 'moved', 'första maj']]);
  });

  it('finds the next and the previous meeting across a pause', () => {
    const c = rule('FREQ=MONTHLY;BYDAY=1TH,3TH', { pauses: [SUMMER] });
    expect(nextOccurrence(c, zonedInstant('2026-06-20', '12:00')).scheduledDate).toBe('2026-08-20');
    expect(previousOccurrence(c, zonedInstant('2026-08-19', '12:00'))?.scheduledDate).toBe('2026-06-18');
  });

  it('says the rule for the calendar feed, and every N weeks as one too', () => {
    expect(cadenceRrule(rule('FREQ=MONTHLY;BYDAY=1TH,3TH'))).toBe('FREQ=MONTHLY;BYDAY=1TH,3TH');
    expect(cadenceRrule({ ...base, everyWeeks: 6, anchor: '2026-01-20' })).toBe('FREQ=WEEKLY;INTERVAL=6;BYDAY=TU');
  });

  it('names what is wrong with a rule', () => {
    expect(ruleProblem('FREQ=MONTHLY;BYDAY=1TH')).toBeNull();
    expect(ruleProblem('FREQ=HOURLY')).toMatch(/FREQ must be/);
    expect(ruleProblem('DTSTART:20260101T000000Z\nRRULE:FREQ=DAILY')).toMatch(/only the date part/);
    expect(ruleProblem('BYDAY=MO')).toMatch(/needs FREQ/);
  });
});
