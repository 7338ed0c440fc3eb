// The route a local double's sample page posts its panel's actions to (`POST /<kind>-local/command` with
// `{action, taskId?}`): Koa middleware for the sample page's dev server. Only the actions given exist; each runs
// the double's script API and answers its result as JSON (409 with the message when the double refuses).

/** `actions`: name → (payload) => result. Shared by `start:xuc-local` and `start:tccc-local`. */
export function commandRoute(path, actions) {
  return async (ctx, next) => {
    if (ctx.path !== path) return next();
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
    const run = payload && Object.hasOwn(actions, payload.action) ? actions[payload.action] : null;
    if (!run) {
      ctx.status = 400;
      ctx.body = JSON.stringify({ message: `Unknown action; use one of ${Object.keys(actions).join(', ')}.` });
      return undefined;
    }
    try {
      ctx.body = JSON.stringify((await run(payload)) ?? {});
    } catch (err) {
      ctx.status = 409;
      ctx.body = JSON.stringify({ message: err instanceof Error ? err.message : String(err) });
    }
    return undefined;
  };
}

/**
 * Koa middleware that hands the requests under `prefix` to a `node:http` handler (the server companion's routes,
 * `/cc/…`), as a host's own server would mount them; `handler.current` may be set after the page starts.
 */
export function mountHandler(handler, prefix) {
  return async (ctx, next) => {
    if (!ctx.path.startsWith(prefix) || !handler.current) return next();
    ctx.respond = false;
    await new Promise((resolve) => {
      ctx.res.once('finish', resolve);
      ctx.res.once('close', resolve);
      handler.current(ctx.req, ctx.res);
    });
    return undefined;
  };
}

/**
 * Serves the sample page for a local double (`kind`: `xuc`, `tccc`): the page's panel posts to its command route
 * (`/<kind>-local/command`, only `actions`), then the other `middleware` runs; the page's address carries
 * `?backend=<kind>-local` and `query`. `close()` stops the page, then each of `servers` (the doubles).
 */
export async function serveLocalPage({ kind, port, hostname, actions, middleware = [], query = {}, servers = [] }) {
  const { startSamplePage } = await import('./sample-server.mjs');
  const page = await startSamplePage({ port, hostname, middleware: [commandRoute(`/${kind}-local/command`, actions), ...middleware] });
  return {
    url: `${page.address}?${new URLSearchParams({ backend: `${kind}-local`, ...query })}`,
    origin: page.origin,
    async close() {
      await page.server.stop();
      for (const server of servers) await server.close();
    },
  };
}

/** What a start script prints: its title, the page's address, then how to use it, and how to stop. */
export const banner = (title, url, ...how) => ['', `  ${title}`, `  ${url}`, '', ...how.map((line) => `  ${line}`), '  Press Ctrl+C to stop.', ''];

/** Runs a start script's `main` when the file is run (not imported), and stops its servers on Ctrl+C. */
export async function runWhenMain(url, start, banner) {
  if (url !== `file://${process.argv[1]}`) return;
  const local = await start({ port: Number(process.env.PORT ?? 8000), hostname: process.env.HOST ?? 'localhost' });
  console.log(banner(local).join('\n'));
  const stop = async () => {
    // Open keep-alive connections must not hold the process: it ends within 2 s either way.
    setTimeout(() => process.exit(0), 2000).unref();
    await local.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
