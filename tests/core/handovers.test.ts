// Handover loops typed as users type them: the receiver is asked with the template's fields, the answer
// is validated field by field, the asking side is told (with the SFI scope flag), recurring loops recur.
import { describe, expect, it } from 'vitest';
import { ANNA, KARIN, OLLE, shellUser, useTestBot } from '../helpers/bot.js';
import { toPlainText } from '../../src/core/plaintext.js';

const { bot } = useTestBot({
  setup: async (bot) => {
    await bot.say(ANNA, 'koppla arendeforum-unga');
    await bot.say(ANNA, 'ärende ny grupp:etablering,utbildningsplikt samtycke:ja Nyanländ med utbildningsplikt, ska börja SFI');
    await bot.say(ANNA, 'överlämning ny sfi UNG-2026-001 @karin@helsingborg.se');
  },
});

const GOOD = 'startdatum=2027-01-12 nivå=1 skola=Komvux Norra omfattning=23 sfi-kontakt=@olle@helsingborg.se';

describe('starting a handover', () => {
  it('asks the receiver with the fields to answer and tells the channel', async () => {
    const dm = bot.port.toMember(KARIN).at(-1)!;
    expect(dm).toContain('anna@arbetsformedlingen.se (Arbetsförmedlingen) ber dig om återkoppling i Ärendeforum unga 18–29 (UNG-2026-001): SFI-startdatum, senast 2026-12-09.');
    expect(dm).toContain('Nivå (spår): nivå=1|2|3');
    expect(dm).toContain('Omfattning (timmar/vecka): omfattning=<tal>');
    expect(dm).toContain('`överlämning svar 1 startdatum=ÅÅÅÅ-MM-DD nivå=1|2|3 skola=<text> omfattning=<tal> sfi-kontakt=@kollega`');
    const reply = bot.port.sent.at(-1)!.message.blocks.find((b) => b.type === 'actions');
    expect(reply).toEqual({ type: 'actions', actions: [expect.objectContaining({ command: 'överlämning svar 1', form: 'handover-reply' })] });
    expect(await bot.say(KARIN, 'mina')).toContain('Överlämning #1 UNG-2026-001: SFI-startdatum – svar senast 2026-12-09');
  });

  it('takes a due date, and refuses the wrong side, an unknown template and a closed case', async () => {
    await bot.say(ANNA, 'överlämning ny sfi UNG-2026-001 @olle@helsingborg.se senast 2026-12-04');
    expect(bot.port.toChannel('unga').at(-1)).toContain('#2 för UNG-2026-001: SFI-startdatum – svar från olle@helsingborg.se (Helsingborgs stad) senast 2026-12-04');
    expect(await bot.say(KARIN, 'överlämning ny sfi UNG-2026-001 @anna@arbetsformedlingen.se')).toBe('SFI-startdatum startas av Arbetsförmedlingen.');
    expect(await bot.say(ANNA, 'överlämning ny sfi UNG-2026-001 @bertil@arbetsformedlingen.se')).toBe('SFI-startdatum besvaras av Helsingborgs stad: välj en mottagare där.');
    expect(await bot.say(ANNA, 'överlämning ny okand UNG-2026-001 @karin@helsingborg.se')).toMatch(/^Det finns ingen överlämningsmall "okand"\. Mallar: sfi, utbildningsplikt-studier/);
    await bot.say(ANNA, 'ärende avsluta UNG-2026-001 studier');
    expect(await bot.say(ANNA, 'överlämning ny sfi UNG-2026-001 @karin@helsingborg.se')).toBe('Ärende UNG-2026-001 är redan avslutat.');
  });
});

describe('answering', () => {
  it('stores a good answer and tells the sender field by field', async () => {
    expect(await bot.say(KARIN, `överlämning svar 1 ${GOOD}`)).toBe('Tack! Svaret på överlämning #1 är sparat och skickat till anna@arbetsformedlingen.se.');
    const toAnna = bot.port.toMember(ANNA).at(-2)!; // the last is the SFI follow-up (Fatta UTA-beslut, tests/core/follow-ups.test.ts)
    expect(toAnna).toContain('Svar på överlämning #1: SFI-startdatum (UNG-2026-001)');
    expect(toAnna).toContain('Startdatum: 2027-01-12');
    expect(toAnna).toContain('Skola: Komvux Norra');
    expect(toAnna).not.toContain('⚠');
    expect(bot.port.toChannel('unga').at(-2)).toBe('Överlämning #1 (UNG-2026-001, SFI-startdatum) är besvarad.');
    expect(await bot.store.handovers.byId(1)).toMatchObject({ status: 'answered', flags: [], fields: { startdatum: '2027-01-12', nivå: '1', omfattning: '23' } });
    expect(await bot.say(KARIN, 'mina')).toBe('Du har inga öppna åtgärder eller överlämningar.');
    expect(await bot.say(KARIN, `överlämning svar 1 ${GOOD}`)).toBe('Överlämning #1 är redan besvarad.');
  });

  it('flags an SFI scope below the agreement to AF (spår 2 at 20 h/week)', async () => {
    await bot.say(KARIN, 'överlämning svar 1 startdatum=2027-01-12 niva=2 skola=Komvux Norra omfattning=20 sfi-kontakt=@olle@helsingborg.se');
    expect(bot.port.toMember(ANNA).at(-2)).toContain('⚠ Omfattning (timmar/vecka) 20 är lägre än avtalet förväntar för Nivå (spår) 2 (minst 30).');
    expect((await bot.store.handovers.byId(1))?.flags).toEqual(['minimum:omfattning:30']);
  });

  const bad: [string, string][] = [
    ['startdatum=2027-13-45 nivå=1 skola=Norra omfattning=23 sfi-kontakt=@olle@helsingborg.se', 'startdatum: jag förstår inte datumet "2027-13-45". Skriv t.ex. 2027-01-12.'],
    ['startdatum=2027-01-12 nivå=4 skola=Norra omfattning=23 sfi-kontakt=@olle@helsingborg.se', 'nivå: "4" är inget av alternativen 1, 2, 3.'],
    ['startdatum=2027-01-12 nivå=1 omfattning=23', 'Svaret saknar: skola, sfi-kontakt. Inget sparades.'],
    ['startdatum=2027-01-12 nivå=1 skola=Norra omfattning=23 sfi-kontakt=SFI klass=3B', 'Okänt fält: klass. Fälten är: startdatum, nivå, skola, omfattning, sfi-kontakt.'],
    ['startdatum=2027-01-12 nivå=1 skola=Norra omfattning=60 sfi-kontakt=@olle@helsingborg.se', 'omfattning: "60" är inget tillåtet tal (1–40).'],
    ['startdatum=2027-01-12 nivå=1 skola=Norra omfattning=många sfi-kontakt=@olle@helsingborg.se', 'omfattning: "många" är inget tillåtet tal (1–40).'],
  ];
  it.each(bad)('refuses %s and stores nothing', async (fields, expected) => {
    const before = bot.port.sent.length;
    expect(await bot.say(KARIN, `överlämning svar 1 ${fields}`)).toBe(expected);
    expect(bot.port.sent.length).toBe(before);
    expect((await bot.store.handovers.byId(1))?.status).toBe('open');
  });

  it('refuses identity data in a text field', async () => {
    const contact = ['sfi.kontakt', 'helsingborg.se'].join('@');
    expect(await bot.say(KARIN, `överlämning svar 1 startdatum=2027-01-12 nivå=1 skola=Norra ${contact} omfattning=23 sfi-kontakt=@olle@helsingborg.se`)).toMatch(/Skola: texten innehåller en e-postadress.*inget sparades/);
    expect((await bot.store.handovers.byId(1))?.fields).toBeNull();
  });

  it('takes the SFI contact as a colleague (a mention) and stores the member, not an address (issue 15)', async () => {
    const contact = ['sfi.kontakt', 'helsingborg.se'].join('@');
    expect(await bot.say(KARIN, `överlämning svar 1 startdatum=2027-01-12 nivå=1 skola=Norra omfattning=23 sfi-kontakt=${contact}`)).toMatch(/^sfi-kontakt: nämn en kollega med @namn/);
    expect(await bot.say(KARIN, `överlämning svar 1 ${GOOD}`)).toMatch(/^Tack!/);
    const olle = await bot.store.members.byEmail(OLLE);
    expect((await bot.store.handovers.byId(1))?.fields?.['sfi-kontakt']).toBe(`member:${olle!.id}`);
    expect(bot.port.toMember(ANNA).at(-2)).toContain(`SFI-kontakt: ${OLLE}`);
  });

  it('is answered only in the forum’s channel or by the receiver in their own direct message (issue 15)', async () => {
    const elsewhere = { identity: shellUser(KARIN), channel: { platform: 'shell' as const, id: 'annan-kanal' }, text: `överlämning svar 1 ${GOOD}` };
    expect(toPlainText((await bot.core.handle(elsewhere)).message!)).toBe('Hittar ingen överlämning #1.');
    const olleDm = { identity: shellUser(OLLE), channel: { platform: 'shell' as const, id: 'dm-olle', direct: true }, text: `överlämning svar 1 ${GOOD}` };
    expect(toPlainText((await bot.core.handle(olleDm)).message!)).toBe('Hittar ingen överlämning #1.');
    expect((await bot.store.handovers.byId(1))?.status).toBe('open');
  });

  it('lets a colleague of the receiving organisation answer, but not the asking side', async () => {
    expect(await bot.say(ANNA, `överlämning svar 1 ${GOOD}`)).toBe('Bara mottagaren eller någon i Helsingborgs stad kan svara på överlämning #1.');
    expect(await bot.say(OLLE, `överlämning svar 1 ${GOOD}`)).toMatch(/^Tack!/);
    expect(await bot.say(KARIN, 'överlämning svar 99 a=b')).toBe('Hittar ingen överlämning #99.');
  });

  it('works from a direct conversation with the bot, and through the reply form', async () => {
    const form = await bot.core.handle({ identity: shellUser(KARIN), channel: { platform: 'shell', id: 'dm-karin', direct: true }, text: 'överlämning svar 1' });
    expect(form.form).toMatchObject({ kind: 'handover-reply', hidden: { id: '1' } });
    expect(form.form!.fields.map((f) => [f.id, f.kind])).toEqual([['startdatum', 'date'], ['niva', 'select'], ['skola', 'text'], ['omfattning', 'number'], ['sfi-kontakt', 'member']]);
    const values = { startdatum: '2027-01-12', niva: '3', skola: 'Komvux Norra', omfattning: '30', 'sfi-kontakt': `@${OLLE}` };
    const read = bot.core.readForm('handover-reply', values, form.form!.hidden!, 'sv');
    if (!('command' in read)) throw new Error('expected a command');
    const done = await bot.core.run({ identity: shellUser(KARIN), channel: { platform: 'shell', id: 'dm-karin', direct: true } }, read.command, 'sv');
    expect(toPlainText(done.message!)).toMatch(/^Tack!/);
    expect((await bot.store.handovers.byId(1))?.fields).toMatchObject({ nivå: '3', omfattning: '30' });
  });
});

describe('a recurring loop', () => {
  it('sets up the next six-monthly check-in when answered', async () => {
    await bot.say(KARIN, 'överlämning ny anstallningsstod-6man UNG-2026-001 @anna@arbetsformedlingen.se senast 2026-12-15');
    expect(await bot.say(ANNA, 'överlämning svar 2 fortsatter=ja kommentar=Fungerar bra')).toMatch(/^Tack!/);
    expect(bot.port.toChannel('unga').at(-1)).toBe('Nästa avstämning är upplagd: överlämning #3 (UNG-2026-001, Anställningsstöd / OSA – avstämning var sjätte månad) senast 2027-06-15.');
    expect(await bot.say(ANNA, 'mina')).toContain('Överlämning #3 UNG-2026-001: Anställningsstöd / OSA – avstämning var sjätte månad – svar senast 2027-06-15');
  });
});

describe('handover forms', () => {
  const dm = { identity: shellUser(KARIN), channel: { platform: 'shell' as const, id: 'dm-karin', direct: true } };

  it('a reply form names each wrong field by the typed answer’s rules, and nothing is stored', async () => {
    const reply = await bot.core.handle({ ...dm, text: 'överlämning svar 1' });
    expect(reply.form?.hidden).toEqual({ id: '1', template: 'sfi' });
    const email = ['kontakt', 'example.org'].join('@');
    const bad = bot.core.readForm('handover-reply', { startdatum: 'snart', niva: '7', omfattning: '90', skola: `Komvux Norra, mejla ${email}`, 'sfi-kontakt': 'Lena på SFI' }, reply.form!.hidden!, 'sv');
    expect(bad).toEqual({
      errors: {
        startdatum: 'startdatum: jag förstår inte datumet "snart". Skriv t.ex. 2027-01-12.',
        niva: 'nivå: "7" är inget av alternativen 1, 2, 3.',
        omfattning: 'omfattning: "90" är inget tillåtet tal (1–40).',
        skola: expect.stringContaining('en e-postadress'),
        'sfi-kontakt': expect.stringContaining('nämn en kollega'),
      },
    });
    expect(bot.core.readForm('handover-reply', { startdatum: '2027-01-12', niva: '1' }, reply.form!.hidden!, 'sv')).toEqual({
      errors: { skola: 'Fyll i det här fältet.', omfattning: 'Fyll i det här fältet.', 'sfi-kontakt': 'Fyll i det här fältet.' },
    });
    const message = bot.core.formErrors('handover-reply', { skola: 'Fyll i det här fältet.', niva: 'nivå: "7" är inget av alternativen 1, 2, 3.' }, reply.form!.hidden!, 'sv');
    expect(toPlainText(message)).toBe('Fyll i Skola.\nnivå: "7" är inget av alternativen 1, 2, 3. Inget sparades.');
    expect((await bot.store.handovers.byId(1))?.status).toBe('open');
    expect(bot.core.readForm('handover-reply', { skola: 'x' }, { id: '1', template: 'okand' }, 'sv')).toEqual({ errors: { id: 'Hittar ingen överlämning #1.' } });
  });

  it('a new-handover form offers the sender’s templates and starts the loop from the answers', async () => {
    const reply = await bot.sayRaw(ANNA, 'överlämning ny UNG-2026-001');
    expect(reply.form?.kind).toBe('handover-new');
    expect(reply.form?.fields.map((f) => f.id)).toEqual(['template', 'to', 'due']);
    expect(reply.form?.fields[0].options?.map((o) => o.value)).toContain('sfi');
    expect(reply.form?.fields[0].options?.map((o) => o.value)).not.toContain('komvux-franvaro');
    expect(bot.core.readForm('handover-new', { template: 'sfi', to: `@${KARIN}`, due: 'igår' }, reply.form!.hidden!, 'sv')).toEqual({ errors: { due: expect.stringContaining('datum') } });
    const ok = bot.core.readForm('handover-new', { template: 'sfi', to: `@${KARIN}` }, reply.form!.hidden!, 'sv');
    if (!('command' in ok)) throw new Error('expected a command');
    await bot.core.run({ identity: shellUser(ANNA), channel: { platform: 'shell', id: 'unga' } }, ok.command, 'sv');
    expect(bot.port.toChannel('unga').at(-1)).toContain('Överlämning #2 för UNG-2026-001: SFI-startdatum');
  });
});
