// `npm run start:tccc-local`: the sample CRM page on the TCCC backend against the loopback TCCC double the tests
// use (test/tccc-double/: the host's sign-in route, a fake SdkURL script that defines `window.tccc`, and the
// contact center behind it), with no Tencent account. It starts the double on 127.0.0.1, makes one site in it,
// serves the page, and mounts on the page's own server:
// - its SdkURL route, POST /tccc-local/loginTCCC, which asks the double's loginTCCC for a fresh single-use SdkURL
//   (as a host's server asks CreateSDKLoginToken) and answers `{SdkURL}`;
// - the server companion's TCCC statistics route, GET /cc/tccc/stats (cc-elements/server `createTcccStats`), whose
//   official Tencent Cloud SDK calls a loopback stand-in of Tencent Cloud's CCC API (test/tccc-double/cloud-api.mjs)
//   that answers from the double's live state, signed with an API key only this process knows.
// The page's "Local TCCC" controls ring a call through POST /tccc-local/command on this server.
import { randomBytes } from 'node:crypto';
import { ensureInstalled } from './ensure-installed.mjs';

ensureInstalled();

const { startTcccDouble } = await import('../test/tccc-double/server.mjs');
const { startTcccCloudApi, siteActions } = await import('../test/tccc-double/cloud-api.mjs');
const { loadCompanion } = await import('./load-companion.mjs');
const { banner, mountHandler, runWhenMain, serveLocalPage } = await import('./local-control.mjs');

/** Koa middleware: the page's SdkURL route, relayed to the double's sign-in route (the cloud secret's stand-in). */
function sdkUrlRoute(endpoint) {
  return async (ctx, next) => {
    if (ctx.path !== '/tccc-local/loginTCCC') return next();
    if (ctx.method !== 'POST') {
      ctx.status = 405;
      return undefined;
    }
    const answer = await fetch(endpoint, { method: 'POST' });
    ctx.status = answer.status;
    ctx.type = 'application/json';
    ctx.set('cache-control', 'no-store');
    ctx.body = await answer.text();
    return undefined;
  };
}

/**
 * The companion's statistics route for the site, against the cloud API stand-in: the API key is made up now and
 * stays in this process (the page only ever sees the figures).
 */
async function statsRoute(site, cloudApi, key) {
  const server = await loadCompanion();
  const stats = server.createTcccStats({
    ...key,
    sdkAppId: site.sdkAppId,
    endpoint: cloudApi.host,
    protocol: 'http://',
    // Short, so the page sees a call arrive within a few seconds (the widgets poll every 5 s here).
    ttlMs: 2000,
    recordsTtlMs: 2000,
    maxCallsPerMinute: 120,
  });
  // The page's only agent; a real host answers from its own sign-in (and authorizes the request: `authorize`).
  return stats.statsRoute({ agentId: () => site.user.userId });
}

/** Starts the double, the cloud API stand-in and the page; returns the page's address, the agent, and `close()`. */
export async function startTcccLocal({ port = 8000, hostname = 'localhost' } = {}) {
  const tccc = await startTcccDouble();
  const made = tccc.command({ action: 'site' });
  const site = tccc.sites.get(made.site);
  const key = { secretId: `AKID${randomBytes(12).toString('hex')}`, secretKey: randomBytes(24).toString('base64url') };
  const cloudApi = await startTcccCloudApi({ credentials: { [key.secretId]: key.secretKey }, actions: siteActions(site) });
  const run = (action, rest = {}) => tccc.command({ action, site: made.site, ...rest });
  // What the page's panel may ask: a customer calls, the customer hangs up. Nothing else.
  const actions = {
    offer: () => ({ taskId: run('ring', { caller: '13800138000' }).sessionId }),
    hangup: ({ taskId }) => run('customer-hangs-up', { sessionId: String(taskId) }),
    // The agent's status and the calls: never the minted SdkURL tokens the double keeps for its own tests.
    state: () => {
      const { status, calls } = run('state');
      return { status, calls };
    },
  };
  const stats = { current: await statsRoute(site, cloudApi, key) };
  const middleware = [sdkUrlRoute(made.endpoint), mountHandler(stats, '/cc/tccc/')];
  const page = await serveLocalPage({ kind: 'tccc', port, hostname, actions, middleware, servers: [cloudApi, tccc] });
  return {
    ...page,
    double: tccc.origin,
    agent: made.user,
    skillGroups: made.skillGroups,
    /** The cloud API stand-in (what it was asked: `seen`) and the key the companion signs with (tests look for it where it must not be). */
    cloudApi,
    key,
  };
}

await runWhenMain(import.meta.url, startTcccLocal, (local) =>
  banner(
    `cc-elements sample CRM page on the TCCC backend, against a local TCCC double (${local.double}):`,
    local.url,
    `Press "Sign in": the page's server fetches a fresh SdkURL and the double signs you in as ${local.agent.name}.`,
    'Then log in (Browser), go Available, and use "Local TCCC" in the page to make a call ring; the statistics',
    `beside the desk come from this server's /cc/tccc/stats (a local stand-in of Tencent Cloud's API at ${local.cloudApi.origin}).`,
  ),
);
