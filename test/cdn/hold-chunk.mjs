/**
 * A test server middleware that holds back the CDN build's body chunk (`/dist/cdn/chunks/body-*.js`), so a test
 * can look at a page whose entry has run but whose widgets' code has not come (test/cdn/light.test.ts). Only
 * requests that carry the cookie `cc-hold-body=<key>` are held (test files run in browser contexts of their
 * own, so no other test file sees it); `GET /cc-test/release-body?key=<key>` lets them through. A held request
 * is let through after 20 s in any case.
 */
export function holdBodyChunk() {
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
    if (ctx.path === '/cc-test/release-body') {
      const key = ctx.query.key ?? '';
      gate(key).open();
      ctx.body = 'released';
      return;
    }
    const key = /(?:^|;\s*)cc-hold-body=([\w-]+)/.exec(ctx.get('cookie') ?? '')?.[1];
    if (key && /^\/dist\/cdn\/chunks\/body-[\w-]+\.js$/.test(ctx.path)) {
      await Promise.race([gate(key).opened, new Promise((resolve) => setTimeout(resolve, 20000))]);
    }
    return next();
  };
}
