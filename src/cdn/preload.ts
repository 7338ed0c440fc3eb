// The first code the CDN entry runs, before any tag is defined: it asks the browser for the files the page
// needs (`<link rel="modulepreload">`), all at once: the widgets' code (body.ts and panels.ts), the page's
// backends and its language bundle. They download side by side while the entry defines the tags, instead of one after
// the other (`<cc-sdk>` imports its backend, and the widgets their language bundle, only once they have
// rendered). A chunk and the chunks it imports statically are requested together: on a simulator page,
// `simulator.js` and the toolkit chunk it imports arrive side by side, not one after the other.
//
// Which files each needs is known only once the bundle is written: the CDN build (rollup.config.mjs,
// `backend-chunks`) puts it in place of the marker below, relative to this file (`cc-elements.js`): the parts
// of the widgets' code as `body` and `panels`, backends by name, language bundles as `locale:<bundle>` (`locale:fr`).
//
// This module imports nothing: the entry must share no module with the body (see light.ts).

/** Backend name (or `locale:<bundle>`) → the files its code needs, relative to cc-elements.js (written by the CDN build). */
const BACKEND_CHUNKS = JSON.parse(
  '__CC_BACKEND_CHUNKS__',
) as Readonly<Record<string, readonly string[]>>;

/**
 * The shipped bundle a language tag gets, as `locale:<bundle>`: the one of the same language and script
 * (`fr-CA` → `fr`, `pt-PT` → `pt-BR`, `zh-SG` → `zh-CN`, `zh-TW` none), the rule src/locales/index.ts
 * follows (test/cdn/first-load.test.ts compares them).
 */
export function shippedBundleOf(tag: string, bundles: Iterable<string> = Object.keys(BACKEND_CHUNKS)): string | null {
  const likely = (t: string) => {
    try {
      return new Intl.Locale(t).maximize();
    } catch {
      return null;
    }
  };
  const want = likely(tag);
  if (!want) return null;
  for (const name of bundles) {
    if (!name.startsWith('locale:')) continue;
    const has = likely(name.slice('locale:'.length));
    if (has && has.language === want.language && has.script === want.script) return name;
  }
  return null;
}

/** The language bundles the page will ask for: each `<cc-sdk>`'s `locale` (or `lang`), else `<html lang>`. */
function bundlesOnPage(doc: Document): Set<string> {
  const tags = new Set<string>();
  const page = doc.documentElement.lang.trim();
  for (const sdk of doc.querySelectorAll('cc-sdk')) tags.add(sdk.getAttribute('locale')?.trim() || sdk.getAttribute('lang')?.trim() || page);
  if (tags.size === 0) tags.add(page);
  const bundles = new Set<string>();
  for (const tag of tags) {
    const bundle = tag ? shippedBundleOf(tag) : null;
    if (bundle) bundles.add(bundle);
  }
  return bundles;
}

/** The backends the page's `<cc-sdk>` elements name (`simulator` when they name none). */
function backendsOnPage(doc: Document): Set<string> {
  const names = new Set<string>();
  for (const sdk of doc.querySelectorAll('cc-sdk')) names.add(sdk.getAttribute('backend')?.trim() || 'simulator');
  return names;
}

/** Adds a `<link rel="modulepreload">` for each file of the body and of the page's backends and language, unless the page has one. */
export function preloadBackends(doc: Document | undefined = globalThis.document, base = import.meta.url): string[] {
  if (!doc?.head) return [];
  const have = new Set([...doc.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map((link) => link.href));
  const added: string[] = [];
  const links = doc.createDocumentFragment();
  for (const name of ['body', 'panels', ...backendsOnPage(doc), ...bundlesOnPage(doc)]) {
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
