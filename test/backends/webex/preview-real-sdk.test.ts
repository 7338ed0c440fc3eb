/**
 * A campaign's preview offer on the real Webex SDK (loopback Webex cloud, nothing patched): the SDK emits
 * `task:campaignPreviewReservation` (not `task:incoming`) for AgentOfferCampaignReservation; the desk shows it
 * as an offer with its campaign, "Call now" accepts it with `webex.cc.acceptPreviewContact` (POST
 * /v1/dialer/campaign/{campaign}/preview-task/{id}/accept), AgentContactAssigned connects the call; a refusal
 * (CampaignPreviewAcceptFailed) is shown next to the control. Webex has no way to decline a preview: no Decline.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../define/cc-sdk.js';
import '../../../define/cc-task-panel.js';
import type { CcSdk } from '../../../components/cc-sdk/cc-sdk.js';
import type { CcTaskPanel } from '../../../components/cc-task-panel/cc-task-panel.js';
import { Cloud, realSdkBackend } from '../../webex-cloud/client.js';
import { until } from '../../helpers-no-define.js';

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

async function onStation() {
  const cloud = await Cloud.tenant();
  const { backend } = realSdkBackend(cloud, { readyTimeoutMs: 5000 });
  const sdk = await fixture<CcSdk>(html`<cc-sdk .backend=${backend}><cc-task-panel></cc-task-panel></cc-sdk>`);
  const panel = sdk.querySelector('cc-task-panel') as CcTaskPanel;
  const heard: string[] = [];
  for (const type of ['cc-task-incoming', 'cc-task-assigned', 'cc-task-end', 'cc-error']) {
    sdk.addEventListener(type, (e) => heard.push(`${type}:${String((e as CustomEvent).detail?.task?.id ?? '')}`));
  }
  await sdk.request('cc-sign-in-request', { accessToken: cloud.tenant.token });
  await sdk.request('cc-station-login-request', { teamId: 'team-support', loginOption: 'EXTENSION', dialNumber: '1042' });
  await panel.updateComplete;
  const close = async () => {
    for (const id of sdk.state.tasks.map((t) => t.id)) await cloud.hangup(id).catch(() => undefined);
    sdk.remove();
    backend.dispose();
    await cloud.reset();
  };
  return { cloud, sdk, panel, root: panel.shadowRoot!, heard, close };
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
