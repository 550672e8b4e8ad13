// The Teams tab pages over HTTP: the channel tab's configuration page accepts only a live link from
// `sida` (or `rapport länk`) and points the tab at exactly that page; the personal tab opens `mina`
// from the person's own `mina länk` and nothing else. No page mints a token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPageToken } from '../../src/core/pagetoken.js';
import { ANNA, createTestBot, OLLE, useTestDatabase, type TestBot } from '../helpers/bot.js';
import { seedPagesYear, startPagesServer, type PagesServer } from '../helpers/pages.js';

const database = useTestDatabase();
let bot: TestBot;
let srv: PagesServer;

beforeAll(async () => {
  bot = await createTestBot(database);
  await seedPagesYear(bot);
  srv = await startPagesServer(bot, database);
}, 120_000);
afterAll(async () => {
  await srv?.close();
});

/** The link in a chat answer (the shell's answer has no public URL: the path only). */
function linkIn(answer: string, path: RegExp): string {
  const m = new RegExp(`${path.source}\\?token=[A-Za-z0-9_-]+`).exec(answer);
  if (!m) throw new Error(`no link in: ${answer}`);
  return m[0];
}

async function get(path: string): Promise<{ status: number; body: string; headers: Headers }> {
  const res = await fetch(srv.base + path, { redirect: 'manual' });
  return { status: res.status, body: await res.text(), headers: res.headers };
}

const tokenCount = async () => (await bot.db.execute('select count(*)::int as n from page_tokens')) as unknown;

describe('the channel tab', () => {
  it('the configuration page takes the link from sida and points the tab at that forum page', async () => {
    const link = linkIn(await bot.say(ANNA, 'sida'), /\/forum\/arendeforum-unga/);
    const empty = await get('/teams/tab/config');
    expect(empty.status).toBe(200);
    expect(empty.body).toContain('name="link"');
    expect(empty.body).not.toContain('id="tab-target"');
    const ok = await get(`/teams/tab/config?link=${encodeURIComponent(`https://samrad.example${link}`)}`);
    expect(ok.status).toBe(200);
    expect(ok.body).toContain('Länken öppnar forumsidan för Ärendeforum unga 18–29');
    expect(ok.body).toContain(`data-path="${link}"`);
    expect(ok.headers.get('content-security-policy')).toContain('frame-ancestors https://teams.microsoft.com');
    // The tab's content URL opens the forum page.
    expect((await get(link)).status).toBe(200);
  });

  it('takes a dashboard link from rapport länk; refuses a wrong, revoked or personal link and says why', async () => {
    const dash = linkIn(await bot.say(ANNA, 'rapport länk'), /\/dashboard/);
    expect((await get(`/teams/tab/config?link=${encodeURIComponent(dash)}`)).body).toContain('styrgruppens översikt');
    const mine = linkIn(await bot.say(OLLE, 'mina länk'), /\/mine/);
    const forum = linkIn(await bot.say(ANNA, 'sida'), /\/forum\/arendeforum-unga/);
    const forged = forum.replace('arendeforum-unga', 'arendeforum-vuxna');
    for (const bad of [mine, forged, `/forum/arendeforum-unga?token=${newPageToken()}`, 'inte en länk']) {
      const r = await get(`/teams/tab/config?link=${encodeURIComponent(bad)}`);
      expect(r.status).toBe(200);
      expect(r.body).toContain('Länken fungerar inte');
      expect(r.body).not.toContain('id="tab-target"');
    }
    await bot.say(ANNA, 'sida återkalla');
    expect((await get(`/teams/tab/config?link=${encodeURIComponent(forum)}`)).body).toContain('Länken fungerar inte');
    // The saved tab stops working with the link.
    expect((await get(forum)).status).toBe(404);
  });
});

describe('the personal tab', () => {
  it('opens mina from the person’s own mina länk, and only from that', async () => {
    const before = JSON.stringify(await tokenCount());
    const setup = await get('/teams/tab/mine');
    expect(setup.status).toBe(200);
    expect(setup.body).toContain('data-state="setup"');
    expect(JSON.stringify(await tokenCount())).toBe(before); // opening the tab mints nothing
    const link = linkIn(await bot.say(OLLE, 'mina länk'), /\/mine/);
    const pasted = await get(`/teams/tab/mine?link=${encodeURIComponent(link)}`);
    expect(pasted.status).toBe(303);
    const mine = await get(pasted.headers.get('location')!);
    expect(mine.status).toBe(200);
    expect(mine.body).toContain('olle@helsingborg.se');
    expect(mine.body).toContain('praktikplats');
    expect(mine.body).toContain('data-remember=');
    // A forum link or a wrong token opens no one's list.
    const forum = linkIn(await bot.say(ANNA, 'sida'), /\/forum\/arendeforum-unga/);
    const refused = await get(`/teams/tab/mine?link=${encodeURIComponent(forum)}`);
    expect(refused.status).toBe(200);
    expect(refused.body).toContain('Länken fungerar inte längre');
    const stale = await get(`/teams/tab/mine?token=${newPageToken()}`);
    expect(stale.status).toBe(404);
    expect(stale.body).toContain('data-state="forget"');
    expect(stale.body).not.toContain('praktikplats');
  });

  it('answers in English for an English Teams client', async () => {
    expect((await get('/teams/tab/mine?lang=en-us')).body).toContain('My next steps and handovers');
    expect((await get('/teams/tab/config?lang=en-gb')).body).toContain('Samråd as a tab');
  });
});
