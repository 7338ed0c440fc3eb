import { expect } from '@open-wc/testing';
import { ManualClock } from '../../src/core/clock.js';
import { SimulatorBackend } from '../../src/backends/simulator/backend.js';
import { SimulatorServer } from '../../src/backends/simulator/server.js';
import type { CcSdk } from '../../components/cc-sdk/cc-sdk.js';
import { pageIsAccessible, settlePage, startJourney, visibleText } from '../page-helpers.js';
import { until } from '../helpers-no-define.js';

/**
 * The sample page's conversation: the agent accepts a chat, reads the customer, answers with Enter, the customer
 * (the simulator, on its seeded clock) answers back; the CRM logs the transcript it heard through cc-message
 * with the wrap-up.
 */
const clock = new ManualClock();
const server = new SimulatorServer({ clock, queueActivity: false, conversations: { seed: 4 } });
const sdk = () => document.getElementById('desk') as CcSdk;
const conversation = () => document.querySelector('cc-conversation')!.shadowRoot!;

describe('the sample page: a chat worked in <cc-conversation>', function () {
  this.timeout(60_000);

  it('shows the chat, sends the reply, shows the answer, and logs the transcript with the wrap-up', async () => {
    const { heard } = await startJourney(new SimulatorBackend({ server }), server);
    await sdk().request('cc-sign-in-request', { accessToken: 't' });
    await sdk().request('cc-station-login-request', { teamId: 'team-support', loginOption: 'BROWSER' });
    await sdk().request('cc-agent-state-request', { state: 'Available', auxCodeId: '0' });
    server.offer({ mediaType: 'chat', ani: '@priya', subject: 'Hi, my order has not arrived yet' });
    await settlePage();
    const taskId = sdk().state.tasks[0].id;
    await sdk().request('cc-task-accept-request', { taskId });
    await settlePage();
    expect(visibleText(conversation().querySelector('[part="transcript"]'))).to.contain('Hi, my order has not arrived yet');
    const reply = conversation().querySelector<HTMLTextAreaElement>('[part="reply"]')!;
    reply.value = 'Hello Priya, which order is it?';
    reply.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    reply.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    await settlePage();
    await until(() => server.messagesOf(taskId).some((m) => m.from === 'agent'), 3000, 'the reply reaches the customer');
    clock.advance(10_000);
    await settlePage();
    const customerLines = [...conversation().querySelectorAll('[part~="message"][data-from="customer"]')];
    expect(customerLines).to.have.length(2);
    await pageIsAccessible('a chat in the conversation');
    await sdk().request('cc-task-end-request', { taskId });
    await sdk().request('cc-wrapup-request', { taskId, auxCodeId: 'wrap-resolved', notes: 'Order found.' });
    await settlePage();
    expect(heard.filter((h) => h === 'cc-message')).to.have.length(3);
    expect(visibleText(document.querySelector('#timeline'))).to.match(/transcript of 3 messages logged; last: “Priya Raman: /);
  });
});
