// The digests at the Teams wire (issue 18): one tick, and the owner's direct-message digest and the
// forum's channel digest arrive at the Bot Framework connector — each in its own conversation, as one
// Adaptive Card that Microsoft's parser takes at 1.5 — with the lines a person reads.
import { describe, expect, it } from 'vitest';
import { loadFileConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { runTick } from '../../src/scheduler/tick.js';
import { at } from '../helpers/tick.js';
import { cardText, useTeamsRig, type Recorded } from '../helpers/teams.js';
import { cardProblems } from '../helpers/validators.js';
import { anna, CHANNEL, karin, message, personMention } from './activities.js';

const teams = useTeamsRig([anna, karin]);
const say = (text: string, entities: unknown[] = []) => teams.rig.post(message(anna, text, { serviceUrl: teams.connector.url, entities }));

/** The one Adaptive Card of an activity (and that it is one, of the Adaptive Card content type). */
function cardOf(r: Recorded): Record<string, unknown> {
  expect(r.body.attachments).toHaveLength(1);
  expect(r.body.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
  return r.body.attachments[0].content;
}

describe('the digests through Teams', () => {
  it('a tick posts the owner her DM digest and the channel its overdue digest, as valid 1.5 cards', async () => {
    expect((await say('koppla arendeforum-unga')).status).toBe(200);
    await say('ärende ny grupp:unga samtycke:ja Behöver samplanering kring studiestart');
    // Two steps for Karin, due Friday 27 November (the clock is Wednesday 25 November).
    await say(`åtgärd ny UNG-2026-001 <at>${karin.name}</at> fredag boka trepartssamtal`, [personMention(karin)]);
    await say(`åtgärd ny UNG-2026-001 <at>${karin.name}</at> fredag ringa skolan`, [personMention(karin)]);
    await teams.rig.deliverer.deliver();
    teams.connector.clear();

    // Wednesday 2 December, 08:00: three working days late — Karin's reminders and the channel's list.
    teams.rig.clock.set(at('2026-12-02', '08:00'));
    await runTick({ store: teams.rig.store, config: loadFileConfig(), deliverer: teams.rig.deliverer, logger: createLogger('silent') }, teams.rig.clock.now());

    // (The agenda of Thursday's meeting is due in the channel the same morning: it is not the digest.)
    const channel = teams.connector.activities(CHANNEL).filter((r) => !cardText(r.body).startsWith('Dagordning'));
    expect(channel).toHaveLength(1);
    const channelCard = cardOf(channel[0]);
    expect(channelCard).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(cardProblems(channelCard)).toEqual([]);
    expect(cardText(channel[0].body).split('\n')).toEqual(
      expect.arrayContaining([
        'Försenat i Ärendeforum unga 18–29 idag (2):',
        expect.stringMatching(/Karin HBG:$/),
        expect.stringMatching(/åtgärd #1 \(UNG-2026-001\) boka trepartssamtal – senast 2026-11-27, 3 arbetsdagar försenad$/),
        expect.stringMatching(/åtgärd #2 \(UNG-2026-001\) ringa skolan – senast 2026-11-27, 3 arbetsdagar försenad$/),
      ]),
    );

    const dm = teams.connector.activities(`a:dm-${karin.id}`);
    expect(dm).toHaveLength(1);
    const dmCard = cardOf(dm[0]);
    expect(dmCard).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(cardProblems(dmCard)).toEqual([]);
    const dmText = cardText(dm[0].body);
    expect(dmText).toContain('Dina påminnelser idag (2):');
    expect(dmText).toMatch(/åtgärd #1 \(UNG-2026-001\) boka trepartssamtal – skulle vara klar 2026-11-27, fortfarande öppen/);
    expect(dmText).toMatch(/åtgärd #2 \(UNG-2026-001\) ringa skolan – skulle vara klar 2026-11-27, fortfarande öppen/);
    // The owner's digest goes to her alone: nothing of it in the channel, and the channel's not to her.
    expect(cardText(channel[0].body)).not.toContain('Dina påminnelser');
    expect(dmText).not.toContain('Försenat i Ärendeforum');

    // Another tick the same day sends neither again.
    teams.connector.clear();
    teams.rig.clock.set(at('2026-12-02', '12:00'));
    await runTick({ store: teams.rig.store, config: loadFileConfig(), deliverer: teams.rig.deliverer, logger: createLogger('silent') }, teams.rig.clock.now());
    expect(teams.connector.activities(CHANNEL)).toEqual([]);
    expect(teams.connector.activities(`a:dm-${karin.id}`)).toEqual([]);
  });
});
