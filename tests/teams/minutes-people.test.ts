// The minutes posted in the Teams channel say who was there, who chaired and kept the minutes, and who
// approved them when — the same as the protokoll's PDF, never "…".
import { describe, expect, it } from 'vitest';
import { cardText, useTeamsRig } from '../helpers/teams.js';
import { cardProblems } from '../helpers/validators.js';
import { anna, CHANNEL, karin, message, personMention } from './activities.js';

const teams = useTeamsRig([anna, karin]);
const say = (from: typeof anna, text: string, entities: unknown[] = []) => teams.rig.post(message(from, text, { serviceUrl: teams.connector.url, entities }));

describe('minutes in the Teams channel', () => {
  it('show attendance, chair, secretary and each approver with the time', { timeout: 60_000 }, async () => {
    expect((await say(anna, 'koppla arendeforum-unga')).status).toBe(200);
    await say(anna, 'ärende ny grupp:unga samtycke:ja Behöver samplanering kring studiestart');
    teams.rig.clock.set('2026-12-03T13:00:00+01:00');
    await say(anna, 'möte start');
    await say(karin, 'möte beslut Vi bokar ett trepartssamtal');
    teams.rig.clock.set('2026-12-03T14:00:00+01:00');
    await say(anna, 'möte avsluta');
    await teams.rig.deliverer.deliver();
    const draft = teams.connector.texts(CHANNEL).filter((t) => t.includes('Protokoll –')).join('\n');
    // Before `möte närvaro`: those who acted, said to be unconfirmed; the coordinator chairs.
    expect(draft).toContain('Närvarande: Anna AF (Arbetsförmedlingen), Karin HBG (Helsingborgs stad) (de som agerade under mötet; ej bekräftat av samordnaren)');
    expect(draft).toContain('Ordförande: Anna AF (Arbetsförmedlingen)');
    expect(draft).toContain('Sekreterare: ej angiven');

    await say(anna, `möte närvaro <at>${anna.name}</at> <at>${karin.name}</at> sekreterare:<at>${karin.name}</at>`, [personMention(anna), personMention(karin)]);
    teams.connector.clear();
    teams.rig.clock.set('2026-12-03T15:10:00+01:00');
    await say(anna, 'protokoll justera');
    teams.rig.clock.set('2026-12-04T09:05:00+01:00');
    await say(karin, 'protokoll justera');
    await teams.rig.deliverer.deliver();
    const posted = teams.connector.activities(CHANNEL).filter((a) => cardText(a.body).includes('Protokoll –'));
    const approved = posted.map((a) => cardText(a.body)).join('\n');
    expect(approved).toContain('Närvarande: Anna AF (Arbetsförmedlingen), Karin HBG (Helsingborgs stad)');
    expect(approved).not.toContain('ej bekräftat');
    expect(approved).toContain('Sekreterare: Karin HBG (Helsingborgs stad)');
    expect(approved).toContain('Justerat av: Anna AF (Arbetsförmedlingen) 2026-12-03 15:10\nKarin HBG (Helsingborgs stad) 2026-12-04 09:05');
    expect(approved).not.toContain('…');
    for (const a of posted) for (const c of a.body.attachments) expect(cardProblems(c.content)).toEqual([]);
  });
});
