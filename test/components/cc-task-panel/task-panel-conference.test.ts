/**
 * A conference in the task panel, on the simulator: who is on it, leaving it, handing it over, and what the page
 * hears (the requests, `cc-task-change` and `cc-task-end`), in a real browser.
 */
import { expect } from '@open-wc/testing';
import { detailsOf, until } from '../../helpers.js';
import { panelFixture, type PanelFixtureOptions } from './panel-fixture.js';
import { SimulatorBackend } from '../../../src/backends/simulator/backend.js';

const squash = (text: string | null | undefined) => text?.replace(/\s+/g, ' ').trim();

/** A connected call from Priya Raman, consulted to Sam Okafor and joined into a conference. */
async function conference(options: PanelFixtureOptions & { join?: boolean } = {}) {
  const rig = await panelFixture(options);
  const { $$, settle } = rig;
  const button = (label: string) => $$<HTMLButtonElement>('[part~="actions"] button').find((b) => squash(b.querySelector('.label')?.textContent) === label);
  const labels = () => $$('[part~="actions"] button').map((b) => squash(b.querySelector('.label')?.textContent));
  const people = () =>
    $$('[part~="participant"]').map((li) => ({ role: li.dataset.role, self: li.hasAttribute('data-self'), text: squash(li.textContent) }));
  await rig.login();
  const taskId = await rig.offer({ mediaType: 'telephony', ani: '+14155550142' });
  await rig.sdk.request('cc-task-accept-request', { taskId });
  await rig.sdk.request('cc-task-consult-request', { taskId, destination: { type: 'agent', to: 'agent-sam' } });
  rig.clock.advance(rig.server.timing.consultAnswerMs);
  await settle();
  if (options.join !== false) {
    button('Conference')!.click();
    await settle();
  }
  return { ...rig, button, labels, people, taskId };
}

describe('<cc-task-panel> conference: participants', () => {
  it('lists everyone on the conference (name, number, role) and the agent as You, muted when muted; axe-clean', async () => {
    const p = await conference();
    expect(squash(p.$('.participants .label')?.textContent)).to.equal('On the call (3)');
    expect(p.people()).to.deep.equal([
      { role: 'customer', self: false, text: 'Priya Raman +14155550142 customer' },
      { role: 'agent', self: true, text: 'You' },
      { role: 'consulted', self: false, text: 'Sam Okafor consulted' },
    ]);
    expect(p.sdk.state.tasks[0].participants?.map((x) => x.role)).to.deep.equal(['customer', 'agent', 'consulted']);
    expect(p.labels()).to.include.members(['Leave conference', 'Transfer conference']);
    expect(p.labels()).to.not.include('Conference');
    await expect(p.el).to.be.accessible();

    await p.sdk.request('cc-task-mute-request', { taskId: p.taskId });
    await p.settle();
    expect(p.people()[1]).to.deep.equal({ role: 'agent', self: true, text: 'You Muted' });
  });

  it('shows no participants outside a conference', async () => {
    const p = await conference({ join: false });
    expect(p.$('[part~="participants"]')).to.equal(null);
    expect(p.labels()).to.not.include('Leave conference');
    expect(p.labels()).to.not.include('Transfer conference');
  });

  it('says who left: the customer hangs up, the list and the page follow; the consulted party hangs up, the conference ends', async () => {
    const p = await conference();
    p.server.participantLeaves(p.taskId, 'customer');
    await p.el.updateComplete;
    expect(p.people().map((x) => x.role)).to.deep.equal(['agent', 'consulted']);
    await until(() => squash(p.$('[role="status"][aria-live]')?.textContent)?.includes('Priya Raman left the conference'), 3000, 'announced');
    const change = detailsOf(p.events, 'cc-task-change').at(-1)!;
    expect(change.change).to.equal('participants');
    expect(change.task.participants?.map((x) => x.role)).to.deep.equal(['agent', 'consulted']);
    p.server.participantLeaves(p.taskId, 'consulted');
    await p.el.updateComplete;
    expect(p.$('[part~="participants"]')).to.equal(null);
    expect(detailsOf(p.events, 'cc-task-change').at(-1)!.change).to.equal('conference-ended');
  });
});

describe('<cc-task-panel> conference: leave and transfer', () => {
  it('Leave conference: pending while under way, then the page hears conference-left and the task end; wrap-up follows', async () => {
    const p = await conference();
    const leaves = p.requests('cc-task-conference-leave-request');
    let release!: () => void;
    const original = p.backend.leaveConference.bind(p.backend);
    p.backend.leaveConference = (taskId: string) => new Promise<void>((r) => (release = r)).then(() => original(taskId));
    const before = p.events.length;
    p.button('Leave conference')!.click();
    await p.el.updateComplete;
    const leave = p.button('Leave conference')!;
    expect(leave.getAttribute('aria-disabled')).to.equal('true');
    expect(squash(leave.textContent)).to.contain('Working…');
    leave.click();
    release();
    await p.settle();
    expect(leaves).to.deep.equal([{ taskId: p.taskId }]);
    const heard = p.events.slice(before).map((e) => (e.type === 'cc-task-change' ? `${e.type}:${(e.detail as { change: string }).change}` : e.type));
    expect(heard).to.deep.equal(['cc-task-change:conference-left', 'cc-task-end']);
    expect(detailsOf(p.events, 'cc-task-change').at(-1)!.task.participants?.length).to.equal(3);
    expect(detailsOf(p.events, 'cc-task-end').at(-1)).to.deep.include({ wrapupRequired: true });
    expect(p.sdk.state.tasks[0].state).to.equal('wrapup');
    expect(p.sdk.state.tasks[0].participants).to.equal(undefined);
    expect(squash(p.$('.hint')?.textContent)).to.contain('Complete its wrap-up');
  });

  it('Transfer conference: the consulted party takes it over; the page hears transferred, then the task end', async () => {
    const p = await conference();
    const transfers = p.requests('cc-task-conference-transfer-request');
    const before = p.events.length;
    p.button('Transfer conference')!.click();
    await p.settle();
    expect(transfers).to.deep.equal([{ taskId: p.taskId }]);
    const heard = p.events.slice(before).map((e) => (e.type === 'cc-task-change' ? `${e.type}:${(e.detail as { change: string }).change}` : e.type));
    expect(heard).to.deep.equal(['cc-task-change:transferred', 'cc-task-end']);
    expect(p.sdk.state.tasks[0].state).to.equal('wrapup');
  });

  it('hides Transfer conference once the consulted party is gone, and refuses a script that asks', async () => {
    const p = await conference();
    p.server.participantLeaves(p.taskId, 'customer');
    // A conference of the agent and the customer only (a backend that reports it so): nobody to hand it to.
    const task = p.sdk.state.tasks[0];
    p.backend.deliver({ type: 'task-updated', task: { ...task, participants: task.participants!.filter((x) => x.role !== 'consulted') } });
    await p.el.updateComplete;
    expect(p.labels()).to.include('Leave conference');
    expect(p.labels()).to.not.include('Transfer conference');
    await p.sdk.request('cc-task-conference-transfer-request', { taskId: p.taskId });
    expect(detailsOf(p.events, 'cc-error').at(-1)).to.deep.equal({
      action: 'task-conference-transfer',
      code: 'invalid-state',
      message: 'The consulted party has left the conference: nobody can take it over.',
    });
  });

  it('a refusal from the contact center shows next to the controls, leaves the conference as it was, and can be retried', async () => {
    const p = await conference();
    p.server.failNext({ action: 'leaveConference', code: 'rejected', message: 'The conference cannot be left right now.' });
    p.button('Leave conference')!.click();
    await p.settle();
    const leave = p.button('Leave conference')!;
    const error = p.$(`#${leave.getAttribute('aria-describedby')!.split(' ').find((id) => id !== 'conference-status')}`);
    expect(squash(error?.textContent)).to.contain('The conference cannot be left right now.');
    expect(p.sdk.state.tasks[0]).to.deep.include({ state: 'connected', conference: true });
    expect(p.people()).to.have.length(3);
    expect(detailsOf(p.events, 'cc-error').at(-1)).to.deep.include({ action: 'task-conference-leave', code: 'rejected' });
    await expect(p.el).to.be.accessible();
    leave.click();
    await p.settle();
    expect(p.sdk.state.tasks[0].state).to.equal('wrapup');
    expect(p.$('.errors')).to.equal(null);
  });

  it('refuses leave and transfer outside a conference, with the reason, and no backend call', async () => {
    const p = await conference({ join: false });
    let called = 0;
    p.backend.leaveConference = async () => void called++;
    await p.sdk.request('cc-task-conference-leave-request', { taskId: p.taskId });
    await p.sdk.request('cc-task-conference-transfer-request', { taskId: p.taskId });
    expect(called).to.equal(0);
    expect(detailsOf(p.events, 'cc-error').map((e) => `${e.action}/${e.message}`)).to.deep.equal([
      'task-conference-leave/The call is not a conference.',
      'task-conference-transfer/The call is not a conference.',
    ]);
  });

  it('is not offered by a backend that cannot leave or hand over a conference (no method: capability off)', async () => {
    class NoLeave extends SimulatorBackend {}
    Object.defineProperty(NoLeave.prototype, 'leaveConference', { value: undefined });
    Object.defineProperty(NoLeave.prototype, 'transferConference', { value: undefined });
    const p = await conference({ backend: (server) => new NoLeave({ server }) });
    expect(p.sdk.state.capabilities).to.include({ conference: true, conferenceLeave: false, conferenceTransfer: false });
    expect(p.people()).to.have.length(3);
    expect(p.labels()).to.not.include('Leave conference');
    expect(p.labels()).to.not.include('Transfer conference');
    await p.sdk.request('cc-task-conference-leave-request', { taskId: p.taskId });
    expect(detailsOf(p.events, 'cc-error').at(-1)!.message).to.equal('The simulator backend cannot leave conferences.');
  });
});
