import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { ManualClock } from '../../src/core/clock.js';
import { SimulatorBackend } from '../../src/backends/simulator/backend.js';
import { SimulatorServer } from '../../src/backends/simulator/server.js';
import type { CcSdk } from '../../components/cc-sdk/cc-sdk.js';
import { pageIsAccessible, settlePage, startJourney } from '../page-helpers.js';
import { until } from '../helpers-no-define.js';

/**
 * The sample page's layout, measured in a real browser: from a small phone (360 px) to a wide screen
 * (1600 px) nothing is wider than the window, and the agent's controls are on screen.
 */

const clock = new ManualClock();
const server = new SimulatorServer({ clock });
const sdk = () => document.getElementById('desk') as CcSdk;
const shadow = (tag: string) => document.querySelector(tag)!.shadowRoot!;

/** How far `el` sticks out of the window on the left or right (0 when within it). */
function overflow(el: Element): number {
  const r = el.getBoundingClientRect();
  return Math.max(0, -r.left, r.right - document.documentElement.clientWidth);
}

describe('the sample page: from 360 px to 1600 px wide', function () {
  this.timeout(60_000);

  before(async () => {
    await startJourney(new SimulatorBackend({ server }), server);
    await sdk().request('cc-sign-in-request', { accessToken: 't' });
    await sdk().request('cc-station-login-request', { teamId: 'team-support', loginOption: 'BROWSER' });
    await sdk().request('cc-agent-state-request', { state: 'Available', auxCodeId: '0' });
    // A call in progress and a chat ringing: the busiest the header and the task panel get.
    server.offer({ mediaType: 'telephony' });
    await settlePage();
    await sdk().request('cc-task-accept-request', { taskId: sdk().state.tasks[0].id });
    server.offer({ mediaType: 'chat', ani: '@marcus.o' });
    await settlePage();
    for (const panel of ['demo-simulator-panel', 'demo-backend-switch']) {
      (shadow(panel).querySelector('details') as HTMLDetailsElement).open = true;
    }
    await settlePage();
  });

  after(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  for (const width of [360, 380, 768, 1600]) {
    it(`at ${width} px: no sideways scrolling; the state select and the task panel are on screen`, async () => {
      await setViewport({ width, height: 900 });
      await until(() => document.documentElement.clientWidth <= width);
      await settlePage();
      const root = document.documentElement;
      expect(root.scrollWidth, 'page width').to.be.at.most(root.clientWidth);
      const select = shadow('cc-state-select').querySelector('select')!;
      expect(overflow(select), 'state select beyond the window').to.equal(0);
      expect(select.getBoundingClientRect().width, 'state select width').to.be.greaterThan(80);
      const panel = document.querySelector('cc-task-panel')!;
      expect(overflow(panel), 'task panel beyond the window').to.equal(0);
      for (const button of shadow('cc-task-panel').querySelectorAll('button')) {
        if (button.getClientRects().length) expect(overflow(button), `"${button.textContent!.trim()}" beyond the window`).to.equal(0);
      }
      for (const field of deepFields()) expect(overflow(field), `#${field.id} beyond the window`).to.equal(0);
      // The header wraps rather than widening the page: the brand, the nav and the state all fit.
      for (const el of document.querySelectorAll('.topbar > *')) expect(overflow(el), `${el.className} beyond the window`).to.equal(0);
    });
  }

  it('is accessible at 380 px', async () => {
    await setViewport({ width: 380, height: 900 });
    await settlePage();
    await pageIsAccessible('380 px');
  });
});

/** The fields of the page's own panels. */
function deepFields(): HTMLElement[] {
  return ['demo-simulator-panel', 'demo-backend-switch'].flatMap((tag) => [...shadow(tag).querySelectorAll<HTMLElement>('input, select')]);
}

describe('the sample page: the backend panel', function () {
  this.timeout(30_000);

  it('shows small radios with their label beside them, and fields within the panel', async () => {
    await setViewport({ width: 380, height: 900 });
    await settlePage();
    const root = shadow('demo-backend-switch');
    const details = root.querySelector('details')!.getBoundingClientRect();
    for (const radio of root.querySelectorAll<HTMLInputElement>('input[type="radio"]')) {
      const box = radio.getBoundingClientRect();
      expect(box.width, 'radio width').to.be.within(10, 24);
      expect(box.height, 'radio height').to.be.within(10, 24);
      // The label's text starts right of the radio, on the same line.
      const label = radio.closest('label')!;
      const range = document.createRange();
      range.selectNodeContents(label);
      const text = [...range.getClientRects()].filter((r) => r.left >= box.right - 1);
      expect(text.length, 'label text beside the radio').to.be.greaterThan(0);
      const middle = box.top + box.height / 2;
      expect(middle, 'radio centred on its label line').to.be.within(text[0].top, text[0].bottom);
      expect(label.getBoundingClientRect().height, 'label is one line').to.be.below(2.2 * parseFloat(getComputedStyle(label).fontSize));
    }
    for (const field of root.querySelectorAll<HTMLElement>('input:not([type="radio"])')) {
      const box = field.getBoundingClientRect();
      expect(box.left, `#${field.id} left`).to.be.at.least(details.left);
      expect(box.right, `#${field.id} right`).to.be.at.most(details.right);
    }
  });
});

describe('the sample page: its icon', () => {
  it('declares an icon that loads, so the browser asks for no /favicon.ico (a 404)', async () => {
    const html = await (await fetch('/demo/index.html')).text();
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const link = doc.querySelector<HTMLLinkElement>('link[rel~="icon"]');
    expect(link, 'a <link rel="icon">').to.not.equal(null);
    const href = link!.getAttribute('href')!;
    // Loaded as the browser would: it must decode as an image, with no request that fails.
    const img = new Image();
    const loaded = new Promise<boolean>((resolve) => {
      img.onload = () => resolve(true);
      img.onerror = () => resolve(false);
    });
    img.src = new URL(href, new URL('/demo/index.html', location.href)).href;
    expect(await loaded, `the icon ${href.slice(0, 40)}… loads`).to.equal(true);
    expect(img.naturalWidth).to.be.greaterThan(0);
    expect(href.startsWith('data:') || (await fetch(img.src)).ok, 'the icon is inline or served').to.equal(true);
  });
});
