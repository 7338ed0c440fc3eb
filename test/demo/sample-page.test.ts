import { expect } from '@open-wc/testing';
import type { CcSdk } from '../../components/cc-sdk/cc-sdk.js';
import { loadSamplePage, visibleText } from '../page-helpers.js';
import { until } from '../helpers-no-define.js';

describe('the sample page: switching to Webex from a form, no code change', () => {
  before(async () => {
    sessionStorage.clear();
    await loadSamplePage((el) => el.removeAttribute('persist'));
  });

  it('points the desk at Webex with OAuth settings, offers Sign in with Webex, and comes back to the simulator', async () => {
    const sdk = document.getElementById('desk') as CcSdk;
    await until(() => sdk.desk.backend?.name === 'simulator');
    const form = document.querySelector('demo-backend-switch')!.shadowRoot!;
    (form.querySelector('details') as HTMLDetailsElement).open = true;
    (form.querySelector('input[value="webex"]') as HTMLInputElement).checked = true;
    (form.querySelector('#client-id') as HTMLInputElement).value = 'C0ffee123';
    (form.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await until(() => sdk.desk.backend?.name === 'webex', 5000, 'the webex backend');
    expect(sdk.getAttribute('client-id')).to.equal('C0ffee123');
    const auth = document.querySelector('cc-auth')!;
    await until(() => visibleText(auth).includes('Sign in with Webex'));
    expect(JSON.parse(sessionStorage.getItem('northwind-crm-backend')!)).to.deep.include({ backend: 'webex', clientId: 'C0ffee123' });
    expect(visibleText(document.querySelector('demo-backend-switch'))).to.contain('Using Webex Contact Center');
    await expect(document.body).to.be.accessible();

    (form.querySelector('input[value="simulator"]') as HTMLInputElement).checked = true;
    (form.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await until(() => sdk.desk.backend?.name === 'simulator');
    expect(sdk.hasAttribute('client-id')).to.equal(false);
    expect(visibleText(auth)).to.not.contain('Sign in with Webex');
  });
});

describe('the sample page: a wrap-up never hides a ringing offer', () => {
  it('stays beside the task panel (no modal) while a new offer rings; "Wrap-up owed" brings it into view', async () => {
    const { ManualClock } = await import('../../src/core/clock.js');
    const { SimulatorServer } = await import('../../src/backends/simulator/server.js');
    const { SimulatorBackend } = await import('../../src/backends/simulator/backend.js');
    const { simulatorProfile } = await import('../../src/backends/simulator/data.js');
    // An offer rings during a wrap-up only where the contact center routes during wrap-up (issue 9, item 5).
    const server = new SimulatorServer({ clock: new ManualClock(), profile: { ...simulatorProfile, routeDuringWrapup: true } });
    const sdk = document.getElementById('desk') as CcSdk;
    sdk.backend = new SimulatorBackend({ server });
    await until(() => sdk.simulator === server);
    await sdk.request('cc-sign-in-request', { accessToken: 't' });
    await sdk.request('cc-station-login-request', { teamId: 'team-support', loginOption: 'BROWSER' });
    await sdk.request('cc-agent-state-request', { state: 'Available', auxCodeId: '0' });
    server.offer({ mediaType: 'chat' });
    await sdk.request('cc-task-accept-request', { taskId: sdk.state.tasks[0].id });
    const area = document.getElementById('wrapup-area')!;
    const owed = document.getElementById('wrapup-reopen') as HTMLButtonElement;
    expect(area.hidden).to.equal(true);
    await sdk.request('cc-task-end-request', { taskId: sdk.state.tasks[0].id });
    expect(area.hidden).to.equal(false);
    expect(owed.hidden).to.equal(false);
    server.offer({ mediaType: 'telephony' });
    await until(() => visibleText(document.querySelector('cc-task-panel')).includes('Accept'));
    // Nothing modal: the offer's Accept is reachable, and the wrap-up is still there.
    expect(document.querySelectorAll('dialog[open], :modal').length).to.equal(0);
    expect(area.hidden).to.equal(false);
    owed.click();
    expect(document.activeElement?.id).to.equal('wrapup-area');
  });
});
