// A forum with 100 open cases and 100 steps in Teams: agenda, lists and minutes come whole as several
// cards, each under Teams' ~28 KB and clean under Microsoft's Adaptive Cards parser at 1.5; a 413 from
// Teams is retried in smaller cards, never dropped.
import { describe, expect, it } from 'vitest';
import type { Identity } from '../../src/core/model.js';
import { cardText, useTeamsRig } from '../helpers/teams.js';
import { cardProblems } from '../helpers/validators.js';
import { anna, CHANNEL, karin, message, TENANT } from './activities.js';

const teams = useTeamsRig([anna, karin]);

const N = 100;
const codes = Array.from({ length: N }, (_, i) => `UNG-2026-${String(i + 1).padStart(3, '0')}`);
const ANNA: Identity = { platform: 'teams', externalId: anna.aadObjectId, email: anna.email, displayName: anna.name, tenantId: TENANT, language: 'sv' };
const say = (text: string) => teams.rig.post(message(anna, text, { serviceUrl: teams.connector.url }));

async function hundred() {
  expect((await say('koppla arendeforum-unga')).status).toBe(200);
  const input = { identity: ANNA, channel: { platform: 'teams' as const, id: CHANNEL }, resolveMention: async () => ANNA };
  for (const [i, code] of codes.entries()) {
    expect((await teams.rig.core.handle({ ...input, text: `ärende ny grupp:unga samtycke:ja Behov nummer ${i + 1} kring studiestart och samplanering` })).ok).toBe(true);
    expect((await teams.rig.core.handle({ ...input, text: `åtgärd ny ${code} @anna +3 boka trepartssamtal nummer ${i + 1}` })).ok).toBe(true);
  }
  await teams.rig.deliverer.deliver();
  teams.connector.clear();
}

function cardsOf(activities: { body: Record<string, any> }[]) {
  return activities.flatMap((a) => (a.body.attachments ?? []).map((x: { content: unknown }) => x.content));
}

describe('100 open cases in Teams', () => {
  it('agenda, case list and minutes arrive whole, each card valid at 1.5 and under 28 KB', { timeout: 90_000 }, async () => {
    await hundred();
    await say('dagordning');
    const agenda = teams.connector.activities();
    expect(agenda.length).toBeGreaterThan(1);
    const agendaText = agenda.map((a) => cardText(a.body)).join('\n');
    for (const code of codes) expect(agendaText).toContain(code);
    for (const card of cardsOf(agenda)) expect(cardProblems(card)).toEqual([]);

    teams.connector.clear();
    await say('ärende lista');
    const list = teams.connector.activities();
    for (const code of codes) expect(list.map((a) => cardText(a.body)).join('\n')).toContain(code);
    for (const card of cardsOf(list)) expect(cardProblems(card)).toEqual([]);

    teams.connector.clear();
    await say('mina');
    const mine = teams.connector.activities().map((a) => cardText(a.body)).join('\n');
    for (let i = 1; i <= N; i++) expect(mine).toContain(`boka trepartssamtal nummer ${i}`);

    // Teams refuses the first minutes card as too large: it comes again in smaller cards.
    teams.connector.clear();
    teams.rig.clock.set('2026-12-03T13:00:00+01:00');
    await say('möte start');
    await teams.rig.deliverer.deliver();
    teams.connector.clear();
    teams.connector.failures.push({ status: 413 });
    await say('möte avsluta');
    await teams.rig.deliverer.deliver();
    const minutes = teams.connector.activities(CHANNEL).filter((a) => /Protokoll/.test(cardText(a.body)));
    const minutesText = minutes.map((a) => cardText(a.body)).join('\n');
    expect(minutesText).toContain('Avslutade ärenden');
    expect(minutesText).toContain('Överförs till nästa möte');
    for (const code of codes) expect(minutesText).toContain(code);
    for (const card of cardsOf(minutes)) expect(cardProblems(card)).toEqual([]);
  });
});
