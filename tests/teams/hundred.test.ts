// A forum with 100 open cases and 100 steps in Teams: agenda, lists and minutes come whole as several
// cards, each under Teams' ~28 KB and clean under Microsoft's Adaptive Cards parser at 1.5; a 413 from
// Teams is retried in smaller cards, never dropped.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Identity } from '../../src/core/model.js';
import { openTestDatabase, type TestDatabase } from '../helpers/db.js';
import { cardText, FakeConnector, startTeamsRig, type TeamsRig } from '../helpers/teams.js';
import { cardProblems } from '../helpers/validators.js';
import { anna, CHANNEL, karin, message, TENANT } from './activities.js';

let database: TestDatabase;
let connector: FakeConnector;
let rig: TeamsRig;

beforeAll(async () => {
  database = await openTestDatabase();
  connector = await new FakeConnector().start();
  connector.roster.push(anna, karin);
});
afterAll(async () => {
  await connector.stop();
  await database.close();
});
beforeEach(async () => {
  rig = await startTeamsRig(database, connector);
  return () => rig.close();
});

const N = 100;
const codes = Array.from({ length: N }, (_, i) => `UNG-2026-${String(i + 1).padStart(3, '0')}`);
const ANNA: Identity = { platform: 'teams', externalId: anna.aadObjectId, email: anna.email, displayName: anna.name, tenantId: TENANT, language: 'sv' };
const say = (text: string) => rig.post(message(anna, text, { serviceUrl: connector.url }));

async function hundred() {
  expect((await say('koppla arendeforum-unga')).status).toBe(200);
  const input = { identity: ANNA, channel: { platform: 'teams' as const, id: CHANNEL }, resolveMention: async () => ANNA };
  for (const [i, code] of codes.entries()) {
    expect((await rig.core.handle({ ...input, text: `ärende ny grupp:unga samtycke:ja Behov nummer ${i + 1} kring studiestart och samplanering` })).ok).toBe(true);
    expect((await rig.core.handle({ ...input, text: `åtgärd ny ${code} @anna +3 boka trepartssamtal nummer ${i + 1}` })).ok).toBe(true);
  }
  await rig.deliverer.deliver();
  connector.clear();
}

function cardsOf(activities: { body: Record<string, any> }[]) {
  return activities.flatMap((a) => (a.body.attachments ?? []).map((x: { content: unknown }) => x.content));
}

describe('100 open cases in Teams', () => {
  it('agenda, case list and minutes arrive whole, each card valid at 1.5 and under 28 KB', { timeout: 90_000 }, async () => {
    await hundred();
    await say('dagordning');
    const agenda = connector.activities();
    expect(agenda.length).toBeGreaterThan(1);
    const agendaText = agenda.map((a) => cardText(a.body)).join('\n');
    for (const code of codes) expect(agendaText).toContain(code);
    for (const card of cardsOf(agenda)) expect(cardProblems(card)).toEqual([]);

    connector.clear();
    await say('ärende lista');
    const list = connector.activities();
    for (const code of codes) expect(list.map((a) => cardText(a.body)).join('\n')).toContain(code);
    for (const card of cardsOf(list)) expect(cardProblems(card)).toEqual([]);

    connector.clear();
    await say('mina');
    const mine = connector.activities().map((a) => cardText(a.body)).join('\n');
    for (let i = 1; i <= N; i++) expect(mine).toContain(`boka trepartssamtal nummer ${i}`);

    // Teams refuses the first minutes card as too large: it comes again in smaller cards.
    connector.clear();
    rig.clock.set('2026-12-03T13:00:00+01:00');
    await say('möte start');
    await rig.deliverer.deliver();
    connector.clear();
    connector.failures.push({ status: 413 });
    await say('möte avsluta');
    await rig.deliverer.deliver();
    const minutes = connector.activities(CHANNEL).filter((a) => /Protokoll/.test(cardText(a.body)));
    const minutesText = minutes.map((a) => cardText(a.body)).join('\n');
    expect(minutesText).toContain('Avslutade ärenden');
    expect(minutesText).toContain('Överförs till nästa möte');
    for (const code of codes) expect(minutesText).toContain(code);
    for (const card of cardsOf(minutes)) expect(cardProblems(card)).toEqual([]);
  });
});
