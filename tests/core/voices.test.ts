// Whose language (issue 18): one person typing English in a Swedish forum gets their own answers in
// English, but the channel's posts stay in the forum's language and each direct message is in its
// receiver's language; a step marked done by someone else is told to its owner.
import { describe, expect, it } from 'vitest';
import { ANNA, KARIN, OLLE, useTestBot } from '../helpers/bot.js';

const { bot } = useTestBot({
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
