// The remembered occurrences are the very ones the calendar gives, and any change of the cadence or of
// the window is another entry (nothing goes stale when the settings change).
import { describe, expect, it } from 'vitest';
import { occurrencesBetween, type Cadence } from '../../src/core/calendar.js';
import { cachedOccurrences } from '../../src/core/occurrence-cache.js';

const base: Cadence = { everyWeeks: 2, anchor: '2026-01-08', time: '13:00', durationMinutes: 90, holidayPolicy: 'next-working-day' };

describe('remembered occurrences', () => {
  it('equal the calendar\'s, also when asked again', () => {
    expect(cachedOccurrences(base, '2026-11-01', '2027-02-01')).toEqual(occurrencesBetween(base, '2026-11-01', '2027-02-01'));
    expect(cachedOccurrences(base, '2026-11-01', '2027-02-01')).toEqual(occurrencesBetween(base, '2026-11-01', '2027-02-01'));
  });

  it('follow a changed cadence and a changed window at once', () => {
    const before = cachedOccurrences(base, '2026-11-01', '2027-02-01');
    const later = { ...base, time: '09:30' };
    expect(cachedOccurrences(later, '2026-11-01', '2027-02-01')).toEqual(occurrencesBetween(later, '2026-11-01', '2027-02-01'));
    expect(cachedOccurrences(later, '2026-11-01', '2027-02-01')[0].start).not.toEqual(before[0].start);
    const paused = { ...base, pauses: [{ from: '2026-12-20', to: '2027-01-06' }] };
    expect(cachedOccurrences(paused, '2026-11-01', '2027-02-01')).toEqual(occurrencesBetween(paused, '2026-11-01', '2027-02-01'));
    expect(cachedOccurrences(paused, '2026-11-01', '2027-02-01').length).toBeLessThan(before.length);
    expect(cachedOccurrences(base, '2026-11-02', '2027-02-01')).toEqual(occurrencesBetween(base, '2026-11-02', '2027-02-01'));
  });
});
