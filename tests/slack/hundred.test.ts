// A forum with 100 open cases and 100 steps in Slack: the agenda, the minutes and App Home come whole
// (split into several posts where one would pass Slack's limits), `ärende lista` and `mina` a page at a
// time with "Visa fler" pressed through to the end, and every post passes Slack's documented Block Kit limits.
import { describe, expect, it } from 'vitest';
import type { KnownBlock as AnyBlock, View } from '@slack/types';
import type { Identity } from '../../src/core/model.js';
import { buttons, useSlackServer, visibleText } from '../helpers/slack.js';
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

/** Presses a button the way Slack sends it: a signed block_actions payload from the ephemeral message. */
function press(button: { value: string; actionId: string }, responseUrl: string) {
  return s.client.interaction({
    type: 'block_actions',
    user: { id: 'UANNA', username: 'uanna', team_id: 'T1' },
    api_app_id: 'A1',
    team: { id: 'T1', domain: 'samverkan' },
    container: { type: 'message', channel_id: C, is_ephemeral: true },
    channel: { id: C, name: 'unga' },
    trigger_id: `trigger.more.${Math.random().toString(36).slice(2)}`,
    response_url: responseUrl,
    actions: [{ type: 'button', action_id: button.actionId, block_id: 'b1', text: { type: 'plain_text', text: 'Visa fler' }, value: button.value, action_ts: '1' }],
  });
}

/** Types the command, then presses "Visa fler" on each page until there is none: one post a page, each within Slack's limits. */
async function pageThrough(command: string, title: string) {
  const pages: { url: string; body: Record<string, any> }[] = [];
  let url = await forum('UANNA', command);
  for (;;) {
    const page = await fake.waitFor((c) => c.url === url && visibleText(c.body).includes(title), `a page of ${command}`);
    expect(slackMessageProblems(page.body.blocks as AnyBlock[])).toEqual([]);
    pages.push({ url, body: page.body });
    const more = buttons(page.body).find((b) => b.label.startsWith('Visa fler'));
    if (!more) {
      // One post per page (each page is within the limits whole, never split again).
      for (const p of pages) expect(fake.calls.filter((c) => c.url === p.url)).toHaveLength(1);
      return pages;
    }
    expect(pages.length).toBeLessThan(10);
    url = fake.responseUrl();
    expect((await press(more, url)).status).toBe(200);
  }
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

    // `ärende lista` and `mina` come a page at a time, each saying where it is, with "Visa fler" to the end.
    const listPages = await pageThrough('ärende lista', 'Öppna ärenden');
    expect(visibleText(listPages[0].body)).toContain('Visar 1–20 av 100');
    expect(visibleText(listPages[0].body)).not.toContain(codes[20]);
    expect(visibleText(listPages.at(-1)!.body)).toContain('Visar 81–100 av 100');
    const listText = listPages.map((c) => visibleText(c.body)).join('\n');
    for (const code of codes) expect(listText).toContain(code);

    const minePages = await pageThrough('mina', 'Mina åtgärder');
    const mineText = minePages.map((c) => visibleText(c.body)).join('\n');
    for (let i = 1; i <= N; i++) expect(mineText).toContain(`boka trepartssamtal nummer ${i}`);
    expect(visibleText(minePages[1].body)).toContain('Visar 21–40 av 100');

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
