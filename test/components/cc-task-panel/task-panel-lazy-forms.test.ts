/**
 * The task panel's forms (consult/transfer and New call) are a lazy chunk: not in the CDN entry, fetched once
 * the panel has painted (after every tag is defined), and, when the agent opens a form before its code has
 * come, a visible loading state until it does. The chunk is held back in these pages by an import map that
 * puts a gate in front of it.
 */
import { expect } from '@open-wc/testing';
import { until } from '../../helpers-no-define.js';

interface FrameSdk extends HTMLElement {
  desk: { backend: { name: string } | null } | null;
  request(name: string, detail: unknown): Promise<unknown>;
}
interface FramePanel extends HTMLElement {
  updateComplete: Promise<boolean>;
}
type Gate = { promise: Promise<void>; open: () => void };
const gates = window as unknown as { __formsGate?: Gate };

/** A page of its own (fresh module map) with the sources of <cc-sdk> and the panel; the forms' module gated. */
async function panelPage(): Promise<{ doc: Document; win: Window; sdk: FrameSdk; panel: FramePanel; close: () => void }> {
  let open!: () => void;
  gates.__formsGate = { promise: new Promise<void>((r) => (open = r)), open: () => open() };
  // The test server serves the sources under their own names (`forms.ts`), as the panel's import resolves.
  const forms = new URL('/components/cc-task-panel/forms.ts', location.href).href;
  const gate = URL.createObjectURL(
    new Blob([`window.__formsAskedAt = performance.now();\nawait window.parent.__formsGate.promise;\nexport * from ${JSON.stringify(`${forms}?through-the-gate`)};\n`], { type: 'text/javascript' }),
  );
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 400px; height: 600px; border: 0';
  frame.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>frame</title>
    <script type="importmap">${JSON.stringify({ imports: { [forms]: gate } })}</script></head><body>
    <cc-sdk><cc-task-panel></cc-task-panel></cc-sdk>
    <script type="module">import '/define/cc-sdk.ts'; import '/define/cc-task-panel.ts';
      Promise.all(['cc-sdk', 'cc-task-panel'].map((t) => customElements.whenDefined(t))).then(() => (window.__defined = performance.now()));</script>
    </body></html>`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow!;
  const doc = frame.contentDocument!;
  const sdk = doc.querySelector('cc-sdk') as FrameSdk;
  await until(() => sdk.desk?.backend?.name === 'simulator', 10000, 'the simulator');
  const panel = doc.querySelector('cc-task-panel') as FramePanel;
  return { doc, win, sdk, panel, close: () => frame.remove() };
}

const button = (panel: FramePanel, label: string) =>
  [...panel.shadowRoot!.querySelectorAll('button')].find((b) => b.querySelector('.label')?.textContent?.trim() === label);

describe('task panel: the forms are a lazy chunk', () => {
  afterEach(() => gates.__formsGate?.open());

  it('New call opened before the form has loaded shows a loading state, then the form with focus in it', async function () {
    this.timeout(20000);
    const page = await panelPage();
    try {
      const { sdk, panel } = page;
      // The forms are asked for once the panel has painted, after every tag is defined.
      const times = page.win as unknown as { __defined?: number; __formsAskedAt?: number };
      await until(() => times.__formsAskedAt !== undefined, 5000, 'the forms asked for');
      expect(times.__formsAskedAt).to.be.greaterThan(times.__defined!);

      await sdk.request('cc-sign-in-request', { accessToken: 't' });
      await sdk.request('cc-station-login-request', { teamId: 'team-support', loginOption: 'BROWSER' });
      await until(() => button(panel, 'New call'), 5000, 'New call');
      const newCall = button(panel, 'New call')!;
      newCall.focus();
      newCall.click();
      await until(() => panel.shadowRoot!.querySelector('#outdial-form'), 5000, 'the form area');
      const area = panel.shadowRoot!.querySelector('#outdial-form')!;
      expect(area.getAttribute('aria-busy')).to.equal('true');
      expect(area.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Loading…');
      expect(newCall.getAttribute('aria-expanded')).to.equal('true');
      expect(newCall.getAttribute('aria-controls')).to.equal('outdial-form');
      expect(panel.shadowRoot!.querySelector('#outdial-number')).to.equal(null);

      // The code comes: the form, with focus in its field (as if it had been there at once).
      const shown = panel.updateComplete;
      gates.__formsGate!.open();
      await shown;
      const input = panel.shadowRoot!.querySelector<HTMLInputElement>('#outdial-number');
      expect(input, 'the number field').to.not.equal(null);
      expect(panel.shadowRoot!.activeElement).to.equal(input);
      expect(panel.shadowRoot!.querySelector('#outdial-form')!.getAttribute('aria-busy')).to.equal(null);
    } finally {
      page.close();
    }
  });

  it('the CDN entry does not carry the forms: they are a chunk of their own', async () => {
    const manifest = (await (await fetch('/dist/cdn/manifest.json')).json()) as { entry: string; chunks: Record<string, string> };
    expect(manifest.chunks.forms, 'a forms chunk').to.be.a('string');
    const entry = await (await fetch(`/dist/cdn/${manifest.entry}`)).text();
    const chunk = await (await fetch(`/dist/cdn/${manifest.chunks.forms}`)).text();
    // The destination list's loading hint and the New call field's hint are in the chunk, not in the entry.
    for (const mark of ['destination-loading', 'outdial-hint']) {
      expect(chunk.includes(mark), `${mark} in the chunk`).to.equal(true);
      expect(entry.includes(mark), `${mark} in the entry`).to.equal(false);
    }
  });
});
