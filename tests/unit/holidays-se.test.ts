// The bot loads Sweden's holiday rules only (src/core/holidays-se.ts, generated from date-holidays):
// the days it treats as holidays must be exactly those the full library knows for Sweden.
import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { holidayName } from '../../src/core/dates.js';

describe("Sweden's holiday rules, loaded alone", () => {
  it('name every public holiday the full library names for Sweden, 2000–2040', () => {
    const full = new Holidays('SE');
    for (let year = 2000; year <= 2040; year++) {
      const byDate = new Map<string, string[]>();
      for (const h of full.getHolidays(year, 'sv')) {
        if (h.type === 'public') byDate.set(h.date.slice(0, 10), [...(byDate.get(h.date.slice(0, 10)) ?? []), h.name]);
      }
      // Two holidays can share a day (1 May and Ascension in 2008): either name will do.
      for (const [date, names] of byDate) expect(names, date).toContain(holidayName(date));
      expect(byDate.size).toBeGreaterThanOrEqual(11);
    }
  });

  it('know midsummer, Christmas Eve and an ordinary Tuesday apart', () => {
    expect(holidayName('2026-06-19')).toBe('midsommarafton');
    expect(holidayName('2026-12-24')).toBe('julafton');
    expect(holidayName('2026-12-01')).toBeNull();
  });
});
