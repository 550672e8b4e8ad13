// Teams forms that work on every client: a person is typed (no 1.6 people picker), every card is clean
// Adaptive Card 1.5 with an errorMessage on each required input, and a wrong submit brings the form back
// with what was typed kept and the error under its field — never echoing identity data.
import { describe, expect, it } from 'vitest';
import { cardText, useTeamsRig } from '../helpers/teams.js';
import { cardProblems } from '../helpers/validators.js';
import { pnr as personnummer } from '../helpers/identity.js';
import { anna, CHANNEL, execute, karin, message } from './activities.js';

const teams = useTeamsRig([anna, karin]);
const at = () => ({ serviceUrl: teams.connector.url });
const say = (text: string) => teams.rig.post(message(anna, text, at()));

/** The step form, opened from the case card's "Ny åtgärd" button (Action.Execute). */
async function stepForm() {
  expect((await say('koppla arendeforum-unga')).status).toBe(200);
  await say('ärende ny grupp:unga samtycke:ja Behöver samplanering');
  const caseCard = teams.connector.activities(CHANNEL)[0].body.attachments[0].content;
  const data = JSON.parse(JSON.stringify(caseCard).match(/\{"type":"Action\.Execute","title":"Ny åtgärd"[^]*?"data":(\{[^}]*\})/)![1]);
  return (await teams.rig.post(execute(karin, data, at()))).body.value;
}

const inputs = (card: any) => card.body.filter((e: any) => String(e.type).startsWith('Input.'));

describe('Teams forms', () => {
  it('validate as Adaptive Card 1.5, with an errorMessage on every required input and a typed person', async () => {
    const form = await stepForm();
    expect(cardProblems(form)).toEqual([]);
    expect(JSON.stringify(form)).not.toContain('choices.data');
    for (const i of inputs(form)) if (i.isRequired) expect(i.errorMessage).toMatch(/^Fyll i /);
    expect(inputs(form).find((i: any) => i.id === 'owner')).toMatchObject({ type: 'Input.Text', placeholder: '@namn eller e-postadress' });
  });

  it('a wrong submit returns the form with the values kept and the field’s error; then it goes through', async () => {
    const form = await stepForm();
    const submitData = form.actions[0].data;
    const bad = await teams.rig.post(execute(karin, { ...submitData, owner: anna.email, due: '2026-02-30', text: 'Boka trepartssamtal' }, at()));
    const back = bad.body.value;
    expect(cardProblems(back)).toEqual([]);
    const byId = Object.fromEntries(inputs(back).map((i: any) => [i.id, i]));
    expect(byId.owner.value).toBe(anna.email);
    expect(byId.text.value).toBe('Boka trepartssamtal');
    const text = cardText({ attachments: [{ content: back }] });
    expect(text).toContain('Något behöver rättas');
    // The error stands right under the date field.
    const dueAt = back.body.findIndex((e: any) => e.id === 'due');
    expect(back.body[dueAt + 1]).toMatchObject({ type: 'TextBlock', color: 'Attention' });
    expect(back.body[dueAt + 1].text).toMatch(/2026-02-30|datum/i);
    expect(await teams.rig.store.steps.byId(1)).toBeFalsy();

    const good = await teams.rig.post(execute(karin, { ...back.actions[0].data, owner: anna.email, due: '2026-12-04', text: 'Boka trepartssamtal' }, at()));
    expect(cardText({ attachments: [{ content: good.body.value }] })).toContain('Klart');
    expect(teams.connector.texts(CHANNEL).join('\n')).toContain('Åtgärd #1 för UNG-2026-001: Boka trepartssamtal – ägare Anna AF');
  });

  it('a value with identity data is not put back into the form', async () => {
    const form = await stepForm();
    const pnr = personnummer('900101', '123', '-');
    const bad = await teams.rig.post(execute(karin, { ...form.actions[0].data, owner: anna.email, due: '2026-12-04', text: `Ring om ${pnr}` }, at()));
    const back = bad.body.value;
    expect(JSON.stringify(back)).not.toContain(pnr);
    expect(inputs(back).find((i: any) => i.id === 'text').value).toBeUndefined();
    expect(cardText({ attachments: [{ content: back }] })).toMatch(/personnummer/);
    expect(await teams.rig.store.steps.byId(1)).toBeFalsy();
  });
});
