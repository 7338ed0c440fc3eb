/**
 * A conference on the real Webex SDK (loopback Webex cloud, nothing patched): the SDK's consultConference,
 * exitConference and transferConference, driven from the task panel, and its conference events
 * (AgentConsultConferenced, ParticipantLeftConference, AgentConferenceTransferred) as the agent sees them and
 * the page hears them. What the cloud double guesses about the service's payloads is in
 * test/webex-cloud/guesses.mjs (`conference`).
 */
import { expect } from '@open-wc/testing';
import '../../../define/cc-sdk.js';
import '../../../define/cc-task-panel.js';
import type { CcTaskPanel } from '../../../components/cc-task-panel/cc-task-panel.js';
import { outcomeEvents } from '../../../src/events/catalog.js';
import type { CcOutcomeEvent } from '../../../src/events/events.js';
import { Cloud, signedInSdk } from '../../webex-cloud/client.js';
import { until } from '../../helpers-no-define.js';

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** A call from Priya Raman answered on the phone, a consult of Sam Okafor he answered, and the panel. */
async function consulting(cloud: Cloud) {
  const { sdk, el: panel, root, callId: id, close } = await signedInSdk<CcTaskPanel>(cloud, 'cc-task-panel', { call: {} });
  const events: CcOutcomeEvent[] = [];
  for (const name of outcomeEvents) sdk.addEventListener(name, (e) => events.push(e as CcOutcomeEvent));
  const heard = (from: number) =>
    events.slice(from).map((e) => (e.type === 'cc-task-change' ? `${e.type}:${(e.detail as { change: string }).change}` : e.type));
  await sdk.request('cc-task-consult-request', { taskId: id, destination: { type: 'agent', to: 'agent-sam' } });
  await cloud.answerConsult(id);
  await until(() => sdk.state.tasks.find((t) => t.id === id)?.consult?.state === 'connected', 5000, 'the consult answered');
  await panel.updateComplete;
  const task = () => sdk.state.tasks.find((t) => t.id === id);
  const button = (label: string) =>
    [...root.querySelectorAll<HTMLButtonElement>('[part~="actions"] button')].find((b) => squash(b.querySelector('.label')?.textContent) === label);
  const labels = () => [...root.querySelectorAll('[part~="actions"] button')].map((b) => squash(b.querySelector('.label')?.textContent));
  const people = () => [...root.querySelectorAll<HTMLElement>('[part~="participant"]')].map((li) => `${li.dataset.role}: ${squash(li.textContent)}`);
  const calls = async (from: number) => (await cloud.state()).calls.slice(from).filter((c) => c.includes('/v1/tasks/'));
  const join = async () => {
    button('Conference')!.click();
    await until(() => task()?.conference === true && !sdk.state.pending[`cc-task-conference-request:${id}`], 5000, 'the conference');
    await panel.updateComplete;
  };
  return { sdk, panel, root, events, heard, id, task, button, labels, people, calls, join, close };
}

describe('webex on the real SDK: conference', function () {
  this.timeout(30_000);

  it('joins the consult into a conference (consultConference): everyone on the call listed, the page hears conference-started', async () => {
    const cloud = await Cloud.tenant();
    const p = await consulting(cloud);
    const before = (await cloud.state()).calls.length;
    const from = p.events.length;
    await p.join();
    expect(await p.calls(before)).to.deep.equal([`POST /v1/tasks/${p.id}/consult/conference`]);
    expect(p.task()).to.deep.include({ conference: true, consult: null, held: false });
    expect(p.people()).to.deep.equal(['customer: Priya Raman +14155550142 customer', 'agent: You', 'consulted: Sam Okafor consulted']);
    expect(p.labels()).to.include.members(['Leave conference', 'Transfer conference']);
    expect(p.heard(from)).to.include('cc-task-change:conference-started');
    await expect(p.panel).to.be.accessible();

    // Others leave (ParticipantLeftConference): the customer, then Sam; with one agent left it is no conference.
    await cloud.conferenceLeft(p.id, 'customer');
    await until(() => p.task()?.participants?.length === 2, 5000, 'the customer gone');
    expect(p.heard(from)).to.include('cc-task-change:participants');
    await cloud.conferenceLeft(p.id, 'consulted');
    await until(() => p.task()?.conference !== true, 5000, 'the conference over');
    expect(p.heard(from)).to.include('cc-task-change:conference-ended');
    await p.close();
  });

  it('leaves the conference (exitConference): the page hears conference-left, then the end with a wrap-up owed', async () => {
    const cloud = await Cloud.tenant();
    const p = await consulting(cloud);
    await p.join();
    const before = (await cloud.state()).calls.length;
    const from = p.events.length;
    p.button('Leave conference')!.click();
    await p.panel.updateComplete;
    expect(p.button('Leave conference')?.getAttribute('aria-disabled')).to.equal('true');
    await until(() => p.task()?.state === 'wrapup', 5000, 'the wrap-up');
    expect(await p.calls(before)).to.deep.equal([`POST /v1/tasks/${p.id}/conference/exit`]);
    expect(p.heard(from).filter((e) => e.startsWith('cc-task'))).to.deep.equal(['cc-task-change:conference-left', 'cc-task-end']);
    const end = p.events.find((e, i) => i >= from && e.type === 'cc-task-end')!.detail as { wrapupRequired: boolean };
    expect(end.wrapupRequired).to.equal(true);
    await p.close();
  });

  it('hands the conference to Sam (transferConference): the page hears transferred once, then the end', async () => {
    const cloud = await Cloud.tenant();
    const p = await consulting(cloud);
    await p.join();
    const before = (await cloud.state()).calls.length;
    const from = p.events.length;
    p.button('Transfer conference')!.click();
    await until(() => p.task()?.state === 'wrapup', 5000, 'the wrap-up');
    expect(await p.calls(before)).to.deep.equal([`POST /v1/tasks/${p.id}/conference/transfer`]);
    expect(p.heard(from).filter((e) => e.startsWith('cc-task'))).to.deep.equal(['cc-task-change:transferred', 'cc-task-end']);
    await p.close();
  });

  it('a refused exit keeps its reason (ParticipantLeftConferenceFailed), shown next to the controls; the conference goes on', async () => {
    const cloud = await Cloud.tenant();
    const p = await consulting(cloud);
    await p.join();
    await cloud.refuse('leaveConference', 'CONFERENCE_EXIT_NOT_ALLOWED');
    p.button('Leave conference')!.click();
    await until(() => !!p.sdk.state.errors[`cc-task-conference-leave-request:${p.id}`], 25_000, 'the refusal');
    await p.panel.updateComplete;
    expect(p.sdk.state.errors[`cc-task-conference-leave-request:${p.id}`]?.message).to.equal('Leaving the conference failed: conference exit not allowed.');
    expect(squash(p.root.querySelector('.errors')?.textContent)).to.contain('Leaving the conference failed: conference exit not allowed.');
    expect(p.task()).to.deep.include({ state: 'connected', conference: true });
    expect(p.people()).to.have.length(3);
    await p.close();
  });
});
