// The Teams adapter as the composition root sees it: a route for the HTTP server and a chat port.
import type { AppConfig } from '../../src/config.js';
import type { Route } from '../../src/http/server.js';
import { authOf, TeamsBot, teamsAdapter, type TeamsDeps } from './bot.js';
import { TeamsPort } from './port.js';
import { teamsRoute } from './route.js';

export { TeamsBot } from './bot.js';
export { teamsRoute } from './route.js';

export interface TeamsAdapterParts {
  route: Route;
  /** Null when Teams is not configured: the route then refuses every request with 401. */
  port: TeamsPort | null;
  bot: TeamsBot | null;
}

/** Builds the Teams bot from the app config (botbuilder's variables, TEAMS_ALLOW_UNAUTHENTICATED). */
export function createTeams(config: AppConfig, deps: TeamsDeps): TeamsAdapterParts {
  const e = config.env;
  const allowUnauthenticated = e.TEAMS_ALLOW_UNAUTHENTICATED === '1';
  const authenticated = Boolean(e.MicrosoftAppId);
  if (!config.teamsConfigured) return { route: teamsRoute(null, { authenticated, allowUnauthenticated, logger: deps.logger }), port: null, bot: null };
  const bot = new TeamsBot(authOf(e), deps);
  return { route: teamsRoute(bot, { authenticated, allowUnauthenticated, logger: deps.logger }), port: bot.port, bot };
}

/** Only the port, for processes that deliver but take no requests (`samrad tick`). */
export function createTeamsPort(config: AppConfig, deps: Pick<TeamsDeps, 'repo' | 'logger'>): TeamsPort | null {
  const e = config.env;
  if (!config.teamsConfigured) return null;
  return new TeamsPort(teamsAdapter(authOf(e)), e.MicrosoftAppId ?? '', deps.repo, deps.logger);
}
