// The pages in a real browser: headless Chromium opens the dashboard and the forum page the way a
// steering-group member would, checks the charts render, the tables hold the figures of
// `samrad report --format json`, the filters change them, wrong and revoked links get 404, no
// serious axe-core violations, and keeps screenshots (desktop and phone) under artifacts/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPageToken } from '../../src/core/pagetoken.js';
import { runReport } from '../../src/report/cli.js';
import { createTestBot, useTestDatabase, type TestBot } from '../helpers/bot.js';
import { browserSkipReason, openBrowser, type Browser } from '../helpers/browser.js';
import { seedPagesYear, startPagesServer, type PagesServer } from '../helpers/pages.js';

const skip = browserSkipReason();
if (skip) console.warn(skip);

const ARTIFACTS = join(process.cwd(), 'artifacts', 'screenshots');
const QUARTERS = ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'];
const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } };

const database = useTestDatabase();
let bot: TestBot;
let srv: PagesServer;
let browser: Browser;
let dashboardToken: string;
let forumToken: string;

describe.skipIf(Boolean(skip))('the pages in headless Chromium', { timeout: 180_000 }, () => {
  beforeAll(async () => {
    bot = await createTestBot(database);
    await seedPagesYear(bot);
    srv = await startPagesServer(bot, database);
    [dashboardToken, forumToken] = [newPageToken(), newPageToken()];
    await srv.tokens.issue(dashboardToken, { scope: 'dashboard', forumKey: null, memberId: null, createdBy: 1, at: bot.clock.now() });
    await srv.tokens.issue(forumToken, { scope: 'forum', forumKey: 'arendeforum-unga', memberId: null, createdBy: 1, at: bot.clock.now() });
    browser = await openBrowser();
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await srv?.close();
  });

  /** Opens a page and records what the browser console reports as errors. */
  async function open(path: string): Promise<{ page: Page; errors: string[]; status: number }> {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    const res = await page.goto(srv.base + path);
    return { page, errors, status: res?.status() ?? 0 };
  }

  async function report(quarter: string, group?: string) {
    let out = '';
    await runReport(['--quarter', quarter, '--format', 'json', ...(group ? ['--group', group] : [])], { store: bot.store, config: bot.config, now: bot.clock.now(), out: (s) => (out += s), err: () => {} });
    return JSON.parse(out) as { forums: { forumKey: string; forumName: string; casesRaised: number; daysToFirstStep: { median: number | null }; steps: { sharePercent: number | null } }[] };
  }

  /** A table as the reader sees it: row header → numbers (Swedish format read back; – is no value). */
  async function tableOf(page: Page, id: string): Promise<Map<string, (number | null)[]>> {
    const rows = await page.$$eval(`#table-${id} tbody tr`, (trs) => trs.map((tr) => [tr.querySelector('th')!.textContent!.trim(), ...[...tr.querySelectorAll('td')].map((td) => (td.querySelector('[aria-hidden]') ? '' : td.textContent!.trim()))]));
    const num = (s: string) => (s === '' ? null : Number(s.replace(/[\s\u00a0%]/g, '').replace(',', '.')));
    return new Map(rows.map(([label, ...cells]) => [label, cells.map(num)]));
  }

  async function noSeriousViolations(page: Page): Promise<void> {
    await page.addScriptTag({ content: axe.source });
    const result = await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }));
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
    expect(serious).toEqual([]);
  }

  it('draws every chart as SVG, with no console errors, and its table holds the report figures', async () => {
    const { page, errors, status } = await open(`/dashboard?token=${dashboardToken}&from=2026-Q1&to=2026-Q4`);
    expect(status).toBe(200);
    for (const id of ['cases', 'groups', 'organisations', 'days', 'steps', 'handovers', 'outcomes']) {
      expect(await page.locator(`#chart-${id} svg`).count()).toBe(1);
      // Marks drawn: lines and points (paths) or bars (paths in Vega's SVG).
      expect(await page.locator(`#chart-${id} svg .mark-line path, #chart-${id} svg .mark-rect path, #chart-${id} svg .mark-symbol path`).count()).toBeGreaterThan(0);
      expect(await page.locator(`#chart-${id} a[href*=".csv?"]`).count()).toBe(1);
      expect(await page.locator(`#chart-${id} a[href*=".png?"]`).count()).toBe(1);
    }
    const reports = await Promise.all(QUARTERS.map((q) => report(q)));
    const [cases, days, steps] = [await tableOf(page, 'cases'), await tableOf(page, 'days'), await tableOf(page, 'steps')];
    for (const f of reports[0].forums) {
      const per = <T>(pick: (x: (typeof f)) => T) => reports.map((r) => pick(r.forums.find((x) => x.forumKey === f.forumKey)!));
      expect(cases.get(f.forumName)).toEqual(per((x) => x.casesRaised));
      expect(days.get(f.forumName)).toEqual(per((x) => x.daysToFirstStep.median));
      expect(steps.get(f.forumName)).toEqual(per((x) => x.steps.sharePercent));
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the filters change the figures (keyboard only), as the report does with --group', async () => {
    const { page, errors } = await open(`/dashboard?token=${dashboardToken}&from=2026-Q1&to=2026-Q4`);
    const before = await tableOf(page, 'cases');
    await page.locator('select[name=group]').focus();
    await page.keyboard.press('Tab'); // leaves the select for the button: the order is the visual one
    await page.locator('select[name=group]').selectOption('unga');
    await page.locator('button[type=submit]').focus();
    await Promise.all([page.waitForURL(/group=unga/), page.keyboard.press('Enter')]);
    const after = await tableOf(page, 'cases');
    expect(after).not.toEqual(before);
    const reports = await Promise.all(QUARTERS.map((q) => report(q, 'unga')));
    for (const f of reports[0].forums) expect(after.get(f.forumName)).toEqual(reports.map((r) => r.forums.find((x) => x.forumKey === f.forumKey)!.casesRaised));
    expect(await page.locator('#selection').textContent()).toContain('Unga 18–29');
    // One forum only.
    await page.locator('select[name=forum]').selectOption('arendeforum-vuxna');
    await Promise.all([page.waitForURL(/forum=arendeforum-vuxna/), page.locator('button[type=submit]').click()]);
    expect([...(await tableOf(page, 'cases')).keys()]).toEqual([reports[0].forums.find((f) => f.forumKey === 'arendeforum-vuxna')!.forumName]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a wrong or revoked link gets 404', async () => {
    expect((await open(`/dashboard?token=${newPageToken()}`)).status).toBe(404);
    expect((await open(`/forum/arendeforum-unga?token=${dashboardToken}`)).status).toBe(404);
    const token = newPageToken();
    await srv.tokens.issue(token, { scope: 'dashboard', forumKey: null, memberId: null, createdBy: 1, at: bot.clock.now() });
    const ok = await open(`/dashboard?token=${token}`);
    expect(ok.status).toBe(200);
    await ok.page.close();
    await srv.tokens.revoke({ scope: 'dashboard' }, bot.clock.now());
    const gone = await open(`/dashboard?token=${token}`);
    expect(gone.status).toBe(404);
    expect(await gone.page.locator('h1').textContent()).toBe('Sidan finns inte, eller länken är återkallad.');
    await gone.page.close();
    // Revoking took every dashboard link; the steering group gets a new one.
    dashboardToken = newPageToken();
    await srv.tokens.issue(dashboardToken, { scope: 'dashboard', forumKey: null, memberId: null, createdBy: 1, at: bot.clock.now() });
  });

  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    it(`dashboard and forum page at ${viewport.width}×${viewport.height}: screenshots, no serious axe violations`, async () => {
      for (const [what, path] of [
        ['dashboard', `/dashboard?token=${dashboardToken}&from=2026-Q1&to=2026-Q4`],
        ['forum', `/forum/arendeforum-unga?token=${forumToken}`],
      ]) {
        const { page, errors, status } = await open(path);
        expect(status).toBe(200);
        await page.setViewportSize(viewport);
        await page.screenshot({ path: join(ARTIFACTS, `${what}-${name}-${viewport.width}x${viewport.height}.png`), fullPage: true });
        await noSeriousViolations(page);
        expect(errors).toEqual([]);
        await page.close();
      }
    });
  }

  it('the forum page shows the open work with overdue marked, and the English page says the same', async () => {
    const { page } = await open(`/forum/arendeforum-unga?token=${forumToken}&lang=en`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('#next-meeting').textContent()).toBe('Thursday, 17 December 2026 at 13:00');
    expect(await page.locator('#open-steps tbody tr').count()).toBe(2);
    expect(await page.locator('#open-steps .late').count()).toBe(2);
    expect(await page.locator('#minutes-status').textContent()).toContain('Not approved');
    await page.close();
  });
});
