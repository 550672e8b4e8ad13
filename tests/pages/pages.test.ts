// The read-only pages over HTTP: what a token opens (and what it does not), the consent rule on the
// forum page, and the dashboard's downloads holding exactly the figures of `samrad report --format json`.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReport } from '../../src/report/cli.js';
import { newPageToken } from '../../src/core/pagetoken.js';
import { addDays, localDate } from '../../src/core/dates.js';
import { createTestBot, useTestDatabase, type TestBot } from '../helpers/bot.js';
import { seedPagesYear, startPagesServer, type PagesServer } from '../helpers/pages.js';

const database = useTestDatabase();
let bot: TestBot;
let srv: PagesServer;
let dashboardToken: string;
let ungaToken: string;

beforeAll(async () => {
  bot = await createTestBot(database);
  await seedPagesYear(bot);
  srv = await startPagesServer(bot, database);
  dashboardToken = newPageToken();
  ungaToken = newPageToken();
  await srv.tokens.issue(dashboardToken, { scope: 'dashboard', forumKey: null, memberId: null, createdBy: 1, at: bot.clock.now() });
  await srv.tokens.issue(ungaToken, { scope: 'forum', forumKey: 'arendeforum-unga', memberId: null, createdBy: 1, at: bot.clock.now() });
}, 120_000);
afterAll(async () => {
  await srv?.close();
});

async function report(quarter: string, group?: string) {
  let out = '';
  const args = ['--quarter', quarter, '--format', 'json', ...(group ? ['--group', group] : [])];
  const code = await runReport(args, { store: bot.store, config: bot.config, now: bot.clock.now(), out: (s) => (out += s), err: () => {} });
  expect(code).toBe(0);
  return JSON.parse(out) as { forums: { forumKey: string; forumName: string; casesRaised: number; byTargetGroup: { key: string; count: number }[]; daysToFirstStep: { median: number | null }; steps: { sharePercent: number | null }; handoversByTemplate: { template: string; onTime: number; late: number; never: number; pending: number }[]; outcomes: Record<string, number> }[] };
}

async function csv(chart: string, query: string): Promise<string[][]> {
  const res = await fetch(`${srv.base}/dashboard/${chart}.csv?token=${dashboardToken}&${query}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  return parse(await res.text(), { delimiter: ';', bom: true });
}

const num = (s: string) => (s === '' ? null : Number(s.replace(',', '.')));
const QUARTERS = ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'];

describe('dashboard figures', () => {
  it('every chart download holds the figures of samrad report --format json, quarter by quarter', async () => {
    const reports = await Promise.all(QUARTERS.map((q) => report(q)));
    const range = 'from=2026-Q1&to=2026-Q4';
    const cases = await csv('cases', range);
    expect(cases[0]).toEqual(['Forum', ...QUARTERS]);
    const days = await csv('days', range);
    const steps = await csv('steps', range);
    for (const f of reports[0].forums) {
      const row = (t: string[][]) => t.find((r) => r[0] === f.forumName)!.slice(1).map(num);
      expect(row(cases)).toEqual(reports.map((r) => r.forums.find((x) => x.forumKey === f.forumKey)!.casesRaised));
      expect(row(days)).toEqual(reports.map((r) => r.forums.find((x) => x.forumKey === f.forumKey)!.daysToFirstStep.median));
      expect(row(steps)).toEqual(reports.map((r) => r.forums.find((x) => x.forumKey === f.forumKey)!.steps.sharePercent));
    }
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const groups = await csv('groups', range);
    const unga = groups.find((r) => r[0] === 'Unga 18–29')!.slice(1).map(num);
    expect(unga).toEqual(reports.map((r) => sum(r.forums.map((f) => f.byTargetGroup.find((g) => g.key === 'unga')!.count))));
    const outcomes = await csv('outcomes', range);
    expect(outcomes.find((r) => r[0] === 'studier')!.slice(1).map(num)).toEqual(reports.map((r) => sum(r.forums.map((f) => f.outcomes.studier))));
    const handovers = await csv('handovers', range);
    expect(handovers[0]).toEqual(['Mall', 'i tid', 'sent', 'aldrig', 'väntar']);
    expect(handovers[1][0]).toMatch(/SFI/);
    const sfi = (k: 'onTime' | 'late' | 'never' | 'pending') => sum(reports.flatMap((r) => r.forums.map((f) => f.handoversByTemplate.find((t) => t.template === 'sfi')![k])));
    expect(handovers[1].slice(1).map(num)).toEqual([sfi('onTime'), sfi('late'), sfi('never'), sfi('pending')]);
    // The seeded year, worked out by hand: one SFI answer on time, one late, one never.
    expect(handovers[1].slice(1)).toEqual(['1', '1', '1', '0']);
    expect(cases.find((r) => r[0] === 'Ärendeforum unga 18–29')!.slice(1)).toEqual(['1', '1', '1', '1']);
  });

  it('the target-group filter changes the figures, as the report does with --group', async () => {
    const all = await csv('cases', 'from=2026-Q1&to=2026-Q4');
    const unga = await csv('cases', 'from=2026-Q1&to=2026-Q4&group=unga');
    expect(unga).not.toEqual(all);
    const reports = await Promise.all(QUARTERS.map((q) => report(q, 'unga')));
    for (const f of reports[0].forums) {
      const row = unga.find((r) => r[0] === f.forumName)!.slice(1).map(num);
      expect(row).toEqual(reports.map((r) => r.forums.find((x) => x.forumKey === f.forumKey)!.casesRaised));
    }
    expect(unga.find((r) => r[0] === 'Ärendeforum unga 18–29')!.slice(1)).toEqual(['1', '1', '0', '1']);
  });

  it('shows only aggregates: no case codes and no case text anywhere on the page', async () => {
    const res = await fetch(`${srv.base}/dashboard?token=${dashboardToken}&from=2026-Q1&to=2026-Q4`);
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toContain('<svg');
    expect(body).not.toMatch(/[A-Z]{3}-2026-\d{3}/);
    for (const text of ['Studiestart till hösten', 'Vill börja arbeta', 'boka trepartssamtal', 'Expeditionen']) expect(body).not.toContain(text);
  });

  it('is in English with lang=en, numbers and dates included', async () => {
    const body = await (await fetch(`${srv.base}/dashboard?token=${dashboardToken}&from=2026-Q1&to=2026-Q4&lang=en`)).text();
    expect(body).toContain('<html lang="en">');
    expect(body).toContain('Figures as of 10 December 2026.');
    const sv = await (await fetch(`${srv.base}/dashboard?token=${dashboardToken}&from=2026-Q1&to=2026-Q4`)).text();
    expect(sv).toContain('Underlag per 10 december 2026.');
  });

  it('a filter it does not know is named on the page and left out, not an error', async () => {
    const res = await fetch(`${srv.base}/dashboard?token=${dashboardToken}&from=2026-Q9&group=%3Cscript%3E`);
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toContain('Urvalet ”2026-Q9” känns inte igen');
    expect(body).toContain('”&lt;script&gt;”');
    expect(body).not.toContain('<script>');
  });
});

describe('what a token opens', () => {
  const status = async (path: string) => (await fetch(srv.base + path)).status;

  it('a wrong, malformed, missing or other kind of token gets 404', async () => {
    expect(await status(`/dashboard?token=${newPageToken()}`)).toBe(404);
    expect(await status('/dashboard?token=x')).toBe(404);
    expect(await status('/dashboard')).toBe(404);
    expect(await status(`/dashboard?token=${ungaToken}`)).toBe(404);
    expect(await status(`/dashboard/cases.csv?token=${ungaToken}`)).toBe(404);
    expect(await status(`/forum/arendeforum-unga?token=${dashboardToken}`)).toBe(404);
    expect(await status(`/mine?token=${ungaToken}`)).toBe(404);
  });

  it('a forum token opens its own forum and no other', async () => {
    expect(await status(`/forum/arendeforum-unga?token=${ungaToken}`)).toBe(200);
    expect(await status(`/forum/arendeforum-vuxna?token=${ungaToken}`)).toBe(404);
    expect(await status(`/forum/nope?token=${ungaToken}`)).toBe(404);
  });

  it('a revoked token gets 404', async () => {
    const token = newPageToken();
    await srv.tokens.issue(token, { scope: 'forum', forumKey: 'arendeforum-vuxna', memberId: null, createdBy: 1, at: bot.clock.now() });
    expect(await status(`/forum/arendeforum-vuxna?token=${token}`)).toBe(200);
    expect(await srv.tokens.revoke({ scope: 'forum', forumKey: 'arendeforum-vuxna' }, bot.clock.now())).toBe(1);
    expect(await status(`/forum/arendeforum-vuxna?token=${token}`)).toBe(404);
    expect(await status(`/forum/arendeforum-unga?token=${ungaToken}`)).toBe(200);
  });
});

describe('the forum page', () => {
  it('shows the next meeting, open cases under the consent rule, open work with overdue marked, and the minutes state', async () => {
    const res = await fetch(`${srv.base}/forum/arendeforum-unga?token=${ungaToken}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const body = await res.text();
    expect(body).toContain('torsdag 17 december 2026 kl. 13:00');
    // With consent the question shows; without it only code, target group and category.
    expect(body).toContain('UNG-2026-003');
    expect(body).toContain('Nyanländ med utbildningsplikt');
    expect(body).toContain('UNG-2026-004');
    expect(body).not.toContain('Vill börja arbeta');
    expect(body).not.toContain('praktikplats');
    // Closed cases are not open work.
    expect(body).not.toContain('Studiestart till hösten');
    expect(body).toMatch(/2026-12-01[^]*?Försenad/);
    expect(body).toContain('anvisa SFI');
    expect(body).toMatch(/id="minutes-status"><span class="badge">Inte justerat/);
    // Nothing of the other forum.
    expect(body).not.toMatch(/VUX-2026-\d{3}/);
  });
});

describe('the personal page (`mina` as a page)', () => {
  it('shows the person their own open steps, their text too when the case has no consent, as `mina` does', async () => {
    const olle = await bot.store.members.byEmail('olle@helsingborg.se');
    const token = newPageToken();
    await srv.tokens.issue(token, { scope: 'member', forumKey: null, memberId: olle!.id, createdBy: olle!.id, at: bot.clock.now() });
    const res = await fetch(`${srv.base}/mine?token=${token}`);
    expect(res.status).toBe(200);
    const body = await res.text();
    // Step #5 is Olle's, on UNG-2026-004 (samtycke: nej): its owner sees its text, in chat and here.
    expect(body).toContain('UNG-2026-004');
    expect(body).toContain('praktikplats');
    expect(await bot.say('olle@helsingborg.se', 'mina')).toContain('praktikplats');
    // Nobody else's work, and never the question of a case without consent.
    expect(body).not.toContain('kartläggning');
    expect(body).not.toContain('Vill börja arbeta');
    // The personal token opens nothing else.
    expect((await fetch(`${srv.base}/dashboard?token=${token}`)).status).toBe(404);
  });

  it('lists the forum routines the person owns, with due date and overdue marked, as `mina` does', async () => {
    const olle = (await bot.store.members.byEmail('olle@helsingborg.se'))!;
    const today = localDate(bot.clock.now());
    const occurrence = (routineKey: string, dueDate: string) => ({ forumKey: 'styrgrupp', routineKey, dueDate, owner: 'organisation:x', createdAt: bot.clock.now() });
    // The quarterly follow-up is Helsingborg's (Olle's organisation); the yearly evaluation is AF's.
    const late = (await bot.store.routines.ensure(occurrence('kvartalsuppfoljning', addDays(today, -3))))!;
    const coming = (await bot.store.routines.ensure(occurrence('kvartalsuppfoljning', addDays(today, 20))))!;
    const others = (await bot.store.routines.ensure(occurrence('arlig-utvardering', addDays(today, 5))))!;
    const token = newPageToken();
    await srv.tokens.issue(token, { scope: 'member', forumKey: null, memberId: olle.id, createdBy: olle.id, at: bot.clock.now() });
    const body = await (await fetch(`${srv.base}/mine?token=${token}`)).text();
    const table = /<table id="my-routines">[^]*?<\/table>/.exec(body)?.[0] ?? '';
    const row = (id: number) => new RegExp(`<tr><th scope="row">#${id} [^]*?</tr>`).exec(table)?.[0] ?? '';
    expect(body).toContain('Forumrutiner att göra (2)');
    expect(row(late.id)).toContain('Kvartalsuppföljning av indikatorerna');
    expect(row(late.id)).toContain(`datetime="${addDays(today, -3)}"`);
    expect(row(late.id)).toContain('Försenad');
    expect(row(coming.id)).toContain(`datetime="${addDays(today, 20)}"`);
    expect(row(coming.id)).not.toContain('Försenad');
    expect(table).not.toContain(`#${others.id} `);
    // The same ones `mina` lists in chat.
    const chat = await bot.say('olle@helsingborg.se', 'mina');
    expect(chat).toContain(`${late.id}`);
    expect(chat).not.toContain('Årlig utvärdering');
  });
});
