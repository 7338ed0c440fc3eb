/**
 * Backends load lazily: `<cc-sdk>` and the registry import no simulator code, so a page on Webex downloads no
 * simulator byte, and a page on the simulator none of Webex. Checked on the sources (as the npm build ships
 * them, one module per file) and on the CDN build (`npm test` builds /dist/cdn/ when it is missing or stale).
 */
import { expect } from '@open-wc/testing';
import { until } from '../helpers-no-define.js';

interface FrameSdk extends HTMLElement {
  desk: { backend: { name: string } | null };
  simulator: unknown;
}

/** A fresh page (its own module map and resource timing) with `body`; resolves once it has loaded. */
async function framePage(body: string): Promise<{ win: Window & typeof globalThis; doc: Document; resources: () => string[]; close: () => void }> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 800px; height: 600px; border: 0';
  frame.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>frame</title></head><body>${body}</body></html>`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as Window & typeof globalThis;
  return {
    win,
    doc: frame.contentDocument!,
    resources: () => win.performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname),
    close: () => frame.remove(),
  };
}

async function sdkIn(page: Awaited<ReturnType<typeof framePage>>, name: string): Promise<FrameSdk> {
  const sdk = page.doc.querySelector('cc-sdk') as FrameSdk;
  await until(() => sdk.desk?.backend?.name === name, 10000, `the ${name} backend`);
  return sdk;
}

describe('lazy backends: the sources', () => {
  it('a page on Webex loads <cc-sdk> and every widget without any simulator module', async function () {
    this.timeout(20000);
    const page = await framePage(`<cc-sdk backend="webex"><cc-auth></cc-auth><cc-task-panel></cc-task-panel></cc-sdk>
      <script type="module">import '/define/cc-sdk.ts'; import '/define/cc-auth.ts'; import '/define/cc-task-panel.ts';</script>`);
    try {
      const sdk = await sdkIn(page, 'webex');
      expect(sdk.simulator).to.equal(null);
      const modules = page.resources();
      expect(modules.some((p) => p.includes('/components/cc-sdk/')), 'cc-sdk loaded').to.equal(true);
      expect(modules.some((p) => p.includes('/src/backends/webex/')), 'the Webex adapter loaded').to.equal(true);
      expect(modules.filter((p) => p.includes('/src/backends/simulator/'))).to.deep.equal([]);
    } finally {
      page.close();
    }
  });

  it('a page on the simulator loads it on demand, and no Webex module', async function () {
    this.timeout(20000);
    const page = await framePage(`<cc-sdk></cc-sdk><script type="module">import '/define/cc-sdk.ts';</script>`);
    try {
      const sdk = await sdkIn(page, 'simulator');
      expect(sdk.simulator, 'sdk.simulator still works').to.not.equal(null);
      const modules = page.resources();
      expect(modules.some((p) => p.includes('/src/backends/simulator/server'))).to.equal(true);
      expect(modules.filter((p) => p.includes('/src/backends/webex/'))).to.deep.equal([]);
    } finally {
      page.close();
    }
  });
});

describe('lazy backends: the CDN build', () => {
  it('cc-elements.js defines every tag with no static import (one request); the simulator is its own file', async function () {
    this.timeout(20000);
    const manifest = (await (await fetch('/dist/cdn/manifest.json')).json()) as { entry: string; chunks: Record<string, string> };
    expect(manifest.chunks.simulator).to.equal('simulator.js');
    const entryCode = await (await fetch('/dist/cdn/cc-elements.js')).text();
    // A static import in a minified ES module: `import{…}from"./x.js"` or `import"./x.js"`.
    expect(entryCode.match(/(?:^|[;}])\s*import\s*(?:[\w${},*\s]+from\s*)?["'][^"']+["']/g) ?? []).to.deep.equal([]);

    const page = await framePage(`<cc-sdk><cc-auth></cc-auth><cc-station-login></cc-station-login><cc-state-select></cc-state-select>
      <cc-task-panel></cc-task-panel><cc-wrapup></cc-wrapup></cc-sdk>
      <script type="module" src="/dist/cdn/cc-elements.js"></script>`);
    try {
      const tags = ['cc-sdk', 'cc-auth', 'cc-station-login', 'cc-state-select', 'cc-task-panel', 'cc-wrapup'];
      await until(() => tags.every((t) => page.win.customElements.get(t)), 10000, 'every tag');
      await sdkIn(page, 'simulator');
      const files = page.resources().filter((p) => p.startsWith('/dist/cdn/'));
      expect(files).to.include('/dist/cdn/simulator.js');
      expect(files.filter((p) => p.includes(manifest.chunks['webex-backend']) || p.includes(manifest.chunks['webex-sdk']))).to.deep.equal([]);
    } finally {
      page.close();
    }
  });

  it('a page on Webex downloads no simulator byte from the CDN build', async function () {
    this.timeout(20000);
    const page = await framePage(`<cc-sdk backend="webex"><cc-auth></cc-auth></cc-sdk><script type="module" src="/dist/cdn/cc-elements.js"></script>`);
    try {
      await sdkIn(page, 'webex');
      const files = page.resources().filter((p) => p.startsWith('/dist/cdn/'));
      expect(files.some((p) => p.includes('/chunks/'))).to.equal(true);
      expect(files.filter((p) => p.includes('simulator'))).to.deep.equal([]);
    } finally {
      page.close();
    }
  });

  it('the simulator file serves its classes to a CDN page that wants them (loadSimulator())', async function () {
    this.timeout(20000);
    const page = await framePage(`<script type="module">
      import { loadSimulator } from '/dist/cdn/cc-elements.js';
      const { SimulatorServer } = await loadSimulator();
      const server = new SimulatorServer();
      document.title = typeof server.offer === 'function' ? 'ok' : 'no';
      server.dispose();
    </script>`);
    try {
      await until(() => page.doc.title === 'ok', 10000, 'the simulator classes');
    } finally {
      page.close();
    }
  });
});
