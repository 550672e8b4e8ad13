// A test bot with the calendar feed served on a free local port, one per test.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterEach } from 'vitest';
import { calendarRoutes } from '../../src/http/calendar.js';
import { createHttpServer } from '../../src/http/server.js';
import { createLogger } from '../../src/log.js';
import { useTestBot, type UsedTestBot } from './bot.js';

/** `fetchFeed(path)` fetches a path (e.g. `/calendar/<forum>.ics?token=…`) from this test's server. */
export function useCalendarServer(): UsedTestBot & { fetchFeed(path: string): Promise<Response> } {
  let server: Server;
  let base = '';
  const used = useTestBot({
    setup: async (bot) => {
      server = createHttpServer(calendarRoutes(bot.store, { clock: bot.clock, language: 'sv' }), createLogger('silent'));
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
  });
  afterEach(async () => {
    await new Promise((r) => server.close(r));
  });
  return { ...used, fetchFeed: (path) => fetch(base + path) };
}
