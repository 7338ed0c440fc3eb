/**
 * Entry points and address-book entries as consult and transfer destinations, on the real Webex SDK (loopback
 * Webex cloud, nothing patched): the panel lists them (`getEntryPoints`, `addressBook.getEntries`), by keyboard,
 * and the SDK sends the consult or transfer with the destination type Webex expects (`entryPoint`, or
 * `dialNumber` for an address-book entry).
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../define/cc-sdk.js';
import '../../../define/cc-task-panel.js';
import type { CcTaskPanel } from '../../../components/cc-task-panel/cc-task-panel.js';
import { Cloud, signedInSdk } from '../../webex-cloud/client.js';
import { until } from '../../helpers-no-define.js';

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

async function onACall() {
  const { cloud, sdk, el: panel, root, callId: taskId, close } = await signedInSdk<CcTaskPanel>(await Cloud.tenant(), 'cc-task-panel', { call: {} });
  /** The list shown is the one of `type` (its label says so). */
  const listIs = (type: string) =>
    squash(root.querySelector('label[for="destination"]')?.textContent) === ({ entryPoint: 'Entry point', addressBook: 'Contact', agent: 'Agent', queue: 'Queue' } as Record<string, string>)[type];
  const options = () =>
    [...root.querySelectorAll<HTMLOptionElement>('[part~="picker"] select option')].filter((o) => o.value).map((o) => squash(o.textContent));
  /** Opens the consult or transfer form and picks the list `type` by its radio. */
  const open = async (mode: 'consult' | 'transfer', type: string) => {
    (root.querySelector(`[data-action="${mode}"]`) as HTMLButtonElement).click();
    await until(() => !!root.querySelector(`[part~="picker"] input[value="${type}"]`), 5000, 'the form');
    (root.querySelector(`[part~="picker"] input[value="${type}"]`) as HTMLInputElement).click();
    const loaded = () => root.querySelector('#destination')?.getAttribute('aria-busy') === 'false' && options().length > 0;
    await until(() => listIs(type) && loaded(), 5000, `the ${type} list`);
  };
  const choose = async (value: string) => {
    const select = root.querySelector<HTMLSelectElement>('[part~="picker"] select')!;
    select.focus();
    select.value = value;
    select.dispatchEvent(new Event('change'));
    await panel.updateComplete;
  };
  const bodies = async (action: string) =>
    (await cloud.state()).taskBodies.filter((b) => b.call === `POST /v1/tasks/${taskId}/${action}`).map((b) => b.body);
  return { cloud, sdk, panel, root, taskId, options, open, choose, bodies, close };
}

describe('webex on the real SDK: entry points and the address book as destinations', function () {
  this.timeout(30_000);

  it("transfers a call to an entry point: the org's active call entry points are listed, and the SDK sends destinationType entryPoint", async () => {
    const d = await onACall();
    await d.open('transfer', 'entryPoint');
    // The inactive one and the chat entry point are left out.
    expect(d.options()).to.deep.equal(['After-hours line (Voicemail and callbacks)', 'Satisfaction survey']);
    expect(squash(d.root.querySelector('label[for="destination"]')?.textContent)).to.equal('Entry point');
    await expect(d.panel).to.be.accessible();
    await d.choose('ep-after-hours');
    // By keyboard: Tab to the send button, Enter.
    await sendKeys({ press: 'Tab' });
    expect(d.root.activeElement?.getAttribute('data-action')).to.equal('send');
    await sendKeys({ press: 'Enter' });
    await until(() => d.sdk.state.tasks.find((t) => t.id === d.taskId)?.state === 'wrapup', 5000, 'the transfer');
    expect(await d.bodies('transfer')).to.deep.equal([{ to: 'ep-after-hours', destinationType: 'entryPoint' }]);
    await d.close();
  });

  it('consults an address-book entry by name: the SDK dials its number, and the panel shows the name', async () => {
    const d = await onACall();
    await d.open('consult', 'addressBook');
    expect(d.options()).to.deep.equal(['Legal desk', 'London office']);
    expect(squash(d.root.querySelector('label[for="destination"]')?.textContent)).to.equal('Contact');
    await d.choose('+14155550177');
    (d.root.querySelector('[part~="picker"] [data-action="send"]') as HTMLButtonElement).click();
    await until(() => !!d.sdk.state.tasks.find((t) => t.id === d.taskId)?.consult, 5000, 'the consult');
    expect(await d.bodies('consult')).to.deep.equal([{ to: '+14155550177', destinationType: 'dialNumber' }]);
    expect(d.sdk.state.tasks.find((t) => t.id === d.taskId)?.consult?.destination).to.deep.include({ type: 'dialNumber', to: '+14155550177', name: 'Legal desk' });
    await d.panel.updateComplete;
    expect(squash(d.root.textContent)).to.include('Consulting Legal desk');
    await d.close();
  });

  it('consults an entry point; a chat lists chat entry points and no address book', async () => {
    const d = await onACall();
    // Listed once, an entry point goes by its name.
    expect((await d.sdk.desk.destinations('entryPoint', d.taskId)).map((e) => e.to)).to.deep.equal(['ep-after-hours', 'ep-survey']);
    await d.sdk.request('cc-task-consult-request', { taskId: d.taskId, destination: { type: 'entryPoint', to: 'ep-survey' } });
    await until(() => !!d.sdk.state.tasks.find((t) => t.id === d.taskId)?.consult, 5000, 'the consult');
    expect(await d.bodies('consult')).to.deep.equal([{ to: 'ep-survey', destinationType: 'entryPoint' }]);
    expect(d.sdk.state.tasks.find((t) => t.id === d.taskId)?.consult?.destination).to.deep.include({ type: 'entryPoint', to: 'ep-survey', name: 'Satisfaction survey' });
    const chat = await d.cloud.offer('chat');
    await until(() => d.sdk.state.tasks.some((t) => t.id === chat), 5000, 'the chat');
    expect((await d.sdk.desk.destinations('entryPoint', chat)).map((e) => e.name)).to.deep.equal(['Web chat']);
    expect(await d.sdk.desk.destinations('addressBook', chat)).to.deep.equal([]);
    await d.close();
  });
});
