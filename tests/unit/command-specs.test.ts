// The command specs are the one declaration of every command: these checks keep the registry, the
// parser, the texts in both languages, the buttons and the README's table in step with each other.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALL_COMMANDS, type CommandId } from '../../src/core/commands/index.js';
import { caseListCommand, caseShowCommand } from '../../src/core/commands/case.js';
import { defineCommand } from '../../src/core/commands/spec.js';
import { withCommandTable } from '../../src/core/commands/table.js';
import { commandLine, formLine, groupUsage, helpMessage } from '../../src/core/commands/texts.js';
import { buildVerbTable, phrasesOf } from '../../src/core/commands/verbs.js';
import { isFormKind } from '../../src/core/forms.js';
import { parseCommand } from '../../src/core/grammar.js';
import { toPlainText } from '../../src/core/plaintext.js';
import { messages } from '../../src/i18n/index.js';

describe('command specs', () => {
  it('no two specs claim the same verb, and a first word belongs to one group in one language', () => {
    expect(() => buildVerbTable(ALL_COMMANDS)).not.toThrow();
    const twin = defineCommand({ ...caseListCommand, id: 'case.twin' });
    expect(() => buildVerbTable([...ALL_COMMANDS, twin])).toThrow(/"ärende lista" is claimed by case.list and case.twin/);
    const alias = defineCommand({ ...caseShowCommand, id: 'case.peek', verbs: { sv: 'ärende titta', en: 'case peek' }, aliases: { en: ['case show'] } });
    expect(() => buildVerbTable([...ALL_COMMANDS, alias])).toThrow(/claimed by case.show and case.peek/);
    const stray = defineCommand({ ...caseListCommand, id: 'case.stray', group: 'meeting', verbs: { sv: 'ärende strö', en: 'meeting stray' } });
    expect(() => buildVerbTable([...ALL_COMMANDS, stray])).toThrow(/"arende" is claimed by the groups case \(sv\) and meeting \(sv\)/);
    // Only a command anyone may run answers before the organisation check, and it must be able to.
    for (const s of ALL_COMMANDS) expect(Boolean(s.open), s.id).toBe(s.access === 'anyone');
    const ids = ALL_COMMANDS.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('every spec has its usage and help text in Swedish and English', () => {
    for (const lang of ['sv', 'en'] as const) {
      const texts = messages(lang).commands as Record<string, { args?: string; help: string }>;
      expect(Object.keys(texts).sort()).toEqual([...ALL_COMMANDS.map((s) => s.id)].sort());
      for (const s of ALL_COMMANDS) {
        expect(texts[s.id].help.trim(), `${lang} ${s.id}`).not.toBe('');
        // A command that reads words after its verb says which in its usage.
        if (s.parse && s.id !== 'help' && s.id !== 'agenda' && s.id !== 'mine' && s.id !== 'calendar') expect(texts[s.id].args, `${lang} ${s.id}`).toBeTruthy();
      }
    }
  });

  it('every verb and alias parses to its own spec, in the language it is written in', () => {
    for (const s of ALL_COMMANDS) {
      for (const { phrase, lang } of phrasesOf(s)) {
        const r = parseCommand(phrase);
        if ('error' in r) {
          // Without its arguments a command says what is missing, in the verb's language; a usage error names its own group.
          expect(r.error, phrase).not.toBe('unknownCommand');
          expect(r.lang, phrase).toBe(lang);
          if (r.error === 'usage') expect(r.params?.group, phrase).toBe(s.group);
        } else {
          expect([r.command.name, r.lang], phrase).toEqual([s.id, lang]);
        }
      }
    }
  });

  it('a form belongs to the spec of the same name, and a form line opens it', () => {
    for (const s of ALL_COMMANDS.filter((x) => x.form)) {
      expect(s.form).toBe(s.id.replace('.', '-'));
      expect(isFormKind(s.form)).toBe(true);
    }
    const r = parseCommand(formLine('step.new', 'en', { code: 'UNG-2026-001' }));
    expect(r).toEqual({ command: { name: 'step.new', form: { code: 'UNG-2026-001' } }, lang: 'en' });
  });

  it('button commands are built from the spec and parse back to the same command', () => {
    const lines: [string, CommandId, string, unknown][] = [
      [commandLine('step.done', 'sv', { id: 7 }), 'step.done', 'åtgärd klar 7', { id: 7 }],
      [commandLine('step.done', 'en', { id: 7 }), 'step.done', 'step done 7', { id: 7 }],
      [commandLine('meeting.next', 'sv', {}), 'meeting.next', 'möte nästa', {}],
      [commandLine('minutes.approve', 'en', {}), 'minutes.approve', 'minutes approve', {}],
      [formLine('handover.reply', 'sv', { id: '3' }), 'handover.reply', 'överlämning svar 3', { form: { id: '3' } }],
      [formLine('case.close', 'sv', { code: 'UNG-2026-001' }), 'case.close', 'ärende avsluta UNG-2026-001', { form: { code: 'UNG-2026-001' } }],
    ];
    for (const [line, id, typed, args] of lines) {
      expect(line).toBe(typed);
      expect(parseCommand(line)).toMatchObject({ command: { name: id, ...(args as object) } });
    }
  });

  it('`hjälp` and usage errors list every command from the specs', () => {
    for (const lang of ['sv', 'en'] as const) {
      const text = toPlainText(helpMessage(lang));
      for (const s of ALL_COMMANDS) expect(text, s.id).toContain(s.verbs[lang]);
    }
    expect(groupUsage('meeting', 'sv')).toContain('`möte ställ in [orsak]`');
    expect(groupUsage('step', 'en')).toBe('`step add <code> @owner <date> <text>`, `step done <id>`, `step edit <id> [@owner] [date] [text]`, `step strike <id> [reason]`');
  });

  it("the README's command table is the one the specs generate (npm run docs:commands)", () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(withCommandTable(readme) === readme, 'README.md is out of date: run `npm run docs:commands`').toBe(true);
  });
});
