// How a widget that a desk does not need on its first paint joins the CDN build without weighing on its
// entry or its body: its define file goes in a chunk of its own (a module in this folder that imports it), and
// the body (body.ts) names its tags here. The chunk is fetched at once when the page already has one of those tags, else when
// the browser is idle; an element added later is upgraded when it arrives (define order does not matter to
// the kit's widgets). The statistics widgets join this way; so should any new widget that is not part of the
// agent's first screen, and anything large that only some pages use (locale bundles load on first use the
// same way: a dynamic import, never a static one).

/** Defines `tags` from the chunk `load` imports: now when the page has one of them, else once it is idle. */
export function defineWhenNeeded(tags: readonly string[], load: () => Promise<unknown>): void {
  const start = () => void load();
  const doc = globalThis.document;
  if (doc?.querySelector(tags.join(', '))) start();
  else if ('requestIdleCallback' in globalThis) requestIdleCallback(start, { timeout: 3000 });
  else setTimeout(start, 1000);
}
