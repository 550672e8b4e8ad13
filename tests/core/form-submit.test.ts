// A submitted form is read, refused or run by the core, the same for every adapter.
import { describe, expect, it } from 'vitest';
import { toPlainText } from '../../src/core/plaintext.js';
import { ANNA, shellUser, useTestBot } from '../helpers/bot.js';

const { bot } = useTestBot({ setup: (bot) => bot.say(ANNA, 'koppla arendeforum-unga') });

const input = async () => ({ identity: shellUser(ANNA), channel: { platform: 'shell' as const, id: 'unga' } });

describe('submitForm', () => {
  it('runs the command of a correct form, in the language the form was written in', async () => {
    const reply = await bot.core.submitForm(input, { kind: 'case-new', values: { consent: 'ja', question: 'Behöver samplanering' }, lang: 'en' }, { langHints: ['sv'] });
    expect(reply).toMatchObject({ ok: true, lang: 'en' });
    expect((await bot.store.cases.open('arendeforum-unga')).map((c) => c.code)).toEqual(['UNG-2026-001']);
  });

  it('names the wrong fields and runs nothing; the form shows them itself when it can', async () => {
    let asked = 0;
    const counted = async () => (asked++, input());
    const told = await bot.core.submitForm(counted, { kind: 'case-new', values: { consent: 'ja', question: ' ' } }, { langHints: ['en'] });
    expect(told && toPlainText(told.message!)).toBe('Please fill in Question / need (no identity). Nothing was saved.');
    let shown: Record<string, string> = {};
    const inForm = await bot.core.submitForm(counted, { kind: 'case-new', values: { consent: 'ja' }, lang: 'sv' }, { showInForm: async (e) => ((shown = e), true) });
    expect(inForm).toBeNull();
    expect(shown).toEqual({ question: 'Fyll i det här fältet.' });
    expect(asked).toBe(0);
    expect(await bot.store.cases.open('arendeforum-unga')).toEqual([]);
  });

  it('refuses a form this version does not know, politely and changing nothing', async () => {
    const reply = await bot.core.submitForm(input, { kind: 'case-teleport', values: {} });
    expect(reply).toMatchObject({ ok: false, lang: 'sv' });
    expect(toPlainText(reply!.message!)).toContain('Formuläret hör till en äldre version av Samråd');
  });
});
