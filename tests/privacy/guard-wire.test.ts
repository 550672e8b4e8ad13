// Generated bad input at the wire (issue 15, item 8): fast-check's identity numbers, phone numbers,
// e-mail and postal addresses, embedded in Swedish forum text, through every platform's input path —
// the shell adapter (lines on a stream), signed Slack slash commands, Slack modal submissions, Teams
// channel messages and Teams card submissions. Each is refused with the guard's answer; afterwards no
// sample is in the database dump, the outbox, anything sent to the platform, or the log (at trace).
import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { runShell } from '../../adapters/shell/shell.js';
import { createLogger } from '../../src/log.js';
import { ANNA, createTestBot, useTestDatabase } from '../helpers/bot.js';
import type { TestDatabase } from '../helpers/db.js';
import { dump } from '../helpers/dump.js';
import { embed, identityData, identityPart } from '../helpers/identity-gen.js';
import { LogSink, useSlackServer, visibleText } from '../helpers/slack.js';
import { cardText, useTeamsRig } from '../helpers/teams.js';
import { anna, karin, message, personMention, submit as teamsSubmit } from '../teams/activities.js';

const REFUSED = 'inget sparades';
const FORM_REFUSED = 'något behöver rättas';
const RUNS = 10;
const samples = (seed: number) => fc.sample(embed(identityData), { numRuns: RUNS, seed });

/** Fails if any sample's identity data is in the dump, the outbox or `elsewhere` (what was sent, the log). */
async function expectNowhere(database: TestDatabase, texts: string[], elsewhere: Record<string, string>) {
  const stored = (await dump(database)).text;
  const queued = JSON.stringify(await database.db.execute(sql`select payload from outbox`));
  for (const text of texts) {
    const part = identityPart(text);
    expect(stored, 'database').not.toContain(part);
    expect(queued, 'outbox').not.toContain(part);
    for (const [where, seen] of Object.entries(elsewhere)) expect(seen, where).not.toContain(part);
  }
}

describe('shell', () => {
  const database = useTestDatabase();
  it('refuses every generated line and keeps none of it', async () => {
    const bot = await createTestBot(database);
    // A line cannot hold a newline: the shell reads one command a line.
    const texts = samples(151).filter((t) => !/[\n\r\u2028]/.test(t));
    const input = new PassThrough();
    const output = new PassThrough();
    let out = '';
    output.on('data', (d) => (out += d));
    const lines = ['koppla arendeforum-unga', 'ärende ny grupp:unga samtycke:ja Behöver samplanering'];
    for (const t of texts) lines.push(`ärende ny grupp:unga samtycke:ja ${t}`, `åtgärd ny UNG-2026-001 @karin@helsingborg.se +3 ${t}`, `ärende ändra UNG-2026-001 text:${t}`);
    input.end(lines.map((l) => `${l}\n`).join(''));
    await runShell({ core: bot.core, input, output, user: ANNA, channel: 'unga', interactive: false });
    expect(out.split(REFUSED).length - 1).toBe(texts.length * 3);
    await expectNowhere(database, texts, { 'shell output': out, 'posts': JSON.stringify(bot.port.sent) });
  });
});

describe('Slack', () => {
  const C = 'CUNGA01';
  const USERS = [
    { id: 'UANNA', name: 'Anna', email: 'anna@arbetsformedlingen.se', locale: 'sv-SE' },
    { id: 'UKARIN', name: 'Karin', email: 'karin@helsingborg.se', locale: 'sv-SE' },
  ];
  let sink = new LogSink();
  const { fake, s, database } = useSlackServer(USERS, () => ({ logger: createLogger('trace', (sink = new LogSink())) }));
  const forum = async (text: string) => {
    const responseUrl = fake.responseUrl();
    expect((await s.client.command({ user: 'UANNA', channel: C, text, responseUrl })).status).toBe(200);
    return visibleText((await fake.waitFor((c) => c.method === 'response_url' && c.url === responseUrl, 'an answer')).body);
  };
  const submit = (view: Record<string, any>, values: Record<string, Record<string, unknown>>) =>
    s.client.interaction({
      type: 'view_submission',
      user: { id: 'UANNA', username: 'uanna', team_id: 'T1' },
      api_app_id: 'A1',
      team: { id: 'T1', domain: 'samverkan' },
      trigger_id: `trigger.submit.${Math.random().toString(36).slice(2)}`,
      view: { ...view, id: 'V1', team_id: 'T1', state: { values }, hash: 'h' },
    });

  it('refuses every generated slash command and modal submission, and sends, stores and logs none of it', async () => {
    await forum('koppla arendeforum-unga');
    await s.client.command({ user: 'UANNA', channel: C, text: 'ärende ny grupp:unga samtycke:ja Behöver samplanering', responseUrl: fake.responseUrl() });
    await fake.waitForCall('chat.postMessage', (b) => b.channel === C && visibleText(b).includes('UNG-2026-001'));
    const texts = samples(152);
    for (const t of texts) {
      expect(await forum(`ärende ny grupp:unga samtycke:ja ${t}`)).toContain(REFUSED);
      expect(await forum(`åtgärd ny UNG-2026-001 <@UKARIN|karin> 2026-12-10 ${t}`)).toContain(REFUSED);
    }
    await s.client.command({ user: 'UANNA', channel: C, text: 'ärende ny', responseUrl: fake.responseUrl() });
    const caseView = (await fake.waitForCall('views.open')).body.view;
    for (const t of texts) {
      const res = await submit(caseView, {
        groups: { groups: { type: 'multi_static_select', selected_options: [{ value: 'unga' }] } },
        consent: { consent: { type: 'radio_buttons', selected_option: { value: 'ja' } } },
        question: { question: { type: 'plain_text_input', value: t } },
      });
      const body = JSON.parse(res.text);
      expect(body.response_action, t).toBe('errors');
      expect(body.errors.question).toContain(REFUSED);
    }
    expect(await s.store.cases.byCode('UNG-2026-002')).toBeFalsy();
    await expectNowhere(database, texts, { 'Slack calls': JSON.stringify(fake.calls), log: sink.lines.map((l) => JSON.stringify(l)).join('\n') });
  });
});

describe('Teams', () => {
  let sink = new LogSink();
  const teams = useTeamsRig([anna, karin], () => createLogger('trace', (sink = new LogSink())));

  it('refuses every generated message and card submission, and sends, stores and logs none of it', async () => {
    const at = { serviceUrl: teams.connector.url };
    const replies: string[] = [];
    const post = async (activity: Record<string, unknown>) => {
      const r = await teams.rig.post(activity);
      expect(r.status).toBe(200);
      replies.push(JSON.stringify(r.body ?? ''));
    };
    await post(message(anna, 'koppla arendeforum-unga', at));
    await post(message(anna, 'ärende ny grupp:unga samtycke:ja Behöver samplanering', at));
    // Posted to the channel (consent: the step's text is shown there), yet never in the log.
    await post(message(anna, `åtgärd ny UNG-2026-001 <at>${karin.name}</at> 2026-12-10 boka zqxposted samtal`, { ...at, entities: [personMention(karin)] }));
    await teams.connector.waitFor((r) => JSON.stringify(r.body).includes('zqxposted'));
    teams.connector.clear();
    const texts = samples(153);
    for (const t of texts) {
      await post(message(anna, `ärende ny grupp:unga samtycke:ja ${t}`, at));
      await post(teamsSubmit(anna, { verb: 'samrad', submit: 'case-new', hidden: {}, question: t, groups: 'unga', consent: 'ja' }, at));
    }
    const answers = teams.connector.received.map((r) => cardText(r.body)).join('\n');
    expect(answers.split(REFUSED).length - 1).toBeGreaterThanOrEqual(texts.length * 2);
    expect(await teams.rig.store.cases.byCode('UNG-2026-002')).toBeFalsy();
    await expectNowhere(teams.database, texts, {
      'sent to Teams': JSON.stringify(teams.connector.received),
      replies: replies.join('\n'),
      log: sink.lines.map((l) => JSON.stringify(l)).join('\n'),
    });
    expect(sink.lines.map((l) => JSON.stringify(l)).join('\n')).not.toContain('zqxposted');
  });
  // A form's field errors quote the value typed ("Okänd målgrupp "…""); a Teams card's errors are
  // answered in the channel, so a quoted identity would reach everyone in it.
  it('quotes no identity data from a card field in the errors it answers with', async () => {
    const at = { serviceUrl: teams.connector.url };
    await teams.rig.post(message(anna, 'koppla arendeforum-unga', at));
    await teams.rig.post(message(anna, 'ärende ny grupp:unga samtycke:ja Behöver samplanering', at));
    teams.connector.clear();
    const values = fc.sample(identityData, { numRuns: RUNS, seed: 154 });
    for (const v of values) {
      for (const card of [
        { submit: 'case-new', hidden: {}, question: 'Behöver samplanering', groups: v, consent: 'ja' },
        { submit: 'case-new', hidden: {}, question: 'Behöver samplanering', groups: 'unga', consent: v },
        { submit: 'step-new', hidden: { code: 'UNG-2026-001' }, owner: '@karin@helsingborg.se', due: v, text: 'boka möte' },
        { submit: 'case-edit', hidden: { code: 'UNG-2026-001' }, category: v },
      ]) {
        expect((await teams.rig.post(teamsSubmit(anna, { verb: 'samrad', ...card }, at))).status).toBe(200);
      }
    }
    const answers = teams.connector.received.map((r) => cardText(r.body)).join('\n');
    // A refused form comes back with its field errors (issue 18): three forms per value, the typed value as "…".
    expect(answers.toLowerCase().split(FORM_REFUSED).length - 1).toBeGreaterThanOrEqual(values.length * 3);
    await expectNowhere(teams.database, values, { 'sent to Teams': JSON.stringify(teams.connector.received) });
  });
});
