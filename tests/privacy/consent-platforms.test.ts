// The consent rule at the wire on Slack and Teams (issue 15, item 4): a case without consent, a step
// and meeting notes with marker words; nothing the bot sends to the platform (posts, replies, cards,
// App Home) holds a marker, except the step's text in direct messages to the step's own owner.
import { describe, expect, it } from 'vitest';
import { useTeamsRig } from '../helpers/teams.js';
import { useSlackServer } from '../helpers/slack.js';
import { anna, karin, message, personMention } from '../teams/activities.js';

const Q = 'zqxquestion';
const STEP = 'zqxstep';
const NOTE = 'zqxdecision';

describe('Slack', () => {
  const C = 'CUNGA01';
  const USERS = [
    { id: 'UANNA', name: 'Anna', email: 'anna@arbetsformedlingen.se', locale: 'sv-SE' },
    { id: 'UKARIN', name: 'Karin', email: 'karin@helsingborg.se', locale: 'sv-SE' },
  ];
  const { fake, s } = useSlackServer(USERS);
  const karinsAnswers = new Set<string>();
  const forum = async (user: string, text: string) => {
    const responseUrl = fake.responseUrl();
    if (user === 'UKARIN') karinsAnswers.add(responseUrl); // ephemeral: only Karin reads them
    expect((await s.client.command({ user, channel: C, text, responseUrl })).status).toBe(200);
    await fake.waitFor((c) => c.url === responseUrl || (c.method === 'chat.postMessage' && c.body.channel === C), 'an answer or a post');
  };

  it('posts, replies and App Home hold no text of the case', async () => {
    await forum('UANNA', 'koppla arendeforum-unga');
    await forum('UANNA', `ärende ny grupp:unga samtycke:nej Behöver ${Q} stöd`);
    await forum('UANNA', `åtgärd ny UNG-2026-001 <@UKARIN|karin> 2026-12-10 boka ${STEP} samtal`);
    await fake.waitForCall('chat.postMessage', (b) => b.channel === 'DKARIN');
    s.clock.set('2026-12-03T13:00:00+01:00');
    await forum('UANNA', 'möte start');
    await forum('UANNA', `möte beslut Vi ${NOTE} nu`);
    await forum('UANNA', 'möte avsluta');
    await fake.waitForCall('chat.postMessage', (b) => JSON.stringify(b).includes('Protokoll'));
    await forum('UKARIN', 'ärende visa UNG-2026-001');
    expect((await s.client.event({ type: 'app_home_opened', user: 'UKARIN', channel: 'DKARIN', tab: 'home', event_ts: '1' })).status).toBe(200);
    await fake.waitForCall('views.publish');
    const dmToKarin = (c: { method: string; url: string; body: Record<string, any> }) =>
      (c.method === 'chat.postMessage' && c.body.channel === 'DKARIN') || (c.method === 'views.publish' && c.body.user_id === 'UKARIN') || karinsAnswers.has(c.url);
    let kinds = 0;
    for (const c of fake.calls) {
      const body = JSON.stringify(c.body);
      for (const m of dmToKarin(c) ? [Q, NOTE] : [Q, STEP, NOTE]) expect(body, c.method).not.toContain(m);
      kinds++;
    }
    expect(kinds).toBeGreaterThan(8);
    expect(fake.calls.filter(dmToKarin).some((c) => JSON.stringify(c.body).includes(STEP))).toBe(true);
  });
});

describe('Teams', () => {
  const teams = useTeamsRig([anna, karin]);

  it('cards, posts and replies hold no text of the case', async () => {
    const answers: string[] = [];
    const say = async (from: typeof anna, text: string, o: Partial<Parameters<typeof message>[2]> = {}) => {
      const r = await teams.rig.post(message(from, text, { serviceUrl: teams.connector.url, ...o }));
      answers.push(JSON.stringify(r.body ?? ''));
    };
    await say(anna, 'koppla arendeforum-unga');
    await say(anna, `ärende ny grupp:unga samtycke:nej Behöver ${Q} stöd`);
    await say(anna, `åtgärd ny UNG-2026-001 <at>${karin.name}</at> 2026-12-10 boka ${STEP} samtal`, { entities: [personMention(karin)] });
    teams.rig.clock.set('2026-12-03T13:00:00+01:00');
    await say(anna, 'möte start');
    await say(anna, `möte beslut Vi ${NOTE} nu`);
    await say(anna, 'möte avsluta');
    await say(karin, 'ärende visa UNG-2026-001');
    const sent = teams.connector.received.filter((r) => r.method === 'POST' || r.method === 'PUT');
    expect(sent.length).toBeGreaterThan(4);
    for (const r of sent) {
      const body = JSON.stringify(r.body);
      const toKarin = r.conversationId === `a:dm-${karin.id}`;
      for (const m of toKarin ? [Q, NOTE] : [Q, STEP, NOTE]) expect(body, r.path + body.slice(0, 1500)).not.toContain(m);
    }
    for (const a of answers) for (const m of [Q, STEP, NOTE]) expect(a).not.toContain(m);
  });
});
