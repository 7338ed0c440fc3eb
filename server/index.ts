// cc-elements/server: the server half of the kit, for Node (never bundled for a browser).
import type { NodeHandler } from './http.js';

export { createWebexAuth, WEBEX_AUTHORIZE_URL, WEBEX_TOKEN_URL } from './webex-auth.js';
export type { WebexAuth, WebexAuthOptions, IssuedToken, TokenSource } from './webex-auth.js';
export { createWebexAgentCalls, callWebex, webexApiBase, WEBEX_REGIONS } from './webex-api.js';
export type { AgentLogin, AgentLogout, WebexAgentCalls, WebexAnswer, WebexApiOptions, WebexRegion } from './webex-api.js';
export { createWebexReporting, statisticsWindows, LONGEST_STATISTICS_WINDOW } from './webex-reporting.js';
export type {
  Reported,
  ReportedAgentStats,
  ReportedTask,
  Staleness,
  StatsRouteOptions,
  TaskRecording,
  WebexReporting,
  WebexReportingOptions,
} from './webex-reporting.js';
export { WEBEX_REPORTING_GUESSES } from './webex-reporting-guesses.js';
export type { StatsReport, StatsStaleness } from '../src/core/types.js';
export { createTcccSdkUrlRoute, TCCC_ENDPOINTS } from './tccc.js';
export type { TcccCloudOptions, TcccSdkUrlOptions } from './tccc.js';
export { createTcccStats } from './tccc-stats.js';
export type { TcccAgentStats, TcccStats, TcccStatsOptions } from './tccc-stats.js';
export { TCCC_STATS_GUESSES } from './tccc-stats-guesses.js';
export { memoryStore, fileStore } from './store.js';
export type { SessionRecord, SessionStore } from './store.js';
export { HttpError } from './http.js';
export type { CookieOptions, Fetch, NodeHandler } from './http.js';

/**
 * Mounts several handlers as one: each request goes to the first that takes it; the rest go to `next` (Express,
 * Connect) or get a 404 (plain `node:http`).
 */
export function companion(...handlers: readonly NodeHandler[]): NodeHandler {
  return (req, res, next) => {
    const step = (i: number): void => {
      const handler = handlers[i];
      if (!handler) {
        if (next) next();
        else {
          res.writeHead(404, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
          res.end(JSON.stringify({ error: 'not-found', reason: 'not-found', message: 'No such route.' }));
        }
        return;
      }
      handler(req, res, (err?: unknown) => {
        if (err) {
          if (next) next(err);
          else if (!res.headersSent) {
            res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
            res.end(JSON.stringify({ error: 'internal', reason: 'internal', message: 'The server could not answer.' }));
          }
          return;
        }
        step(i + 1);
      });
    };
    step(0);
  };
}
