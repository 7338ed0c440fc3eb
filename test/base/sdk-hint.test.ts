import { expect, fixture, html } from '@open-wc/testing';
import '../../define/all.js';
import type { CcSdk } from '../../components/cc-sdk/cc-sdk.js';
import { DeskController } from '../../src/context/desk-controller.js';
import { setLocaleStrings } from '../../src/base/cc-widget.js';
import { until } from '../helpers.js';

type Widget = HTMLElement & { updateComplete: Promise<unknown>; strings: Record<string, string>; requestUpdate(): void };

const hint = (el: Element) => el.shadowRoot!.querySelector('[part="sdk-hint"]')?.textContent ?? null;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Records what the kit writes to console.warn while the test runs. */
function recordWarnings() {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => {
    const text = args.map(String).join(' ');
    if (text.startsWith('[cc-elements]')) warnings.push(text);
    else original(...args);
  };
  return { warnings, restore: () => (console.warn = original) };
}

describe('a widget that finds no <cc-sdk>', () => {
  let console_: ReturnType<typeof recordWarnings>;
  beforeEach(() => (console_ = recordWarnings()));
  afterEach(() => console_.restore());

  it('shows a hint and warns once when its sdk attribute has a typo; fixing it connects and the hint goes', async () => {
    const root = await fixture(html`<div>
      <cc-sdk id="desk"></cc-sdk>
      <cc-station-login sdk="deks"></cc-station-login>
    </div>`);
    const widget = root.querySelector('cc-station-login') as Widget;
    const sdk = root.querySelector('cc-sdk') as CcSdk;
    await until(() => hint(widget), 3000, 'the hint');
    expect(hint(widget)).to.equal('Not connected: there is no <cc-sdk id="deks"> on this page.');
    expect(console_.warnings).to.deep.equal([
      '[cc-elements] <cc-station-login> is not connected: its sdk="deks" names no <cc-sdk> on this page.',
    ]);
    await expect(widget).to.be.accessible();
    // Re-renders do not warn again.
    widget.requestUpdate();
    await widget.updateComplete;
    await sleep(DeskController.hintDelayMs + 200);
    expect(console_.warnings).to.have.length(1);
    widget.setAttribute('sdk', 'desk');
    await until(() => (widget as unknown as { cc: DeskController }).cc.desk === sdk.desk, 3000, 'the connection');
    await widget.updateComplete;
    expect(hint(widget)).to.equal(null);
  });

  it('says the page has several <cc-sdk> and names none, once per widget', async () => {
    const root = await fixture(html`<div>
      <cc-sdk id="one"></cc-sdk>
      <cc-sdk id="two"></cc-sdk>
      <cc-task-panel></cc-task-panel>
      <cc-state-select></cc-state-select>
    </div>`);
    const panel = root.querySelector('cc-task-panel') as Widget;
    const select = root.querySelector('cc-state-select') as Widget;
    await until(() => hint(panel) && hint(select), 3000, 'the hints');
    expect(hint(panel)).to.equal('Not connected: this page has 2 <cc-sdk> elements; name one with sdk="…".');
    expect(hint(select)).to.equal(hint(panel));
    expect(console_.warnings.map((w) => w.split(' is not')[0])).to.deep.equal(['[cc-elements] <cc-task-panel>', '[cc-elements] <cc-state-select>']);
    await expect(panel).to.be.accessible();
    // The hint follows the page: a third one appears.
    const third = document.createElement('cc-sdk');
    root.append(third);
    await until(() => hint(panel)?.includes('3 <cc-sdk>'), 3000, 'the hint to count three');
    expect(console_.warnings).to.have.length(2);
  });

  it('gives a late provider time: one added within the delay connects with no hint and no warning', async () => {
    const widget = await fixture<Widget>(html`<cc-auth sdk="later"></cc-auth>`);
    await sleep(DeskController.hintDelayMs / 3);
    const sdk = document.createElement('cc-sdk') as CcSdk;
    sdk.id = 'later';
    document.body.append(sdk);
    try {
      await until(() => (widget as unknown as { cc: DeskController }).cc.desk === sdk.desk, 3000, 'the connection');
      await sleep(DeskController.hintDelayMs);
      expect(hint(widget)).to.equal(null);
      expect(console_.warnings).to.deep.equal([]);
    } finally {
      sdk.remove();
    }
  });

  it('connects a provider that comes after the hint, and the hint goes', async () => {
    const widget = await fixture<Widget>(html`<cc-wrapup></cc-wrapup>`);
    await until(() => hint(widget), 3000, 'the hint');
    expect(hint(widget)).to.equal('Not connected: there is no <cc-sdk> on this page.');
    const sdk = document.createElement('cc-sdk') as CcSdk;
    document.body.append(sdk);
    try {
      await until(() => hint(widget) === null, 3000, 'the hint to go');
      expect((widget as unknown as { cc: DeskController }).cc.desk).to.equal(sdk.desk);
    } finally {
      sdk.remove();
    }
  });

  it('shows the hint in the words the page chose', async () => {
    setLocaleStrings('cc-station-login', { sdkMissing: 'Kein <cc-sdk id="{id}"> auf dieser Seite.' });
    const widget = await fixture<Widget>(html`<cc-station-login sdk="nirgends"></cc-station-login>`);
    await until(() => hint(widget), 3000, 'the hint');
    expect(hint(widget)).to.equal('Kein <cc-sdk id="nirgends"> auf dieser Seite.');
    widget.strings = { sdkMissing: 'Missing: {id}' };
    await widget.updateComplete;
    expect(hint(widget)).to.equal('Missing: nirgends');
  });
});
