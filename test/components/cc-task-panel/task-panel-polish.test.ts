// The task panel after issue 9 item 12: where focus goes after End consult, End buttons that say what they
// end, a Muted status the agent cannot miss, and an empty state that is true after the first task.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { until } from '../../helpers.js';
import { panelFixture } from './panel-fixture.js';
import type { OfferSpec } from '../../../src/backends/simulator/scenarios.js';

const squash = (t: string | null | undefined) => (t ?? '').replace(/\s+/g, ' ').trim();

async function panel() {
  const rig = await panelFixture();
  const { el, $ } = rig;
  const root = el.shadowRoot!;
  const labelOf = (b: Element) => squash(b.querySelector('.label')?.textContent);
  const buttons = () => [...root.querySelectorAll<HTMLButtonElement>('[part~="task"] [part~="actions"] button')];
  const button = (label: string) => [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => labelOf(b) === label);
  // These tests wait for a second render after a request settles.
  const settle = async () => {
    await until(() => Object.keys(rig.sdk.state.pending).length === 0);
    await el.updateComplete;
    await el.updateComplete;
  };
  const click = async (label: string) => {
    const b = button(label);
    if (!b) throw new Error(`no button ${label}: ${buttons().map(labelOf).join(', ')}`);
    b.click();
    await settle();
  };
  const connect = async (spec: OfferSpec = {}) => {
    const id = await rig.offer(spec);
    await click('Accept');
    return id;
  };
  /** In the open consult (or transfer) form: picks "a number" and types `number`; resolves to the field. */
  const typeDialNumber = async (number: string) => {
    $<HTMLInputElement>('input[value="dialNumber"]')!.click();
    await el.updateComplete;
    const dial = $<HTMLInputElement>('#dial')!;
    dial.value = number;
    dial.dispatchEvent(new Event('input'));
    return dial;
  };
  return { ...rig, root, buttons, button, labelOf, click, settle, connect, typeDialNumber };
}

describe('<cc-task-panel> End buttons, focus after a consult, the Muted status and the empty state', () => {
  it('after End consult by keyboard, focus is on Consult, not on a neighbour that took its place', async () => {
    const p = await panel();
    await p.login();
    await p.connect();
    p.button('Consult')!.focus();
    await p.click('Consult');
    (await p.typeDialNumber('+14155550177')).focus();
    await sendKeys({ press: 'Enter' });
    await p.settle();
    // (DOM nodes are compared as booleans: a failing assertion on a node would print all of it.)
    expect(p.root.activeElement === p.button('End consult')).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await p.settle();
    expect(p.button('End consult')).to.equal(undefined);
    const active = p.root.activeElement as HTMLElement | null;
    expect(active && p.labelOf(active)).to.equal('Consult');
    expect(active?.dataset.action).to.equal('consult');
  });

  it('says what each End button ends: End call beside End consult, End chat for a chat', async () => {
    const p = await panel();
    await p.login();
    await p.connect();
    expect(p.buttons().map(p.labelOf)).to.deep.equal(['Hold', 'Mute', 'Pause recording', 'Consult', 'Transfer', 'End call']);
    await p.click('Consult');
    await p.typeDialNumber('+14155550177');
    await p.click('Start consult');
    expect(p.buttons().map(p.labelOf)).to.deep.equal(['Mute', 'Pause recording', 'End consult', 'Complete transfer', 'End call']);
    // The consult button is described by the consult it ends ("Consulting +14155550177: ringing…").
    const described = p.button('End consult')!.getAttribute('aria-describedby');
    expect(squash(p.$(`#${described}`)?.textContent)).to.equal('Consulting +14155550177: ringing…');
    await expect(p.el).to.be.accessible();
    await p.click('End call');
    // No new contact is routed while a wrap-up is owed: wrap the call up first.
    p.server.wrapup(p.server.tasks[0].id, { auxCodeId: 'wrap-resolved' });
    await p.settle();

    await p.connect({ mediaType: 'chat' });
    expect(p.buttons().map(p.labelOf)).to.deep.equal(['Consult', 'Transfer', 'End chat']);
  });

  it('shows Muted prominently: filled in the danger colour, with an icon, themeable by a token', async () => {
    const p = await panel();
    await p.login();
    await p.connect();
    const plain = getComputedStyle(p.$('[data-status="recording"]')!).backgroundColor;
    await p.click('Mute');
    const badge = p.$('[data-status="muted"]')!;
    expect(squash(badge.textContent)).to.equal('Muted');
    expect(badge.querySelector('svg')?.getAttribute('aria-hidden')).to.equal('true');
    const style = getComputedStyle(badge);
    expect(style.backgroundColor).to.not.equal(plain);
    expect(style.backgroundColor).to.equal('rgb(180, 35, 42)'); // the danger colour, light scheme
    expect(style.color).to.equal('rgb(255, 255, 255)');
    expect(Number(style.fontWeight)).to.be.at.least(700);
    await expect(p.el).to.be.accessible();
    p.el.style.setProperty('--cc-task-panel-muted-color', 'rgb(1, 2, 3)');
    expect(getComputedStyle(badge).backgroundColor).to.equal('rgb(1, 2, 3)');
  });

  it('says "No tasks yet" only before the first task, then "No open tasks"', async () => {
    const p = await panel();
    await p.login();
    expect(squash(p.$('[part="empty"]')?.textContent)).to.equal(
      'No tasks yet. New calls, chats and emails appear here when you are Available.',
    );
    const id = await p.connect();
    await p.click('End call');
    p.server.wrapup(id, { auxCodeId: 'wrap-resolved' });
    await until(() => p.sdk.state.tasks.length === 0);
    await p.el.updateComplete;
    expect(squash(p.$('[part="empty"]')?.textContent)).to.equal(
      'No open tasks. New calls, chats and emails appear here when you are Available.',
    );
    await expect(p.el).to.be.accessible();
  });
});
