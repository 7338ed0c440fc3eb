/**
 * The first load of the CDN build (issue 10, "A lighter first load"): what a page fetches, and in what order,
 * before its desk is ready. The entry asks for the files its page's backend needs as the first thing it does
 * (`<link rel="modulepreload">`), so a simulator page fetches the widgets' code and `simulator.js` (which imports it)
 * side by side, not entry → simulator.js → chunk; a Webex page fetches the adapter's files and no simulator
 * byte. `npm test` builds /dist/cdn/ when it is missing or stale.
 */
import { expect } from '@open-wc/testing';
import { until } from '../helpers-no-define.js';
import { finishOAuthRoundTrip } from '../../src/core/oauth.js';
import { DESK, ENTRY, TAGS, frame, manifest, type Frame } from './light-helpers.js';

interface FrameSdk extends HTMLElement {
  desk: { backend: { name: string } | null };
  state: { session: { status: string } };
}

describe('the CDN first load', () => {
  it('a simulator page with the entry alone fetches the widgets\' code and simulator.js side by side, and signs in', async function () {
    this.timeout(30000);
    const { chunks } = await manifest();
    const page = await frame(ENTRY, DESK, 'en', { load: true });
    try {
      await until(() => TAGS.every((t) => page.win.customElements.get(t)), 10000, 'every tag defined');
      const sdk = page.doc.querySelector('cc-sdk') as FrameSdk;
      await until(() => sdk.desk?.backend?.name === 'simulator', 10000, 'the simulator attached');
      const files = page.files();
      const simulator = files.get('simulator.js');
      const panels = files.get(chunks.panels);
      expect(simulator, 'simulator.js fetched').to.not.equal(undefined);
      expect(panels, 'the rest of the desk fetched').to.not.equal(undefined);
      // No waterfall: the entry asked for both as the first thing it did (modulepreload links, each fetched
      // once, by its link), before <cc-sdk> had rendered and imported its backend, and before simulator.js
      // could ask for the chunk it imports.
      const preloaded = [...page.doc.head.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map((l) => new URL(l.href).pathname);
      expect(preloaded).to.deep.equal([`/dist/cdn/${chunks.body}`, `/dist/cdn/${chunks.panels}`, '/dist/cdn/simulator.js']);
      const fetches = (file: string) => (page.win.performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => e.name.endsWith(`/dist/cdn/${file}`)).length;
      expect([fetches(chunks.body), fetches(chunks.panels), fetches('simulator.js')], 'each fetched once').to.deep.equal([1, 1, 1]);
      // Nothing of Webex.
      expect([...files.keys()].filter((f) => f === chunks['webex-backend'] || f === chunks['webex-sdk'])).to.deep.equal([]);

      // Every tag works: the agent signs in from the form <cc-auth> rendered.
      const auth = page.doc.querySelector('cc-auth')!;
      const token = auth.shadowRoot!.querySelector<HTMLInputElement>('input');
      expect(token, 'the token field').to.not.equal(null);
      token!.value = 'first-load-token';
      token!.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      const submit = auth.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]');
      expect(submit, 'the sign-in button').to.not.equal(null);
      submit!.click();
      await until(() => sdk.state.session.status === 'signed-in', 10000, 'signed in');
    } finally {
      page.close();
    }
  });

  it('a page that preloads simulator.js itself (the README) gets no second link for it', async function () {
    this.timeout(30000);
    const { chunks } = await manifest();
    const page = await frame(`${ENTRY}<link rel="modulepreload" href="/dist/cdn/simulator.js">`, DESK, 'en', { load: true });
    try {
      const sdk = page.doc.querySelector('cc-sdk') as FrameSdk;
      await until(() => sdk.desk?.backend?.name === 'simulator', 10000, 'the simulator attached');
      const preloaded = [...page.doc.head.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map((l) => new URL(l.href).pathname);
      expect(preloaded).to.deep.equal(['/dist/cdn/simulator.js', `/dist/cdn/${chunks.body}`, `/dist/cdn/${chunks.panels}`]);
    } finally {
      page.close();
    }
  });

  it('a Webex page preloads the adapter and what it imports, and no simulator byte', async function () {
    this.timeout(30000);
    const { chunks } = await manifest();
    const page = await frame(ENTRY, '<cc-sdk backend="webex"><cc-auth></cc-auth></cc-sdk>', 'en', { load: true });
    try {
      const sdk = page.doc.querySelector('cc-sdk') as FrameSdk;
      await until(() => sdk.desk?.backend?.name === 'webex', 10000, 'the Webex adapter attached');
      const preloaded = [...page.doc.head.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map((l) => new URL(l.href).pathname.replace('/dist/cdn/', ''));
      expect(preloaded.slice(0, 3), 'the widgets\' code, then the adapter').to.deep.equal([chunks.body, chunks.panels, chunks['webex-backend']]);
      expect(preloaded, 'never the SDK (it loads on sign-in)').to.not.include(chunks['webex-sdk']);
      const adapterImports = (await (await fetch(`/dist/cdn/${chunks['webex-backend']}`)).text()).match(/from"\.\/([\w-]+\.js)"/g) ?? [];
      for (const imported of adapterImports) expect(preloaded).to.include(`chunks/${imported.slice(8, -1)}`);
      expect([...page.files().keys()].filter((f) => f.includes('simulator'))).to.deep.equal([]);
    } finally {
      page.close();
    }
  });
});

describe('the CDN first load on the other backends', () => {
  for (const backend of ['xuc', 'tccc']) {
    it(`a ${backend} page preloads its backend's files and downloads no simulator or Webex byte`, async function () {
      this.timeout(30000);
      const { chunks } = await manifest();
      const own = chunks[`${backend}-backend`];
      expect(own, `the ${backend} chunk in the manifest`).to.be.a('string');
      const page = await frame(ENTRY, `<cc-sdk backend="${backend}"><cc-auth></cc-auth></cc-sdk>`, 'en', { load: true });
      try {
        const sdk = page.doc.querySelector('cc-sdk') as FrameSdk;
        // Built, or refused for want of a server: either way its code has loaded.
        await until(() => page.files().has(own) && page.win.customElements.get('cc-auth') !== undefined, 10000, `the ${backend} chunk`);
        await new Promise((r) => setTimeout(r, 300));
        const preloaded = [...page.doc.head.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map((l) => new URL(l.href).pathname.replace('/dist/cdn/', ''));
        expect(preloaded.slice(0, 3), 'the widgets\' code, then its own chunk').to.deep.equal([chunks.body, chunks.panels, own]);
        const code = await (await fetch(`/dist/cdn/${own}`)).text();
        for (const imported of code.match(/from"\.\/([\w-]+\.js)"/g) ?? []) expect(preloaded).to.include(`chunks/${imported.slice(8, -1)}`);
        const files = [...page.files().keys()];
        expect(files.filter((f) => f.includes('simulator')), 'no simulator file').to.deep.equal([]);
        expect(files.filter((f) => f === chunks['webex-backend'] || f === chunks['webex-sdk']), 'no Webex file').to.deep.equal([]);
        expect(sdk.desk?.backend?.name ?? null).to.not.equal('simulator');
      } finally {
        page.close();
      }
    });
  }
});

describe('the CDN first load of a page in another language', () => {
  const preloads = (page: Frame) =>
    [...page.doc.head.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map((l) => new URL(l.href).pathname.replace('/dist/cdn/', ''));

  it('a page in French (<html lang="fr-CA">) asks for the French bundle with the simulator\'s files, once', async function () {
    this.timeout(30000);
    const { chunks } = await manifest();
    const page = await frame(ENTRY, DESK, 'fr-CA', { load: true });
    try {
      const sdk = page.doc.querySelector('cc-sdk') as FrameSdk;
      await until(() => sdk.desk?.backend?.name === 'simulator', 10000, 'the simulator attached');
      expect(preloads(page)).to.deep.equal([chunks.body, chunks.panels, 'simulator.js', chunks.fr]);
      // The widgets speak French once it has come; the bundle was fetched once.
      const auth = page.doc.querySelector('cc-auth')!;
      await until(() => (auth.shadowRoot!.textContent ?? '') !== '' && page.files().has(chunks.fr), 10000, 'the French bundle');
      const fetched = (page.win.performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => e.name.endsWith(`/${chunks.fr}`));
      expect(fetched.length, 'fetched once (by its link)').to.equal(1);
    } finally {
      page.close();
    }
  });

  it('<cc-sdk locale="de"> on an English page asks for the German bundle; an English page for none', async function () {
    this.timeout(30000);
    const { chunks } = await manifest();
    const german = await frame(ENTRY, '<cc-sdk locale="de"><cc-auth></cc-auth></cc-sdk>', 'en', { load: true });
    try {
      await until(() => !!german.win.customElements.get('cc-sdk'), 10000, 'cc-sdk defined');
      expect(preloads(german)).to.include(chunks.de);
    } finally {
      german.close();
    }
    const english = await frame(ENTRY, '<cc-sdk><cc-auth></cc-auth></cc-sdk>', 'en', { load: true });
    try {
      await until(() => !!english.win.customElements.get('cc-sdk'), 10000, 'cc-sdk defined');
      const bundles = ['fr', 'de', 'es', 'pt-BR', 'ja', 'zh-CN', 'ar'].map((l) => chunks[l]);
      expect(preloads(english).filter((f) => bundles.includes(f))).to.deep.equal([]);
    } finally {
      english.close();
    }
  });
});

describe('widgets outside the first screen (src/cdn/lazy-tags.ts)', () => {
  it('a page with a statistics widget gets it from the stats chunk, which neither the entry nor the body holds', async function () {
    this.timeout(30000);
    const { chunks } = await manifest();
    const page = await frame(ENTRY, '<cc-sdk><cc-queue-stats></cc-queue-stats></cc-sdk>', 'en', { load: true });
    try {
      await until(() => !!page.win.customElements.get('cc-queue-stats') && !!page.win.customElements.get('cc-agent-stats'), 10000, 'the statistics tags');
      const stats = page.doc.querySelector('cc-queue-stats') as HTMLElement & { updateComplete: Promise<boolean> };
      await stats.updateComplete;
      expect(stats.shadowRoot!.childNodes.length, 'rendered').to.be.above(0);
      expect([...page.files().keys()]).to.include(chunks.stats);
      const entry = await (await fetch('/dist/cdn/cc-elements.js')).text();
      const body = await (await fetch(`/dist/cdn/${chunks.body}`)).text();
      expect(entry + body, 'neither the entry nor the body defines a statistics tag itself').to.not.match(/define\("cc-(queue|agent)-stats"\)/);
      expect(body, 'the body imports the stats chunk lazily').to.contain(`import("./${chunks.stats.replace('chunks/', '')}")`);
    } finally {
      page.close();
    }
  });
});

describe('a page load with no OAuth parameters', () => {
  it('does not open the tab storage (sessionStorage) to look for a round trip', () => {
    const own = Object.getOwnPropertyDescriptor(window, 'sessionStorage');
    let opened = 0;
    Object.defineProperty(window, 'sessionStorage', {
      configurable: true,
      get() {
        opened++;
        return own?.get ? own.get.call(window) : own?.value;
      },
    });
    try {
      const win = { location: { href: 'https://crm.example.com/desk?view=queue#notes' }, history } as unknown as Window;
      expect(finishOAuthRoundTrip(undefined, win)).to.deep.equal({ kind: 'none' });
      expect(opened, 'sessionStorage opened').to.equal(0);
      // With OAuth parameters, it does look (for the state this page kept).
      const back = { location: { href: 'https://crm.example.com/desk#access_token=x&state=y' }, history: { state: null, replaceState() {} } } as unknown as Window;
      expect(finishOAuthRoundTrip(undefined, back).kind).to.equal('refused');
      expect(opened, 'sessionStorage opened').to.equal(1);
    } finally {
      if (own) Object.defineProperty(window, 'sessionStorage', own);
      else delete (window as { sessionStorage?: Storage }).sessionStorage;
    }
  });
});
