// The Teams adapter as the composition root sees it: a route for the HTTP server and a chat port.
import type { Route } from '../../src/http/server.js';
import { TeamsBot, teamsAdapter, type TeamsDeps, type TeamsSetup } from './bot.js';
import { TeamsPort } from './port.js';
import { teamsRoute } from './route.js';

export { TeamsBot, type TeamsSetup } from './bot.js';
export { teamsRoute } from './route.js';

export interface TeamsAdapterParts {
  route: Route;
  /** Null when Teams is not configured: the route then refuses every request with 401. */
  port: TeamsPort | null;
  bot: TeamsBot | null;
}

/** Builds the Teams bot from its setup (botbuilder's variables, TEAMS_ALLOW_UNAUTHENTICATED). */
export function createTeams(setup: TeamsSetup, deps: TeamsDeps): TeamsAdapterParts {
  const { allowUnauthenticated } = setup;
  const authenticated = Boolean(setup.auth.appId);
  if (!setup.configured) return { route: teamsRoute(null, { authenticated, allowUnauthenticated, logger: deps.logger }), port: null, bot: null };
  const bot = new TeamsBot(setup.auth, deps);
  return { route: teamsRoute(bot, { authenticated, allowUnauthenticated, logger: deps.logger }), port: bot.port, bot };
}

/** Only the port, for processes that deliver but take no requests (`samrad tick`). */
export function createTeamsPort(setup: TeamsSetup, deps: Pick<TeamsDeps, 'refs' | 'logger'>): TeamsPort | null {
  if (!setup.configured) return null;
  return new TeamsPort(teamsAdapter(setup.auth), setup.auth.appId ?? '', deps.refs, deps.logger);
}
