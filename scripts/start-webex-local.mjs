// `npm run start:webex-local`: the sample CRM page on the real Webex Contact Center SDK, with no account.
// It starts the loopback Webex cloud double the tests use (test/webex-cloud/server.mjs) on 127.0.0.1, makes
// one tenant in it, and serves the page with the server companion (cc-elements/server) mounted on the page's own
// server, as a host's site would mount it:
// - `/cc/webex/login|callback|token|logout`: the server-session sign-in (OAuth code flow with PKCE against the
//   cloud's stand-in of Webex's OAuth; the client secret and refresh token stay in this process);
// - `/cc/webex/stats`: live queue and agent statistics from the cloud's stand-in of the reporting APIs.
// It prints the page's address (a server-session sign-in: one button, no token to paste) and, for the token
// sign-in, the address without the companion and a token the cloud accepts. The page's "Local Webex cloud"
// controls make a call arrive through POST /webex-local/command on this server (the cloud's script API).
import { ensureInstalled } from './ensure-installed.mjs';

ensureInstalled();

const { startSamplePage } = await import('./sample-server.mjs');
const { startWebexCloud, AGENT_ID } = await import('../test/webex-cloud/server.mjs');
const { loadCompanion } = await import('./load-companion.mjs');
const { commandRoute, mountHandler, runWhenMain } = await import('./local-control.mjs');

/** What the page may ask the cloud to do: a customer reaches out, the agent answers the phone, the customer hangs up. */
const ALLOWED = ['offer', 'answer', 'hangup', 'state'];

/** Koa middleware: the cloud's script API for one tenant, on the page's own origin (`POST /webex-local/command`). */
export function webexLocalControl(cloud, tenant) {
  return commandRoute('/webex-local/command', Object.fromEntries(ALLOWED.map((action) => [action, (payload) => cloud.command({ ...payload, tenant })])));
}

/**
 * The companion for one tenant of the cloud: the agent's sign-in (an OAuth client registered with the cloud) and
 * the statistics route (reporting with a supervisor's token the cloud issued; agents available per queue from the
 * cloud's own state, the `liveAgents` a real host would answer from what it knows).
 */
async function companionFor(cloud, tenant, origin) {
  const server = await loadCompanion();
  const client = cloud.command({ action: 'oauth-client', tenant: tenant.orgId });
  const auth = server.createWebexAuth({
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    redirectUri: `${origin}/cc/webex/callback`,
    authorizeUrl: `${cloud.origin}/v1/authorize`,
    tokenUrl: `${cloud.origin}/v1/access_token`,
    afterSignIn: '/demo/',
    // Plain http on loopback only (this script): a browser keeps a Secure cookie for http://localhost but not
    // for every loopback name. Behind a real site, leave `secure` on.
    cookie: { secure: !origin.startsWith('http:') },
  });
  let serviceToken = cloud.command({ action: 'service-token', tenant: tenant.orgId }).token;
  const reporting = server.createWebexReporting({
    apiBase: `${cloud.origin}/wcc`,
    token: async ({ rejected } = {}) => {
      if (rejected === serviceToken) serviceToken = cloud.command({ action: 'service-token', tenant: tenant.orgId }).token;
      return serviceToken;
    },
    queueIds: ['queue-support', 'queue-billing', 'queue-chat'],
    // What a host reads from its configuration (Webex's contact-service-queue API): names before any activity.
    queueNames: { 'queue-support': 'Support queue', 'queue-billing': 'Billing queue', 'queue-chat': 'Chat queue' },
    // Short, so the page sees a call arrive within a few seconds (the widgets poll every 5 s here).
    ttlMs: 2000,
    maxCallsPerMinute: 120,
    liveAgents: async (queueIds) => {
      const t = cloud.tenants.get(tenant.orgId);
      const busy = [...t.contacts.values()].filter((c) => ['connected', 'consulting'].includes(c.interaction.state));
      const available = t.agent?.auxCodeId === '0' && busy.length === 0 ? 1 : 0;
      return Object.fromEntries(queueIds.map((id) => [id, { available, talking: busy.filter((c) => c.interaction.currentVTeam === id).length }]));
    },
  });
  /** Signed in through the companion: a session whose token the companion can still renew. */
  const signedIn = async (req) => {
    const id = auth.sessionId(req);
    if (!id) return false;
    try {
      await auth.token(id);
      return true;
    } catch {
      return false;
    }
  };
  const stats = reporting.statsRoute({ authorize: signedIn, agentId: () => AGENT_ID });
  return server.companion(stats, auth.handler);
}

/** Starts the cloud, the page and the companion; returns their addresses, the token, and `close()`. */
export async function startWebexLocal({ port = 8000, hostname = 'localhost' } = {}) {
  const cloud = await startWebexCloud();
  const tenant = cloud.command({ action: 'tenant' });
  const routes = { current: null };
  const page = await startSamplePage({ port, hostname, middleware: [webexLocalControl(cloud, tenant.orgId), mountHandler(routes, '/cc/webex/')] });
  routes.current = await companionFor(cloud, tenant, page.origin);
  const tokenUrl = `${page.address}?backend=webex-local&cloud=${encodeURIComponent(cloud.origin)}`;
  return {
    /** The page with the server-session sign-in and the companion's statistics. */
    url: `${tokenUrl}&session=server`,
    /** The page with the access-token sign-in (paste `token`). */
    tokenUrl,
    origin: page.origin,
    cloud: cloud.origin,
    token: tenant.token,
    async close() {
      await page.server.stop();
      await cloud.close();
    },
  };
}

await runWhenMain(import.meta.url, startWebexLocal, (local) => [
  '',
  `  cc-elements sample CRM page on the real Webex SDK, against a local Webex cloud (${local.cloud}),`,
  '  with the server companion (cc-elements/server) signing the agent in and serving live statistics:',
  `  ${local.url}`,
  '',
  '  Press "Sign in with Webex": the local cloud\'s sign-in page signs you in as its agent, no account.',
  '  Then log in to a station (Dial number or Extension), go Available, and use "Local Webex cloud" in the',
  '  page to make a call arrive; the statistics beside the desk follow it.',
  '',
  '  Or sign in with an access token instead (it works only with this local cloud, until you stop it):',
  `  ${local.tokenUrl}`,
  `  ${local.token}`,
  '',
  '  Press Ctrl+C to stop.',
  '',
]);
