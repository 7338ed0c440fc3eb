// Helpers of the CDN light-class tests (test/cdn/light*.test.ts): pages in frames that do not wait for their load
// event, and a chunk of the widgets' code held back by the test server (test/cdn/hold-chunk.mjs).
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
  close: () => void;
}

/**
 * A fresh page with `head` and `body`. It does not wait for the page's load event: a held chunk that the page
 * preloads delays it.
 */
export async function frame(head: string, body: string, lang = 'en'): Promise<Frame> {
  const el = document.createElement('iframe');
  el.style.cssText = 'width: 800px; height: 600px; border: 0';
  el.srcdoc = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>frame</title>${head}</head><body>${body}</body></html>`;
  document.body.append(el);
  // The frame's first document is an empty about:blank: wait for this one, parsed.
  await until(() => el.contentWindow?.location.href === 'about:srcdoc' && el.contentDocument!.readyState !== 'loading', 10000, 'the frame parsed');
  const win = el.contentWindow as Window & typeof globalThis;
  return {
    win,
    doc: el.contentDocument!,
    fetched: () =>
      new Set(
        (win.performance.getEntriesByType('resource') as PerformanceResourceTiming[])
          .map((e) => new URL(e.name).pathname)
          .filter((p) => p.startsWith('/dist/cdn/'))
          .map((p) => p.replace('/dist/cdn/', '')),
      ),
    close: () => el.remove(),
  };
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
