/**
 * The CDN entry's light classes (src/cdn/light.ts, issue 10 "A lighter first load"): the entry is small, defines
 * every tag of the desk at once, and asks for the body (the widgets' code) and the backend's files side by
 * side; what a page does before the body has come is kept and applied when it comes. The test server holds the
 * body chunk back on request (test/cdn/hold-chunk.mjs) to look at a page in between. `npm test` builds
 * /dist/cdn/ when it is missing or stale.
 */
import { expect } from '@open-wc/testing';
import { until } from '../helpers-no-define.js';
import { DESK, ENTRY, TAGS, frame, hold, manifest, type Frame } from './light-helpers.js';
import { LIGHT_TAGS } from '../../src/cdn/light.js';
import { CcSdk } from '../../components/cc-sdk/cc-sdk.js';
import { CcAuth } from '../../components/cc-auth/cc-auth.js';
import { CcStationLogin } from '../../components/cc-station-login/cc-station-login.js';
import { CcStateSelect } from '../../components/cc-state-select/cc-state-select.js';
import { CcTaskPanel } from '../../components/cc-task-panel/cc-task-panel.js';
import { CcWrapup } from '../../components/cc-wrapup/cc-wrapup.js';
import { CcQueueStats } from '../../components/cc-queue-stats/cc-queue-stats.js';
import { CcAgentStats } from '../../components/cc-agent-stats/cc-agent-stats.js';
import { CcConversation } from '../../components/cc-conversation/cc-conversation.js';
import { CcPreflight } from '../../components/cc-preflight/cc-preflight.js';

describe('the CDN entry before its body has come (light classes)', () => {
  it('defines every tag at once, renders nothing, and applies what the page set and asked meanwhile when the body comes', async function () {
    this.timeout(40000);
    const { chunks } = await manifest();
    expect(chunks.body, 'the body chunk in the manifest').to.be.a('string');
    const held = await hold('body');
    let page: Frame | null = null;
    try {
      page = await frame(ENTRY, DESK.replace('<cc-sdk>', '<cc-sdk><p id="host-note">The page\'s own note</p>'));
      const { win, doc } = page;
      // Every tag defined while the body is held back.
      await until(() => TAGS.every((t) => win.customElements.get(t)), 10000, 'every tag defined');
      await Promise.all(TAGS.map((t) => win.customElements.whenDefined(t)));
      // The widgets off the desk's first screen too, whose code is not even asked for on this page yet.
      await Promise.all(['cc-queue-stats', 'cc-agent-stats', 'cc-conversation', 'cc-preflight'].map((t) => win.customElements.whenDefined(t)));
      expect(page.fetched().has(chunks.body), 'the body has not come yet').to.equal(false);

      // No waterfall: the backend's files come meanwhile, not after the body.
      await until(() => page!.fetched().has('simulator.js') && page!.fetched().has(chunks.panels), 10000, 'simulator.js and the rest of the desk fetched');
      expect(page.fetched().has(chunks.body), 'the body still held').to.equal(false);
      const preloaded = [...doc.head.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map((l) => new URL(l.href).pathname.replace('/dist/cdn/', ''));
      expect(preloaded.slice(0, 3), 'the widgets\' code and the backend asked for at once').to.deep.equal([chunks.body, chunks.panels, 'simulator.js']);

      // Nothing shows yet: no content, no box of its own.
      const auth = doc.querySelector('cc-auth') as HTMLElement & { strings: Record<string, string>; updateComplete: Promise<boolean> };
      const sdk = doc.querySelector('cc-sdk') as HTMLElement & {
        request: (name: string, detail: unknown) => Promise<boolean>;
        updateComplete: Promise<boolean>;
        simulator: unknown;
      };
      for (const tag of TAGS.slice(1)) {
        const el = doc.querySelector(tag)!;
        expect(el.shadowRoot?.childNodes.length, `<${tag}> renders nothing yet`).to.equal(0);
        expect(el.getBoundingClientRect().height, `<${tag}> takes no room yet`).to.equal(0);
      }
      expect(doc.getElementById('host-note')!.getBoundingClientRect().height, 'the page\'s content inside <cc-sdk> shows').to.be.above(0);
      expect(sdk.simulator, 'sdk.simulator is null until its code has come').to.equal(null);

      // The page sets a property and an attribute, listens, sends a request and waits for a render.
      auth.strings = { signIn: 'Log on now' };
      auth.setAttribute('lang', 'fr');
      const heard: string[] = [];
      sdk.addEventListener('cc-sign-in-request', (e) => heard.push(`${e.type} ${JSON.stringify((e as CustomEvent).detail)}`));
      const errors: string[] = [];
      sdk.addEventListener('cc-error', (e) => errors.push(e.detail.code));
      const asked = sdk.request('cc-sign-in-request', { accessToken: 'early' });
      const rendered = auth.updateComplete;
      const made = doc.createElement('cc-wrapup') as HTMLElement & { updateComplete: Promise<boolean>; strings: Record<string, string> };
      made.strings = { title: 'Wrap it up' };

      await held.release();
      expect(await rendered, 'updateComplete resolves once the widget has rendered').to.equal(true);
      expect(auth.shadowRoot!.querySelector('form'), '<cc-auth> rendered').to.not.equal(null);
      // The property (set before) and the attribute (set before) both apply: the page's words, in French.
      await until(() => auth.shadowRoot!.textContent!.includes('Log on now'), 10000, 'the page\'s own sign-in words');
      await until(() => !auth.shadowRoot!.textContent!.includes('Access token') && (auth.shadowRoot!.querySelector('label')?.textContent ?? '') !== '', 10000, 'French labels');
      expect(auth.getAttribute('lang')).to.equal('fr');
      // The request was dispatched (the page heard it) and run, as it would have been then: no backend was
      // attached yet, so it was refused as any request sent before the backend is.
      expect(await asked, 'sdk.request() resolved as it does').to.equal(true);
      expect(heard).to.deep.equal(['cc-sign-in-request {"accessToken":"early"}']);
      expect(errors, 'run, and refused for want of a backend yet').to.deep.equal(['unknown-backend']);
      // An element made before the body came is a widget when it joins the page.
      doc.querySelector('cc-sdk')!.append(made);
      await made.updateComplete;
      expect(made.shadowRoot!.adoptedStyleSheets.length, 'a <cc-wrapup> made before the body is a widget, styled').to.be.above(0);
      expect(made.strings).to.deep.equal({ title: 'Wrap it up' });
      expect(made instanceof (win.customElements.get('cc-wrapup') as CustomElementConstructor)).to.equal(true);
      // And the desk works: the simulator attaches, the agent signs in from the form.
      await until(() => (sdk as unknown as { desk?: { backend?: { name: string } } }).desk?.backend?.name === 'simulator', 10000, 'the simulator attached');
      const token = auth.shadowRoot!.querySelector<HTMLInputElement>('input')!;
      token.value = 'light-token';
      token.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      auth.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await until(() => (sdk as unknown as { state: { session: { status: string } } }).state.session.status === 'signed-in', 10000, 'signed in');
    } finally {
      await held.release();
      page?.close();
    }
  });

  it('a widget off the first screen added later gets its code then, and works', async function () {
    this.timeout(20000);
    const { chunks } = await manifest();
    const page = await frame(ENTRY, DESK);
    try {
      const { win, doc } = page;
      await win.customElements.whenDefined('cc-preflight');
      const sdk = doc.querySelector('cc-sdk') as HTMLElement & { updateComplete: Promise<boolean> };
      await sdk.updateComplete;
      const preflight = doc.createElement('cc-preflight') as HTMLElement & { updateComplete: Promise<boolean>; result: unknown; listenMs: number };
      expect(preflight.result, 'no report before its code has come').to.equal(null);
      preflight.listenMs = 300;
      sdk.append(preflight);
      await preflight.updateComplete;
      expect(page.fetched().has(chunks.preflight), 'its chunk fetched').to.equal(true);
      expect(preflight.shadowRoot!.querySelector('button'), 'its run button').to.not.equal(null);
      expect(preflight.listenMs, 'the property set before its code came').to.equal(300);
      expect(preflight instanceof (win.customElements.get('cc-preflight') as CustomElementConstructor)).to.equal(true);
    } finally {
      page.close();
    }
  });

  it('the entry and what it imports statically are at most 25 kB gzipped: one file, no static import', async () => {
    const code = await (await fetch('/dist/cdn/cc-elements.js')).text();
    // A static import in a minified ES module: `import{…}from"./x.js"` or `import"./x.js"`.
    expect(code.match(/(?:^|[;}])\s*import\s*(?:[\w${},*\s]+from\s*)?["'][^"']+["']/g) ?? [], 'static imports').to.deep.equal([]);
    const raw = new Uint8Array(await (await fetch('/dist/cdn/cc-elements.js')).arrayBuffer());
    const zipped = await new Response(new Blob([raw]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer();
    expect(zipped.byteLength, 'gzipped bytes').to.be.at.most(25 * 1024);
  });

  it('each light class observes every attribute its widget observes', () => {
    const widgets: Record<string, { observedAttributes: string[] }> = {
      'cc-sdk': CcSdk,
      'cc-auth': CcAuth,
      'cc-station-login': CcStationLogin,
      'cc-state-select': CcStateSelect,
      'cc-task-panel': CcTaskPanel,
      'cc-wrapup': CcWrapup,
      'cc-queue-stats': CcQueueStats,
      'cc-agent-stats': CcAgentStats,
      'cc-conversation': CcConversation,
      'cc-preflight': CcPreflight,
    };
    expect(Object.keys(LIGHT_TAGS).sort()).to.deep.equal(Object.keys(widgets).sort());
    for (const [tag, widget] of Object.entries(widgets)) {
      expect([...LIGHT_TAGS[tag]].sort(), tag).to.deep.equal([...new Set(widget.observedAttributes)].sort());
    }
  });

  it('the entry exports the kit\'s API (every export of src/api.ts)', async function () {
    this.timeout(20000);
    const api = await import('../../src/api.js');
    const page = await frame(`<script type="module">
      import * as kit from '/dist/cdn/cc-elements.js';
      document.title = JSON.stringify(Object.keys(kit).sort());
    </script>`, '');
    try {
      await until(() => page.doc.title.startsWith('['), 10000, 'the entry\'s exports');
      expect(JSON.parse(page.doc.title)).to.deep.equal(Object.keys(api).sort());
    } finally {
      page.close();
    }
  });

  it('once the body has come, an attribute the page changes reaches the widget (the light class forwards it)', async function () {
    this.timeout(20000);
    const page = await frame(ENTRY, '<cc-sdk><cc-station-login></cc-station-login></cc-sdk>');
    try {
      const login = () => page.doc.querySelector('cc-station-login') as HTMLElement & { updateComplete: Promise<boolean>; sdk: string };
      await page.win.customElements.whenDefined('cc-station-login');
      await login().updateComplete;
      expect(login().shadowRoot!.childNodes.length, 'rendered').to.be.above(0);
      login().setAttribute('sdk', 'elsewhere');
      expect(login().sdk, 'the attribute reaches the widget\'s property').to.equal('elsewhere');
    } finally {
      page.close();
    }
  });
});
