// What the agent sees while the connection is down, in every widget that acts: a status saying so (part
// `connection`), controls that cannot work offline paused, and the return announced.
import { expect } from '@open-wc/testing';
import { fullDesk, type Widget } from '../desk-helpers.js';
import { until } from '../helpers.js';

const RECONNECTING = 'Reconnecting… Actions are paused until the connection is back.';
const ACTING: Widget[] = ['cc-auth', 'cc-station-login', 'cc-state-select', 'cc-task-panel'];

describe('connection status in the widgets', () => {
  it('offline: every acting widget says so and pauses; back online: the status goes and the return is announced', async () => {
    const d = await fullDesk();
    await d.ready();
    const taskId = await d.takeCall();
    const live = (tag: Widget) => (d.$(tag, '[role="status"][aria-live]')?.textContent ?? '').trim();
    for (const tag of ACTING) expect(d.$(tag, '[part="connection"]'), tag).to.equal(null);

    d.server.dropConnection(null);
    await d.paint();
    expect(d.sdk.state.connection).to.equal('reconnecting');
    for (const tag of ACTING) {
      expect(d.text(tag, '[part="connection"]'), tag).to.equal(RECONNECTING);
      await expect(d.widget(tag), `${tag} offline`).to.be.accessible();
    }
    // What cannot work offline is paused: task controls, the state, the station's Log out.
    for (const label of ['Hold', 'Mute', 'Consult', 'Transfer', 'End call']) {
      expect(d.button('cc-task-panel', label).getAttribute('aria-disabled'), label).to.equal('true');
    }
    expect(d.$<HTMLSelectElement>('cc-state-select', 'select')!.disabled).to.equal(true);
    expect(d.button('cc-station-login', 'Log out').getAttribute('aria-disabled')).to.equal('true');
    // Pressing a paused control sends nothing and shows no error.
    const sent: string[] = [];
    d.sdk.addEventListener('cc-task-hold-request', () => sent.push('hold'));
    d.sdk.addEventListener('cc-task-end-request', () => sent.push('end'));
    await d.click('cc-task-panel', 'Hold');
    await d.click('cc-task-panel', 'End call');
    expect(sent).to.deep.equal([]);
    expect(d.alerts('cc-task-panel')).to.deep.equal([]);
    expect(d.server.task(taskId).held).to.equal(false);
    await until(() => live('cc-task-panel') === 'Connection lost. Reconnecting…', 3000, 'the panel announces the loss');

    d.server.restoreConnection();
    await d.paint();
    for (const tag of ACTING) expect(d.$(tag, '[part="connection"]'), tag).to.equal(null);
    await until(() => live('cc-task-panel') === 'Connection restored.', 3000, 'the panel announces the return');
    await until(() => live('cc-state-select') === 'Connection restored.', 3000, 'the state select announces the return');
    expect(d.button('cc-task-panel', 'Hold').getAttribute('aria-disabled')).to.equal(null);
    expect(d.$<HTMLSelectElement>('cc-state-select', 'select')!.disabled).to.equal(false);
    await d.click('cc-task-panel', 'Hold');
    expect(d.server.task(taskId).held).to.equal(true);
    for (const tag of ACTING) await expect(d.widget(tag), `${tag} back online`).to.be.accessible();
  });

  it('the wrap-up pauses Submit while offline and submits once the connection is back', async () => {
    const d = await fullDesk();
    await d.ready();
    const taskId = await d.takeCall();
    await d.click('cc-task-panel', 'End call');
    await until(() => !d.widget('cc-wrapup').hidden);
    await d.paint();
    d.server.dropConnection(null);
    await d.paint();
    expect(d.text('cc-wrapup', '[part="connection"]')).to.equal(RECONNECTING);
    const submit = d.$<HTMLButtonElement>('cc-wrapup', 'button[type="submit"]')!;
    expect(submit.getAttribute('aria-disabled')).to.equal('true');
    await expect(d.widget('cc-wrapup')).to.be.accessible();
    await d.choose('cc-wrapup', '#code', 'wrap-resolved');
    submit.click();
    await d.paint();
    expect(d.count('cc-task-wrapup')).to.equal(0);
    expect(d.server.task(taskId).state).to.equal('wrapup');

    d.server.restoreConnection();
    await d.paint();
    expect(d.$('cc-wrapup', '[part="connection"]')).to.equal(null);
    d.$<HTMLButtonElement>('cc-wrapup', 'button[type="submit"]')!.click();
    await d.settle();
    expect(d.count('cc-task-wrapup')).to.equal(1);
  });
});
