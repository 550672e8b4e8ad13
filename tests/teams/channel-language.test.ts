// Whose language at the Teams wire (issue 18): in a Teams channel every answer to a command is a reply
// the whole channel reads, so it is in the forum's language (Ärendeforum unga: Swedish) whoever typed
// it and whatever their client's language; the same person in their personal chat reads their own.
import { describe, expect, it } from 'vitest';
import { at } from '../helpers/tick.js';
import { cardText, useTeamsRig } from '../helpers/teams.js';
import { anna, CHANNEL, karin, message, personMention } from './activities.js';

const teams = useTeamsRig([anna, karin]);
/** Anna types `text` (a Swedish client unless `locale`); what the bot sent, as `where: text`. */
const say = async (text: string, o: { locale?: string; personal?: boolean; entities?: unknown[] } = {}) => {
  teams.connector.clear();
  expect((await teams.rig.post(message(anna, text, { serviceUrl: teams.connector.url, ...o }))).status).toBe(200);
  await teams.rig.deliverer.deliver();
  return teams.connector.activities().map((r) => `${r.conversationId.startsWith(CHANNEL) ? 'channel' : 'personal'}: ${cardText(r.body)}`);
};
const english = { locale: 'en-US' };
const karinNamed = { entities: [personMention(karin)] };

describe('an English-speaking member in a Swedish forum\'s Teams channel', () => {
  it('reads every answer in the channel in Swedish, and her personal chat in English', async () => {
    await say('koppla arendeforum-unga');
    await say('ärende ny grupp:unga samtycke:ja Behöver samplanering kring studiestart');
    await say(`åtgärd ny UNG-2026-001 <at>${karin.name}</at> 2026-12-10 boka trepartssamtal`, karinNamed);
    await say(`överlämning ny sfi UNG-2026-001 <at>${karin.name}</at>`, karinNamed);
    teams.rig.clock.set(at('2026-12-03', '13:00')); // Thursday: the meeting's day

    expect(await say('case list', english)).toEqual([expect.stringMatching(/^channel: Öppna ärenden i Ärendeforum unga 18–29 \(1\)\n• UNG-2026-001 · Målgrupp: Unga 18–29 · Samtycke: ja/)]);
    expect(await say('handover show 1', english)).toEqual([expect.stringMatching(/^channel: Överlämning #1: SFI-startdatum \(UNG-2026-001\)\nInte besvarad än – Karin HBG/)]);
    expect(await say('meeting start', english)).toEqual([expect.stringMatching(/^channel: Ärendeforum unga 18–29\nMötet har börjat: .*torsdag 2026-12-03 kl\. 13:00/)]);
    expect(await say('meeting attendance <at>Anna AF</at>', { ...english, entities: [personMention(anna)] })).toEqual(['channel: Närvaro för mötet 2026-12-03: Anna AF (Arbetsförmedlingen). Ordförande: ej angiven. Sekreterare: ej angiven.']);
    await say('meeting end', english);
    const minutes = await say('minutes show', english);
    expect(minutes).toEqual([expect.stringMatching(/^channel: Protokoll – Ärendeforum unga 18–29, 2026-12-03\nDatum: 2026-12-03 13:00\n/)]);
    expect(minutes[0]).toContain('Överförs till nästa möte');
    expect(minutes[0]).toContain('[Justera protokollet]');
    expect(await say('report 2026-Q4', english)).toEqual([expect.stringMatching(/^channel: Uppföljning 2026-Q4 – Ärendeforum unga 18–29\nUnderlag per 2026-12-03\.\nAnmälda ärenden: 1\n[^]*\nDiagrammet kan inte visas här: servern saknar SAMRAD_PUBLIC_URL/)]);
    // A refusal in the channel is read by everyone too.
    expect(await say('case show UNG-2026-999', english)).toEqual(['channel: Hittar inget ärende UNG-2026-999 i det här forumet.']);
    expect(await say('case frobnicate', english)).toEqual([expect.stringMatching(/^channel: Kommandot är ofullständigt eller har för många delar\. Så här: `ärende ny /)]);

    // Alone with the bot, the same person reads English.
    expect(await say('mine', { ...english, personal: true })).toEqual([expect.stringMatching(/^personal: You have no open/)]);
    expect(await say('case list', { ...english, personal: true })).toEqual([expect.stringMatching(/^personal: In a direct message you see only your own/)]);
    // And a Swedish client in the channel still reads Swedish (nothing else changed).
    expect(await say('ärende lista')).toEqual([expect.stringMatching(/^channel: Öppna ärenden i Ärendeforum unga 18–29 \(1\)/)]);
  });
});
