/**
 * Stopping the automatic wrap-up on the real Webex SDK (loopback Webex cloud, nothing patched). The SDK runs the
 * timer in the page (`task.autoWrapup`, from the profile's `autoWrapUp` / `autoWrapAfterSeconds`) and wraps the
 * task up with the default code when it fires; `cancelAutoWrapupTimer()` clears it, where the profile allows it
 * (`allowAutoWrapUpExtension`, the SDK's `allowCancelAutoWrapup`). The SDK sets the timer up again whenever new
 * data reaches the task; the kit stops it again.
 */
import { expect } from '@open-wc/testing';
import '../../../define/cc-sdk.js';
import '../../../define/cc-wrapup.js';
import type { CcWrapup } from '../../../components/cc-wrapup/cc-wrapup.js';
import { Cloud, signedInSdk } from '../../webex-cloud/client.js';
import { until } from '../../helpers-no-define.js';

/** The SDK's timer, in real time: long enough to click before it fires, short enough for a test. */
const AUTO_WRAPUP_MS = 1500;

const wrapupCalls = async (cloud: Cloud) => (await cloud.state()).calls.filter((c) => /^POST \/v1\/tasks\/[^/]+\/wrapup$/.test(c));

async function endedCall(allowCancel: boolean) {
  const cloud = await Cloud.tenant({ autoWrapup: { afterMs: AUTO_WRAPUP_MS, allowCancel } });
  const d = await signedInSdk<CcWrapup>(cloud, 'cc-wrapup', { call: {} });
  const wrappedUp: { auxCodeId: string; notes: string }[] = [];
  d.sdk.addEventListener('cc-task-wrapup', (e) => wrappedUp.push(e.detail));
  const $ = <E extends Element = HTMLElement>(selector: string) => d.root.querySelector<E>(selector);
  const taskId = d.callId;
  await cloud.hangup(taskId);
  await until(() => d.sdk.state.tasks.find((t) => t.id === taskId)?.autoWrapupAt != null, 5000, 'the wrap-up with its countdown');
  await d.el.updateComplete;
  return { ...d, $, wrappedUp, taskId };
}

describe('webex on the real SDK: stopping the automatic wrap-up', function () {
  this.timeout(30_000);

  it('the agent stops it: the SDK never wraps up by itself, not even when the contact is sent again; the agent then does', async () => {
    const d = await endedCall(true);
    expect(d.$('[part="timer"]')?.textContent).to.include('Wrapping up automatically in');
    d.$<HTMLButtonElement>('[part="stop-auto-wrapup"]')!.click();
    await until(() => d.sdk.state.tasks.find((t) => t.id === d.taskId)?.autoWrapupAt === null, 3000, 'the countdown stopped');
    await d.el.updateComplete;
    expect(d.$('[part="timer"]')).to.equal(null);
    // Nothing is sent for it: the timer is the SDK's own, in the page.
    expect((await d.cloud.state()).calls.filter((c) => /auto|wrapup/i.test(c))).to.deep.equal([]);
    // The service sends the contact again (as after a relogin): the SDK would start a new timer; it stays stopped.
    await d.cloud.contactAgain(d.taskId);
    await new Promise((resolve) => setTimeout(resolve, AUTO_WRAPUP_MS + 1000));
    expect(await wrapupCalls(d.cloud)).to.deep.equal([]);
    expect(d.sdk.state.tasks.find((t) => t.id === d.taskId)).to.include({ state: 'wrapup', autoWrapupAt: null });
    expect(d.wrappedUp).to.deep.equal([]);
    await d.el.updateComplete;
    expect(d.$('[part="timer"]')).to.equal(null);
    await expect(d.el).to.be.accessible();
    // The agent wraps up when ready, with the code chosen.
    await d.sdk.request('cc-wrapup-request', { taskId: d.taskId, auxCodeId: 'wrap-followup', notes: 'Call back Monday' });
    await until(() => d.wrappedUp.length === 1, 5000, 'the wrap-up');
    expect(d.wrappedUp[0]).to.include({ auxCodeId: 'wrap-followup', notes: 'Call back Monday' });
    expect(await wrapupCalls(d.cloud)).to.have.length(1);
    await d.close();
  });

  it('where the profile does not allow it: no button, a script is refused unasked, and the SDK wraps up by itself', async () => {
    const d = await endedCall(false);
    expect(d.sdk.state.capabilities?.cancelAutoWrapup).to.equal(false);
    expect(d.$('[part="timer"]')).to.exist;
    expect(d.$('[part="stop-auto-wrapup"]')).to.equal(null);
    await d.sdk.request('cc-task-auto-wrapup-cancel-request', { taskId: d.taskId });
    expect(d.sdk.state.errors[`cc-task-auto-wrapup-cancel-request:${d.taskId}`]?.code).to.equal('unsupported');
    // The SDK's timer fires and wraps up with the default code.
    await until(() => d.wrappedUp.length === 1, 5000, 'the automatic wrap-up');
    expect(d.wrappedUp[0]).to.include({ auxCodeId: 'wrap-resolved' });
    expect(await wrapupCalls(d.cloud)).to.have.length(1);
    await d.close();
  });
});
