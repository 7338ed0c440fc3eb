// `npm run start:tccc-local`: the sample CRM page on the TCCC backend against the loopback TCCC double the tests
// use (test/tccc-double/: the host's sign-in route, a fake SdkURL script that defines `window.tccc`, and the
// contact center behind it), with no Tencent account. It starts the double on 127.0.0.1, makes one site in it,
// serves the page, and mounts the page's own SdkURL route, POST /tccc-local/loginTCCC, which asks the double's
// loginTCCC for a fresh single-use SdkURL (as a host's server asks CreateSDKLoginToken) and answers `{SdkURL}`.
// The page's "Local TCCC" controls ring a call through POST /tccc-local/command on this server.
import { ensureInstalled } from './ensure-installed.mjs';

ensureInstalled();

const { startSamplePage } = await import('./sample-server.mjs');
const { startTcccDouble } = await import('../test/tccc-double/server.mjs');
const { commandRoute, runWhenMain } = await import('./local-control.mjs');

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

/** Starts the double and the page; returns the page's address, the agent, and `close()`. */
export async function startTcccLocal({ port = 8000, hostname = 'localhost' } = {}) {
  const tccc = await startTcccDouble();
  const site = tccc.command({ action: 'site' });
  const run = (action, rest = {}) => tccc.command({ action, site: site.site, ...rest });
  // What the page's panel may ask: a customer calls, the customer hangs up. Nothing else.
  const route = commandRoute('/tccc-local/command', {
    offer: () => ({ taskId: run('ring', { caller: '13800138000' }).sessionId }),
    hangup: ({ taskId }) => run('customer-hangs-up', { sessionId: String(taskId) }),
    // The agent's status and the calls: never the minted SdkURL tokens the double keeps for its own tests.
    state: () => {
      const { status, calls } = run('state');
      return { status, calls };
    },
  });
  const page = await startSamplePage({ port, hostname, middleware: [sdkUrlRoute(site.endpoint), route] });
  return {
    url: `${page.address}?backend=tccc-local`,
    origin: page.origin,
    double: tccc.origin,
    agent: site.user,
    async close() {
      await page.server.stop();
      await tccc.close();
    },
  };
}

await runWhenMain(import.meta.url, startTcccLocal, (local) => [
  '',
  `  cc-elements sample CRM page on the TCCC backend, against a local TCCC double (${local.double}):`,
  `  ${local.url}`,
  '',
  `  Press "Sign in": the page's server fetches a fresh SdkURL and the double signs you in as ${local.agent.name}.`,
  '  Then log in (Browser), go Available, and use "Local TCCC" in the page to make a call ring.',
  '  Press Ctrl+C to stop.',
  '',
]);
