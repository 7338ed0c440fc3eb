/**
 * The server companion (cc-elements/server, compiled from server/) mounted on web-test-runner's own server, so
 * the page and its token route share an origin as they would behind a real site, with a loopback stand-in of
 * Webex's OAuth endpoints behind it (test/node/server-helpers.mjs). Routes: `/cc/webex/*` (the companion),
 * `/cc-test/authorize` (Webex's consent page: relayed to the stand-in, which consents at once) and
 * `/cc-test/signed-in` (where the sign-in lands). Tests script it with `executeServerCommand('server-companion',
 * {action})`: `reset` (a new Webex and companion, no session), `advance` `{ms}` (the companion's clock),
 * `issued` (the access tokens Webex issued to the agent, in order), `revoke-all` (Webex revokes every refresh token), `queue`
 * `{queueId, queueName, answered, abandoned, waiting: [seconds…]}` and `agent` `{available, unavailable, accepted,
 * rejected, engaged, wrapUp}` (reporting data, durations in ms), `reporting-faults`
 * `{faults: [429 | 500 | 'hang']}`. `/cc/webex/stats` is the companion's statistics route.
 */
import { loadCompanion, startWebexStandIn } from '../node/server-helpers.mjs';

/**
 * `{plugin, middleware}`: the plugin (commands, stop) goes in `plugins`, the middleware (the routes) in
 * `middleware`, which runs before web-test-runner's own file serving.
 */
export function serverCompanion() {
  // One companion and Webex per test page (web-test-runner runs two test files at once; they must not reset
  // each other's): commands name their page's session, requests carry it in their Referer (the test page's URL).
  const rigs = new Map();
  let latest = null;
  const sessionOf = (ctx) => {
    try {
      return new URL(ctx.get('referer')).searchParams.get('wtr-session-id');
    } catch {
      return null;
    }
  };
  const rigOf = (session) => (session && rigs.get(session)) || latest;
  const start = async (origin, session) => {
    const server = await loadCompanion();
    await rigs.get(session)?.webex.close();
    const webex = await startWebexStandIn({ expiresIn: 3600 });
    const clock = { now: Date.now() };
    const auth = server.createWebexAuth({
      clientId: 'client-1',
      clientSecret: 'secret-1',
      redirectUri: `${origin}/cc/webex/callback`,
      authorizeUrl: `${origin}/cc-test/authorize`,
      tokenUrl: `${webex.origin}/v1/access_token`,
      now: () => clock.now,
    });
    // Reporting with a service token Webex issued; "today" is the last 6 hours (the test never straddles midnight).
    const serviceToken = webex.mint().access_token;
    const reporting = server.createWebexReporting({ apiBase: webex.origin, token: async () => serviceToken, now: () => clock.now, dayStart: (t) => t - 6 * 3600_000, ttlMs: 1000 });
    const stats = reporting.statsRoute({ agentId: () => 'agent-1' });
    const rig = { webex, auth, clock, origin, serviceToken, routes: server.companion(stats, auth.handler) };
    rigs.set(session, rig);
    latest = rig;
    return rig;
  };
  const middleware = async (ctx, next) => {
    const session = sessionOf(ctx);
    let rig = rigOf(session);
    if (ctx.path === '/cc-test/authorize' && rig) {
      const consent = await fetch(`${rig.webex.origin}/v1/authorize${ctx.search}`, { redirect: 'manual' });
      ctx.redirect(consent.headers.get('location'));
      return;
    }
    if (ctx.path === '/cc-test/signed-in') {
      ctx.type = 'text/plain';
      ctx.body = 'signed in';
      return;
    }
    if (!ctx.path.startsWith('/cc/webex/')) return next();
    if (!rig) rig = await start(ctx.origin, session);
    ctx.respond = false;
    await new Promise((resolve) => {
      ctx.res.once('finish', resolve);
      ctx.res.once('close', resolve);
      rig.routes(ctx.req, ctx.res);
    });
  };
  const plugin = {
    name: 'server-companion',
    async serverStop() {
      await Promise.all([...rigs.values()].map((rig) => rig.webex.close()));
      rigs.clear();
      latest = null;
    },
    async executeCommand({ command, payload, session }) {
      if (command !== 'server-companion') return undefined;
      if (payload?.action === 'reset') {
        await start(payload.origin, session?.id);
        return true;
      }
      const rig = rigOf(session?.id);
      if (!rig) throw new Error('server-companion: reset first');
      switch (payload?.action) {
        case 'advance':
          rig.clock.now += Number(payload.ms);
          return true;
        case 'issued':
          return rig.webex.seen.issued.map((i) => i.access).filter((token) => token !== rig.serviceToken);
        case 'revoke-all':
          rig.webex.revokeAll();
          return true;
        case 'queue': {
          // A queue's day so far (answered, abandoned) and the contacts waiting in it now (seconds waited).
          const { queueId, queueName, answered = 0, abandoned = 0, waiting = [] } = payload;
          const hourAgo = rig.clock.now - (rig.clock.now % (15 * 60_000)) - 60 * 60_000;
          rig.webex.state.queueRows.push({ intervalStartTime: hourAgo, queueId, queueName, totalAcceptedTasks: answered, totalAbandonedTasks: abandoned });
          for (const [i, seconds] of waiting.entries()) {
            rig.webex.state.tasks.push({ id: `${queueId}-w${i}`, attributes: { status: 'queued', createdTime: rig.clock.now - seconds * 1000, queue: { id: queueId, name: queueName } } });
          }
          return true;
        }
        case 'agent': {
          // The agent's day so far, as one statistics row of the last hour (durations in ms, as Webex's rows).
          const { available = 0, unavailable = 0, accepted = 0, rejected = 0, engaged = 0, wrapUp = 0 } = payload;
          const hourAgo = rig.clock.now - (rig.clock.now % (15 * 60_000)) - 60 * 60_000;
          rig.webex.state.agentRows.push({
            intervalStartTime: hourAgo,
            agentId: 'agent-1',
            agentName: 'Ann',
            totalAvailableTime: available,
            totalUnavailableTime: unavailable,
            channel: [{ channelType: 'telephony', totalAcceptedTasks: accepted, totalRejectedTasks: rejected, totalEngagedDuration: engaged, totalHoldDuration: 0, totalWrapUpDuration: wrapUp }],
          });
          return true;
        }
        case 'reporting-faults':
          rig.webex.state.reportingFaults.push(...payload.faults);
          return true;
        default:
          throw new Error(`server-companion: unknown action ${payload?.action}`);
      }
    },
  };
  return { plugin, middleware };
}
