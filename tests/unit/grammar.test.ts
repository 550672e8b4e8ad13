import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/core/grammar.js';

const ok = (line: string) => {
  const r = parseCommand(line);
  if ('error' in r) throw new Error(`${line}: ${r.error}`);
  return r;
};
const err = (line: string) => {
  const r = parseCommand(line);
  if (!('error' in r)) throw new Error(`${line} parsed as ${r.command.name}`);
  return r.error;
};

describe('command grammar', () => {
  it('parses Swedish commands and English aliases to the same command', () => {
    const pairs: [string, string][] = [
      ['hjälp', 'help'],
      ['koppla arendeforum-unga', 'link arendeforum-unga'],
      ['ärende lista', 'case list'],
      ['ärende visa UNG-2026-001', 'case show UNG-2026-001'],
      ['ärende avsluta UNG-2026-001 ej-aktuellt', 'case close UNG-2026-001 ej-aktuellt'],
      ['dagordning', 'agenda'],
      ['åtgärd klar 4', 'step done 4'],
      ['mina', 'mine'],
      ['möte start', 'meeting start'],
      ['möte nästa', 'meeting next'],
      ['möte avsluta', 'meeting end'],
      ['möte ställ in', 'meeting cancel'],
      ['fråga ny Hur når vi fler?', 'topic add Hur når vi fler?'],
    ];
    for (const [sv, en] of pairs) {
      expect(ok(sv).command).toEqual(ok(en).command);
      expect(ok(sv).lang).toBe('sv');
      expect(ok(en).lang).toBe('en');
    }
  });

  it('reads options, consent and the free question of a new case', () => {
    expect(ok('ärende ny grupp:unga,etablering samtycke:ja Behöver samplanering kring studiestart').command).toEqual({
      name: 'case.new',
      groups: ['unga', 'etablering'],
      consent: 'ja',
      question: 'Behöver samplanering kring studiestart',
      category: null,
    });
    expect(ok('case new consent:no Needs help').command).toMatchObject({ consent: 'nej', groups: [] });
    expect(ok('arende ny Utan diakriter').command).toMatchObject({ name: 'case.new', consent: 'okänt' });
    expect(ok('ärende ny').command).toEqual({ name: 'case.new', form: {} });
    expect(ok('ärende avsluta ung-2026-001').command).toEqual({ name: 'case.close', form: { code: 'UNG-2026-001' } });
  });

  it('reads steps and handovers with mentions and dates', () => {
    expect(ok('åtgärd ny ung-2026-001 @karin@helsingborg.se +3 boka trepartssamtal').command).toEqual({
      name: 'step.new',
      code: 'UNG-2026-001',
      owner: '@karin@helsingborg.se',
      due: '+3',
      text: 'boka trepartssamtal',
    });
    expect(ok('åtgärd ny @U123 fredag ring skolan').command).toMatchObject({ code: null, owner: '@U123' });
    expect(ok('överlämning ny sfi UNG-2026-001 @karin@helsingborg.se senast 2026-12-20').command).toEqual({
      name: 'handover.new',
      template: 'sfi',
      code: 'UNG-2026-001',
      to: '@karin@helsingborg.se',
      due: '2026-12-20',
    });
    expect(ok('överlämning svar 3 startdatum=2027-01-12 nivå=2 skola=Komvux Norra omfattning=23').command).toEqual({
      name: 'handover.reply',
      id: 3,
      fields: { startdatum: '2027-01-12', niva: '2', skola: 'Komvux Norra', omfattning: '23' },
    });
  });

  it('names what is wrong with a bad line', () => {
    expect(err('')).toBe('empty');
    expect(err('   ')).toBe('empty');
    expect(err('nonsens')).toBe('unknownCommand');
    expect(err('ärende')).toBe('usage');
    expect(err('ärende flyga')).toBe('usage');
    expect(err('ärende visa 123')).toBe('badCaseCode');
    expect(err('ärende avsluta UNG-2026-001 semester')).toBe('badOutcome');
    expect(err('ärende ny samtycke:kanske x')).toBe('badConsent');
    expect(err('åtgärd ny UNG-2026-001 karin fredag x')).toBe('badMention');
    expect(err('åtgärd klar x')).toBe('badId');
    expect(err('rapport 2026-Q5')).toBe('badQuarter');
    expect(err(`ärende ny ${'x'.repeat(5000)}`)).toBe('tooLong');
    expect(err('möte ställ')).toBe('usage');
  });

  it('drops control characters instead of passing them on', () => {
    expect(ok('ärende ny \u0007Behov\u0000 av stöd').command).toMatchObject({ question: 'Behov  av stöd'.replace('  ', ' ') });
  });
});
