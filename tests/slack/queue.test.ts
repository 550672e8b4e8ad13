// The bound between Slack's ack and the work: commands beyond it are answered "busy, try again" in
// the ack itself, in the person's language, and change nothing; those admitted all finish.
import { describe, expect, it } from 'vitest';
import { startSlackServer, useSlackServer, visibleText } from '../helpers/slack.js';

const C = 'CUNGA01';
const USERS = [
  { id: 'UANNA', name: 'Anna', email: 'anna@arbetsformedlingen.se', locale: 'sv-SE' },
  { id: 'UKARIN', name: 'Karin', email: 'karin@helsingborg.se', locale: 'sv-SE' },
  { id: 'UERIK', name: 'Erik', email: 'erik@helsingborg.se', locale: 'en-GB' },
];

const { fake, database, s, replace } = useSlackServer(USERS);

describe('a full work queue', () => {
  it('turns a command away in the ack, politely and in the person\'s language, and keeps the ones it took', async () => {
    // One running, one waiting.
    replace(await startSlackServer(database, fake, { workQueue: { concurrency: 1, waiting: 1 } }));
    const linked = fake.responseUrl();
    await s.client.command({ user: 'UANNA', channel: C, text: 'koppla arendeforum-unga', responseUrl: linked });
    await fake.waitFor((c) => c.url === linked, 'the answer to koppla');
    const known = fake.responseUrl();
    await s.client.command({ user: 'UERIK', channel: C, text: 'help', responseUrl: known });
    await fake.waitFor((c) => c.url === known, 'the answer to help');

    const release = fake.hold('users.info'); // Karin is not known yet: her lookup holds the queue
    expect((await s.client.command({ user: 'UKARIN', channel: C, text: 'ärende ny grupp:unga samtycke:ja Första frågan', responseUrl: fake.responseUrl() })).text).toBe('');
    expect((await s.client.command({ user: 'UANNA', channel: C, text: 'ärende ny grupp:unga samtycke:ja Andra frågan', responseUrl: fake.responseUrl() })).text).toBe('');

    const sv = await s.client.command({ user: 'UANNA', channel: C, text: 'ärende ny grupp:unga samtycke:ja Tredje frågan', responseUrl: fake.responseUrl() });
    expect(sv.status).toBe(200);
    expect(JSON.parse(sv.text)).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('Försök igen om en stund') });
    const en = await s.client.command({ user: 'UERIK', channel: C, text: 'case new grupp:unga samtycke:ja A fourth question', responseUrl: fake.responseUrl() });
    expect(JSON.parse(en.text).text).toContain('try again in a moment');

    release();
    // A new case is answered in the forum's channel.
    await fake.waitForCall('chat.postMessage', (b) => visibleText(b).includes('UNG-2026-001'), 'the first case in the channel');
    await fake.waitForCall('chat.postMessage', (b) => visibleText(b).includes('UNG-2026-002'), 'the second case in the channel');
    expect((await s.store.cases.open('arendeforum-unga')).map((c) => c.question)).toEqual(['Första frågan', 'Andra frågan']);

    // Room again: the next command is taken.
    expect((await s.client.command({ user: 'UANNA', channel: C, text: 'ärende ny grupp:unga samtycke:ja Femte frågan', responseUrl: fake.responseUrl() })).text).toBe('');
    await fake.waitForCall('chat.postMessage', (b) => visibleText(b).includes('UNG-2026-003'), 'the case after the burst');
    expect(fake.of('chat.postMessage').filter((c) => /Tredje|fourth/.test(visibleText(c.body)))).toEqual([]);
  });
});

describe('a request turned away busy', () => {
  it('is not remembered: sent again when there is room (a Slack retry), it runs', async () => {
    replace(await startSlackServer(database, fake, { workQueue: { concurrency: 1, waiting: 1 } }));
    const linked = fake.responseUrl();
    await s.client.command({ user: 'UANNA', channel: C, text: 'koppla arendeforum-unga', responseUrl: linked });
    await fake.waitFor((c) => c.url === linked, 'the answer to koppla');

    const release = fake.hold('users.info'); // Karin is not known yet: her lookup holds the queue
    await s.client.command({ user: 'UKARIN', channel: C, text: 'ärende ny grupp:unga samtycke:ja Första frågan', responseUrl: fake.responseUrl() });
    await s.client.command({ user: 'UANNA', channel: C, text: 'ärende ny grupp:unga samtycke:ja Andra frågan', responseUrl: fake.responseUrl() });
    // The very request Slack would send again: same body, a later signature.
    const body = new URLSearchParams({ token: 'legacy-unused', team_id: 'T1', channel_id: C, user_id: 'UANNA', command: '/forum', text: 'ärende ny grupp:unga samtycke:ja Tredje frågan', response_url: fake.responseUrl(), trigger_id: 'trigger.busy.once' }).toString();
    const busy = await s.client.post(body, 'application/x-www-form-urlencoded');
    expect(JSON.parse(busy.text).text).toContain('Försök igen om en stund');

    release();
    await fake.waitForCall('chat.postMessage', (b) => visibleText(b).includes('UNG-2026-002'), 'the second case in the channel');
    const again = await s.client.post(body, 'application/x-www-form-urlencoded', { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    expect(again.text).toBe('');
    await fake.waitForCall('chat.postMessage', (b) => visibleText(b).includes('UNG-2026-003'), 'the third case, run when sent again');
    expect((await s.store.cases.open('arendeforum-unga')).map((c) => c.question)).toEqual(['Första frågan', 'Andra frågan', 'Tredje frågan']);
  });
});
