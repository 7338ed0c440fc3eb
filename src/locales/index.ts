// Which language a widget speaks, and the bundles of the kit's strings in other languages than English.
// English is built into every widget (its `defaultStrings`); each other language is a module of its own,
// imported only when a page asks for it (a chunk of the CDN build), so a page in English loads none of them.
import type { Bundle } from './bundle.js';

export type { Bundle, BundleTable } from './bundle.js';

/** A language the kit ships a bundle for. */
export type BundledLocale = 'fr' | 'de' | 'es' | 'pt-BR' | 'ja' | 'zh-CN' | 'ar';

type BundleModule = { readonly default: Bundle };

const loaders: Readonly<Partial<Record<BundledLocale, () => Promise<BundleModule>>>> = {
  fr: () => import('./bundles/fr.js'),
  de: () => import('./bundles/de.js'),
  es: () => import('./bundles/es.js'),
  'pt-BR': () => import('./bundles/pt-BR.js'),
  ja: () => import('./bundles/ja.js'),
  'zh-CN': () => import('./bundles/zh-CN.js'),
  ar: () => import('./bundles/ar.js'),
};

/** The languages the kit ships a bundle for, besides English. */
export const BUNDLED_LOCALES = Object.freeze(Object.keys(loaders) as BundledLocale[]);

/** Bundles the page added, by primary language (`he`): `registerBundle`. */
const added = new Map<string, () => Promise<BundleModule | Bundle>>();

/**
 * Adds the bundle of a language the kit does not ship (or replaces a shipped one), loaded when a widget first
 * speaks it: `registerBundle('he', () => import('./he.js'))`, the module's default export typed `Bundle`. It
 * serves every tag of that primary language (`he-IL`). Widgets already in that language re-render.
 */
export function registerBundle(language: string, load: () => Promise<BundleModule | Bundle>): void {
  const primary = maximized(language)?.language;
  if (!primary) throw new TypeError(`"${language}" is not a language tag.`);
  added.set(primary, load);
  loaded.delete(primary);
  loading.delete(primary);
  notifyLocaleChange();
}

const RTL_SCRIPTS = new Set(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Rohg', 'Mand', 'Samr']);

const maximizedTags = new Map<string, Intl.Locale | null>();

function maximized(tag: string): Intl.Locale | null {
  let locale = maximizedTags.get(tag);
  if (locale === undefined) {
    try {
      locale = new Intl.Locale(tag).maximize();
    } catch {
      locale = null;
    }
    maximizedTags.set(tag, locale);
  }
  return locale;
}

/**
 * The bundle that serves a language tag, or null (English, or a language without a bundle): `fr-CA` → `fr`,
 * `pt` and `pt-PT` → `pt-BR`, `zh`, `zh-Hans` and `zh-SG` → `zh-CN` (Traditional Chinese, `zh-TW`, has none),
 * `ar-EG` → `ar`.
 */
export function bundleLocaleOf(tag: string): string | null {
  const language = maximized(tag)?.language;
  if (language && added.has(language)) return language;
  const found = candidate(tag);
  return found && found in loaders ? found : null;
}

function candidate(tag: string): BundledLocale | null {
  const locale = maximized(tag);
  if (!locale) return null;
  switch (locale.language) {
    case 'fr':
    case 'de':
    case 'es':
    case 'ja':
    case 'ar':
      return locale.language;
    case 'pt':
      return 'pt-BR';
    case 'zh':
      return locale.script === 'Hans' ? 'zh-CN' : null;
    default:
      return null;
  }
}

/** `rtl` for a language written right to left (Arabic, Hebrew, Persian, Urdu…), else `ltr`. */
export function directionOf(tag: string): 'ltr' | 'rtl' {
  const script = maximized(tag)?.script;
  return script && RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
}

const loaded = new Map<string, Bundle>();
const loading = new Map<string, Promise<Bundle | null>>();
const listeners = new Set<() => void>();

/** The bundle of a language tag when it is loaded (see `loadBundle`), else undefined. */
export function bundleFor(tag: string): Bundle | undefined {
  const locale = bundleLocaleOf(tag);
  return locale ? loaded.get(locale) : undefined;
}

/**
 * Loads the bundle of a language tag once (later calls share the first). Resolves null for English or a
 * language without a bundle, and when it cannot be fetched (the widgets stay in English, and say so once in
 * the console). Widgets re-render when it arrives.
 */
export function loadBundle(tag: string): Promise<Bundle | null> {
  const locale = bundleLocaleOf(tag);
  if (!locale) return Promise.resolve(null);
  const done = loaded.get(locale);
  if (done) return Promise.resolve(done);
  let pending = loading.get(locale);
  if (!pending) {
    const load = added.get(locale) ?? loaders[locale as BundledLocale]!;
    pending = load().then(
      (module) => {
        const bundle = 'default' in module ? module.default : module;
        // A registration that replaced this loader meanwhile wins.
        if (loading.get(locale) !== pending) return bundle;
        loaded.set(locale, bundle);
        notifyLocaleChange();
        return bundle;
      },
      (err: unknown) => {
        console.warn(`[cc-elements] the "${locale}" strings could not be loaded; the widgets stay in English.`, err);
        return null;
      },
    );
    loading.set(locale, pending);
  }
  return pending;
}

/** The page's language: `<html lang>`, or English. */
export function pageLocale(): string {
  return globalThis.document?.documentElement.lang.trim() || 'en';
}

let pageWatch: MutationObserver | null = null;

/**
 * Calls `listener` when a widget's language may have changed: a bundle arrived, `<html lang>` or `dir`
 * changed, or a `<cc-sdk>`'s `locale` or `lang` did. Returns the unsubscribe function.
 */
export function onLocaleChange(listener: () => void): () => void {
  listeners.add(listener);
  if (!pageWatch && typeof MutationObserver !== 'undefined' && globalThis.document) {
    pageWatch = new MutationObserver(notifyLocaleChange);
    pageWatch.observe(document.documentElement, { attributes: true, attributeFilter: ['lang', 'dir'] });
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      pageWatch?.disconnect();
      pageWatch = null;
    }
  };
}

/** Tells every widget its language may have changed. */
export function notifyLocaleChange(): void {
  for (const listener of [...listeners]) listener();
}

type MissingListener = (tag: string, key: string, locale: string) => void;
const missingListeners = new Set<MissingListener>();

/**
 * Hears every string a widget shows in English because the bundle of its language lacks it (a test fails on
 * it; a page may log it). Returns the unsubscribe function.
 */
export function onMissingString(listener: MissingListener): () => void {
  missingListeners.add(listener);
  return () => missingListeners.delete(listener);
}

/** Called by a widget that found no text for `key` in the bundle of its language. */
export function reportMissingString(tag: string, key: string, locale: string): void {
  const bundled = bundleLocaleOf(locale);
  if (bundled) for (const listener of missingListeners) listener(tag, key, bundled);
}
