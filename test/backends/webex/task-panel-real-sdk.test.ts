/**
 * What the task panel offers on the real Webex SDK (loopback Webex cloud, nothing patched): a call that rings
 * the agent's phone is answered there (no Accept that would do nothing, no Decline the SDK cannot send), what
 * the tenant forbids is not shown, and a chat is consulted to chat queues and chat agents only.
 */
import { expect } from '@open-wc/testing';
import '../../../define/cc-sdk.js';
import '../../../define/cc-task-panel.js';
import type { CcTaskPanel } from '../../../components/cc-task-panel/cc-task-panel.js';
import { Cloud, signedInSdk } from '../../webex-cloud/client.js';
import { until } from '../../helpers-no-define.js';

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

async function panelOn(cloud: Cloud) {
  const { sdk, el: panel, root, close } = await signedInSdk<CcTaskPanel>(cloud, 'cc-task-panel');
  const offered = async (media: string, options: { pauseResumeEnabled?: boolean } = {}) => {
    const id = await cloud.offer(media, options);
    await until(() => sdk.state.tasks.some((t) => t.id === id), 5000, 'the offer');
    await panel.updateComplete;
    return id;
  };
  const card = (id: string) => root.querySelector(`[part~="offer"][data-task="${id}"]`);
  const buttons = (scope: ParentNode | null) => [...(scope?.querySelectorAll('button') ?? [])].map((b) => squash(b.querySelector('.label')?.textContent ?? b.textContent));
  const taskButtons = () => buttons(root.querySelector('[part~="task"] [part~="actions"]'));
  return { sdk, panel, root, offered, card, buttons, taskButtons, close };
}

describe('webex on the real SDK: what the task panel offers', function () {
  this.timeout(30_000);

  it('a call ringing the phone (EXTENSION) says to answer on the phone, with no Accept and no Decline; a chat offer keeps Accept', async () => {
    const cloud = await Cloud.tenant();
    const p = await panelOn(cloud);
    const call = await p.offered('telephony');
    await until(() => p.sdk.state.taskCapabilities[call] !== undefined, 3000, "the call's own capabilities");
    await p.panel.updateComplete;
    expect(squash(p.card(call)?.textContent)).to.include('Answer this call on your phone.');
    expect(p.buttons(p.card(call))).to.deep.equal([]);
    // The desk refuses both unasked: Webex is never asked to accept or decline a phone call.
    const before = (await cloud.state()).calls.length;
    await p.sdk.request('cc-task-accept-request', { taskId: call });
    await p.sdk.request('cc-task-decline-request', { taskId: call });
    expect(p.sdk.state.errors[`cc-task-accept-request:${call}`]?.code).to.equal('unsupported');
    expect(p.sdk.state.errors[`cc-task-decline-request:${call}`]?.code).to.equal('unsupported');
    expect((await cloud.state()).calls.slice(before)).to.deep.equal([]);
    await cloud.answer(call);
    await until(() => p.sdk.state.tasks.find((t) => t.id === call)?.state === 'connected', 3000, 'the call answered on the phone');
    await cloud.hangup(call);
    await until(() => p.sdk.state.tasks.find((t) => t.id === call)?.state !== 'connected', 3000, 'the call ended');

    const chat = await p.offered('chat');
    await p.panel.updateComplete;
    expect(squash(p.card(chat)?.textContent)).not.to.include('Answer this call on your phone.');
    // Webex declines browser calls only: a chat offer has Accept, and no Decline.
    expect(p.buttons(p.card(chat))).to.deep.equal(['Accept']);
    await expect(p.panel).to.be.accessible();
    await p.close();
  });

  it("what the tenant forbids is not shown: no End call, no End consult, no Queue to consult, no Pause recording on a call whose flow forbids it", async () => {
    const cloud = await Cloud.tenant({ endCallEnabled: false, endConsultEnabled: false, consultToQueue: false });
    const p = await panelOn(cloud);
    const call = await p.offered('telephony', { pauseResumeEnabled: false });
    await cloud.answer(call);
    await until(() => p.sdk.state.tasks.find((t) => t.id === call)?.state === 'connected', 3000, 'the call');
    await p.panel.updateComplete;
    const shown = p.taskButtons();
    expect(shown).to.include.members(['Hold', 'Consult', 'Transfer']);
    expect(shown).not.to.include('End call');
    expect(shown).not.to.include('Pause recording');
    // Transfer may still go to a queue; Consult may not.
    (p.root.querySelector('[data-action="transfer"]') as HTMLButtonElement).click();
    await until(() => !!p.root.querySelector('[part~="picker"] input[name="destination-type"]'), 5000, 'the transfer form');
    const types = () => [...p.root.querySelectorAll<HTMLInputElement>('[part~="picker"] input[name="destination-type"]')].map((i) => i.value);
    // Entry points and the address book (the profile names one) as well (issue 12, item 4).
    expect(types()).to.deep.equal(['agent', 'queue', 'entryPoint', 'addressBook', 'dialNumber']);
    (p.root.querySelector('[data-action="transfer"]') as HTMLButtonElement).click();
    await p.panel.updateComplete;
    (p.root.querySelector('[data-action="consult"]') as HTMLButtonElement).click();
    await until(() => !!p.root.querySelector('[part~="picker"] input[name="destination-type"]'), 5000, 'the consult form');
    expect(types()).to.deep.equal(['agent', 'entryPoint', 'addressBook', 'dialNumber']);
    // A consult of an agent: its End consult is not shown either (Complete transfer is).
    await p.sdk.request('cc-task-consult-request', { taskId: call, destination: { type: 'agent', to: 'agent-sam' } });
    await until(() => !!p.sdk.state.tasks.find((t) => t.id === call)?.consult, 3000, 'the consult');
    await p.panel.updateComplete;
    expect(p.taskButtons()).to.include('Complete transfer');
    expect(p.taskButtons()).not.to.include('End consult');
    await expect(p.panel).to.be.accessible();
    await p.close();
  });

  it("a chat's consult lists chat queues and the agents who take chats; a call's lists call queues", async () => {
    const cloud = await Cloud.tenant();
    const p = await panelOn(cloud);
    const chat = await p.offered('chat');
    await p.sdk.request('cc-task-accept-request', { taskId: chat });
    await until(() => p.sdk.state.tasks.find((t) => t.id === chat)?.state === 'connected', 3000, 'the chat');
    await p.panel.updateComplete;
    (p.root.querySelector('[data-action="consult"]') as HTMLButtonElement).click();
    await until(() => p.root.querySelectorAll('[part~="picker"] select option').length > 1, 5000, 'the agents');
    const options = () => [...p.root.querySelectorAll<HTMLOptionElement>('[part~="picker"] select option')].filter((o) => o.value).map((o) => squash(o.textContent));
    expect(options()).to.deep.equal(['Sam Okafor (Customer Support)']);
    (p.root.querySelector('[part~="picker"] input[value="queue"]') as HTMLInputElement).click();
    await until(() => options().some((o) => o.includes('queue')), 5000, 'the queues');
    expect(options()).to.deep.equal(['Chat queue']);
    // The desk asks for the list of the task's channel; a call's queues are the call queues.
    expect((await p.sdk.desk.destinations('queue', chat)).map((q) => q.name)).to.deep.equal(['Chat queue']);
    await p.close();
  });
});
