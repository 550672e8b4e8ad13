// App Home's links section at the wire: a signed app_home_opened event, the views.publish the fake
// Slack Web API receives (checked against Slack's Block Kit rules), and a press of its buttons, whose
// link comes as a direct message. Listing mints no token; a link opens exactly its own page.
import type { View } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { buttons, SIGNING_SECRET, useSlackServer, visibleText } from '../helpers/slack.js';
import { slackViewProblems } from '../helpers/validators.js';

const C = 'CUNGA01';
const USERS = [
  { id: 'UANNA', name: 'Anna', email: 'anna@arbetsformedlingen.se', locale: 'sv-SE' },
  { id: 'UKARIN', name: 'Karin', email: 'karin@helsingborg.se', locale: 'sv-SE' },
];

const { fake, s, database } = useSlackServer(USERS, () => ({
  env: { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: `${fake.url}/api/`, PORT: '0', SAMRAD_PUBLIC_URL: 'https://samrad.test' },
}));

async function command(user: string, text: string): Promise<string> {
  const responseUrl = fake.responseUrl();
  expect((await s.client.command({ user, channel: C, text, responseUrl })).status).toBe(200);
  return visibleText((await fake.waitFor((c) => c.method === 'response_url' && c.url === responseUrl, 'the answer')).body);
}

async function openHome(user: string) {
  const before = fake.of('views.publish').length;
  expect((await s.client.event({ type: 'app_home_opened', user, channel: `D${user.slice(1)}`, tab: 'home', event_ts: '1' })).status).toBe(200);
  return (await fake.waitFor((c) => c.method === 'views.publish' && c.body.user_id === user && fake.of('views.publish').indexOf(c) >= before, 'the home view')).body;
}

async function press(user: string, home: Record<string, any>, value: string) {
  const button = buttons(home).find((b) => b.value === value)!;
  expect(button).toBeDefined();
  const res = await s.client.interaction({
    type: 'block_actions',
    user: { id: user, username: user.toLowerCase(), team_id: 'T1' },
    api_app_id: 'A1',
    team: { id: 'T1', domain: 'samverkan' },
    container: { type: 'view', view_id: 'V1' },
    view: { id: 'V1', type: 'home', team_id: 'T1', blocks: home.view.blocks, state: { values: {} }, hash: 'h' },
    trigger_id: 'trigger.home',
    actions: [{ type: 'button', action_id: button.actionId, block_id: 'b1', text: { type: 'plain_text', text: button.label }, value: button.value, action_ts: '2' }],
  });
  expect(res.status).toBe(200);
}

const liveTokens = async () => (await database.db.execute('select scope, forum_key from page_tokens where revoked_at is null')) as unknown as { rows?: unknown[] } | unknown[];
const count = async () => {
  const r = await liveTokens();
  return Array.isArray(r) ? r.length : (r.rows ?? []).length;
};

describe('App Home links', () => {
  it('the coordinator sees their own page and their forum’s page; a press makes the link and sends it privately', async () => {
    expect(await command('UANNA', 'koppla arendeforum-unga')).toContain('Kanalen är nu kopplad');
    const home = await openHome('UANNA');
    expect(slackViewProblems(home.view as View)).toEqual([]);
    const text = visibleText(home);
    expect(text).toContain('Sidor i webbläsaren');
    expect(text).toContain('Mina åtgärder och överlämningar som sida');
    expect(text).toContain('Forumsidan för Ärendeforum unga 18–29 (du är samordnare)');
    expect(buttons(home).map((b) => b.value)).toEqual(expect.arrayContaining(['mina länk', 'sida arendeforum-unga']));
    expect(await count()).toBe(0); // opening App Home mints nothing

    await press('UANNA', home, 'sida arendeforum-unga');
    const dm = await fake.waitForCall('chat.postMessage', (b) => b.channel === 'DANNA' && visibleText(b).includes('/forum/arendeforum-unga?token='));
    const url = /https:\/\/samrad\.test(\/forum\/arendeforum-unga\?token=[A-Za-z0-9_-]+)/.exec(visibleText(dm.body))![1];
    expect((await fetch(s.base + url)).status).toBe(200);
    expect((await fetch(s.base + url.replace('arendeforum-unga', 'arendeforum-vuxna'))).status).toBe(404);
    expect(await count()).toBe(1);

    await press('UANNA', home, 'mina länk');
    const mine = await fake.waitForCall('chat.postMessage', (b) => b.channel === 'DANNA' && visibleText(b).includes('/mine?token='));
    const minePath = /https:\/\/samrad\.test(\/mine\?token=[A-Za-z0-9_-]+)/.exec(visibleText(mine.body))![1];
    expect((await fetch(s.base + minePath)).status).toBe(200);
  });

  it('a member who coordinates no forum gets only their own page, and cannot make a forum link by forging the button', async () => {
    await command('UANNA', 'koppla arendeforum-unga');
    const home = await openHome('UKARIN');
    expect(slackViewProblems(home.view as View)).toEqual([]);
    const text = visibleText(home);
    expect(text).toContain('Mina åtgärder och överlämningar som sida');
    expect(text).toContain('Forumsidan får du av forumets samordnare.');
    expect(buttons(home).map((b) => b.value)).not.toContain('sida arendeforum-unga');
    await press('UKARIN', { view: { blocks: [{ type: 'actions', elements: [{ type: 'button', action_id: 'samrad:page-forum:0', text: { type: 'plain_text', text: 'x' }, value: 'sida arendeforum-unga' }] }] } }, 'sida arendeforum-unga');
    const refused = await fake.waitForCall('chat.postMessage', (b) => b.channel === 'DKARIN');
    expect(visibleText(refused.body)).not.toContain('token=');
    expect(await count()).toBe(0);
  });
});
