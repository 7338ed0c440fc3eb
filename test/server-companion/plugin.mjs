/**
 * The server companion (cc-elements/server, compiled from server/) mounted on web-test-runner's own server, so
 * the page and its token route share an origin as they would behind a real site, with a loopback stand-in of
 * Webex's OAuth endpoints behind it (test/node/server-helpers.mjs). Routes: `/cc/webex/*` (the companion),
 * `/cc-test/authorize` (Webex's consent page: relayed to the stand-in, which consents at once) and
 * `/cc-test/signed-in` (where the sign-in lands). Tests script it with `executeServerCommand('server-companion',
 * {action})`: `reset` (a new Webex and companion, no session), `advance` `{ms}` (the companion's clock),
 * `issued` (the access tokens Webex issued, in order), `revoke-all` (Webex revokes every refresh token).
 */
import { loadCompanion, startWebexStandIn } from '../node/server-helpers.mjs';

/**
 * `{plugin, middleware}`: the plugin (commands, stop) goes in `plugins`, the middleware (the routes) in
 * `middleware`, which runs before web-test-runner's own file serving.
 */
export function serverCompanion() {
  let rig = null;
  const start = async (origin) => {
    const server = await loadCompanion();
    await rig?.webex.close();
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
    rig = { webex, auth, clock, origin };
  };
  const middleware = async (ctx, next) => {
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
    if (!rig) await start(ctx.origin);
    ctx.respond = false;
    await new Promise((resolve) => {
      ctx.res.once('finish', resolve);
      ctx.res.once('close', resolve);
      rig.auth.handler(ctx.req, ctx.res);
    });
  };
  const plugin = {
    name: 'server-companion',
    async serverStop() {
      await rig?.webex.close();
      rig = null;
    },
    async executeCommand({ command, payload }) {
      if (command !== 'server-companion') return undefined;
      switch (payload?.action) {
        case 'reset':
          await start(payload.origin);
          return true;
        case 'advance':
          rig.clock.now += Number(payload.ms);
          return true;
        case 'issued':
          return rig.webex.seen.issued.map((i) => i.access);
        case 'revoke-all':
          rig.webex.revokeAll();
          return true;
        default:
          throw new Error(`server-companion: unknown action ${payload?.action}`);
      }
    },
  };
  return { plugin, middleware };
}
