// Logs never hold user text, at any level (issue 15, item 5): at LOG_LEVEL=trace a command is made to
// fail on purpose in the database (a modal question holding U+0000, which PostgreSQL refuses) and a
// case is raised and posted through the Slack Web API; neither drizzle's `params` line nor the Web API
// client's request bodies may reach the log.
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { LogSink, useSlackServer, visibleText } from '../helpers/slack.js';

const C = 'CUNGA01';
const USERS = [{ id: 'UANNA', name: 'Anna', email: 'anna@arbetsformedlingen.se', locale: 'sv-SE' }];
let sink = new LogSink();
const { fake, s } = useSlackServer(USERS, () => ({ logger: createLogger('trace', (sink = new LogSink())) }));

async function forum(text: string) {
  const responseUrl = fake.responseUrl();
  expect((await s.client.command({ user: 'UANNA', channel: C, text, responseUrl })).status).toBe(200);
  return () => fake.waitFor((c) => c.method === 'response_url' && c.url === responseUrl, 'an answer');
}

function submit(view: Record<string, any>, values: Record<string, Record<string, unknown>>) {
  return s.client.interaction({
    type: 'view_submission',
    user: { id: 'UANNA', username: 'uanna', team_id: 'T1' },
    api_app_id: 'A1',
    team: { id: 'T1', domain: 'samverkan' },
    trigger_id: `trigger.submit.${Date.now()}`,
    view: { ...view, id: 'V1', team_id: 'T1', state: { values }, hash: 'h' },
  });
}

describe('logs at trace', () => {
  it('hold neither the values of a failed statement nor the bodies sent to Slack', async () => {
    await (await forum('koppla arendeforum-unga'))();
    // Posted to the channel through the Web API (consent: the question is shown there).
    await forum('ärende ny grupp:unga samtycke:ja Behöver samplanering zqxposted');
    await fake.waitForCall('chat.postMessage', (b) => visibleText(b).includes('UNG-2026-001'));
    // The form path with a character the database refuses: the statement fails.
    await forum('ärende ny');
    const view = (await fake.waitForCall('views.open')).body.view;
    await submit(view, {
      groups: { groups: { type: 'multi_static_select', selected_options: [{ value: 'unga' }] } },
      consent: { consent: { type: 'radio_buttons', selected_option: { value: 'ja' } } },
      question: { question: { type: 'plain_text_input', value: 'Behöver stöd zqxfailed\u0000' } },
    });
    const failed = await sink.waitFor('command failed');
    expect(failed.frames).toMatch(/^\s+at /);
    const log = sink.lines.map((l) => JSON.stringify(l)).join('\n');
    expect(sink.lines.length).toBeGreaterThan(3);
    expect(log).not.toContain('zqxposted');
    expect(log).not.toContain('zqxfailed');
    expect(log).not.toMatch(/params:/);
  });
});
