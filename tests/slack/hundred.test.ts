// A forum with 100 open cases and 100 steps in Slack: the agenda, the minutes, `ärende lista`, `mina`
// and App Home come whole (split into several posts where one would pass Slack's limits), and every
// post passes Slack's documented Block Kit limits.
import { describe, expect, it } from 'vitest';
import type { KnownBlock as AnyBlock, View } from '@slack/types';
import type { Identity } from '../../src/core/model.js';
import { useSlackServer, visibleText } from '../helpers/slack.js';
import { slackMessageProblems, slackViewProblems } from '../helpers/validators.js';

const C = 'CUNGA01';
const USERS = [
  { id: 'UANNA', name: 'Anna', email: 'anna@arbetsformedlingen.se', locale: 'sv-SE' },
  { id: 'UKARIN', name: 'Karin', email: 'karin@helsingborg.se', locale: 'sv-SE' },
];
const ANNA: Identity = { platform: 'slack', externalId: 'UANNA', email: 'anna@arbetsformedlingen.se', displayName: 'Anna', language: 'sv' };

const { fake, s } = useSlackServer(USERS);
const N = 100;

async function forum(user: string, text: string) {
  const responseUrl = fake.responseUrl();
  expect((await s.client.command({ user, channel: C, text, responseUrl })).status).toBe(200);
  return responseUrl;
}

/** Everything posted to one response URL, once the last of `expected` texts has arrived. */
async function answers(responseUrl: string, last: string) {
  await fake.waitFor((c) => c.url === responseUrl && visibleText(c.body).includes(last), `${last} at ${responseUrl}`);
  return fake.calls.filter((c) => c.url === responseUrl);
}

const codes = Array.from({ length: N }, (_, i) => `UNG-2026-${String(i + 1).padStart(3, '0')}`);

/** 100 cases with a step each, raised through the core the adapters use (fast), then the posts forgotten. */
async function hundred() {
  const url = await forum('UANNA', 'koppla arendeforum-unga');
  await answers(url, 'Kanalen är nu kopplad');
  const input = { identity: ANNA, channel: { platform: 'slack' as const, id: C }, resolveMention: async () => ANNA };
  for (const [i, code] of codes.entries()) {
    const raised = await s.composed.core.handle({ ...input, text: `ärende ny grupp:unga samtycke:ja Behov nummer ${i + 1} kring studiestart och samplanering` });
    expect(raised.ok).toBe(true);
    expect((await s.composed.core.handle({ ...input, text: `åtgärd ny ${code} @UANNA +3 boka trepartssamtal nummer ${i + 1}` })).ok).toBe(true);
  }
  await s.composed.deliverer.deliver();
  fake.calls = [];
}

function expectWithinLimits(calls: { body: Record<string, any> }[]) {
  for (const c of calls) expect(slackMessageProblems(c.body.blocks as AnyBlock[])).toEqual([]);
}

describe('100 open cases in Slack', () => {
  it('shows every case on the agenda, lists, App Home and minutes, in posts that each fit', { timeout: 90_000 }, async () => {
    await hundred();
    const calls = await answers(await forum('UANNA', 'dagordning'), codes.at(-1)!);
    const text = calls.map((c) => visibleText(c.body)).join('\n');
    for (const code of codes) expect(text).toContain(code);
    expect(calls.length).toBeGreaterThan(1);
    expectWithinLimits(calls);
    expect(visibleText(calls[1].body)).toMatch(/\(2\/\d\)/);

    const list = await answers(await forum('UANNA', 'ärende lista'), codes.at(-1)!);
    for (const code of codes) expect(list.map((c) => visibleText(c.body)).join('\n')).toContain(code);
    expectWithinLimits(list);

    const mine = await answers(await forum('UANNA', 'mina'), 'nummer 100');
    const mineText = mine.map((c) => visibleText(c.body)).join('\n');
    for (let i = 1; i <= N; i++) expect(mineText).toContain(`boka trepartssamtal nummer ${i}`);
    expectWithinLimits(mine);

    await s.client.event({ type: 'app_home_opened', user: 'UANNA', channel: 'DANNA', tab: 'home', event_ts: '1' });
    const home = await fake.waitForCall('views.publish');
    expect(slackViewProblems(home.body.view as View)).toEqual([]);
    const homeText = visibleText(home.body);
    for (let i = 1; i <= N; i++) expect(homeText).toContain(`boka trepartssamtal nummer ${i}`);

    // The minutes of a 100-case meeting, posted whole: closed and carried-over sections included.
    fake.calls = [];
    s.clock.set('2026-12-03T13:00:00+01:00');
    await forum('UANNA', 'möte start');
    await fake.waitForCall('chat.postMessage', (b) => b.channel === C && /UNG-2026-001/.test(visibleText(b)));
    await forum('UANNA', 'möte avsluta');
    await fake.waitFor((c) => c.method === 'chat.postMessage' && /Överförs till nästa möte/.test(visibleText(c.body)), 'the minutes’ last section');
    const posts = fake.of('chat.postMessage').filter((c) => c.body.channel === C);
    const minutes = posts.filter((c) => /Protokoll/.test(visibleText(c.body)));
    const minutesText = minutes.map((c) => visibleText(c.body)).join('\n');
    expect(minutesText).toContain('Avslutade ärenden');
    expect(minutesText).toContain('Överförs till nästa möte');
    for (const code of codes) expect(minutesText).toContain(code);
    expectWithinLimits(posts);
  });
});
