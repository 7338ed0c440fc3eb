// Text from the network in the task panel: however long (60 characters unbroken, 100,000 characters) it never
// widens the panel beyond a 320 px sidebar, the controls stay on screen, the full value stays available; and a
// right-to-left override inside a value never reorders the kit's own words beside it.
import { expect, html } from '@open-wc/testing';
import '../../../define/cc-wrapup.js';
import { sdkFixture, until } from '../../helpers.js';
import { panelFixture } from './panel-fixture.js';
import type { TaskSnapshot } from '../../../src/core/types.js';

const LONG = 'W'.repeat(60);
const HUGE = '9'.repeat(100_000);
const RLO = '\u202E';

async function sidebar() {
  const rig = await panelFixture({
    template: html`<div style="inline-size: 320px; padding: 0; margin: 0">
      <cc-sdk><cc-task-panel></cc-task-panel></cc-sdk>
    </div>`,
  });
  const { el, $ } = rig;
  const box = rig.root as HTMLElement;
  await rig.login();
  const id = await rig.offer();
  await rig.sdk.request('cc-task-accept-request', { taskId: id });
  await el.updateComplete;
  /** The simulator's call, as a backend with hostile text would describe it. */
  const update = async (patch: Partial<TaskSnapshot>) => {
    const task = rig.sdk.state.tasks.find((t) => t.id === id)!;
    rig.backend.deliver({ type: 'task-updated', task: { ...task, ...patch } });
    await el.updateComplete;
  };
  /** The panel fits its 320 px container, and the named controls are fully inside it. */
  const fits = (controls: string[]) => {
    const limit = box.getBoundingClientRect();
    const base = $('[part="base"]')!;
    expect(el.getBoundingClientRect().width, 'panel width').to.be.at.most(320);
    expect(base.scrollWidth, 'panel scrollWidth').to.be.at.most(320);
    expect(document.documentElement.scrollWidth, 'page scrollWidth').to.be.at.most(window.innerWidth);
    for (const action of controls) {
      const button = $(`[part~="task"] [data-action="${action}"]`);
      expect(button, action).to.not.equal(null);
      const r = button!.getBoundingClientRect();
      expect(r.right, `${action} right edge`).to.be.at.most(limit.right + 0.5);
      expect(r.left, `${action} left edge`).to.be.at.least(limit.left - 0.5);
    }
  };
  return { ...rig, el, id, $, update, fits };
}

/** Where a character of a text node is drawn. */
function charRect(node: Text, index: number): DOMRect {
  const range = document.createRange();
  range.setStart(node, index);
  range.setEnd(node, index + 1);
  return range.getBoundingClientRect();
}

function textNodeWith(root: Node, needle: string): Text {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.textContent!.includes(needle)) return node as Text;
  }
  throw new Error(`no text "${needle}"`);
}

/** True when the word reads left to right on screen: each letter right of the one before. */
function readsForward(root: Node, word: string): boolean {
  const node = textNodeWith(root, word);
  const start = node.textContent!.indexOf(word);
  const xs = [...word].map((_, i) => charRect(node, start + i).left);
  return xs.every((x, i) => i === 0 || x > xs[i - 1]);
}

describe('network text in the task panel', () => {
  it('60 unbroken characters in the ANI, name, queue, CAD and an error never widen a 320 px sidebar', async () => {
    const d = await sidebar();
    await d.update({ ani: `+1${LONG}`, customerName: `N${LONG}`, queue: { id: 'q', name: `Q${LONG}` }, cad: { [`K${LONG}`]: `V${LONG}` } });
    d.server.failNext({ action: 'hold', code: 'rejected', message: `E${LONG}` });
    d.$<HTMLButtonElement>('[data-action="hold"]')!.click();
    await until(() => d.$('[part="error"]'));
    await d.el.updateComplete;
    expect(d.$('[part="error"]')!.textContent).to.contain(`E${LONG}`);
    d.fits(['hold', 'consult', 'transfer', 'end']);
    // Every value is on screen in full (it wraps), inside the panel.
    for (const sel of ['.header-text .who', '.meta', '[part="cad"] dt', '[part="cad"] dd', '[part="error"]']) {
      const r = d.$(sel)!.getBoundingClientRect();
      expect(r.right, sel).to.be.at.most(d.el.getBoundingClientRect().right + 0.5);
    }
    await expect(d.el).to.be.accessible();
  });

  it('a long consult name and a long tab label fit too', async () => {
    const d = await sidebar();
    await d.update({ customerName: `N${LONG}`, consult: { destination: { type: 'agent', to: 'x', name: `C${LONG}` }, state: 'ringing', startedAt: 0 } });
    expect(d.$('[data-status="consult"]')!.textContent).to.contain(`C${LONG}`);
    d.fits(['consult-end', 'end']);
    const tab = d.$('[role="tab"]')!.getBoundingClientRect();
    expect(tab.right).to.be.at.most(d.el.getBoundingClientRect().right + 0.5);
  });

  it('100,000 characters stay inside the sidebar, clamped, with the full value in the title', async () => {
    const d = await sidebar();
    await d.update({ ani: HUGE, customerName: undefined, queue: { id: 'q', name: HUGE }, cad: { note: HUGE } });
    d.fits(['hold', 'consult', 'transfer', 'end']);
    const who = d.$('.header-text .who .net')!;
    expect(who.getAttribute('title')!.length).to.equal(100_000);
    // Clamped to a few lines, not a 2,500-line column.
    expect(who.getBoundingClientRect().height).to.be.below(100);
    expect(d.$('[part="cad"] dd .net')!.getAttribute('title')).to.equal(HUGE);
  });

  it("a right-to-left override in the ANI or queue does not reverse the kit's words on the same line", async () => {
    const d = await sidebar();
    await d.update({ ani: `${RLO}+14155550100`, customerName: 'Ana', queue: { id: 'q', name: `${RLO}VIP` } });
    const meta = d.$('.meta')!;
    expect(meta.textContent).to.contain('Queue:').and.contain('Inbound');
    // What the agent sees: the kit's words are drawn left to right.
    expect(readsForward(meta, 'Inbound'), 'Inbound').to.equal(true);
    expect(readsForward(meta, 'Queue:'), 'Queue:').to.equal(true);
    // And each value is isolated: the label outside, the value inside a <bdi>.
    const values = [...meta.querySelectorAll('bdi')].map((b) => b.textContent);
    expect(values).to.deep.equal([`${RLO}+14155550100`, `${RLO}VIP`]);
    // The offer card too.
    d.backend.deliver({
      type: 'task-offered',
      task: { ...d.sdk.state.tasks[0], id: 'rlo-offer', state: 'offered', ronaAt: null, queue: { id: 'q', name: `${RLO}Sales` } },
    });
    await d.el.updateComplete;
    const queue = d.$('[part~="offer"] .queue')!;
    expect(readsForward(queue, 'Queue:'), 'offer Queue:').to.equal(true);
  });
});

describe('network text in the wrap-up', () => {
  it('a long or right-to-left customer and ANI neither widen a 320 px sidebar nor reverse "Lasted"', async () => {
    const rig = await sdkFixture(html`<div style="inline-size: 320px"><cc-sdk><cc-wrapup></cc-wrapup></cc-sdk></div>`);
    const el = rig.sdk.querySelector('cc-wrapup') as HTMLElement & { updateComplete: Promise<boolean> };
    await rig.sdk.request('cc-sign-in-request', { accessToken: 't' });
    await rig.sdk.request('cc-station-login-request', { teamId: 'team-support', loginOption: 'BROWSER' });
    await rig.sdk.request('cc-agent-state-request', { state: 'Available', auxCodeId: '0' });
    rig.server.offer();
    const id = rig.server.tasks[0].id;
    await rig.sdk.request('cc-task-accept-request', { taskId: id });
    await rig.sdk.request('cc-task-end-request', { taskId: id });
    const task = rig.sdk.state.tasks.find((t) => t.id === id)!;
    rig.backend.deliver({ type: 'task-updated', task: { ...task, customerName: `N${LONG}`, ani: `${RLO}+1${LONG}` } });
    await until(() => !el.hidden);
    await el.updateComplete;
    const root = el.shadowRoot!;
    expect(root.querySelector('.title')!.textContent).to.contain(`N${LONG}`);
    expect(el.getBoundingClientRect().width).to.be.at.most(320);
    expect(root.querySelector('[part="base"]')!.scrollWidth).to.be.at.most(320);
    expect(readsForward(root.querySelector('[part="details"]')!, 'Lasted'), 'Lasted').to.equal(true);
    const submit = root.querySelector('button[type="submit"]')!.getBoundingClientRect();
    expect(submit.right).to.be.at.most((rig.root as HTMLElement).getBoundingClientRect().right + 0.5);
  });
});
