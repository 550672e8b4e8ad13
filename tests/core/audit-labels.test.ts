// `ärende logg` names every action in words, in the reader's language: never an internal key.
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../src/core/vocabulary.js';
import { messages } from '../../src/i18n/index.js';
import { ANNA, KARIN, OLLE, useTestBot } from '../helpers/bot.js';

const { bot } = useTestBot({ setup: (bot) => bot.say(ANNA, 'koppla arendeforum-unga') });

const rawKeys = (text: string) => AUDIT_ACTIONS.filter((a) => text.includes(a));

describe('the audit log in words', () => {
  it('labels every action there is, in Swedish and in English', async () => {
    await bot.say(KARIN, 'ärende ny samtycke:ja Behöver samplanering kring studiestart');
    const anna = (await bot.store.members.byEmail(ANNA))!;
    for (const [i, action] of AUDIT_ACTIONS.entries()) {
      await bot.store.audit.add({ at: new Date(Date.UTC(2026, 10, 25, 9, i)), actorId: anna.id, actorOrganisationKey: 'af', action, forumKey: 'arendeforum-unga', caseCode: 'UNG-2026-001' });
    }
    const sv = await bot.say(ANNA, 'ärende logg UNG-2026-001');
    const en = await bot.say(ANNA, 'case log UNG-2026-001');
    for (const action of AUDIT_ACTIONS) {
      expect(sv, action).toContain(`: ${messages('sv').auditActions[action]}`);
      expect(en, action).toContain(`: ${messages('en').auditActions[action]}`);
    }
    expect(rawKeys(sv)).toEqual([]);
    expect(rawKeys(en)).toEqual([]);
  });

  it('a meeting walked through its items shows in the log as words, not keys', async () => {
    await bot.say(KARIN, 'ärende ny samtycke:ja Behöver samplanering kring studiestart');
    await bot.say(KARIN, 'ärende ny samtycke:ja Behöver stöd inför praktik');
    await bot.say(ANNA, 'möte start 2026-12-03');
    await bot.say(ANNA, 'möte beslut Vi bokar ett trepartssamtal');
    await bot.say(OLLE, `möte info @${OLLE} skolan om planen`);
    await bot.say(ANNA, 'möte nästa');
    await bot.say(ANNA, 'möte hoppa');
    await bot.say(ANNA, 'möte avsluta');
    const one = await bot.say(ANNA, 'ärende logg UNG-2026-001');
    const two = await bot.say(ANNA, 'ärende logg UNG-2026-002');
    expect(one).toContain('förde in ett beslut om ärendet');
    expect(one).toContain('förde in vem som informerar om ärendet');
    expect(one).toContain('gick igenom ärendet på mötet');
    expect(two).toContain('hoppade över ärendet på mötet');
    expect(rawKeys(one + two)).toEqual([]);
  });

  it('an action this version does not know reads as "annan händelse"', async () => {
    await bot.say(KARIN, 'ärende ny Behöver samplanering');
    await bot.store.audit.add({ at: new Date('2026-11-25T08:30:00Z'), actorId: null, actorOrganisationKey: null, action: 'case.teleport', forumKey: 'arendeforum-unga', caseCode: 'UNG-2026-001' });
    const out = await bot.say(ANNA, 'ärende logg UNG-2026-001');
    expect(out).toContain('Samråd (gallring) (–): annan händelse');
    expect(out).not.toContain('case.teleport');
  });
});
