// Digests at the Slack wire (issue 18): three of Karin's steps fall due tomorrow — Slack gets ONE
// chat.postMessage to her DM listing all three, however often the tick runs, not one per step.
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { runTick } from '../../src/scheduler/tick.js';
import { loadConfig } from '../../src/config.js';
import { useSlackServer, visibleText, SIGNING_SECRET } from '../helpers/slack.js';
import { at } from '../helpers/tick.js';

const C = 'CUNGA01';
const USERS = [
  { id: 'UANNA', name: 'Anna', email: 'anna@arbetsformedlingen.se', locale: 'sv-SE' },
  { id: 'UKARIN', name: 'Karin', email: 'karin@helsingborg.se', locale: 'sv-SE' },
];

describe('the morning digest in Slack', () => {
  const { fake, s } = useSlackServer(USERS);
  const forum = async (user: string, text: string) => {
    const responseUrl = fake.responseUrl();
    expect((await s.client.command({ user, channel: C, text, responseUrl })).status).toBe(200);
    await fake.waitFor((c) => c.url === responseUrl || (c.method === 'chat.postMessage' && c.body.channel === C), 'an answer or a post');
  };

  it('is one direct message with every step', async () => {
    await forum('UANNA', 'koppla arendeforum-unga');
    await forum('UANNA', 'ärende ny grupp:unga samtycke:ja Studiestart');
    for (const what of ['boka trepartssamtal', 'ringa skolan', 'skicka intyget']) await forum('UANNA', `åtgärd ny UNG-2026-001 <@UKARIN|karin> fredag ${what}`);
    await fake.waitForCall('chat.postMessage', (b) => b.channel === 'DKARIN' && JSON.stringify(b).includes('skicka intyget'));
    fake.calls = [];
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: `${fake.url}/api/`, PORT: '0' }).file;
    for (const t of ['08:00', '08:00', '08:01', '12:00']) {
      s.clock.set(at('2026-11-26', t));
      await runTick({ store: s.store, config, deliverer: s.composed.deliverer, logger: createLogger('silent') }, s.clock.now());
    }
    const dms = fake.calls.filter((c) => c.method === 'chat.postMessage' && c.body.channel === 'DKARIN');
    expect(dms).toHaveLength(1);
    const text = visibleText(dms[0].body);
    expect(text).toContain('Dina påminnelser idag (3)');
    for (const what of ['boka trepartssamtal', 'ringa skolan', 'skicka intyget']) expect(text).toContain(what);
  });
});
