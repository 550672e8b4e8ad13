// Teams at the wire: Bot Framework activities posted to /api/messages, a fake connector at the
// activities' serviceUrl recording the replies and the proactive posts.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openTestDatabase, type TestDatabase } from '../helpers/db.js';
import { cardText, FakeConnector, startTeamsRig, type TeamsRig } from '../helpers/teams.js';
import { outbox, members, caseItems } from '../../src/db/schema/index.js';
import { anna, BOT, CHANNEL, execute, installed, karin, message, personMention, stranger, submit } from './activities.js';

let database: TestDatabase;
let connector: FakeConnector;
let rig: TeamsRig;

beforeAll(async () => {
  database = await openTestDatabase();
  connector = await new FakeConnector().start();
  connector.roster.push(anna, karin, stranger);
});
afterAll(async () => {
  await connector.stop();
  await database.close();
});
beforeEach(async () => {
  rig = await startTeamsRig(database, connector);
  return () => rig.close();
});

const at = () => ({ serviceUrl: connector.url });
const say = (from = anna, text = '', o: Partial<Parameters<typeof message>[2]> = {}) => rig.post(message(from, text, { ...at(), ...o }));

async function linked() {
  const r = await say(anna, 'koppla arendeforum-unga');
  expect(r.status).toBe(200);
  connector.clear();
}

async function raised(): Promise<string> {
  await say(anna, 'ärende ny grupp:unga samtycke:ja Behöver samplanering kring studiestart');
  const [code] = /UNG-\d{4}-\d{3}/.exec(connector.texts(CHANNEL).join('\n')) ?? [];
  expect(code).toBeDefined();
  connector.clear();
  return code!;
}

describe('channel messages', () => {
  it('links the channel with the bot mention stripped, and keeps the reference for proactive posts', async () => {
    const r = await say(anna, 'koppla arendeforum-unga');
    expect(r.status).toBe(200);
    const [reply] = connector.activities();
    expect(reply.path).toMatch(/\/v3\/conversations\/19:unga-test@thread\.tacv2;messageid=msg-\d+\/activities\/msg-\d+$/);
    expect(cardText(reply.body)).toContain('Kanalen är nu kopplad till Ärendeforum unga 18–29');
    const forum = await rig.store.forums.byKey('arendeforum-unga');
    expect(forum?.channelId).toBe(CHANNEL);
    expect(forum?.channelRef).toMatchObject({ serviceUrl: connector.url, conversation: { id: CHANNEL } });
  });

  it('raises a case: the card goes to the channel top level with its buttons', async () => {
    await linked();
    await say(anna, 'ärende ny grupp:unga samtycke:ja Behöver samplanering kring studiestart');
    const posts = connector.activities(CHANNEL);
    expect(posts).toHaveLength(1);
    const text = cardText(posts[0].body);
    expect(text).toContain('Ärende UNG-2026-001 registrerat i Ärendeforum unga 18–29');
    expect(text).toContain('Lyft av: Arbetsförmedlingen');
    expect(text).toContain('[Ny åtgärd]');
    expect(posts[0].body.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
  });

  it('resolves a mentioned person through the entity and the roster, posts the step and opens a personal chat', async () => {
    await linked();
    const code = await raised();
    await say(anna, `åtgärd ny ${code} <at>${karin.name}</at> fredag boka möte med SYV`, { entities: [personMention(karin)] });
    const posted = connector.texts(CHANNEL).join('\n');
    expect(posted).toContain(`Åtgärd #1 för ${code}: boka möte med SYV – ägare Karin HBG, senast 2026-11-27`);
    const created = await connector.waitFor((r) => r.path === '/v3/conversations');
    expect(created.body.members).toEqual([{ id: karin.id, name: '' }]);
    const dm = await connector.waitFor((r) => r.conversationId === `a:dm-${karin.id}`);
    expect(cardText(dm.body)).toContain('Du är ägare till åtgärd #1');
    const [row] = await database.db.select().from(members).where(eq(members.externalId, karin.aadObjectId));
    expect(row.organisationKey).toBe('helsingborg');
    expect(row.chatRef).toMatchObject({ kind: 'conversation', reference: { conversation: { id: `a:dm-${karin.id}` } } });
  });

  it('finds a person written as an e-mail/UPN in the roster', async () => {
    await linked();
    const code = await raised();
    await say(anna, `åtgärd ny ${code} @${karin.userPrincipalName} imorgon ring SYV`);
    expect(connector.texts(CHANNEL).join('\n')).toContain('ägare Karin HBG');
    await say(anna, `åtgärd ny ${code} @nobody@${karin.email!.split('@')[1]} imorgon ring SYV`);
    expect(connector.texts().join('\n')).toContain('Hittar ingen @nobody@');
  });

  it('refuses a person whose organisation is unknown, and stores nothing', async () => {
    await linked();
    await say(stranger, 'ärende ny Behöver stöd');
    expect(connector.texts().join('\n')).toContain('Du tillhör ingen av forumets organisationer');
    expect(await database.db.select().from(caseItems)).toHaveLength(0);
  });

  it('answers in English when the Teams client is in English', async () => {
    await say(anna, 'link arendeforum-unga', { locale: 'en-US' });
    expect(connector.texts().join('\n')).toContain('This channel is now linked to Ärendeforum unga 18–29');
  });
});

describe('proactive delivery', () => {
  it('retries after a 429 when Retry-After says so, without waiting inside the request', async () => {
    await linked();
    connector.failures.push({ status: 429, headers: { 'retry-after': '30' } });
    await say(anna, 'ärende ny Behöver stöd kring ekonomi');
    expect(connector.activities(CHANNEL)).toHaveLength(0);
    const [row] = await database.db.select().from(outbox);
    expect(row.status).toBe('pending');
    expect(row.lastError).toContain('429');
    expect(row.nextAttemptAt.getTime() - rig.clock.now().getTime()).toBe(30_000);
    expect((await rig.deliverer.deliver()).sent).toBe(0);
    rig.clock.advance(30_000);
    expect((await rig.deliverer.deliver()).sent).toBe(1);
    expect(connector.texts(CHANNEL)[0]).toContain('UNG-2026-001');
  });

  it('gives up on a 4xx at once', async () => {
    await linked();
    connector.failures.push({ status: 403 });
    await say(anna, 'ärende ny Behöver stöd kring ekonomi');
    const [row] = await database.db.select().from(outbox);
    expect(row.status).toBe('failed');
  });

  it('updates a posted card in place when a message replaces an earlier one', async () => {
    await linked();
    const forum = await rig.store.forums.byKey('arendeforum-unga');
    const target = { kind: 'channel' as const, platform: 'teams' as const, channelId: CHANNEL, ref: forum!.channelRef };
    const first = await rig.teams.port!.send(target, { blocks: [{ type: 'text', text: 'version 1' }] });
    await rig.teams.port!.send(target, { blocks: [{ type: 'text', text: 'version 2' }] }, first);
    const [post, update] = connector.activities(CHANNEL);
    expect(post.method).toBe('POST');
    expect(update.method).toBe('PUT');
    expect(update.path).toBe(`/v3/conversations/${CHANNEL}/activities/${first.activityId}`);
    expect(cardText(update.body)).toContain('version 2');
  });

  it('stores the reference when the bot is installed, so posts follow a new serviceUrl', async () => {
    await linked();
    const moved = await new FakeConnector().start();
    try {
      moved.roster.push(anna, karin);
      const r = await rig.post(installed(anna, { serviceUrl: moved.url }));
      expect(r.status).toBe(200);
      expect(moved.texts().join('\n')).toContain('Hej! Jag är Samråd');
      expect((await rig.store.forums.byKey('arendeforum-unga'))?.channelRef).toMatchObject({ serviceUrl: moved.url });
      await say(anna, 'ärende ny Behöver stöd kring ekonomi');
      expect(moved.texts(CHANNEL).join('\n')).toContain('UNG-2026-001');
    } finally {
      await moved.stop();
    }
  });
});

describe('cards', () => {
  it('a bare `ärende ny` answers with a form card', async () => {
    await linked();
    await say(anna, 'ärende ny');
    const [reply] = connector.activities();
    const card = reply.body.attachments[0].content;
    const inputs = JSON.stringify(card.body);
    expect(inputs).toContain('"Input.Text"');
    expect(inputs).toContain('"Input.ChoiceSet"');
    expect(card.actions[0]).toMatchObject({ type: 'Action.Execute', data: { verb: 'samrad', submit: 'case-new' } });
  });

  it('a form submitted with a required field empty gets a clear error and stores nothing', async () => {
    await linked();
    await rig.post(submit(anna, { verb: 'samrad', submit: 'case-new', hidden: {}, question: '  ', groups: 'unga', consent: 'ja' }, at()));
    // The form comes back (with what was typed) and says under the field what is missing.
    const back = connector.texts().join('\n');
    expect(back).toContain('Något behöver rättas');
    expect(back).toContain('Fråga / behov (utan identitet)\nFyll i det här fältet.');
    expect(await database.db.select().from(caseItems)).toHaveLength(0);
    expect(await database.db.select().from(outbox)).toHaveLength(0);
  });

  it('a submitted form runs through the same validation as typed text', async () => {
    await linked();
    const phone = ['070', '123', '45', '67'].join(' ');
    await rig.post(submit(anna, { verb: 'samrad', submit: 'case-new', hidden: {}, question: `Ring ${phone}`, consent: 'ja' }, at()));
    expect(connector.texts().join('\n')).toMatch(/inget sparades/i);
    expect(await database.db.select().from(caseItems)).toHaveLength(0);
    await rig.post(submit(anna, { verb: 'samrad', submit: 'case-new', hidden: {}, question: 'Behöver samplanering', groups: 'unga,etablering', consent: 'nej' }, at()));
    const [c] = await database.db.select().from(caseItems);
    expect(c).toMatchObject({ code: 'UNG-2026-001', targetGroups: ['unga', 'etablering'], consent: 'nej' });
  });

  it('the case card button (Action.Execute) opens the step form; submitting it adds the step', async () => {
    await linked();
    await say(anna, 'ärende ny grupp:unga samtycke:ja Behöver samplanering');
    const caseCard = connector.activities(CHANNEL)[0].body.attachments[0].content;
    const button = JSON.stringify(caseCard).match(/\{"type":"Action\.Execute","title":"Ny åtgärd"[^]*?"data":(\{[^}]*\})/);
    expect(button).not.toBeNull();
    const data = JSON.parse(button![1]);
    const opened = await rig.post(execute(karin, data, at()));
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    const form = opened.body.value;
    expect(JSON.stringify(form)).toContain('"Input.Date"');
    expect(form.actions[0].data).toMatchObject({ submit: 'step-new', hidden: { code: 'UNG-2026-001' } });
    connector.clear();
    const done = await rig.post(execute(karin, { ...form.actions[0].data, owner: anna.aadObjectId, due: '2026-12-04', text: 'Boka trepartssamtal' }, at()));
    expect(done.status).toBe(200);
    expect(cardText({ attachments: [{ content: done.body.value }] })).toContain('Klart – se kanalen.');
    expect(connector.texts(CHANNEL).join('\n')).toContain('Åtgärd #1 för UNG-2026-001: Boka trepartssamtal – ägare Anna AF, senast 2026-12-04');
  });

  it('an Action.Submit button runs its command and answers in the conversation', async () => {
    await linked();
    await say(anna, 'ärende ny grupp:unga Behöver samplanering');
    connector.clear();
    await rig.post(submit(karin, { verb: 'samrad', command: 'ärende lista' }, at()));
    expect(connector.texts().join('\n')).toContain('Öppna ärenden i Ärendeforum unga 18–29 (1)');
  });

  it('“Svara” in the receiver’s personal chat opens the handover form; a wrong value is named, a valid answer is stored', async () => {
    await linked();
    const code = await raised();
    await say(anna, `överlämning ny sfi ${code} <at>${karin.name}</at>`, { entities: [personMention(karin)] });
    const dm = await connector.waitFor((r) => r.conversationId === `a:dm-${karin.id}` && cardText(r.body).includes('SFI-startdatum'));
    const button = JSON.stringify(dm.body).match(/\{"type":"Action\.Execute","title":"Svara"[^]*?"data":(\{[^}]*\})/);
    expect(button).not.toBeNull();
    const opened = await rig.post(execute(karin, JSON.parse(button![1]), { ...at(), personal: true }));
    const form = opened.body.value;
    expect(form.body.slice(1).map((i: any) => [i.id, i.type])).toEqual([
      ['startdatum', 'Input.Date'],
      ['niva', 'Input.ChoiceSet'],
      ['skola', 'Input.Text'],
      ['omfattning', 'Input.Text'],
      ['sfi-kontakt', 'Input.Text'],
    ]);
    expect(form.actions[0].data).toMatchObject({ submit: 'handover-reply', hidden: { id: '1', template: 'sfi' } });
    const answer = { startdatum: '2027-01-12', niva: '1', skola: 'Komvux Norra', 'sfi-kontakt': karin.aadObjectId };
    const bad = await rig.post(execute(karin, { ...form.actions[0].data, ...answer, omfattning: '90' }, { ...at(), personal: true }));
    expect(cardText({ attachments: [{ content: bad.body.value }] })).toMatch(/"90" är inget tillåtet tal \(1–40\)/);
    expect(bad.body.value.body.find((i: any) => i.id === 'skola').value).toBe('Komvux Norra');
    expect((await rig.store.handovers.byId(1))?.status).toBe('open');
    const empty = await rig.post(execute(karin, { ...form.actions[0].data, ...answer, skola: ' ', omfattning: '23' }, { ...at(), personal: true }));
    expect(cardText({ attachments: [{ content: empty.body.value }] })).toContain('Skola\nFyll i det här fältet.');
    const done = await rig.post(execute(karin, { ...form.actions[0].data, ...answer, omfattning: '23' }, { ...at(), personal: true }));
    expect(cardText({ attachments: [{ content: done.body.value }] })).toContain('Tack! Svaret på överlämning #1 är sparat');
    expect((await rig.store.handovers.byId(1))?.fields).toMatchObject({ nivå: '1', omfattning: '23' });
  });

  it('a card from elsewhere is refused politely', async () => {
    const r = await rig.post(execute(anna, { verb: 'samrad', submit: 'no-such-form' }, at()));
    expect(cardText({ attachments: [{ content: r.body.value }] })).toContain('Inget ändrades');
  });
});

describe('personal chat', () => {
  it('`mina` lists my steps there, and later reminders reach that chat', async () => {
    await linked();
    const code = await raised();
    await rig.post(message(karin, 'mina', { ...at(), personal: true }));
    const personal = `a:personal-${karin.aadObjectId}`;
    expect(connector.texts(personal).join('\n')).toContain('Du har inga öppna åtgärder');
    connector.clear();
    await say(anna, `åtgärd ny ${code} <at>${karin.name}</at> imorgon ring SYV`, { entities: [personMention(karin)] });
    // The personal chat stored above is used; no new conversation is created.
    expect(connector.received.filter((r) => r.path === '/v3/conversations')).toHaveLength(0);
    expect(connector.texts(personal).join('\n')).toContain('Du är ägare till åtgärd #1');
    connector.clear();
    await rig.post(message(karin, 'mina', { ...at(), personal: true }));
    expect(connector.texts(personal).join('\n')).toContain(`#1 ${code}: ring SYV – senast 2026-11-26`);
  });
});

describe('authentication', () => {
  it('refuses unauthenticated requests with 401 unless TEAMS_ALLOW_UNAUTHENTICATED=1', async () => {
    await rig.close();
    rig = await startTeamsRig(database, connector, {});
    const r = await say(anna, 'koppla arendeforum-unga');
    expect(r.status).toBe(401);
    expect(connector.received).toHaveLength(0);
    expect((await rig.store.forums.byKey('arendeforum-unga'))?.channelId).toBeNull();
  });

  it('with an app id, a request without a Bot Framework token gets 401 and changes nothing', async () => {
    await rig.close();
    rig = await startTeamsRig(database, connector, { MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-a-secret' });
    const r = await say(anna, 'koppla arendeforum-unga');
    expect(r.status).toBe(401);
    expect(connector.received).toHaveLength(0);
    expect((await rig.store.forums.byKey('arendeforum-unga'))?.channelId).toBeNull();
  });

  it('a bot mention from the Emulator (no entity) is stripped as well', async () => {
    const a = message(anna, 'hjälp', at());
    await rig.post({ ...a, entities: [] });
    expect(connector.texts().join('\n')).toContain('Samråd – kommandon');
    expect(BOT.name).toBe('Samråd');
  });
});
