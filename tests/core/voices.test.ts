// Whose language (issue 18): one person typing English in a Swedish forum gets their own answers in
// English, but the channel's posts stay in the forum's language and each direct message is in its
// receiver's language; a step marked done by someone else is told to its owner.
import { describe, expect, it } from 'vitest';
import { ANNA, KARIN, OLLE, createTestBot, shellUser, useTestBot } from '../helpers/bot.js';
import { at, tickAt } from '../helpers/tick.js';
import { loadFileConfig } from '../../src/config.js';
import { toPlainText } from '../../src/core/plaintext.js';
import type { ChannelRef, Identity } from '../../src/core/model.js';

const { bot, database } = useTestBot({
  setup: async (bot) => {
    await bot.say(ANNA, 'koppla arendeforum-unga'); // the forum has no `language`: the configured sv
    bot.port.clear();
  },
});

describe('the channel speaks the forum\'s language', () => {
  it('an English-typing member gets English answers; the channel and the owner read Swedish', async () => {
    await bot.say(OLLE, 'case new group:unga consent:yes Needs a joint plan around the start of studies');
    expect(bot.port.toChannel('unga').at(-1)).toMatch(/^Ärende UNG-2026-001 registrerat i Ärendeforum unga 18–29\./);
    expect(await bot.say(OLLE, 'case list')).toMatch(/^Open cases|Cases/);
    await bot.say(OLLE, 'step add UNG-2026-001 @karin@helsingborg.se 2026-12-10 book a three-party meeting');
    expect(bot.port.toChannel('unga').at(-1)).toBe('Åtgärd #1 för UNG-2026-001: book a three-party meeting – ägare karin@helsingborg.se, senast 2026-12-10.');
    expect(bot.port.toMember(KARIN).at(-1)).toMatch(/^Du är ägare till åtgärd #1/);
    await bot.say(OLLE, 'topic add Opening hours') ; // a case forum: refused in English, nothing posted
    expect(bot.port.toChannel('unga')).toHaveLength(2);
  });

  it("the owner is told, in their language, when someone else marks their step done", async () => {
    await bot.say(ANNA, 'ärende ny grupp:unga samtycke:ja Studiestart');
    await bot.say(ANNA, 'åtgärd ny UNG-2026-001 @karin@helsingborg.se 2026-12-10 boka trepartssamtal');
    await bot.say(ANNA, 'åtgärd ny UNG-2026-001 @karin@helsingborg.se 2026-12-10 ringa skolan');
    bot.port.clear();
    expect(await bot.say(OLLE, 'step done 1')).toBe('Next step #1 (UNG-2026-001) is done.');
    expect(bot.port.toMember(KARIN)).toEqual(['Din åtgärd #1 (UNG-2026-001) är markerad som klar av olle@helsingborg.se.']);
    await bot.say(KARIN, 'åtgärd klar 2'); // her own: nobody to tell
    expect(bot.port.toMember(KARIN)).toHaveLength(1);
  });
});

// An English-speaking member (their platform says `en`) drives what the channel reads: every post to the
// shared channel is in the forum's language; the answers to them stay English.
const en = (email: string): Identity => ({ ...shellUser(email), language: 'en' });
const as = async (who: Identity, text: string, channel: Partial<ChannelRef> = {}) => {
  const r = await bot.core.handle({ identity: who, channel: { platform: 'shell', id: 'unga', ...channel }, text });
  return r.message ? toPlainText(r.message) : '';
};
const posts = () => bot.port.sent.filter((s) => s.target.kind === 'channel').map((s) => s.text);
const buttons = () => bot.port.sent.filter((s) => s.target.kind === 'channel').flatMap((s) => s.message.blocks.flatMap((b) => (b.type === 'actions' ? b.actions.map((a) => a.command) : [])));

describe('an English-speaking member in a Swedish forum', () => {
  const anna = en(ANNA);
  const karin = en(KARIN);

  it('walks a meeting: start, decision, next, end and the approvals are posted in Swedish', async () => {
    await as(anna, 'link arendeforum-unga');
    await as(anna, 'case new group:unga consent:yes Needs a joint plan around the start of studies');
    bot.clock.set('2026-12-03T13:00:00+01:00');
    bot.port.clear();
    expect(await as(anna, 'meeting start')).toBe('');
    expect(await as(anna, 'meeting start')).toMatch(/^Ärendeforum unga 18–29\nThe meeting .* is already running\./); // to her: English
    await as(anna, 'meeting decide We book a three-party meeting');
    await as(anna, 'meeting next');
    await as(anna, 'meeting end');
    await as(karin, 'minutes approve');
    await as(anna, 'minutes approve');
    const p = posts();
    expect(p[0]).toMatch(/^Ärendeforum unga 18–29\nMötet har börjat: Ärendeforum unga 18–29, torsdag 2026-12-03 kl\. 13:00 \(.*\)\. 1 punkt på dagordningen\./);
    expect(p[0]).toContain('Punkt 1 av 1: UNG-2026-001');
    expect(p[1]).toBe('Beslut under UNG-2026-001: We book a three-party meeting');
    expect(p[2]).toBe('Alla punkter är genomgångna. Skriv `möte avsluta` för protokollet.');
    expect(p[3]).toMatch(/^Protokoll – Ärendeforum unga 18–29, 2026-12-03/);
    expect(p[4]).toMatch(/^karin@helsingborg.se \(Helsingborgs stad\) har justerat protokollet för 2026-12-03\. Väntar på: /);
    expect(p[5]).toMatch(/^Protokoll – Ärendeforum unga 18–29, 2026-12-03/);
    expect(p[6]).toMatch(/^Protokollet för 2026-12-03 är justerat av /);
    expect(p).toHaveLength(7);
    // The buttons under the posts run the Swedish commands, for whoever in the channel presses them.
    expect(buttons()).toEqual(expect.arrayContaining(['möte nästa', 'möte hoppa', 'möte avsluta', 'protokoll justera']));
    expect(buttons().filter((c) => /^(meeting|minutes|step|case) /.test(c))).toEqual([]);
  });

  it('moves, cancels and restores the meeting, and reads the agenda, in Swedish where the channel reads it', async () => {
    await as(anna, 'link arendeforum-unga');
    bot.port.clear();
    await as(anna, 'meeting move 2026-12-02');
    await as(anna, 'meeting cancel');
    await as(anna, 'meeting restore');
    expect(posts()).toEqual([
      expect.stringMatching(/^Mötet i Ärendeforum unga 18–29 torsdag 2026-12-03 kl\. 13:00 är flyttat till onsdag 2026-12-02 kl\. 13:00\.$/),
      expect.stringMatching(/^Mötet i Ärendeforum unga 18–29 onsdag 2026-12-02 kl\. 13:00 är inställt\. Nästa möte: torsdag 2026-12-17/),
      expect.stringMatching(/^Mötet onsdag 2026-12-02 kl\. 13:00 i Ärendeforum unga 18–29 blir av ändå/),
    ]);
    expect(posts()[2]).not.toMatch(/meeting|cancel/i);
    // Where the answer is read by the whole channel (a Teams channel), the agenda is the forum's; alone, hers.
    expect(await as(anna, 'agenda', { publicReplies: true })).toMatch(/^Dagordning – Ärendeforum unga 18–29/);
    expect(await as(anna, 'agenda')).toMatch(/^Agenda – Ärendeforum unga 18–29/);
  });

  it('starts and answers a handover: the channel reads both in Swedish', async () => {
    await as(anna, 'link arendeforum-unga');
    await as(anna, 'case new group:etablering,utbildningsplikt consent:yes Newly arrived, will start SFI');
    bot.port.clear();
    await as(anna, 'handover new sfi UNG-2026-001 @karin@helsingborg.se');
    expect(posts()).toEqual(['Överlämning #1 för UNG-2026-001: SFI-startdatum – svar från karin@helsingborg.se (Helsingborgs stad) senast 2026-12-09.']);
    expect(await as(karin, 'handover reply 1 startdatum=2027-01-12 nivå=1 skola=Komvux Norra omfattning=23 sfi-kontakt=@olle@helsingborg.se')).toMatch(/^Thank you!/);
    expect(posts()).toContain('Överlämning #1 (UNG-2026-001, SFI-startdatum) är besvarad.');
    // Karin corrects her answer: Anna (English) is told in English, a Swedish asker would read Swedish.
    expect(await as(karin, 'handover correct 1 omfattning=30')).toMatch(/^Corrected: handover #1\./);
    expect(bot.port.toMember(ANNA).at(-1)).toMatch(/^The answer to handover #1: SFI-startdatum \(UNG-2026-001\) was corrected by karin@helsingborg.se:/);
  });

  it('corrects a case and its steps: the channel reads what changed in Swedish, each owner in their own language', async () => {
    await as(anna, 'link arendeforum-unga');
    await bot.say(KARIN, 'ärende ny grupp:unga samtycke:ja Studiestart'); // Karin speaks Swedish
    await as(anna, 'step add UNG-2026-001 @karin@helsingborg.se 2026-12-10 book a meeting');
    await as(anna, 'step add UNG-2026-001 @karin@helsingborg.se 2026-12-11 call the school');
    bot.port.clear();
    expect(await as(anna, 'case edit UNG-2026-001 consent:no')).toBe('Changed in UNG-2026-001: consent: no.');
    await as(anna, 'step edit 1 2026-12-14');
    await as(anna, 'step strike 2 no longer needed');
    expect(await as(anna, 'case erase UNG-2026-001')).toMatch(/^The free text of case UNG-2026-001 is erased/);
    expect(posts()).toEqual([
      'Ärende UNG-2026-001 är ändrat av anna@arbetsformedlingen.se: samtycke: nej.',
      'Åtgärd #1 för UNG-2026-001 är ändrad: senast: 2026-12-14.',
      expect.stringMatching(/^Åtgärd #2 för UNG-2026-001 är struken/),
      expect.stringMatching(/^Fritexten i ärende UNG-2026-001 är raderad/),
    ]);
    const toKarin = bot.port.toMember(KARIN);
    expect(toKarin[0]).toBe('Ärende UNG-2026-001 är ändrat av anna@arbetsformedlingen.se: samtycke: nej.');
    expect(toKarin.slice(1).join('\n')).toMatch(/^Din åtgärd #1 \(UNG-2026-001\)[^]*\nDin åtgärd #2 \(UNG-2026-001\) är struken/);
  });
});

describe('a step given to a new owner', () => {
  it('tells the new owner and the old one, each in their own language, not the typer\'s', async () => {
    await bot.say(ANNA, 'ärende ny grupp:unga samtycke:ja Studiestart');
    await bot.say(ANNA, 'åtgärd ny UNG-2026-001 @karin@helsingborg.se 2026-12-10 boka trepartssamtal');
    await bot.say(OLLE, 'mina'); // Olle and Karin speak Swedish; Anna types English
    bot.port.clear();
    expect(await as(en(ANNA), 'step edit 1 @olle@helsingborg.se')).toBe('Next step #1 for UNG-2026-001 was changed: owner: olle@helsingborg.se.');
    expect(bot.port.toMember(OLLE).join('\n')).toMatch(/^Du är nu ägare till åtgärd #1/);
    expect(bot.port.toMember(KARIN)).toEqual(['Åtgärd #1 (UNG-2026-001) har fått en ny ägare: olle@helsingborg.se. Du påminns inte längre om den.']);
  });

  it('an English new owner reads English, the Swedish old owner Swedish', async () => {
    await bot.say(ANNA, 'ärende ny grupp:unga samtycke:ja Studiestart');
    await bot.say(ANNA, 'åtgärd ny UNG-2026-001 @karin@helsingborg.se 2026-12-10 boka trepartssamtal');
    await as(en(OLLE), 'mine');
    bot.port.clear();
    await bot.say(ANNA, 'åtgärd ändra 1 @olle@helsingborg.se');
    expect(bot.port.toMember(OLLE).join('\n')).toMatch(/^You now own next step #1 in Ärendeforum unga 18–29 \(UNG-2026-001\)/);
    expect(bot.port.toMember(KARIN)).toEqual(['Åtgärd #1 (UNG-2026-001) har fått en ny ägare: olle@helsingborg.se. Du påminns inte längre om den.']);
  });
});

describe('a forum whose language is English', () => {
  it('gets English channel posts from a Swedish typer; the Swedish typer still reads Swedish', async () => {
    const base = loadFileConfig();
    const config = { ...base, forums: base.forums.map((f) => (f.key === 'arendeforum-unga' ? { ...f, language: 'en' as const } : f)) };
    const b = await createTestBot(database, { config });
    await b.say(ANNA, 'koppla arendeforum-unga');
    await b.say(ANNA, 'ärende ny grupp:etablering,utbildningsplikt samtycke:ja Nyanländ, ska börja SFI');
    await b.say(ANNA, 'åtgärd ny UNG-2026-001 @karin@helsingborg.se 2026-12-10 boka trepartssamtal');
    b.port.clear();
    // The scheduled agenda, two working days before the meeting of 3 December.
    await tickAt(b, at('2026-12-01', '08:00'));
    expect(b.port.toChannel('unga')).toEqual([expect.stringMatching(/^Agenda – Ärendeforum unga 18–29, Thursday 2026-12-03 at 13:00\n/)]);
    b.port.clear();
    await b.say(ANNA, 'överlämning ny sfi UNG-2026-001 @karin@helsingborg.se');
    await b.say(KARIN, 'överlämning svar 1 startdatum=2027-01-12 nivå=1 skola=Komvux Norra omfattning=23 sfi-kontakt=@olle@helsingborg.se');
    await b.say(ANNA, 'ärende ändra UNG-2026-001 grupp:unga');
    await b.say(ANNA, 'åtgärd ändra 1 2026-12-14');
    expect(await b.say(ANNA, 'dagordning')).toMatch(/^Dagordning – /); // shell: to her alone
    b.clock.set('2026-12-03T13:00:00+01:00');
    await b.say(ANNA, 'möte start');
    await b.say(ANNA, 'möte beslut Vi bokar ett trepartssamtal');
    await b.say(ANNA, 'möte nästa');
    await b.say(ANNA, 'möte avsluta');
    const p = b.port.toChannel('unga');
    expect(p[0]).toBe('Handover #1 for UNG-2026-001: SFI-startdatum – answer from karin@helsingborg.se (Helsingborgs stad) due 2026-12-15.');
    expect(p).toContain('Handover #1 (UNG-2026-001, SFI-startdatum) is answered.');
    expect(p).toContain('Case UNG-2026-001 was changed by anna@arbetsformedlingen.se: target group: Unga 18–29.');
    expect(p).toContain('Next step #1 for UNG-2026-001 was changed: due: 2026-12-14.');
    expect(p.find((t) => t.includes('\nThe meeting has started: Ärendeforum unga 18–29'))).toContain('Item 1 of 1: UNG-2026-001');
    expect(p).toContain('Decision under UNG-2026-001: Vi bokar ett trepartssamtal');
    expect(p).toContain('All items are done. Type `meeting end` for the minutes.');
    expect(p.at(-1)).toMatch(/^Minutes – Ärendeforum unga 18–29, 2026-12-03/);
    expect(p.filter((t) => /^(Mötet |Punkt \d|Beslut |Överlämning #|Ärende [A-Z]|Åtgärd #|Protokoll –|Dagordning –|Alla punkter)/m.test(t))).toEqual([]);
  });
});
