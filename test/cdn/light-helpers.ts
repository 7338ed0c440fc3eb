// Helpers of the CDN tests (test/cdn/light*.test.ts, first-load.test.ts): pages in frames, which wait for their
// load event or only for their document (when a chunk of the widgets' code is held back by the test server,
// test/cdn/hold-chunk.mjs, which delays the load event).
import { until } from '../helpers-no-define.js';

export const TAGS = ['cc-sdk', 'cc-auth', 'cc-station-login', 'cc-state-select', 'cc-task-panel', 'cc-wrapup'];
export const ENTRY = '<script type="module" src="/dist/cdn/cc-elements.js"></script>';
export const DESK = '<cc-sdk><cc-auth></cc-auth><cc-station-login></cc-station-login><cc-state-select></cc-state-select><cc-task-panel></cc-task-panel><cc-wrapup></cc-wrapup></cc-sdk>';

export const manifest = async () => (await (await fetch('/dist/cdn/manifest.json')).json()) as { chunks: Record<string, string> };

export interface Frame {
  win: Window & typeof globalThis;
  doc: Document;
  /** The CDN files the page has fetched completely, by path under /dist/cdn/. */
  fetched: () => Set<string>;
  /** The same files, with their resource timing. */
  files: () => Map<string, PerformanceResourceTiming>;
  close: () => void;
}

/**
 * A fresh page (its own module map and resource timing) with `head` and `body`. With `load`, it waits for the
 * page's load event; without, only for its document to be parsed (a held chunk that the page preloads delays
 * the load event).
 */
export async function frame(head: string, body: string, lang = 'en', { load = false } = {}): Promise<Frame> {
  const el = document.createElement('iframe');
  el.style.cssText = 'width: 800px; height: 600px; border: 0';
  el.srcdoc = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>frame</title>${head}</head><body>${body}</body></html>`;
  const loaded = new Promise((resolve) => el.addEventListener('load', resolve, { once: true }));
  document.body.append(el);
  if (load) await loaded;
  // The frame's first document is an empty about:blank: wait for this one, parsed.
  else await until(() => el.contentWindow?.location.href === 'about:srcdoc' && el.contentDocument!.readyState !== 'loading', 10000, 'the frame parsed');
  const win = el.contentWindow as Window & typeof globalThis;
  const files = () =>
    new Map(
      (win.performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((e) => new URL(e.name).pathname.startsWith('/dist/cdn/'))
        .map((e) => [new URL(e.name).pathname.replace('/dist/cdn/', ''), e]),
    );
  return { win, doc: el.contentDocument!, files, fetched: () => new Set(files().keys()), close: () => el.remove() };
}

/** Holds one chunk of the widgets' code back (`body` or `panels`) for this page's requests until `release()`. */
export async function hold(part: 'body' | 'panels'): Promise<{ release: () => Promise<void> }> {
  // An earlier page's copy in the browser's cache would not be asked for, so not held.
  await fetch('/cc-test/clear-cache');
  const key = `k${Math.random().toString(36).slice(2)}`;
  document.cookie = `cc-hold=${part}.${key}; path=/`;
  return {
    release: async () => {
      document.cookie = 'cc-hold=; path=/; max-age=0';
      await fetch(`/cc-test/release?key=${key}`);
    },
  };
}
