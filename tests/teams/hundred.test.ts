// A forum with 100 open cases and 100 steps in Teams: agenda and minutes come whole as several cards,
// `ärende lista` and `mina` a page a card with "Visa fler" (Action.Execute and Action.Submit); every
// card under Teams' ~28 KB and clean under Microsoft's Adaptive Cards parser at 1.5; a 413 from Teams
// is retried in smaller cards, never dropped.
import { describe, expect, it } from 'vitest';
import type { Identity } from '../../src/core/model.js';
import { cardText, useTeamsRig } from '../helpers/teams.js';
import { cardProblems } from '../helpers/validators.js';
import { anna, CHANNEL, execute, karin, message, submit, TENANT } from './activities.js';

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

/** The "Visa fler" button's data in a card, if it has one. */
function moreData(card: any): Record<string, unknown> | null {
  const found = JSON.stringify(card).match(/"title":"Visa fler[^"]*","verb":"samrad","data":(\{[^}]*\})/);
  return found ? JSON.parse(found[1]) : null;
}

/** Presses "Visa fler" on each card until there is none; every later page as one card. */
async function pressThrough(card: any, how: 'execute' | 'submit'): Promise<any[]> {
  const pages: any[] = [];
  for (let data = moreData(card); data; data = moreData(pages.at(-1))) {
    expect(pages.length).toBeLessThan(10);
    teams.connector.clear();
    if (how === 'execute') {
      const res = await teams.rig.post(execute(anna, data, { serviceUrl: teams.connector.url }));
      expect(res.status).toBe(200);
      expect(teams.connector.activities()).toEqual([]);
      pages.push(res.body.value);
    } else {
      expect((await teams.rig.post(submit(anna, data, { serviceUrl: teams.connector.url }))).status).toBe(200);
      const cards = cardsOf(teams.connector.activities());
      expect(cards).toHaveLength(1);
      pages.push(cards[0]);
    }
  }
  return pages;
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

    // `ärende lista` a page at a time, "Visa fler" pressed as Action.Execute (the answer replaces the card).
    teams.connector.clear();
    await say('ärende lista');
    const [first, ...more] = cardsOf(teams.connector.activities());
    expect(more).toEqual([]);
    const list = [first, ...(await pressThrough(first, 'execute'))];
    expect(cardText({ attachments: [{ content: list[0] }] })).toContain('Visar 1–20 av 100');
    expect(list).toHaveLength(5);
    const listText = list.map((c) => cardText({ attachments: [{ content: c }] })).join('\n');
    for (const code of codes) expect(listText).toContain(code);
    for (const card of list) expect(cardProblems(card)).toEqual([]);

    // `mina` the same, pressed as Action.Submit (older clients: the answer is a reply).
    teams.connector.clear();
    await say('mina');
    const [mineFirst] = cardsOf(teams.connector.activities());
    const mineCards = [mineFirst, ...(await pressThrough(mineFirst, 'submit'))];
    const mine = mineCards.map((c) => cardText({ attachments: [{ content: c }] })).join('\n');
    for (let i = 1; i <= N; i++) expect(mine).toContain(`boka trepartssamtal nummer ${i}`);
    for (const card of mineCards) expect(cardProblems(card)).toEqual([]);

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
