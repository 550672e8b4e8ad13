// `/forum sida`, `sida återkalla`, `rapport länk`, `rapport länk återkalla` and `mina länk` at the wire:
// signed slash commands in, the link in the person's answer, and that link opened on the same server
// (the real composition): 200 while it lives, the same 404 as an unknown page once revoked.
import { describe, expect, it } from 'vitest';
import { useSlackServer, visibleText } from '../helpers/slack.js';
import { pageTokens } from '../../src/db/schema/index.js';

const C = 'CUNGA01';
const USERS = [
  { id: 'UANNA', name: 'Anna', email: 'anna@arbetsformedlingen.se', locale: 'sv-SE' },
  { id: 'UKARIN', name: 'Karin', email: 'karin@helsingborg.se', locale: 'sv-SE' },
  { id: 'UBOB', name: 'Bob', email: 'bob@helsingborg.se', locale: 'en-GB' },
];

const { fake, s, database } = useSlackServer(USERS);

async function answer(user: string, text: string, channel = C): Promise<string> {
  const responseUrl = fake.responseUrl();
  const res = await s.client.command({ user, channel, text, responseUrl });
  expect(res.status).toBe(200);
  return visibleText((await fake.waitFor((c) => c.method === 'response_url' && c.url === responseUrl, `an answer to "${text}"`)).body);
}

const FORUM_LINK = /(\/forum\/arendeforum-unga\?token=[\w-]+)/;
const DASHBOARD_LINK = /(\/dashboard\?token=[\w-]+)/;
const MINE_LINK = /(\/mine\?token=[\w-]+)/;

function pathIn(text: string, re: RegExp): string {
  const path = re.exec(text)?.[1];
  expect(path, text).toBeTruthy();
  return path!;
}

const open = (path: string) => fetch(s.base + path);

describe('page links in Slack', () => {
  it('sida: the coordinator gets a link that opens the forum page, and sida återkalla closes it', async () => {
    expect(await answer('UANNA', 'koppla arendeforum-unga')).toContain('Ärendeforum unga 18–29');
    const text = await answer('UANNA', 'sida');
    expect(text).toContain('Forumsidan för Ärendeforum unga 18–29');
    const path = pathIn(text, FORUM_LINK);
    const page = await open(path);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Ärendeforum unga 18–29');
    // The token opens its own forum only, and only its hash is stored.
    const other = await open(path.replace('arendeforum-unga', 'arendeforum-vuxna'));
    expect(other.status).toBe(404);
    const token = path.split('token=')[1];
    const rows = await database.db.select().from(pageTokens);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);

    expect(await answer('UANNA', 'sida återkalla')).toContain('En länk till forumsidan för Ärendeforum unga 18–29 är återkallad');
    expect((await open(path)).status).toBe(404);
    expect(await answer('UANNA', 'sida återkalla')).toContain('Det fanns ingen öppen länk');
  });

  it('rapport länk: a dashboard link with the aggregates; rapport länk återkalla closes every one', async () => {
    await answer('UANNA', 'koppla arendeforum-unga');
    const first = pathIn(await answer('UANNA', 'rapport länk'), DASHBOARD_LINK);
    const second = pathIn(await answer('UANNA', 'rapport länk'), DASHBOARD_LINK);
    expect(first).not.toBe(second);
    const page = await open(first);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<svg');
    // A dashboard token is not a forum token.
    expect((await open(`/forum/arendeforum-unga?token=${first.split('token=')[1]}`)).status).toBe(404);
    // The quarterly report still answers to `rapport <kvartal>` beside the sub-verb.
    expect(await answer('UANNA', 'rapport 2026-Q4')).toContain('2026-Q4');

    expect(await answer('UANNA', 'rapport länk återkalla')).toContain('2 länkar till uppföljningssidan är återkallade');
    expect((await open(first)).status).toBe(404);
    expect((await open(second)).status).toBe(404);
  });

  it('only the coordinator gets a forum or dashboard link; others are refused and nothing is made', async () => {
    await answer('UANNA', 'koppla arendeforum-unga');
    expect(await answer('UKARIN', 'sida')).toContain('Det får bara forumets samordnare göra.');
    expect(await answer('UKARIN', 'rapport länk')).toContain('Det får bara forumets samordnare göra.');
    expect(await answer('UKARIN', 'sida återkalla')).toContain('Det får bara forumets samordnare göra.');
    expect(await database.db.select().from(pageTokens)).toHaveLength(0);
  });

  it('in English: page, report link and mine link answer in English with working links', async () => {
    const V = 'CVUXNA01';
    await answer('UBOB', 'link arendeforum-vuxna', V);
    const text = await answer('UBOB', 'page', V);
    expect(text).toContain('The forum page of');
    const forumPath = pathIn(text, /(\/forum\/arendeforum-vuxna\?token=[\w-]+)/);
    const page = await open(`${forumPath}&lang=en`);
    expect(page.status).toBe(200);
    expect(await answer('UBOB', 'report link', V)).toContain("The steering group's dashboard");
    const mine = await answer('UBOB', 'mine link', V);
    expect(mine).toContain('Your own page');
    const minePage = await open(pathIn(mine, MINE_LINK));
    expect(minePage.status).toBe(200);
    expect(await answer('UBOB', 'page revoke', V)).toContain('One link to the forum page');
    expect((await open(forumPath)).status).toBe(404);
  });

  it('mina länk works in a direct message too, and opens only that person’s page', async () => {
    const text = await answer('UKARIN', 'mina länk', 'DKARIN');
    const path = pathIn(text, MINE_LINK);
    expect((await open(path)).status).toBe(200);
    expect((await open(path.replace('/mine', '/dashboard'))).status).toBe(404);
  });

  it('the audit log records making and revoking links', async () => {
    await answer('UANNA', 'koppla arendeforum-unga');
    await answer('UANNA', 'sida');
    await answer('UANNA', 'rapport länk');
    await answer('UANNA', 'sida återkalla');
    const { auditLog } = await import('../../src/db/schema/index.js');
    const actions = (await database.db.select().from(auditLog)).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['page.link', 'dashboard.link', 'page.revoke']));
  });
});
