// How a widget that a desk does not need on its first paint joins the CDN build without weighing on its
// entry or its body: the entry defines its tag with a light class (LIGHT_TAGS, light.ts) like every tag, and
// its code goes in a chunk of its own (a module in this folder that exports its `body`), listed in body.ts's
// `offScreen`. The chunk is fetched at once when the page already has one of those tags (or adds one later),
// else when the browser is idle, and the elements become their widgets when it comes. The statistics
// widgets, the conversation and the preflight join this way; so should any new widget that is not part of
// the agent's first screen, and anything large that only some pages use (locale bundles load on first use
// the same way: a dynamic import, never a static one).

/** Fetches the code of `tags` (`load`): now when the page has one of them, else once it is idle. */
export function defineWhenNeeded(tags: readonly string[], load: () => unknown): void {
  const start = () => void load();
  const doc = globalThis.document;
  if (doc?.querySelector(tags.join(', '))) start();
  else if ('requestIdleCallback' in globalThis) requestIdleCallback(start, { timeout: 3000 });
  else setTimeout(start, 1000);
}
