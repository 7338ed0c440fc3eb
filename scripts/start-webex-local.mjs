// `npm run start:webex-local`: the sample CRM page on the real Webex Contact Center SDK, with no account.
// It starts the loopback Webex cloud double the tests use (test/webex-cloud/server.mjs) on 127.0.0.1, makes
// one tenant in it, serves the page, and prints the address that opens the page on that cloud and the access
// token the cloud accepts. The page's "Local Webex cloud" controls make a call arrive through
// POST /webex-local/command on this server, which runs the cloud's script API for that tenant.
import { ensureInstalled } from './ensure-installed.mjs';

ensureInstalled();

const { startSamplePage } = await import('./sample-server.mjs');
const { startWebexCloud } = await import('../test/webex-cloud/server.mjs');

/** What the page may ask the cloud to do: a customer reaches out, the agent answers the phone, the customer hangs up. */
const ALLOWED = new Set(['offer', 'answer', 'hangup', 'state']);

/** Koa middleware: the cloud's script API for one tenant, on the page's own origin. */
export function webexLocalControl(cloud, tenant) {
  return async (ctx, next) => {
    if (ctx.path !== '/webex-local/command') return next();
    if (ctx.method !== 'POST') {
      ctx.status = 405;
      return undefined;
    }
    let raw = '';
    for await (const chunk of ctx.req) raw += chunk;
    let payload;
    try {
      payload = JSON.parse(raw || '{}');
    } catch {
      payload = null;
    }
    ctx.type = 'application/json';
    if (!payload || !ALLOWED.has(payload.action)) {
      ctx.status = 400;
      ctx.body = JSON.stringify({ message: `Unknown action; use one of ${[...ALLOWED].join(', ')}.` });
      return undefined;
    }
    try {
      ctx.body = JSON.stringify(cloud.command({ ...payload, tenant }) ?? {});
    } catch (err) {
      ctx.status = 409;
      ctx.body = JSON.stringify({ message: err instanceof Error ? err.message : String(err) });
    }
    return undefined;
  };
}

/** Starts the cloud and the page; returns their addresses, the token, and `close()`. */
export async function startWebexLocal({ port = 8000, hostname = 'localhost' } = {}) {
  const cloud = await startWebexCloud();
  const tenant = cloud.command({ action: 'tenant' });
  const page = await startSamplePage({ port, hostname, middleware: [webexLocalControl(cloud, tenant.orgId)] });
  const url = `${page.address}?backend=webex-local&cloud=${encodeURIComponent(cloud.origin)}`;
  return {
    url,
    cloud: cloud.origin,
    token: tenant.token,
    async close() {
      await page.server.stop();
      await cloud.close();
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const local = await startWebexLocal({ port: Number(process.env.PORT ?? 8000), hostname: process.env.HOST ?? 'localhost' });
  console.log(
    [
      '',
      `  cc-elements sample CRM page on the real Webex SDK, against a local Webex cloud (${local.cloud}):`,
      `  ${local.url}`,
      '',
      '  Sign in with this access token (it works only with this local cloud, until you stop it):',
      `  ${local.token}`,
      '',
      '  Then log in to a station (Dial number or Extension), go Available, and use "Local Webex cloud" in the',
      '  page to make a call arrive. Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
  const stop = async () => {
    // Open keep-alive connections must not hold the process: it ends within 2 s either way.
    setTimeout(() => process.exit(0), 2000).unref();
    await local.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
