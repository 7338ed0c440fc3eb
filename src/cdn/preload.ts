// The first code the CDN entry runs, before any widget is defined: it asks the browser for the files the
// page's backends need (`<link rel="modulepreload">`), so they download while the entry defines and renders
// the widgets, instead of after (`<cc-sdk>` imports its backend only once it has rendered). A backend's
// chunk and the chunks it imports statically are requested together: on a simulator page, `simulator.js`
// and the toolkit chunk it imports arrive side by side, not one after the other.
//
// Which files each backend needs is known only once the bundle is written: the CDN build (rollup.config.mjs,
// `backend-chunks`) puts it in place of the marker below, relative to this file (`cc-elements.js`).

/** Backend name → the files its code needs, relative to cc-elements.js (written by the CDN build). */
const BACKEND_CHUNKS = JSON.parse(
  '__CC_BACKEND_CHUNKS__',
) as Readonly<Record<string, readonly string[]>>;

/** The backends the page's `<cc-sdk>` elements name (`simulator` when they name none). */
function backendsOnPage(doc: Document): Set<string> {
  const names = new Set<string>();
  for (const sdk of doc.querySelectorAll('cc-sdk')) names.add(sdk.getAttribute('backend')?.trim() || 'simulator');
  return names;
}

/** Adds a `<link rel="modulepreload">` for each file the page's backends need, unless the page has one. */
export function preloadBackends(doc: Document | undefined = globalThis.document, base = import.meta.url): string[] {
  if (!doc?.head) return [];
  const have = new Set([...doc.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map((link) => link.href));
  const added: string[] = [];
  const links = doc.createDocumentFragment();
  for (const name of backendsOnPage(doc)) {
    if (!Object.hasOwn(BACKEND_CHUNKS, name)) continue;
    for (const file of BACKEND_CHUNKS[name]) {
      const href = new URL(file, base).href;
      if (have.has(href)) continue;
      have.add(href);
      const link = doc.createElement('link');
      link.rel = 'modulepreload';
      link.href = href;
      links.append(link);
      added.push(href);
    }
  }
  // One insertion into the head for all of them.
  if (added.length > 0) doc.head.append(links);
  return added;
}

preloadBackends();
