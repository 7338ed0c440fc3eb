/**
 * The CDN build's rest of the desk (src/cdn/panels.ts: the task panel, the wrap-up, the station login, the state
 * select) is a chunk of its own beside the body: the agent can sign in before it has come. Its own test file,
 * so that the chunk held back is not in the browser's memory cache from an earlier page.
 */
import { expect } from '@open-wc/testing';
import { until } from '../helpers-no-define.js';
import { DESK, ENTRY, frame, hold, manifest, type Frame } from './light-helpers.js';

describe('the CDN entry before the rest of the desk has come', () => {
  it('the sign-in form works before the rest of the desk has come; the rest comes in its place, styled', async function () {
    this.timeout(40000);
    const { chunks } = await manifest();
    expect(chunks.panels, 'the rest of the desk in the manifest').to.be.a('string');
    const held = await hold('panels');
    let page: Frame | null = null;
    try {
      page = await frame(ENTRY, DESK);
      const { win, doc } = page;
      const sdk = doc.querySelector('cc-sdk') as HTMLElement & { state: { session: { status: string } }; desk?: { backend?: { name: string } } };
      const auth = doc.querySelector('cc-auth') as HTMLElement & { updateComplete: Promise<boolean> };
      const panel = doc.querySelector('cc-task-panel') as HTMLElement & { updateComplete: Promise<boolean> };
      await win.customElements.whenDefined('cc-auth');
      await auth.updateComplete;
      await until(() => sdk.desk?.backend?.name === 'simulator', 10000, 'the simulator attached');
      expect(page.fetched().has(chunks.panels), 'the rest of the desk still held').to.equal(false);
      expect(panel.shadowRoot?.childNodes.length, 'the task panel shows nothing yet').to.equal(0);
      const token = auth.shadowRoot!.querySelector<HTMLInputElement>('input')!;
      token.value = 'early-agent';
      token.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      auth.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await until(() => sdk.state.session.status === 'signed-in', 10000, 'signed in before the rest came');

      const rendered = panel.updateComplete;
      await held.release();
      expect(await rendered).to.equal(true);
      // The task panel renders in its place, with its styles, from the store as it is now.
      expect(panel.shadowRoot!.adoptedStyleSheets.length, 'styled').to.be.above(0);
      expect(panel.shadowRoot!.childNodes.length, 'rendered').to.be.above(0);
      const login = doc.querySelector('cc-station-login') as HTMLElement & { updateComplete: Promise<boolean> };
      await login.updateComplete;
      await until(() => !!login.shadowRoot!.querySelector('form, select, button'), 10000, 'the station login offers its form to a signed-in agent');
    } finally {
      await held.release();
      page?.close();
    }
  });

});
