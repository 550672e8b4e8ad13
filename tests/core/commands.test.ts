// The foundation's commands, typed as a user types them, on a real database.
import { describe, expect, it } from 'vitest';
import { ANNA, KARIN, OLLE, STRANGER, useTestBot } from '../helpers/bot.js';

const { bot } = useTestBot();

async function linkedUnga() {
  await bot.say(ANNA, 'koppla arendeforum-unga');
}

describe('linking a channel', () => {
  it('binds the channel, names the next meeting and makes the linker coordinator', async () => {
    const out = await bot.say(ANNA, 'koppla arendeforum-unga');
    expect(out).toContain('Ärendeforum unga 18–29');
    expect(out).toContain('torsdag 2026-12-03 kl. 13:00');
    expect((await bot.store.forums.byKey('arendeforum-unga'))?.coordinatorMemberId).not.toBeNull();
  });

  it('refuses an unknown forum and lists the real ones', async () => {
    const out = await bot.say(ANNA, 'koppla finns-inte');
    expect(out).toContain('arendeforum-unga');
    expect(await bot.store.forums.byChannel('shell', 'unga')).toBeNull();
  });

  it('refuses someone else taking a linked forum to another channel', async () => {
    await linkedUnga();
    const out = await bot.say(KARIN, 'koppla arendeforum-unga', 'annan');
    expect(out).toMatch(/redan kopplat/);
    expect((await bot.store.forums.byKey('arendeforum-unga'))?.channelId).toBe('unga');
  });
});

describe('cases', () => {
  it('raises a case with a per-forum code and posts it to the channel', async () => {
    await linkedUnga();
    await bot.say(ANNA, 'ärende ny grupp:unga samtycke:ja Behöver samplanering kring studiestart');
    await bot.say(KARIN, 'ärende ny grupp:ekonomiskt-bistand Behöver stöd kring ekonomi');
    const posts = bot.port.toChannel('unga');
    expect(posts[0]).toContain('Ärende UNG-2026-001 registrerat i Ärendeforum unga 18–29');
    expect(posts[0]).toContain('torsdag 2026-12-03 kl. 13:00');
    expect(posts[1]).toContain('UNG-2026-002');
    const list = await bot.say(OLLE, 'ärende lista');
    expect(list).toContain('Öppna ärenden i Ärendeforum unga 18–29 (2)');
    expect(list).toContain('UNG-2026-001');
    // Without consent only code, target group and category show (issue 7); with consent the raiser too.
    expect(list).toContain('Lyft av: Arbetsförmedlingen');
    expect(list).not.toContain('Lyft av: Helsingborgs stad');
  });

  it('shows the question only with consent', async () => {
    await linkedUnga();
    await bot.say(ANNA, 'ärende ny samtycke:nej Behöver samplanering');
    const list = await bot.say(KARIN, 'ärende lista');
    expect(list).not.toContain('Behöver samplanering');
    expect(list).toContain('utan samtycke');
  });

  it('shows one case with its steps and closes it with an outcome', async () => {
    await linkedUnga();
    await bot.say(ANNA, 'ärende ny grupp:unga samtycke:ja Studiestart');
    await bot.say(ANNA, 'åtgärd ny UNG-2026-001 @karin@helsingborg.se 2026-12-10 boka trepartssamtal');
    const shown = await bot.say(KARIN, 'ärende visa ung-2026-001');
    expect(shown).toContain('Ärende UNG-2026-001');
    expect(shown).toContain('boka trepartssamtal');
    expect(shown).toContain('karin@helsingborg.se');
    await bot.say(ANNA, 'ärende avsluta UNG-2026-001 studier');
    expect(bot.port.toChannel('unga').at(-1)).toContain('avslutat med utfall: studier');
    expect(await bot.say(ANNA, 'ärende lista')).toContain('Inga öppna ärenden');
    expect(await bot.say(ANNA, 'ärende avsluta UNG-2026-001 arbete')).toContain('redan avslutat');
  });

  it('does not reveal a case of another forum', async () => {
    await linkedUnga();
    await bot.say(ANNA, 'ärende ny Studiestart');
    await bot.say(ANNA, 'koppla arendeforum-vuxna', 'vuxna');
    expect(await bot.say(ANNA, 'ärende visa UNG-2026-001', 'vuxna')).toBe('Hittar inget ärende UNG-2026-001 i det här forumet.');
  });

  it('answers in English when spoken to in English', async () => {
    await bot.say(ANNA, 'link arendeforum-unga');
    await bot.say(ANNA, 'case new group:unga consent:yes Needs joint planning');
    expect(await bot.say(ANNA, 'case list')).toContain('Open cases in Ärendeforum unga 18–29 (1)');
    expect(await bot.say(ANNA, 'case show XX')).toBe('"XX" is not a case code. A code looks like UNG-2026-017.');
  });
});

describe('next steps and mine', () => {
  it('tells the owner, lists it under mina, and marks it done', async () => {
    await linkedUnga();
    await bot.say(ANNA, 'ärende ny Studiestart');
    await bot.say(ANNA, 'åtgärd ny UNG-2026-001 @karin@helsingborg.se +3 boka trepartssamtal');
    expect(bot.port.toMember(KARIN)[0]).toContain('Du är ägare till åtgärd #1');
    expect(bot.port.toMember(KARIN)[0]).toContain('2026-11-30');
    const mine = await bot.say(KARIN, 'mina');
    expect(mine).toContain('#1 UNG-2026-001: boka trepartssamtal – senast 2026-11-30');
    expect(await bot.say(KARIN, 'åtgärd klar 1')).toContain('Åtgärd #1 (UNG-2026-001) är klar.');
    expect(await bot.say(KARIN, 'mina')).toBe('Du har inga öppna åtgärder eller överlämningar.');
  });
});

describe('topics', () => {
  it('adds topics in a topic forum and refuses them in a case forum', async () => {
    await bot.say(KARIN, 'koppla ung-helsingborg', 'uhb');
    await bot.say(KARIN, 'fråga ny Hur når vi fler unga som inte har kontakt med AF?', 'uhb');
    expect(bot.port.toChannel('uhb')[0]).toContain('Hur når vi fler unga');
    expect(await bot.say(KARIN, 'dagordning', 'uhb')).toContain('Hur når vi fler unga');
    await linkedUnga();
    expect(await bot.say(ANNA, 'fråga ny något')).toContain('ärendeforum');
  });
});

describe('agenda', () => {
  it('lists the next meeting with its open cases', async () => {
    await linkedUnga();
    await bot.say(ANNA, 'ärende ny grupp:unga samtycke:ja Studiestart');
    const out = await bot.say(KARIN, 'dagordning');
    expect(out).toContain('Dagordning – Ärendeforum unga 18–29, torsdag 2026-12-03 kl. 13:00');
    expect(out).toContain('UNG-2026-001 (ny) · Målgrupp: Unga 18–29 · Samtycke: ja · Lyft av: Arbetsförmedlingen');
  });
});

describe('bad input changes nothing', () => {
  const bad: [string, RegExp][] = [
    ['blaha', /Okänt kommando "blaha"/],
    ['ärende', /Kommandot är ofullständigt/],
    ['ärende ny', /.*/],
    ['ärende visa UNG-2026-999', /Hittar inget ärende UNG-2026-999/],
    ['ärende avsluta UNG-2026-001 semester', /Okänt utfall "semester"/],
    ['ärende ny samtycke:kanske text', /Okänt samtycke/],
    ['ärende ny grupp:pensionärer text', /Okänd målgrupp "pensionarer"/],
    ['åtgärd ny UNG-2026-001 @karin@helsingborg.se 2026-02-30 gör något', /"2026-02-30" går inte som datum: februari har inte 30 dagar/],
    ['åtgärd ny UNG-2026-001 @karin@helsingborg.se 2020-01-01 gör något', /har redan passerat/],
    ['åtgärd ny UNG-2026-001 karin boka', /är ingen ärendekod|ingen person/],
    ['åtgärd ny UNG-2026-001 @nobody@example.org fredag boka', /Hittar ingen @nobody@example.org/],
    ['åtgärd klar 999', /Hittar ingen åtgärd #999/],
    ['åtgärd klar abc', /inget giltigt nummer/],
  ];
  it.each(bad)('%s', async (line, expected) => {
    await linkedUnga();
    await bot.say(ANNA, 'ärende ny grupp:unga Studiestart');
    const before = await bot.say(ANNA, 'ärende visa UNG-2026-001');
    const postsBefore = bot.port.sent.length;
    const out = await bot.say(ANNA, line);
    expect(out).toMatch(expected);
    expect(await bot.say(ANNA, 'ärende visa UNG-2026-001')).toBe(before);
    expect(bot.port.sent.length).toBe(postsBefore);
    expect((await bot.store.cases.open('arendeforum-unga')).length).toBe(1);
  });

  it('refuses identity data and stores none of it', async () => {
    await linkedUnga();
    const email = ['kalle', 'example.org'].join('@');
    expect(await bot.say(ANNA, `ärende ny Kontakta ${email} om studiestart`)).toMatch(/en e-postadress.*inget sparades/);
    expect(await bot.say(ANNA, 'ärende ny Ring 070-174 06 50 imorgon')).toMatch(/ett telefonnummer/);
    expect(await bot.store.cases.open('arendeforum-unga')).toEqual([]);
  });

  it('an unknown organisation sees nothing', async () => {
    await linkedUnga();
    await bot.say(ANNA, 'ärende ny grupp:unga samtycke:ja Studiestart');
    const out = await bot.say(STRANGER, 'ärende lista');
    expect(out).toMatch(/tillhör ingen av forumets organisationer/);
    expect(out).not.toContain('UNG-2026-001');
    expect(await bot.say(STRANGER, 'dagordning')).not.toContain('UNG-2026-001');
  });

  it('an unlinked channel is told how to link it', async () => {
    expect(await bot.say(ANNA, 'ärende lista', 'nowhere')).toMatch(/inte kopplad/);
  });
});
