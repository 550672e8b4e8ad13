// The words a forum reads (docs/sprak.md): numbers as Swedes write them, and the phrasings fixed in issue 18.
import { describe, expect, it } from 'vitest';
import { messages } from '../../src/i18n/index.js';
import { integer } from '../../src/i18n/numbers.js';
import { decimal } from '../../src/report/format.js';

const sv = messages('sv');
const nbsp = '\u00a0';

describe('Swedish words and numbers', () => {
  it('writes thousands with a (non-breaking) space and decimals with a comma', () => {
    expect(sv.errors.tooLong({ max: '4000' })).toContain(`högst 4${nbsp}000 tecken`);
    expect(messages('en').errors.tooLong({ max: '4000' })).toContain('at most 4,000 characters');
    expect([integer(4000, 'sv'), integer(1234567, 'sv'), integer(999, 'sv')]).toEqual([`4${nbsp}000`, `1${nbsp}234${nbsp}567`, '999']);
    expect(decimal(30.5, true)).toBe('30,5');
  });

  it('uses the agreed phrasings', () => {
    expect(sv.errors.usage({ usage: '`hjälp`' })).toMatch(/^Kommandot är ofullständigt eller har för många delar\./);
    expect(sv.errors.memberNotFound({ value: '@x' })).toContain('i någon av forumets organisationer');
    expect(sv.labels.noCategory).toBe('ingen angiven');
    expect(sv.report.labels.stepsShare).not.toContain('%');
    expect([sv.report.labels.meetingsHeld, sv.report.labels.casesRaised, sv.report.labels.never]).toEqual(['Genomförda möten', 'Anmälda ärenden', 'obesvarade']);
  });
});
