// Without SAMRAD_PUBLIC_URL Teams cannot load the report chart (a relative image URL): the report card
// says what is missing instead of carrying an Image Teams would show broken.
import { describe, expect, it } from 'vitest';
import { cardText, useTeamsRig } from '../helpers/teams.js';
import { cardProblems } from '../helpers/validators.js';
import { anna, message } from './activities.js';

const teams = useTeamsRig([anna]);
const say = (text: string) => teams.rig.post(message(anna, text, { serviceUrl: teams.connector.url }));

describe('public URL in Teams', () => {
  it('the report says the chart needs SAMRAD_PUBLIC_URL and carries no broken image', async () => {
    await say('koppla arendeforum-unga');
    teams.connector.clear();
    await say('rapport 2026-Q4');
    const [reply] = teams.connector.activities();
    const card = reply.body.attachments[0].content;
    expect(cardText(reply.body)).toContain('servern saknar SAMRAD_PUBLIC_URL');
    expect(JSON.stringify(card)).not.toContain('"type":"Image"');
    expect(cardProblems(card)).toEqual([]);
  });
});
