/** The sample page shows the agent's day and the queues, live from the simulator, beside the desk. */
import { expect } from '@open-wc/testing';
import type { CcSdk } from '../../components/cc-sdk/cc-sdk.js';
import { loadSamplePage, visibleText } from '../page-helpers.js';
import { until } from '../helpers-no-define.js';

describe('the sample page: statistics', () => {
  before(async () => {
    sessionStorage.clear();
    await loadSamplePage((el) => el.removeAttribute('persist'));
  });

  it('asks for sign-in, then shows the queues and the agent day; a waiting call raises Waiting', async () => {
    const { ManualClock } = await import('../../src/core/clock.js');
    const { SimulatorServer } = await import('../../src/backends/simulator/server.js');
    const { SimulatorBackend } = await import('../../src/backends/simulator/backend.js');
    const queues = document.querySelector('cc-queue-stats')!;
    const agent = document.querySelector('cc-agent-stats')!;
    await until(() => visibleText(queues).includes('Sign in to see queue statistics.'), 5000, 'the signed-out state');
    const server = new SimulatorServer({ clock: new ManualClock(), queueActivity: false });
    const sdk = document.getElementById('desk') as CcSdk;
    sdk.backend = new SimulatorBackend({ server });
    await until(() => sdk.simulator === server);
    await sdk.request('cc-sign-in-request', { accessToken: 't' });
    await sdk.request('cc-station-login-request', { teamId: 'team-support', loginOption: 'BROWSER' });
    server.offer({ queueId: 'queue-billing' });
    await until(() => visibleText(queues).includes('Billing queue'), 3000, 'the queues');
    const billing = [...queues.shadowRoot!.querySelectorAll('[part~="queue"]')].find((c) => c.textContent!.includes('Billing queue'))!;
    expect(billing.querySelector('[part="waiting"]')!.textContent).to.equal('1');
    await until(() => visibleText(agent).includes('Handled today'), 3000, 'the agent day');
    await expect(document.body).to.be.accessible();
  });
});
