/**
 * A campaign's preview offer on the real Webex SDK (loopback Webex cloud, nothing patched): the SDK emits
 * `task:campaignPreviewReservation` (not `task:incoming`) for AgentOfferCampaignReservation; the desk shows it
 * as an offer with its campaign, "Call now" accepts it with `webex.cc.acceptPreviewContact` (POST
 * /v1/dialer/campaign/{campaign}/preview-task/{id}/accept), AgentContactAssigned connects the call; a refusal
 * (CampaignPreviewAcceptFailed) is shown next to the control. Webex has no way to decline a preview: no Decline.
 */
import { expect } from '@open-wc/testing';
import '../../../define/cc-sdk.js';
import '../../../define/cc-task-panel.js';
import type { CcTaskPanel } from '../../../components/cc-task-panel/cc-task-panel.js';
import { Cloud, signedInSdk } from '../../webex-cloud/client.js';
import { until } from '../../helpers-no-define.js';

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

async function onStation() {
  const d = await signedInSdk<CcTaskPanel>(await Cloud.tenant(), 'cc-task-panel', { available: false });
  const heard: string[] = [];
  for (const type of ['cc-task-incoming', 'cc-task-hydrate', 'cc-task-assigned', 'cc-task-change', 'cc-task-end', 'cc-task-wrapup', 'cc-task-rejected', 'cc-error']) {
    d.sdk.addEventListener(type, (e) => heard.push(`${type}:${String((e as CustomEvent).detail?.task?.id ?? '')}`));
  }
  return { ...d, panel: d.el, heard };
}

const acceptsOf = async (cloud: Cloud, from: number) => (await cloud.state()).calls.slice(from).filter((c: string) => c.includes('/preview-task/'));

describe('webex on the real SDK: a campaign preview the agent calls now', function () {
  this.timeout(30_000);

  it('shows the preview with its campaign and no Decline; Call now places the call, which connects', async () => {
    const d = await onStation();
    const id = await d.cloud.preview('Spring renewals');
    await until(() => !!d.root.querySelector(`[part~="offer"][data-task="${id}"]`), 5000, 'the preview offer');
    const offer = d.root.querySelector(`[part~="offer"][data-task="${id}"]`)!;
    expect(squash(offer.querySelector('[part="preview"]')?.textContent)).to.equal('Campaign preview: Spring renewals');
    expect(squash(offer.querySelector('[part="preview-hint"]')?.textContent)).to.equal('Accept to call Priya Raman now.');
    expect(d.sdk.state.tasks[0]).to.deep.include({ id, direction: 'outbound', state: 'offered', preview: { campaign: 'Spring renewals' } });
    // Webex has no way to decline a preview; on a phone login a preview is still accepted from the desk.
    expect(offer.querySelector('[data-action="decline"]')).to.equal(null);
    expect(offer.querySelector('[part="answer-on-phone"]')).to.equal(null);
    const call = offer.querySelector<HTMLButtonElement>('[data-action="accept"]')!;
    expect(squash(call.textContent)).to.equal('Call now');
    expect(d.heard).to.include(`cc-task-incoming:${id}`);
    await expect(d.panel).to.be.accessible();

    const before = (await d.cloud.state()).calls.length;
    call.click();
    await until(() => d.sdk.state.tasks[0]?.state === 'connected', 5000, 'the call connected');
    expect(await acceptsOf(d.cloud, before)).to.deep.equal([`POST /v1/dialer/campaign/Spring%20renewals/preview-task/${id}/accept`]);
    expect(d.sdk.state.tasks).to.have.length(1);
    expect(d.sdk.state.tasks[0].id).to.equal(id);
    expect(d.sdk.state.tasks[0].preview).to.equal(undefined);
    expect(d.heard).to.include(`cc-task-assigned:${id}`);
    await until(() => !d.root.querySelector('[part~="offer"]'), 5000, 'the offer gone');
    expect(d.heard.filter((h) => h.startsWith('cc-error'))).to.deep.equal([]);
    await d.close();
  });

  it('the dialer places the call under a new interaction id: one task, under the id the offer had, which connects, holds, ends and wraps up', async () => {
    const d = await onStation();
    const id = await d.cloud.preview('Spring renewals', { newInteraction: true });
    await until(() => !!d.root.querySelector(`[part~="offer"][data-task="${id}"] [data-action="accept"]`), 5000, 'Call now');
    d.root.querySelector<HTMLButtonElement>(`[part~="offer"][data-task="${id}"] [data-action="accept"]`)!.click();
    await until(() => d.sdk.state.tasks[0]?.state === 'connected', 5000, 'the call connected');
    // Webex now knows the call by another interaction id; the SDK re-keyed its task (TaskManager.ts).
    const contacts = (await d.cloud.state()).contacts;
    expect(contacts).to.have.length(1);
    const placed = contacts[0];
    expect(placed).to.not.equal(id);
    // The desk: one task, still under the offer's id, connected, no longer a preview.
    expect(d.sdk.state.tasks).to.have.length(1);
    expect(d.sdk.state.tasks[0]).to.include({ id, state: 'connected', direction: 'outbound' });
    expect(d.sdk.state.tasks[0].preview).to.equal(undefined);
    await d.panel.updateComplete;
    await until(() => !d.root.querySelector('[part~="offer"]'), 5000, 'the offer gone');
    expect([...d.root.querySelectorAll('[part~="task"][data-task]')].map((t) => t.getAttribute('data-task'))).to.deep.equal([id]);
    // The page: the offer, then the same task connected, one id throughout.
    expect(d.heard).to.deep.equal([`cc-task-incoming:${id}`, `cc-task-assigned:${id}`]);

    // Actions on the desk's id reach Webex under the call's new id.
    const before = (await d.cloud.state()).calls.length;
    await d.sdk.request('cc-task-hold-request', { taskId: id });
    await until(() => d.sdk.state.tasks[0]?.held === true, 5000, 'the call held');
    await d.sdk.request('cc-task-resume-request', { taskId: id });
    await until(() => d.sdk.state.tasks[0]?.held === false, 5000, 'the call resumed');
    await d.sdk.request('cc-task-end-request', { taskId: id });
    await until(() => d.sdk.state.tasks[0]?.state === 'wrapup', 5000, 'the wrap-up');
    await d.sdk.request('cc-wrapup-request', { taskId: id, auxCodeId: 'wrap-resolved', notes: 'Renewed' });
    await until(() => d.sdk.state.tasks.length === 0, 5000, 'the task gone');
    const calls = (await d.cloud.state()).calls.slice(before).filter((c) => c.startsWith('POST /v1/tasks/'));
    expect(calls).to.deep.equal(['hold', 'unhold', 'end', 'wrapup'].map((a) => `POST /v1/tasks/${placed}/${a}`));
    expect(d.heard).to.deep.equal([
      `cc-task-incoming:${id}`,
      `cc-task-assigned:${id}`,
      `cc-task-change:${id}`,
      `cc-task-change:${id}`,
      `cc-task-end:${id}`,
      `cc-task-wrapup:${id}`,
    ]);
    expect((await d.cloud.state()).contacts).to.deep.equal([]);
    await d.close();
  });

  it('a call placed under a new interaction id stays one task, under the offer\'s id, across a reconnect', async () => {
    const d = await onStation();
    const id = await d.cloud.preview('Spring renewals', { newInteraction: true });
    await until(() => d.sdk.state.tasks[0]?.id === id, 5000, 'the preview offer');
    await d.sdk.request('cc-task-accept-request', { taskId: id });
    await until(() => d.sdk.state.tasks[0]?.state === 'connected', 5000, 'the call connected');
    const placed = (await d.cloud.state()).contacts[0];
    // The network drops and comes back: the SDK logs in again silently and the service lists the call (its new
    // id) and sends it again; the desk finds it is the task it has.
    await d.cloud.drop();
    await until(() => d.sdk.state.connection !== 'connected', 5000, 'the connection lost');
    await d.cloud.restore();
    await until(() => d.sdk.state.connection === 'connected', 15_000, 'the connection back');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(d.sdk.state.tasks.map((t) => [t.id, t.state])).to.deep.equal([[id, 'connected']]);
    expect(d.heard.filter((h) => !h.endsWith(`:${id}`))).to.deep.equal([]);
    expect(d.heard.filter((h) => /incoming|hydrate|end|rejected/.test(h))).to.deep.equal([`cc-task-incoming:${id}`]);
    await d.sdk.request('cc-task-hold-request', { taskId: id });
    await until(() => d.sdk.state.tasks[0]?.held === true, 5000, 'the call held');
    expect((await d.cloud.state()).calls.filter((c) => c.endsWith('/hold'))).to.deep.equal([`POST /v1/tasks/${placed}/hold`]);
    await d.close();
  });

  it('a decline sent by a script is refused (the SDK cannot decline a preview): the page hears why, the agent sees it, the offer stays', async () => {
    const d = await onStation();
    const id = await d.cloud.preview('Spring renewals');
    await until(() => !!d.root.querySelector(`[part~="offer"][data-task="${id}"] [data-action="accept"]`), 5000, 'Call now');
    const errors: { action: string; code: string; message: string }[] = [];
    d.sdk.addEventListener('cc-error', (e) => errors.push((e as CustomEvent).detail));
    const before = (await d.cloud.state()).calls.length;
    // No Decline on the panel: the page sends the request itself.
    expect(d.root.querySelector('[data-action="decline"]')).to.equal(null);
    await d.sdk.request('cc-task-decline-request', { taskId: id });
    expect(errors).to.have.length(1);
    // In the words for a preview (a phone call's refusal says to answer it on the phone).
    expect(errors[0]).to.deep.equal({ action: 'task-decline', code: 'unsupported', message: 'The webex backend cannot decline a campaign preview: call now, or let the offer go.' });
    expect(d.sdk.state.errors[`cc-task-decline-request:${id}`]?.code).to.equal('unsupported');
    // The refusal shows next to the offer, which is still there to call now; nothing reached Webex.
    await d.panel.updateComplete;
    const offer = d.root.querySelector(`[part~="offer"][data-task="${id}"]`)!;
    expect(squash(offer.querySelector('[role="alert"], [part~="error"]')?.textContent)).to.include('cannot decline a campaign preview: call now, or let the offer go.');
    expect(d.sdk.state.tasks).to.have.length(1);
    expect(d.sdk.state.tasks[0]).to.deep.include({ id, state: 'offered', preview: { campaign: 'Spring renewals' } });
    expect(d.heard.filter((h) => h.startsWith('cc-task-rejected'))).to.deep.equal([]);
    expect((await d.cloud.state()).calls.slice(before)).to.deep.equal([]);
    expect((await d.cloud.state()).contacts).to.deep.equal([id]);
    await expect(d.panel).to.be.accessible();
    // and Call now still places the call
    offer.querySelector<HTMLButtonElement>('[data-action="accept"]')!.click();
    await until(() => d.sdk.state.tasks[0]?.state === 'connected', 5000, 'the call connected');
    await d.close();
  });

  it('a refused preview: the reason next to Call now, and the offer stays', async () => {
    const d = await onStation();
    const id = await d.cloud.preview('Spring renewals');
    await until(() => !!d.root.querySelector(`[part~="offer"][data-task="${id}"] [data-action="accept"]`), 5000, 'Call now');
    await d.cloud.refuse('acceptPreview', 'CUSTOMER_UNAVAILABLE');
    await d.sdk.request('cc-task-accept-request', { taskId: id });
    const error = d.sdk.state.errors[`cc-task-accept-request:${id}`];
    expect(error?.code).to.equal('rejected');
    await d.panel.updateComplete;
    const offer = d.root.querySelector(`[part~="offer"][data-task="${id}"]`)!;
    await until(() => /customer unavailable/i.test(squash(offer.textContent)), 5000, 'the refusal shown');
    expect(squash(offer.querySelector('[role="alert"], [part~="error"]')?.textContent)).to.match(/customer unavailable/i);
    expect(d.sdk.state.tasks[0]).to.include({ id, state: 'offered' });
    await expect(d.panel).to.be.accessible();
    await d.close();
  });
});
