// /forum in Slack at the wire: signed requests in, Web API calls and response_url posts out.
import { describe, expect, it } from 'vitest';
import { buttons, useSlackServer, visibleText } from '../helpers/slack.js';

const C = 'CUNGA01';
const USERS = [
  { id: 'UANNA', name: 'Anna', email: 'anna@arbetsformedlingen.se', locale: 'sv-SE' },
  { id: 'UKARIN', name: 'Karin', email: 'karin@helsingborg.se', locale: 'sv-SE' },
  { id: 'UBOB', name: 'Bob', email: 'bob@helsingborg.se', locale: 'en-GB' },
  { id: 'USTRANGER', name: 'Someone', email: 'someone@example.org', locale: 'sv-SE' },
];

const { fake, s } = useSlackServer(USERS);

/** Runs `/forum <text>` as `user` and returns what the person sees at their response_url (if anything comes). */
async function forum(user: string, text: string, channel = C) {
  const responseUrl = fake.responseUrl();
  const res = await s.client.command({ user, channel, text, responseUrl });
  expect(res.status).toBe(200);
  return { res, responseUrl, seen: () => fake.waitFor((c) => c.method === 'response_url' && c.url === responseUrl, `an answer at ${responseUrl}`) };
}

async function answer(user: string, text: string, channel = C): Promise<string> {
  const f = await forum(user, text, channel);
  return visibleText((await f.seen()).body);
}

async function linked() {
  expect(await answer('UANNA', 'koppla arendeforum-unga')).toContain('Kanalen är nu kopplad till Ärendeforum unga 18–29');
}

async function raised() {
  await linked();
  await forum('UANNA', 'ärende ny grupp:unga samtycke:ja Behöver samplanering kring studiestart');
  await fake.waitForCall('chat.postMessage', (b) => b.channel === C && visibleText(b).includes('UNG-2026-001'));
}

/** An interactivity payload as Slack sends it for a button press in a channel message. */
function press(user: string, button: { value: string; actionId: string }, responseUrl: string, channel = C) {
  return s.client.interaction({
    type: 'block_actions',
    user: { id: user, username: user.toLowerCase(), team_id: 'T1' },
    api_app_id: 'A1',
    team: { id: 'T1', domain: 'samverkan' },
    container: { type: 'message', channel_id: channel, is_ephemeral: true },
    channel: { id: channel, name: channel === C ? 'unga' : 'directmessage' },
    trigger_id: `trigger.press.${Date.now()}.${Math.random().toString(36).slice(2)}`,
    response_url: responseUrl,
    actions: [{ type: 'button', action_id: button.actionId, block_id: 'b1', text: { type: 'plain_text', text: 'x' }, value: button.value, action_ts: '1' }],
  });
}

/** A view_submission for a modal the bot opened, with `values` as Slack's state. */
function submit(user: string, view: Record<string, any>, values: Record<string, Record<string, unknown>>) {
  return s.client.interaction({
    type: 'view_submission',
    user: { id: user, username: user.toLowerCase(), team_id: 'T1' },
    api_app_id: 'A1',
    team: { id: 'T1', domain: 'samverkan' },
    trigger_id: `trigger.submit.${Date.now()}.${Math.random().toString(36).slice(2)}`,
    view: { ...view, id: 'V1', team_id: 'T1', state: { values }, hash: 'h' },
  });
}

describe('slash commands', () => {
  it('links the channel and answers only the person, at the response_url', async () => {
    await linked();
    expect((await s.store.forums.byChannel('slack', C))?.key).toBe('arendeforum-unga');
    expect(fake.of('response_url')[0].body.response_type).toBe('ephemeral');
    expect(fake.of('users.info')[0].body).toMatchObject({ user: 'UANNA', include_locale: true });
  });

  it('posts a new case to the forum’s channel with its buttons, and lists it', async () => {
    await raised();
    const post = fake.of('chat.postMessage').find((c) => c.body.channel === C)!;
    expect(visibleText(post.body)).toContain('Ärende UNG-2026-001 registrerat i Ärendeforum unga 18–29');
    expect(buttons(post.body).map((b) => b.label)).toEqual(['Ny åtgärd', 'Avsluta ärende', 'Ändra']);
    const list = await answer('UKARIN', 'ärende lista');
    expect(list).toContain('Öppna ärenden i Ärendeforum unga 18–29 (1)');
    expect(list).toContain('UNG-2026-001');
  });

  it('shows the agenda with buttons on each case', async () => {
    await raised();
    const f = await forum('UKARIN', 'dagordning');
    const seen = (await f.seen()).body;
    expect(visibleText(seen)).toContain('Dagordning – Ärendeforum unga 18–29, torsdag 2026-12-03 kl. 13:00');
    expect(visibleText(seen)).toContain('UNG-2026-001 (ny)');
    expect(buttons(seen)).toEqual([
      expect.objectContaining({ label: 'Ny åtgärd', value: 'åtgärd ny UNG-2026-001' }),
      expect.objectContaining({ label: 'Avsluta ärende', value: 'ärende avsluta UNG-2026-001' }),
      expect.objectContaining({ label: 'Ändra', value: 'ärende ändra UNG-2026-001' }),
    ]);
  });

  it('resolves a <@U…|name> mention to the member, posts the step and tells the owner in a DM', async () => {
    await raised();
    await forum('UANNA', 'åtgärd ny UNG-2026-001 <@UKARIN|karin> 2026-12-10 boka trepartssamtal');
    const post = await fake.waitForCall('chat.postMessage', (b) => b.channel === C && visibleText(b).includes('Åtgärd #1'));
    expect(visibleText(post.body)).toContain('Åtgärd #1 för UNG-2026-001: boka trepartssamtal – ägare Karin, senast 2026-12-10.');
    const dm = await fake.waitForCall('chat.postMessage', (b) => b.channel === 'DKARIN');
    expect(visibleText(dm.body)).toContain('Du är ägare till åtgärd #1');
    expect(fake.of('conversations.open')[0].body.users).toBe('UKARIN');
  });

  it('resolves a typed e-mail (which Slack turns into a mailto link) through users.lookupByEmail', async () => {
    await raised();
    await forum('UANNA', 'åtgärd ny UNG-2026-001 @<mailto:karin@helsingborg.se|karin@helsingborg.se> fredag boka möte');
    const dm = await fake.waitForCall('chat.postMessage', (b) => b.channel === 'DKARIN');
    expect(visibleText(dm.body)).toContain('Du är ägare till åtgärd #1');
    expect(fake.of('users.lookupByEmail')[0].body.email).toBe('karin@helsingborg.se');
  });

  it('answers in English for a person whose Slack locale is English', async () => {
    await linked();
    expect(await answer('UBOB', 'ärende lista')).toContain('No open cases in Ärendeforum unga 18–29.');
  });

  it('tells a person of no configured organisation that they see nothing', async () => {
    await raised();
    const out = await answer('USTRANGER', 'ärende lista');
    expect(out).toMatch(/tillhör ingen av forumets organisationer/);
    expect(out).not.toContain('UNG-2026-001');
  });
});

describe('buttons and modals', () => {
  it('“Ny åtgärd” opens a modal; a valid submission records the step', async () => {
    await raised();
    const post = fake.of('chat.postMessage').find((c) => c.body.channel === C)!;
    const res = await press('UANNA', buttons(post.body)[0], fake.responseUrl());
    expect(res.status).toBe(200);
    const open = await fake.waitForCall('views.open');
    const view = open.body.view;
    expect(view.title.text).toBe('Ny åtgärd UNG-2026-001');
    expect(view.blocks.map((b: any) => [b.block_id, b.element.type])).toEqual([
      ['owner', 'users_select'],
      ['due', 'datepicker'],
      ['text', 'plain_text_input'],
    ]);
    const done = await submit('UANNA', view, {
      owner: { owner: { type: 'users_select', selected_user: 'UKARIN' } },
      due: { due: { type: 'datepicker', selected_date: '2026-12-10' } },
      text: { text: { type: 'plain_text_input', value: 'boka trepartssamtal' } },
    });
    expect(done.status).toBe(200);
    expect(done.text).toBe('');
    const step = await fake.waitForCall('chat.postMessage', (b) => b.channel === C && visibleText(b).includes('Åtgärd #1'));
    expect(visibleText(step.body)).toContain('boka trepartssamtal – ägare Karin, senast 2026-12-10');
  });

  it('an invalid submission keeps the modal open with errors naming the fields, and changes nothing', async () => {
    await raised();
    await forum('UANNA', 'åtgärd ny UNG-2026-001');
    const view = (await fake.waitForCall('views.open')).body.view;
    const phone = ['070', '174', '06', '50'].join(' ');
    const res = await submit('UANNA', view, {
      owner: { owner: { type: 'users_select', selected_user: 'UKARIN' } },
      due: { due: { type: 'datepicker', selected_date: '2026-01-01' } },
      text: { text: { type: 'plain_text_input', value: `ring ${phone}` } },
    });
    expect(res.status).toBe(200);
    const body = JSON.parse(res.text);
    expect(body.response_action).toBe('errors');
    expect(Object.keys(body.errors).sort()).toEqual(['due', 'text']);
    expect(body.errors.due).toContain('2026-01-01 har redan passerat');
    expect(body.errors.text).toContain('ett telefonnummer');
    const c = await s.store.cases.byCode('UNG-2026-001');
    expect(await s.store.steps.forCases([c!.id])).toEqual([]);
  });

  it('/forum ärende ny opens the case modal; the submission raises the case', async () => {
    await linked();
    await forum('UKARIN', 'ärende ny');
    const view = (await fake.waitForCall('views.open')).body.view;
    expect(view.title.text).toBe('Nytt ärende');
    expect(view.blocks.map((b: any) => [b.block_id, b.element.type])).toEqual([
      ['groups', 'multi_static_select'],
      ['consent', 'radio_buttons'],
      ['question', 'plain_text_input'],
    ]);
    const bad = await submit('UKARIN', view, {
      groups: { groups: { type: 'multi_static_select', selected_options: [{ value: 'unga' }] } },
      consent: { consent: { type: 'radio_buttons', selected_option: { value: 'nej' } } },
      question: { question: { type: 'plain_text_input', value: ' ' } },
    });
    expect(JSON.parse(bad.text)).toEqual({ response_action: 'errors', errors: { question: 'Fyll i det här fältet.' } });
    await submit('UKARIN', view, {
      groups: { groups: { type: 'multi_static_select', selected_options: [{ value: 'unga' }] } },
      consent: { consent: { type: 'radio_buttons', selected_option: { value: 'nej' } } },
      question: { question: { type: 'plain_text_input', value: 'Behöver stöd kring ekonomi' } },
    });
    const post = await fake.waitForCall('chat.postMessage', (b) => b.channel === C);
    expect(visibleText(post.body)).toContain('Ärende UNG-2026-001 registrerat');
    expect((await s.store.cases.byCode('UNG-2026-001'))?.consent).toBe('nej');
  });

  it('“Avsluta ärende” asks for the outcome and closes the case', async () => {
    await raised();
    const post = fake.of('chat.postMessage').find((c) => c.body.channel === C)!;
    await press('UANNA', buttons(post.body)[1], fake.responseUrl());
    const view = (await fake.waitForCall('views.open')).body.view;
    // The title fits the modal's 24 characters without a clipped code; the whole title heads the form.
    expect(view.title.text).toBe('Avsluta ärende');
    expect(view.blocks[0].text.text).toBe('*Avsluta ärende UNG-2026-001*');
    expect(view.blocks.find((b: any) => b.block_id === 'outcome').element.options.map((o: any) => o.value)).toEqual(['arbete', 'studier', 'insats', 'samplanering', 'ej-aktuellt']);
    await submit('UANNA', view, { outcome: { outcome: { type: 'radio_buttons', selected_option: { value: 'studier' } } } });
    const closed = await fake.waitForCall('chat.postMessage', (b) => visibleText(b).includes('avslutat'));
    expect(visibleText(closed.body)).toContain('Ärende UNG-2026-001 avslutat med utfall: studier.');
    expect((await s.store.cases.byCode('UNG-2026-001'))?.status).toBe('closed');
  });
});

describe('a handover reply form', () => {
  it('“Svara” in the receiver’s DM opens the template’s modal; wrong values are named per field, a valid answer is stored', async () => {
    await raised();
    await forum('UANNA', 'överlämning ny sfi UNG-2026-001 <@UKARIN|karin>');
    const dm = await fake.waitForCall('chat.postMessage', (b) => b.channel === 'DKARIN' && visibleText(b).includes('SFI-startdatum'));
    const reply = buttons(dm.body).find((b) => b.label === 'Svara')!;
    expect(reply.value).toBe('överlämning svar 1');
    await press('UKARIN', reply, fake.responseUrl(), 'DKARIN');
    const view = (await fake.waitForCall('views.open')).body.view;
    expect(view.title.text).toBe('Svara på överlämning #1');
    expect(view.blocks.map((b: any) => [b.block_id, b.element.type])).toEqual([
      ['startdatum', 'datepicker'],
      ['niva', 'static_select'],
      ['skola', 'plain_text_input'],
      ['omfattning', 'number_input'],
      ['sfi-kontakt', 'users_select'],
    ]);
    const values = (omfattning: string) => ({
      startdatum: { startdatum: { type: 'datepicker', selected_date: '2027-01-12' } },
      niva: { niva: { type: 'static_select', selected_option: { value: '1' } } },
      skola: { skola: { type: 'plain_text_input', value: 'Komvux Norra' } },
      omfattning: { omfattning: { type: 'number_input', value: omfattning } },
      'sfi-kontakt': { 'sfi-kontakt': { type: 'users_select', selected_user: 'UBOB' } },
    });
    const bad = await submit('UKARIN', view, values('90'));
    expect(JSON.parse(bad.text)).toEqual({ response_action: 'errors', errors: { omfattning: 'omfattning: "90" är inget tillåtet tal (1–40).' } });
    expect((await s.store.handovers.byId(1))?.status).toBe('open');
    await submit('UKARIN', view, values('23'));
    const told = await fake.waitForCall('chat.postMessage', (b) => b.channel === 'DANNA' && visibleText(b).includes('Svar på överlämning #1'));
    expect(visibleText(told.body)).toContain('Komvux Norra');
    // The SFI contact is a colleague picked in the people picker, stored as a member (issue 15).
    expect((await s.store.handovers.byId(1))?.fields?.['sfi-kontakt']).toMatch(/^member:\d+$/);
    expect((await s.store.handovers.byId(1))?.fields).toMatchObject({ nivå: '1', omfattning: '23' });
  });
});

describe('App Home', () => {
  it('shows the person’s own open next steps', async () => {
    await raised();
    await forum('UANNA', 'åtgärd ny UNG-2026-001 <@UKARIN|karin> 2026-12-10 boka trepartssamtal');
    await fake.waitForCall('chat.postMessage', (b) => b.channel === 'DKARIN');
    const res = await s.client.event({ type: 'app_home_opened', user: 'UKARIN', channel: 'DKARIN', tab: 'home', event_ts: '1' });
    expect(res.status).toBe(200);
    const published = await fake.waitForCall('views.publish');
    expect(published.body.user_id).toBe('UKARIN');
    expect(published.body.view.type).toBe('home');
    const text = visibleText(published.body);
    expect(text).toContain('Mina åtgärder och överlämningar');
    expect(text).toContain('#1 UNG-2026-001: boka trepartssamtal – senast 2026-12-10');
  });

  it('marks a step done from its button in App Home, tells the owner and refreshes the view', async () => {
    await raised();
    await forum('UANNA', 'åtgärd ny UNG-2026-001 <@UKARIN|karin> 2026-12-10 boka trepartssamtal');
    await fake.waitForCall('chat.postMessage', (b) => b.channel === 'DKARIN');
    await s.client.event({ type: 'app_home_opened', user: 'UKARIN', channel: 'DKARIN', tab: 'home', event_ts: '1' });
    const home = (await fake.waitForCall('views.publish')).body;
    const [done] = buttons(home);
    expect(done).toMatchObject({ label: 'Klar', value: 'åtgärd klar 1' });
    const res = await s.client.interaction({
      type: 'block_actions',
      user: { id: 'UKARIN', username: 'karin', team_id: 'T1' },
      api_app_id: 'A1',
      team: { id: 'T1', domain: 'samverkan' },
      container: { type: 'view', view_id: 'V1' },
      view: { id: 'V1', type: 'home', team_id: 'T1', blocks: home.view.blocks, state: { values: {} }, hash: 'h' },
      trigger_id: 'trigger.home',
      actions: [{ type: 'button', action_id: done.actionId, block_id: 'b1', text: { type: 'plain_text', text: 'Klar' }, value: done.value, action_ts: '2' }],
    });
    expect(res.status).toBe(200);
    const told = await fake.waitForCall('chat.postMessage', (b) => b.channel === 'DKARIN' && visibleText(b).includes('är klar'));
    expect(visibleText(told.body)).toContain('Åtgärd #1 (UNG-2026-001) är klar.');
    const refreshed = await fake.waitFor((c) => c.method === 'views.publish' && c !== fake.of('views.publish')[0], 'a refreshed home');
    expect(visibleText(refreshed.body)).toContain('Du har inga öppna åtgärder eller överlämningar.');
    expect((await s.store.steps.byId(1))?.status).toBe('done');
  });
});
