// Forms in the core: a command typed without its parts asks for a form; the submitted values come
// back as the same command, checked by the same rules.
import { beforeEach, describe, expect, it } from 'vitest';
import { ANNA, KARIN, shellUser, useTestBot } from '../helpers/bot.js';

const { bot } = useTestBot({ setup: (bot) => bot.say(ANNA, 'koppla arendeforum-unga') });

const input = (user: string) => ({ identity: shellUser(user), channel: { platform: 'shell' as const, id: 'unga' } });

describe('case-new form', () => {
  it('asks for target group, consent and question, and raises the case from the answers', async () => {
    const reply = await bot.sayRaw(ANNA, 'ärende ny');
    expect(reply.form?.kind).toBe('case-new');
    expect(reply.form?.fields.map((f) => f.id)).toEqual(['groups', 'consent', 'question']);
    expect(reply.form?.fields[0].options).toContainEqual({ value: 'unga', label: 'Unga 18–29' });
    const read = bot.core.readForm('case-new', { groups: ['unga'], consent: 'ja', question: 'Behöver samplanering' }, {}, 'sv');
    expect(read).toEqual({ command: { name: 'case.new', groups: ['unga'], consent: 'ja', question: 'Behöver samplanering' } });
    if (!('command' in read)) throw new Error('expected a command');
    await bot.core.run(input(ANNA), read.command, 'sv');
    expect(bot.port.toChannel('unga')[0]).toContain('Ärende UNG-2026-001 registrerat');
  });

  it('names each wrong field in the user’s language and runs nothing', async () => {
    const email = ['kalle', 'example.org'].join('@');
    const read = bot.core.readForm('case-new', { groups: ['pensionarer'], consent: 'kanske', question: `Mejla ${email}` }, {}, 'en');
    expect(read).toEqual({
      errors: {
        groups: expect.stringContaining('Unknown target group "pensionarer"'),
        consent: expect.stringContaining('"kanske"'),
        question: expect.stringContaining('an e-mail address'),
      },
    });
    expect(bot.core.readForm('case-new', { consent: 'ja', question: '  ' }, {}, 'sv')).toEqual({ errors: { question: 'Fyll i det här fältet.' } });
    expect(await bot.store.cases.open('arendeforum-unga')).toEqual([]);
  });

  it('is refused where a typed case would be refused', async () => {
    expect(await bot.say(ANNA, 'ärende ny', 'nowhere')).toMatch(/inte kopplad/);
    await bot.say(KARIN, 'koppla ung-helsingborg', 'uhb');
    expect(await bot.say(KARIN, 'ärende ny', 'uhb')).toMatch(/temamöte/);
  });
});

describe('step-new and case-close forms', () => {
  beforeEach(async () => {
    await bot.say(ANNA, 'ärende ny grupp:unga Studiestart');
  });

  it('offers the open cases when no code is given, and only the rest when it is', async () => {
    const bare = await bot.sayRaw(ANNA, 'åtgärd ny');
    expect(bare.form?.fields.map((f) => f.id)).toEqual(['code', 'owner', 'due', 'text']);
    expect(bare.form?.fields[0].options?.[0].value).toBe('UNG-2026-001');
    const withCode = await bot.sayRaw(ANNA, 'åtgärd ny UNG-2026-001');
    expect(withCode.form?.fields.map((f) => f.id)).toEqual(['owner', 'due', 'text']);
    expect(withCode.form?.hidden).toEqual({ code: 'UNG-2026-001' });
    expect(await bot.say(ANNA, 'åtgärd ny UNG-2026-099')).toContain('Hittar inget ärende UNG-2026-099');
  });

  it('checks the date by the typed command’s rules and records the step', async () => {
    const past = bot.core.readForm('step-new', { owner: `@${KARIN}`, due: '2026-01-01', text: 'boka möte' }, { code: 'UNG-2026-001' }, 'sv');
    expect(past).toEqual({ errors: { due: '2026-01-01 har redan passerat. Välj ett datum från och med idag.' } });
    const ok = bot.core.readForm('step-new', { owner: `@${KARIN}`, due: '2026-12-10', text: 'boka möte' }, { code: 'UNG-2026-001' }, 'sv');
    if (!('command' in ok)) throw new Error('expected a command');
    await bot.core.run(input(ANNA), ok.command, 'sv');
    expect(bot.port.toMember(KARIN)[0]).toContain('Du är ägare till åtgärd #1');
  });

  it('closes a case with the outcome chosen in the form', async () => {
    const reply = await bot.sayRaw(ANNA, 'ärende avsluta UNG-2026-001');
    expect(reply.form?.kind).toBe('case-close');
    expect(bot.core.readForm('case-close', { outcome: 'semester' }, reply.form!.hidden!, 'sv')).toEqual({ errors: { outcome: expect.stringContaining('Okänt utfall') } });
    const ok = bot.core.readForm('case-close', { outcome: 'studier' }, reply.form!.hidden!, 'sv');
    if (!('command' in ok)) throw new Error('expected a command');
    await bot.core.run(input(ANNA), ok.command, 'sv');
    expect(bot.port.toChannel('unga').at(-1)).toContain('avslutat med utfall: studier');
  });
});
