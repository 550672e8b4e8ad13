// Organisations by Slack user group at the wire (issue 17): Komvux is on the city's e-mail domain and
// configured by its user group (`groups: [S0KOMVUX]`); the adapter reads the groups through the Web API
// (usergroups.list, once for everybody, cached) and the SFI loop then reaches Komvux.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { SIGNING_SECRET, useSlackServer, visibleText } from '../helpers/slack.js';

const C = 'CUNGA01';
const USERS = [
  { id: 'UANNA', name: 'Anna', email: 'anna@arbetsformedlingen.se', locale: 'sv-SE' },
  { id: 'UKARIN', name: 'Karin', email: 'karin@helsingborg.se', locale: 'sv-SE', groups: ['S0KOMVUX'] },
  { id: 'UOLLE', name: 'Olle', email: 'olle@helsingborg.se', locale: 'sv-SE', groups: ['S0OTHER'] },
];

/** The shipped config with Komvux as an organisation of the city, found by its Slack user group. */
function configFile(): string {
  const cfg = parse(readFileSync('config/samrad.yaml', 'utf8'));
  // The shipped config has its own komvux (by member list); this test's is found by group instead.
  cfg.organisations = cfg.organisations.filter((o: { key: string }) => o.key !== 'komvux');
  cfg.organisations.push({ key: 'komvux', name: 'Komvux Helsingborg', domains: ['helsingborg.se'], parent: 'helsingborg', groups: ['S0KOMVUX'] });
  cfg.handoverTemplates = cfg.handoverTemplates.map((t: { key: string }) => (t.key === 'sfi' ? { ...t, to: 'komvux' } : t));
  const file = join(mkdtempSync(join(tmpdir(), 'samrad-groups-')), 'samrad.yaml');
  writeFileSync(file, stringify(cfg));
  return file;
}
const CONFIG = configFile();

const { fake, s } = useSlackServer(USERS, () => ({ env: { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: `${fake.url}/api/`, PORT: '0', SAMRAD_CONFIG: CONFIG } }));

async function answer(user: string, text: string): Promise<string> {
  const responseUrl = fake.responseUrl();
  expect((await s.client.command({ user, channel: C, text, responseUrl })).status).toBe(200);
  return visibleText((await fake.waitFor((c) => c.method === 'response_url' && c.url === responseUrl, `an answer at ${responseUrl}`)).body);
}

async function raised() {
  expect(await answer('UANNA', 'koppla arendeforum-unga')).toContain('Kanalen är nu kopplad');
  const responseUrl = fake.responseUrl();
  await s.client.command({ user: 'UANNA', channel: C, text: 'ärende ny grupp:unga samtycke:ja Studiestart', responseUrl });
  await fake.waitForCall('chat.postMessage', (b) => b.channel === C && visibleText(b).includes('UNG-2026-001'));
}

describe('an organisation found by Slack user group', () => {
  it('counts Karin (in S0KOMVUX) to Komvux and Olle (not in it) to the city', async () => {
    await raised();
    expect(await answer('UANNA', 'överlämning ny sfi UNG-2026-001 <@UOLLE|olle>')).toBe(':warning: SFI-startdatum besvaras av Komvux Helsingborg: välj en mottagare där.');
    await s.client.command({ user: 'UANNA', channel: C, text: 'överlämning ny sfi UNG-2026-001 <@UKARIN|karin>', responseUrl: fake.responseUrl() });
    const post = await fake.waitForCall('chat.postMessage', (b) => b.channel === C && visibleText(b).includes('Överlämning #1'));
    expect(visibleText(post.body)).toContain('svar från Karin (Komvux Helsingborg)');
    // One usergroups.list for everybody, with its members, however many people were looked up.
    expect(fake.of('usergroups.list').map((c) => c.body.include_users)).toEqual([true]);
  });

  it('goes on by e-mail domain when Slack refuses the user groups (no usergroups:read)', async () => {
    fake.script('usergroups.list', { status: 200, body: { ok: false, error: 'missing_scope' } });
    await raised();
    expect(await answer('UANNA', 'överlämning ny sfi UNG-2026-001 <@UKARIN|karin>')).toBe(':warning: SFI-startdatum besvaras av Komvux Helsingborg: välj en mottagare där.');
  });
});
