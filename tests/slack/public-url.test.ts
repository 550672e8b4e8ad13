// Without SAMRAD_PUBLIC_URL Slack cannot load the report chart (a relative image URL): start-up warns
// once, and `rapport` says what is missing instead of posting an image Slack would refuse.
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { LogSink, SIGNING_SECRET, startSlackServer, useSlackServer, visibleText } from '../helpers/slack.js';

const C = 'CUNGA01';
const USERS = [{ id: 'UANNA', name: 'Anna', email: 'anna@arbetsformedlingen.se', locale: 'sv-SE' }];

let logs: LogSink;
const { fake, database, s, replace } = useSlackServer(USERS, () => {
  logs = new LogSink();
  return { logger: createLogger('info', logs) };
});

async function answer(text: string) {
  const responseUrl = fake.responseUrl();
  expect((await s.client.command({ user: 'UANNA', channel: C, text, responseUrl })).status).toBe(200);
  return (await fake.waitFor((c) => c.url === responseUrl, `an answer to "${text}"`)).body;
}

describe('public URL', () => {
  it('warns once at start-up and says the chart needs it', async () => {
    expect(logs.lines.filter((l) => l.level === 40 && /SAMRAD_PUBLIC_URL is not set/.test(l.msg))).toHaveLength(1);
    await answer('koppla arendeforum-unga');
    const body = await answer('rapport 2026-Q4');
    expect(visibleText(body)).toContain('servern saknar SAMRAD_PUBLIC_URL');
    expect((body.blocks as { type: string }[]).some((b) => b.type === 'image')).toBe(false);
  });

  it('with it set, the chart is an image block with an absolute link, and nothing warns', async () => {
    await s.stop();
    logs = new LogSink();
    replace(await startSlackServer(database, fake, { logger: createLogger('info', logs), env: { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: `${fake.url}/api/`, PORT: '0', SAMRAD_PUBLIC_URL: 'https://samrad.example.org' } }));
    expect(logs.lines.some((l) => /SAMRAD_PUBLIC_URL/.test(l.msg))).toBe(false);
    await answer('koppla arendeforum-unga');
    const body = await answer('rapport 2026-Q4');
    const image = (body.blocks as { type: string; image_url?: string }[]).find((b) => b.type === 'image');
    expect(image?.image_url).toMatch(/^https:\/\/samrad\.example\.org\/reports\/arendeforum-unga\/2026-Q4\.png\?token=/);
  });
});
