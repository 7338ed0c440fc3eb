// A remote logout during a muted browser call, through the whole desk: the call stays connected (the simulator
// models what contact centers do: a logout ends routing, not the customer's call), so the agent can still
// unmute and end it, and may log in again mid-call.
import { expect } from '@open-wc/testing';
import { fullDesk } from '../desk-helpers.js';
import { detailsOf } from '../helpers.js';

describe('a remote logout during a muted browser call', () => {
  it('keeps the call with Unmute and End call, lets the agent log in again mid-call, and rings nothing meanwhile', async () => {
    const d = await fullDesk();
    await d.ready();
    const taskId = await d.takeCall();
    await d.click('cc-task-panel', 'Mute');
    expect(d.text('cc-task-panel', '[data-status="muted"]')).to.equal('Muted');

    // A second contact is ringing when the supervisor logs the agent out: it is withdrawn.
    d.server.offer({ mediaType: 'chat' });
    await d.paint();
    d.server.remoteLogout();
    await d.paint();
    expect(d.sdk.state.station).to.equal(null);
    expect(detailsOf(d.events, 'cc-task-rejected').map((r) => r.reason)).to.deep.equal(['cancelled']);
    expect(d.server.task(taskId).state).to.equal('connected');
    // The call is still on screen, muted, with its controls.
    expect(d.text('cc-task-panel', '[data-status="muted"]')).to.equal('Muted');
    expect(!!d.button('cc-task-panel', 'Unmute')).to.equal(true);
    expect(!!d.button('cc-task-panel', 'End call')).to.equal(true);
    await expect(d.widget('cc-task-panel')).to.be.accessible();

    await d.click('cc-task-panel', 'Unmute');
    expect(d.server.task(taskId).muted).to.equal(false);
    expect(d.$('cc-task-panel', '[data-status="muted"]')).to.equal(null);
    expect(!!d.button('cc-task-panel', 'Mute')).to.equal(true);
    expect(d.alerts('cc-task-panel')).to.deep.equal([]);

    // No new offer reaches a logged-out agent.
    d.server.offer();
    await d.paint();
    expect(d.sdk.state.tasks.filter((t) => t.state === 'offered')).to.deep.equal([]);

    // Logging back in mid-call works.
    await d.logIn();
    expect(d.alerts('cc-station-login')).to.deep.equal([]);
    expect(d.sdk.state.station?.loginOption).to.equal('BROWSER');
    expect(d.server.task(taskId).state).to.equal('connected');

    await d.click('cc-task-panel', 'End call');
    expect(d.server.task(taskId).state).to.equal('wrapup');
    expect(d.alerts('cc-task-panel')).to.deep.equal([]);
  });

  it('lets the agent end the call while still logged out', async () => {
    const d = await fullDesk();
    await d.ready();
    const taskId = await d.takeCall();
    await d.click('cc-task-panel', 'Mute');
    d.server.remoteLogout();
    await d.paint();
    await d.click('cc-task-panel', 'End call');
    expect(d.server.task(taskId).state).to.equal('wrapup');
    expect(d.alerts('cc-task-panel')).to.deep.equal([]);
    expect(detailsOf(d.events, 'cc-task-end').map((e) => e.task.id)).to.deep.equal([taskId]);
  });
});
