/**
 * A choice among the outdial ANI entries for New call, on the real Webex SDK (loopback Webex cloud, nothing
 * patched): the form lists the profile's outdial ANI list (`getOutdialAniEntries`), and `startOutdial` is sent
 * with the number the agent chose as its origin; without a choice, the list's first.
 */
import { expect } from '@open-wc/testing';
import '../../../define/cc-sdk.js';
import '../../../define/cc-task-panel.js';
import type { CcTaskPanel } from '../../../components/cc-task-panel/cc-task-panel.js';
import { Cloud, signedInSdk } from '../../webex-cloud/client.js';
import { until } from '../../helpers-no-define.js';

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** Waits until the cloud has received `count` outbound calls (its state is read over the test server). */
async function outdialsOf(cloud: Cloud, count: number) {
  for (let i = 0; i < 50; i++) {
    const { outdials } = await cloud.state();
    if (outdials.length >= count) return outdials;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out waiting for ${count} outbound call(s)`);
}

async function onStation() {
  const d = await signedInSdk<CcTaskPanel>(await Cloud.tenant(), 'cc-task-panel', { available: false });
  return { ...d, panel: d.el };
}

describe('webex on the real SDK: New call shows the number the agent chooses', function () {
  this.timeout(30_000);

  it("lists the profile's outdial ANI entries and places the call from the one chosen", async () => {
    const d = await onStation();
    await until(() => !!d.root.querySelector('[data-action="outdial"]'), 5000, 'New call');
    (d.root.querySelector('[data-action="outdial"]') as HTMLButtonElement).click();
    await until(() => !!d.root.querySelector('#outdial-origin'), 5000, 'the caller IDs');
    const select = d.root.querySelector<HTMLSelectElement>('#outdial-origin')!;
    expect([...select.options].map((o) => squash(o.textContent))).to.deep.equal(['Main line (+18005550100)', 'Sales line (+18005550199)']);
    expect(squash(d.root.querySelector('label[for="outdial-origin"]')?.textContent)).to.equal('Caller ID');
    await expect(d.panel).to.be.accessible();
    select.value = '+18005550199';
    select.dispatchEvent(new Event('change'));
    const number = d.root.querySelector<HTMLInputElement>('#outdial-number')!;
    number.value = '+442071838750';
    number.dispatchEvent(new Event('input'));
    (d.root.querySelector('[data-action="place-call"]') as HTMLButtonElement).click();
    expect(await outdialsOf(d.cloud, 1)).to.deep.equal([{ destination: '+442071838750', origin: '+18005550199', entryPointId: 'ep-outdial' }]);
    await until(() => d.sdk.state.tasks.length === 1, 5000, 'the call on the desk');
    expect(d.sdk.state.tasks[0]).to.include({ direction: 'outbound', ani: '+442071838750' });
    await d.close();
  });

  it('a script that names no origin: the first entry of the list', async () => {
    const d = await onStation();
    expect((await d.sdk.desk.outdialOrigins()).map((o) => o.number)).to.deep.equal(['+18005550100', '+18005550199']);
    await d.sdk.request('cc-outdial-request', { number: '+14155550142' });
    expect((await outdialsOf(d.cloud, 1))[0]).to.include({ destination: '+14155550142', origin: '+18005550100' });
    await d.close();
  });
});
