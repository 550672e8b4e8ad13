// Correcting and erasing what was typed (issue 15, item 7), as users type it: each change checked by
// the guard, audited without text, and told to the people concerned; closing a case closes its steps.
import { describe, expect, it } from 'vitest';
import { ANNA, KARIN, OLLE, shellUser, useTestBot } from '../helpers/bot.js';
import { toPlainText } from '../../src/core/plaintext.js';
import { dump } from '../helpers/dump.js';

const { bot, database } = useTestBot({
  setup: async (bot) => {
    await bot.say(ANNA, 'koppla arendeforum-unga');
    await bot.say(ANNA, 'ärende ny grupp:unga samtycke:ja Behöver samplanering kring studiestart');
    await bot.say(ANNA, 'åtgärd ny UNG-2026-001 @karin@helsingborg.se 2026-12-10 boka trepartssamtal');
  },
});
const phone = ['070', '174', '06', '50'].join('-');
const dm = (user: string, text: string) => bot.core.handle({ identity: shellUser(user), channel: { platform: 'shell', id: `dm-${user}`, direct: true }, text }).then((r) => (r.message ? toPlainText(r.message) : ''));

describe('ärende ändra', () => {
  it('changes text, groups, consent and category for the raiser, refuses identity data and others', async () => {
    expect(await bot.say(ANNA, 'ärende ändra UNG-2026-001 samtycke:nej grupp:unga,etablering text:Behöver stöd inför SFI')).toBe('Ändrat i UNG-2026-001: frågan, målgrupp: Unga 18–29, Etableringsprogrammet, samtycke: nej.');
    const c = await bot.store.cases.byCode('UNG-2026-001');
    expect(c).toMatchObject({ question: 'Behöver stöd inför SFI', consent: 'nej', targetGroups: ['unga', 'etablering'] });
    expect(bot.port.toChannel('unga').at(-1)).toMatch(/^Ärende UNG-2026-001 är ändrat av anna@arbetsformedlingen.se: frågan,/);
    expect(await bot.say(ANNA, `ärende ändra UNG-2026-001 text:ring ${phone}`)).toMatch(/Fråga: texten innehåller ett telefonnummer/);
    expect(await bot.say(KARIN, 'ärende ändra UNG-2026-001 samtycke:ja')).toBe('Bara den som lyfte UNG-2026-001 eller forumets samordnare kan ändra eller radera det.');
    expect(await bot.say(ANNA, 'case edit UNG-2026-001 category:studier')).toMatch(/^Changed in UNG-2026-001: category/);
    expect((await bot.store.audit.forCase('UNG-2026-001')).map((e) => e.action)).toContain('case.edit');
  });

  it('offers an "Ändra" form on the case', async () => {
    const shown = await bot.sayRaw(ANNA, 'ärende visa UNG-2026-001');
    expect(JSON.stringify(shown.message)).toContain('"command":"ärende ändra UNG-2026-001"');
    const form = await bot.sayRaw(ANNA, 'ärende ändra UNG-2026-001');
    expect(form.form?.kind).toBe('case-edit');
    const read = bot.core.readForm('case-edit', { consent: 'ja', question: `ring ${phone}` }, form.form!.hidden!, 'sv');
    expect(read).toEqual({ errors: { question: expect.stringContaining('telefonnummer') } });
  });
});

describe('åtgärd ändra / stryk', () => {
  it('moves a step to a new owner and date, telling the new owner and the old', async () => {
    bot.port.clear();
    expect(await bot.say(ANNA, 'åtgärd ändra 1 @olle@helsingborg.se 2026-12-15 boka trepartssamtal med skolan')).toBe('Åtgärd #1 för UNG-2026-001 är ändrad: ägare: olle@helsingborg.se, senast: 2026-12-15, texten.');
    expect(await bot.store.steps.byId(1)).toMatchObject({ ownerId: (await bot.store.members.byEmail(OLLE))!.id, dueDate: '2026-12-15', text: 'boka trepartssamtal med skolan' });
    expect(bot.port.toMember(OLLE).at(-1)).toContain('Du är nu ägare till åtgärd #1');
    expect(bot.port.toMember(KARIN).at(-1)).toContain('har fått en ny ägare: olle@helsingborg.se');
    expect(await bot.say(ANNA, `åtgärd ändra 1 ring ${phone}`)).toMatch(/telefonnummer/);
  });

  it('strikes a step: no longer open, not reminded; only in the channel or the owner’s own DM', async () => {
    expect(await dm(OLLE, 'åtgärd stryk 1')).toBe('Hittar ingen åtgärd #1 som du kan ändra.');
    expect(await dm(KARIN, 'åtgärd stryk 1 inte aktuellt längre')).toBe('Åtgärd #1 för UNG-2026-001 är struken (inte aktuellt längre).');
    expect((await bot.store.steps.byId(1))?.status).toBe('struck');
    expect(await bot.say(KARIN, 'mina')).toBe('Du har inga öppna åtgärder eller överlämningar.');
    expect(await bot.say(ANNA, 'step edit 1 +2')).toBe('Next step #1 is no longer open and cannot be changed.');
  });
});

describe('closing a case', () => {
  it('closes its open steps with it and tells their owners', async () => {
    await bot.say(ANNA, 'ärende avsluta UNG-2026-001 studier');
    expect(bot.port.toChannel('unga').at(-1)).toContain('Öppna åtgärder stängdes med ärende UNG-2026-001: #1.');
    expect(bot.port.toMember(KARIN).at(-1)).toContain('Din åtgärd #1 (UNG-2026-001) är stängd eftersom ärendet avslutades');
    expect((await bot.store.steps.byId(1))?.status).toBe('closed');
    expect(await bot.store.steps.openOwnedBy((await bot.store.members.byEmail(KARIN))!.id)).toEqual([]);
  });
});

describe('överlämning visa / rätta', () => {
  it('shows the answer to both sides and lets the answering side correct it; the asking side is told', async () => {
    await bot.say(ANNA, 'överlämning ny sfi UNG-2026-001 @karin@helsingborg.se');
    expect(await bot.say(ANNA, 'överlämning visa 1')).toContain('Inte besvarad än');
    await bot.say(KARIN, 'överlämning svar 1 startdatum=2027-01-12 nivå=2 skola=Komvux Norra omfattning=20 sfi-kontakt=@olle@helsingborg.se');
    const shown = await bot.say(ANNA, 'överlämning visa 1');
    expect(shown).toContain('Skola: Komvux Norra');
    expect(shown).toContain('SFI-kontakt: olle@helsingborg.se');
    expect(shown).toMatch(/Besvarad av karin@helsingborg.se, 2026-11-25 09:00/);
    expect(shown).toContain('minst 30');
    expect(await bot.say(ANNA, 'överlämning rätta 1 omfattning=30')).toBe('Bara mottagaren eller någon i Helsingborgs stad kan svara på överlämning #1.');
    expect(await bot.say(KARIN, `överlämning rätta 1 skola=ring ${phone}`)).toMatch(/Skola: texten innehåller ett telefonnummer/);
    expect(await bot.say(KARIN, 'överlämning rätta 1 omfattning=30')).toBe('Rättat: överlämning #1. anna@arbetsformedlingen.se har fått veta vad som ändrades.');
    expect(bot.port.toMember(ANNA).at(-1)).toContain('Omfattning (timmar/vecka): 30');
    expect(await bot.store.handovers.byId(1)).toMatchObject({ flags: [], fields: { omfattning: '30', skola: 'Komvux Norra' } });
    expect(await bot.say(KARIN, 'handover show 1')).toContain('Omfattning (timmar/vecka): 30');
  });
});

describe('ärende radera', () => {
  it('removes the free text at once everywhere, keeps the statistics, coordinator only', async () => {
    const marker = 'zqxradera';
    await bot.say(ANNA, `ärende ändra UNG-2026-001 text:Behöver ${marker} stöd`);
    expect(await bot.say(KARIN, 'ärende radera UNG-2026-001')).toBe('Det får bara forumets samordnare göra.');
    expect(await bot.say(ANNA, 'ärende radera UNG-2026-001')).toMatch(/^Fritexten i ärende UNG-2026-001 är raderad/);
    expect((await dump(database)).text).not.toContain(marker);
    expect((await dump(database)).text).not.toContain('boka trepartssamtal');
    expect(await bot.store.cases.byCode('UNG-2026-001')).toMatchObject({ question: null, targetGroups: ['unga'] });
    expect((await bot.store.audit.forCase('UNG-2026-001')).map((e) => e.action)).toContain('case.erase');
  });
});
