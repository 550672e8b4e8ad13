// Slack requests run once: a replay of the same signed request, a retry (X-Slack-Retry-Num) and a
// repeated button press are acknowledged and not run again — also when they reach another replica —
// and a timestamp more than 5 minutes ahead gets 401.
import { describe, expect, it } from 'vitest';
import { composeServer } from '../../src/cli.js';
import { loadConfig } from '../../src/config.js';
import { caseItems } from '../../src/db/schema/index.js';
import { listen } from '../../src/http/server.js';
import { createLogger } from '../../src/log.js';
import { FakeClock, T0 } from '../helpers/bot.js';
import { sign, SIGNING_SECRET, SlackClient, useSlackServer } from '../helpers/slack.js';

const C = 'CUNGA01';
const USERS = [{ id: 'UANNA', name: 'Anna', email: 'anna@arbetsformedlingen.se', locale: 'sv-SE' }];
const { fake, database, s } = useSlackServer(USERS);

function command(text: string, responseUrl: string, trigger = `trigger.${Math.random()}`): string {
  return new URLSearchParams({ team_id: 'T1', channel_id: C, user_id: 'UANNA', command: '/forum', text, response_url: responseUrl, trigger_id: trigger }).toString();
}
const form = 'application/x-www-form-urlencoded';
const signed = (body: string, ts = Math.floor(Date.now() / 1000)) => ({ timestamp: ts, signature: sign(SIGNING_SECRET, ts, body) });

async function linked(): Promise<void> {
  const url = fake.responseUrl();
  const body = command('koppla arendeforum-unga', url);
  await s.client.post(body, form, signed(body));
  await fake.waitFor((c) => c.url === url, 'the link answer');
}

/** A second replica: another server on the same database (no reset). */
async function replica(): Promise<{ client: SlackClient; stop: () => Promise<void> }> {
  const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: `${fake.url}/api/`, PORT: '0' });
  const composed = await composeServer({ config, database, store: s.store, logger: createLogger('silent'), clock: new FakeClock(new Date(T0)) }, { slackRetryConfig: { retries: 0 }, delivery: { rates: {} } });
  const port = await listen(composed.server, 0, '127.0.0.1');
  return { client: new SlackClient(`http://127.0.0.1:${port}`, SIGNING_SECRET), stop: () => composed.stop() };
}

const cases = async () => (await database.db.select().from(caseItems)).length;

describe('requests run once', () => {
  it('a replayed and a retried slash command create one case, also across replicas', async () => {
    await linked();
    const url = fake.responseUrl();
    const body = command('ärende ny grupp:unga samtycke:ja Behöver samplanering', url);
    const first = signed(body);
    const other = await replica();
    try {
      expect((await s.client.post(body, form, first)).status).toBe(200);
      // The same bytes, signature and timestamp again (a replay), to the other replica.
      expect((await other.client.post(body, form, first)).status).toBe(200);
      // Slack's retry: same body, a new timestamp and signature, X-Slack-Retry-Num.
      expect((await s.client.post(body, form, { ...signed(body, first.timestamp + 2), headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } })).status).toBe(200);
      await fake.waitForCall('chat.postMessage', () => true, 'the case post');
      // A later, different command is answered: by then every copy above has been handled.
      const later = fake.responseUrl();
      const next = command('ärende lista', later);
      await s.client.post(next, form, signed(next));
      await fake.waitFor((c) => c.url === later, 'the list');
    } finally {
      await other.stop();
    }
    expect(await cases()).toBe(1);
    expect(fake.of('chat.postMessage')).toHaveLength(1);
  });

  it('a button pressed once but delivered twice (same trigger_id and action_ts) runs once', async () => {
    await linked();
    const url = fake.responseUrl();
    const payload = {
      type: 'block_actions',
      user: { id: 'UANNA', username: 'anna', team_id: 'T1' },
      api_app_id: 'A1',
      team: { id: 'T1', domain: 'samverkan' },
      container: { type: 'message', channel_id: C },
      channel: { id: C, name: 'unga' },
      trigger_id: 'trigger.press.1',
      response_url: url,
      actions: [{ type: 'button', action_id: 'samrad:cmd', block_id: 'b1', text: { type: 'plain_text', text: 'x' }, value: 'ärende ny grupp:unga samtycke:ja Via knapp', action_ts: '1700000000.1' }],
    };
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    expect((await s.client.post(body, form, signed(body))).status).toBe(200);
    expect((await s.client.post(body, form, signed(body, Math.floor(Date.now() / 1000) + 1))).status).toBe(200);
    await fake.waitForCall('chat.postMessage', () => true, 'the case post');
    const later = fake.responseUrl();
    const next = command('ärende lista', later);
    await s.client.post(next, form, signed(next));
    await fake.waitFor((c) => c.url === later, 'the list');
    expect(await cases()).toBe(1);
    expect(fake.of('chat.postMessage')).toHaveLength(1);
  });

  it.each([
    ['6 minutes', 6 * 60],
    ['a year', 365 * 24 * 3600],
  ])('a request signed %s in the future gets 401 and changes nothing', async (_what, ahead) => {
    const url = fake.responseUrl();
    const body = command('koppla arendeforum-unga', url);
    const res = await s.client.post(body, form, signed(body, Math.floor(Date.now() / 1000) + ahead));
    expect(res.status).toBe(401);
    expect((await s.store.forums.byKey('arendeforum-unga'))?.channelId).toBeNull();
  });
});
