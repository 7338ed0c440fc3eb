/**
 * A test server middleware that holds back one of the CDN build's chunks of the widgets' code
 * (`/dist/cdn/chunks/<part>-*.js`, `body` or `panels`), so a test can look at a page whose entry has run but whose
 * widgets' code has not (all) come (test/cdn/light.test.ts). Only requests that carry the cookie
 * `cc-hold=<part>.<key>` are held (test files run in browser contexts of their own, so no other test file sees
 * it); `GET /cc-test/release?key=<key>` lets them through. A held request is let through after 20 s in any case.
 * `GET /cc-test/clear-cache` empties the browser's cache for the origin (`Clear-Site-Data`), so that a page
 * asks for a chunk an earlier page fetched.
 */
export function holdChunk() {
  const gates = new Map();
  const gate = (key) => {
    if (!gates.has(key)) {
      let open;
      const opened = new Promise((resolve) => (open = resolve));
      gates.set(key, { opened, open });
    }
    return gates.get(key);
  };
  return async (ctx, next) => {
    if (ctx.path === '/cc-test/clear-cache') {
      ctx.set('clear-site-data', '"cache"');
      ctx.body = 'cleared';
      return;
    }
    if (ctx.path === '/cc-test/release') {
      gate(ctx.query.key ?? '').open();
      ctx.body = 'released';
      return;
    }
    const [, part, key] = /(?:^|;\s*)cc-hold=(body|panels)\.([\w-]+)/.exec(ctx.get('cookie') ?? '') ?? [];
    if (key && new RegExp(`^/dist/cdn/chunks/${part}-[\\w-]+\\.js$`).test(ctx.path)) {
      await Promise.race([gate(key).opened, new Promise((resolve) => setTimeout(resolve, 20000))]);
    }
    return next();
  };
}
