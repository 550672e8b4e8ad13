// The Teams tabs in headless Chromium. Teams itself is not there: the Teams JS SDK's address is
// answered by a small fake of the SDK that records what the page asks of Teams (the same calls the
// real SDK makes to its host), or by an empty script, as outside Teams.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPageToken } from '../../src/core/pagetoken.js';
import { TEAMS_SDK_URL } from '../../src/http/pages/teams-tabs.js';
import { ANNA, createTestBot, OLLE, useTestDatabase, type TestBot } from '../helpers/bot.js';
import { browserSkipReason, openBrowser, type Browser } from '../helpers/browser.js';
import { seedPagesYear, startPagesServer, type PagesServer } from '../helpers/pages.js';

const skip = browserSkipReason();
if (skip) console.warn(skip);
const ARTIFACTS = join(process.cwd(), 'artifacts', 'screenshots');

/** What the page does with microsoftTeams: app.initialize, pages.config.{registerOnSaveHandler, setValidityState, setConfig}. */
const FAKE_SDK = `window.__teams = { calls: [] };
window.microsoftTeams = {
  app: { initialize: function () { __teams.calls.push('initialize'); return Promise.resolve(); } },
  pages: { config: {
    registerOnSaveHandler: function (h) { __teams.onSave = h; },
    setValidityState: function (v) { __teams.valid = v; },
    setConfig: function (c) { __teams.config = c; return Promise.resolve(); }
  } }
};
window.__teamsSave = function () { return new Promise(function (res) { __teams.onSave({ notifySuccess: function () { res('success'); }, notifyFailure: function (r) { res('failure: ' + r); } }); }); };`;

interface TeamsFake {
  calls: string[];
  valid?: boolean;
  config?: { entityId: string; contentUrl: string; websiteUrl: string; suggestedDisplayName: string };
}

const database = useTestDatabase();
let bot: TestBot;
let srv: PagesServer;
let browser: Browser;

describe.skipIf(Boolean(skip))('the Teams tabs in headless Chromium', { timeout: 180_000 }, () => {
  beforeAll(async () => {
    bot = await createTestBot(database);
    await seedPagesYear(bot);
    srv = await startPagesServer(bot, database);
    browser = await openBrowser();
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await srv?.close();
  });

  async function open(path: string, sdk: 'fake' | 'none'): Promise<{ page: Page; errors: string[]; status: number }> {
    const page = await browser.context.newPage();
    await page.route(TEAMS_SDK_URL, (route) => route.fulfill({ contentType: 'text/javascript', body: sdk === 'fake' ? FAKE_SDK : '' }));
    const errors: string[] = [];
    page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    const res = await page.goto(srv.base + path);
    return { page, errors, status: res?.status() ?? 0 };
  }

  const linkIn = (answer: string, path: string) => new RegExp(`${path}\\?token=[A-Za-z0-9_-]+`).exec(answer)![0];
  const fake = (page: Page) => page.evaluate(() => (window as unknown as { __teams: TeamsFake }).__teams);

  async function noSeriousViolations(page: Page): Promise<void> {
    await page.addScriptTag({ content: axe.source });
    const result = await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }));
    expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  }

  it('channel tab: the coordinator pastes the sida link, Save sets the tab to that forum page, and the tab opens it', async () => {
    const link = linkIn(await bot.say(ANNA, 'sida'), '/forum/arendeforum-unga');
    const { page, errors, status } = await open('/teams/tab/config', 'fake');
    expect(status).toBe(200);
    await page.waitForFunction(() => (window as unknown as { __teams: TeamsFake }).__teams.valid !== undefined);
    expect((await fake(page)).valid).toBe(false); // nothing pasted yet: Save stays off
    await page.getByLabel('Länk från sida eller rapport länk').fill(srv.base + link);
    await Promise.all([page.waitForURL(/link=/), page.getByRole('button', { name: 'Kontrollera länken' }).press('Enter')]);
    await page.waitForFunction(() => (window as unknown as { __teams: TeamsFake }).__teams.valid === true);
    expect(await page.getByRole('status').textContent()).toContain('Ärendeforum unga 18–29');
    expect(await page.evaluate(() => (window as unknown as { __teamsSave(): Promise<string> }).__teamsSave())).toBe('success');
    const config = (await fake(page)).config!;
    expect(config).toEqual({ entityId: 'forum-arendeforum-unga', contentUrl: srv.base + link, websiteUrl: srv.base + link, suggestedDisplayName: 'Ärendeforum unga 18–29' });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(ARTIFACTS, 'teams-tab-config-390x844.png'), fullPage: true });
    await noSeriousViolations(page);
    expect(errors).toEqual([]);
    await page.close();
    // What the channel then sees in the tab.
    const tab = await open(config.contentUrl.slice(srv.base.length), 'none');
    expect(tab.status).toBe(200);
    expect(await tab.page.locator('h1').textContent()).toContain('Ärendeforum unga 18–29');
    await tab.page.close();
  });

  it('channel tab: a wrong link keeps Save off and says so; without the SDK the page still checks the link', async () => {
    const { page } = await open(`/teams/tab/config?link=${encodeURIComponent(`/forum/arendeforum-unga?token=${newPageToken()}`)}`, 'fake');
    await page.waitForFunction(() => (window as unknown as { __teams: TeamsFake }).__teams.valid !== undefined);
    expect((await fake(page)).valid).toBe(false);
    expect(await page.getByRole('alert').textContent()).toContain('Länken fungerar inte');
    await page.close();
    const dash = linkIn(await bot.say(ANNA, 'rapport länk'), '/dashboard');
    const outside = await open('/teams/tab/config', 'none');
    await outside.page.getByLabel('Länk från sida eller rapport länk').fill(dash);
    await Promise.all([outside.page.waitForURL(/link=/), outside.page.getByRole('button', { name: 'Kontrollera länken' }).click()]);
    expect(await outside.page.getByRole('status').textContent()).toContain('styrgruppens översikt');
    expect(outside.errors).toEqual([]);
    await outside.page.close();
  });

  it('personal tab: pasted once, mina opens by itself next time; a link that stopped working is forgotten', async () => {
    const link = linkIn(await bot.say(OLLE, 'mina länk'), '/mine');
    const first = await open('/teams/tab/mine', 'fake');
    expect(await first.page.locator('h1').textContent()).toBe('Mina åtgärder och överlämningar');
    await first.page.getByLabel('Länk från mina länk').fill(srv.base + link);
    await Promise.all([first.page.waitForURL(/token=/), first.page.getByRole('button', { name: 'Öppna' }).click()]);
    expect(await first.page.locator('#my-steps').textContent()).toContain('praktikplats');
    await noSeriousViolations(first.page);
    expect(first.errors).toEqual([]);
    await first.page.close();
    // Next time the tab opens, the list comes at once.
    const again = await open('/teams/tab/mine', 'fake');
    await again.page.waitForURL(/token=/);
    await again.page.locator('#my-steps').waitFor();
    expect(await again.page.locator('#my-steps').textContent()).toContain('praktikplats');
    expect(await again.page.evaluate(() => (window as unknown as { __teams: TeamsFake }).__teams.calls)).toContain('initialize');
    await again.page.close();
    // A stored link that no longer works: 404, the page forgets it, and the tab asks again.
    const stale = await open(`/teams/tab/mine?token=${newPageToken()}`, 'fake');
    expect(stale.status).toBe(404);
    await stale.page.close();
    const asked = await open('/teams/tab/mine', 'fake');
    expect(await asked.page.locator('#mine-tab').getAttribute('data-state')).toBe('setup');
    expect(await asked.page.evaluate(() => localStorage.getItem('samrad.mine'))).toBeNull();
    await asked.page.close();
  });
});
