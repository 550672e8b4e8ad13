// A year of forum work typed as users would, for the page tests (HTTP and browser): two case forums,
// cases in every quarter of 2026 with target groups, steps done on time and late, SFI handovers
// answered on time, late and never, closed cases, and a held meeting whose minutes wait for approval.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createHttpServer } from '../../src/http/server.js';
import { pageRoutes } from '../../src/http/pages/routes.js';
import { teamsTabRoutes } from '../../src/http/pages/teams-tabs.js';
import type { PageTokenStore } from '../../src/core/stores.js';
import { createLogger } from '../../src/log.js';
import { ANNA, KARIN, OLLE, type TestBot } from './bot.js';
import type { TestDatabase } from './db.js';

/** When the pages are looked at: mid-December 2026, after the last meeting. */
export const PAGES_NOW = '2026-12-10T09:00:00+01:00';

async function at(bot: TestBot, iso: string, user: string, line: string, channel = 'unga'): Promise<string> {
  bot.clock.set(iso);
  const r = await bot.sayRaw(user, line, channel);
  if (!r.ok) throw new Error(`seed "${line}" refused: ${JSON.stringify(r.message)}`);
  return JSON.stringify(r.message ?? '');
}

export async function seedPagesYear(bot: TestBot): Promise<void> {
  await at(bot, '2026-01-05T09:00:00+01:00', ANNA, 'koppla arendeforum-unga');
  await at(bot, '2026-01-05T09:05:00+01:00', KARIN, 'koppla arendeforum-vuxna', 'vuxna');
  // Q1
  await at(bot, '2026-01-12T10:00:00+01:00', ANNA, 'ärende ny grupp:unga samtycke:ja Studiestart till hösten'); // UNG-001
  await at(bot, '2026-01-14T10:00:00+01:00', ANNA, 'åtgärd ny UNG-2026-001 @anna@arbetsformedlingen.se 2026-02-02 boka trepartssamtal'); // #1
  await at(bot, '2026-01-30T10:00:00+01:00', ANNA, 'åtgärd klar 1');
  await at(bot, '2026-02-03T10:00:00+01:00', KARIN, 'ärende ny grupp:ekonomiskt-bistand samtycke:nej Behöver samplanering', 'vuxna'); // VUX-001
  await at(bot, '2026-02-10T10:00:00+01:00', KARIN, 'åtgärd ny VUX-2026-001 @karin@helsingborg.se 2026-03-02 kartläggning', 'vuxna'); // #2
  await at(bot, '2026-03-05T10:00:00+01:00', KARIN, 'åtgärd klar 2', 'vuxna'); // late
  await at(bot, '2026-03-02T10:00:00+01:00', ANNA, 'överlämning ny sfi UNG-2026-001 @karin@helsingborg.se senast 2026-03-20'); // handover #1
  await at(bot, '2026-03-18T10:00:00+01:00', KARIN, 'överlämning svar 1 startdatum=2026-04-06 nivå=2 skola=Komvux omfattning=30 sfi-kontakt=@olle@helsingborg.se');
  // Q2
  await at(bot, '2026-04-08T10:00:00+02:00', OLLE, 'ärende ny grupp:unga,ekonomiskt-bistand samtycke:nej Ekonomi och studier'); // UNG-002
  await at(bot, '2026-04-15T10:00:00+02:00', OLLE, 'åtgärd ny UNG-2026-002 @olle@helsingborg.se 2026-05-04 kontakta SYV'); // #3
  await at(bot, '2026-05-04T10:00:00+02:00', OLLE, 'åtgärd klar 3');
  await at(bot, '2026-05-06T10:00:00+02:00', ANNA, 'ärende avsluta UNG-2026-001 studier');
  await at(bot, '2026-05-11T10:00:00+02:00', ANNA, 'överlämning ny sfi UNG-2026-002 @karin@helsingborg.se senast 2026-05-25'); // handover #2
  await at(bot, '2026-06-01T10:00:00+02:00', KARIN, 'överlämning svar 2 startdatum=2026-08-17 nivå=1 skola=Komvux omfattning=23 sfi-kontakt=@olle@helsingborg.se'); // late
  // Q3
  await at(bot, '2026-08-20T10:00:00+02:00', ANNA, 'ärende ny grupp:etablering samtycke:ja Nyanländ med utbildningsplikt'); // UNG-003
  await at(bot, '2026-08-24T10:00:00+02:00', ANNA, 'åtgärd ny UNG-2026-003 @anna@arbetsformedlingen.se 2026-09-14 anvisa SFI'); // #4
  await at(bot, '2026-09-01T10:00:00+02:00', ANNA, 'överlämning ny sfi UNG-2026-003 @karin@helsingborg.se senast 2026-09-15'); // handover #3, never answered
  await at(bot, '2026-09-10T10:00:00+02:00', KARIN, 'ärende ny grupp:funktionsnedsattning samtycke:ja Anpassat stöd', 'vuxna'); // VUX-002
  await at(bot, '2026-09-20T10:00:00+02:00', KARIN, 'ärende avsluta VUX-2026-001 samplanering', 'vuxna');
  // Q4
  await at(bot, '2026-10-05T10:00:00+02:00', OLLE, 'ärende ny grupp:unga samtycke:nej Vill börja arbeta'); // UNG-004
  await at(bot, '2026-10-06T10:00:00+02:00', OLLE, 'åtgärd ny UNG-2026-004 @olle@helsingborg.se 2026-12-01 praktikplats'); // #5, overdue open
  await at(bot, '2026-11-02T10:00:00+01:00', KARIN, 'ärende ny grupp:ekonomiskt-bistand samtycke:ja Arbete och bistånd', 'vuxna'); // VUX-003
  await at(bot, '2026-11-03T10:00:00+01:00', KARIN, 'åtgärd ny VUX-2026-003 @karin@helsingborg.se 2027-01-15 uppföljning', 'vuxna'); // #6
  await at(bot, '2026-11-20T10:00:00+01:00', ANNA, 'ärende avsluta UNG-2026-002 arbete');
  // A held meeting of the young people's forum, minutes approved by AF only so far.
  await at(bot, '2026-12-03T13:05:00+01:00', ANNA, 'möte start');
  await at(bot, '2026-12-03T14:00:00+01:00', ANNA, 'möte avsluta');
  await at(bot, '2026-12-03T14:10:00+01:00', ANNA, 'protokoll justera');
  bot.clock.set(PAGES_NOW);
}

export interface PagesServer {
  base: string;
  server: Server;
  tokens: PageTokenStore;
  close(): Promise<void>;
}

/** The page routes (and the Teams tab pages) on a free port of 127.0.0.1, on the test bot's database and clock. */
export async function startPagesServer(bot: TestBot, database: TestDatabase): Promise<PagesServer> {
  const tokens = bot.store.pages;
  const deps = { store: bot.store, config: bot.config, clock: bot.clock };
  const server = createHttpServer([...pageRoutes(deps), ...teamsTabRoutes(deps)], createLogger('silent'));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, server, tokens, close: () => new Promise<void>((r) => server.close(() => r())) };
}
