/**
 * The task panel's keypad on TCCC (`tccc.Call.sendDigits`), against the TCCC double: keys clicked and keys typed
 * while the keypad has focus reach the call as `dtmfText`, the keys sent are shown, and the page hears each
 * request. TCCC's Web SDK has no conference: none is offered.
 */
import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../define/cc-task-panel.js';
import { until } from '../../helpers.js';
import { logInAndGoAvailable, tcccPagePerTest } from './tccc-page.js';

const open = tcccPagePerTest();

const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

describe('the keypad on TCCC', () => {
  it('sends clicked and typed keys with sendDigits, shows the keys sent, and offers no conference', async function () {
    this.timeout(20000);
    const { site, sdk } = await open(html`<cc-task-panel></cc-task-panel>`);
    await until(() => sdk.desk.backend?.name === 'tccc', 3000, 'the tccc backend');
    await sdk.request('cc-sign-in-request', {});
    await until(() => sdk.state.profile, 5000, 'signed in');
    await logInAndGoAvailable(sdk);
    const panel = sdk.querySelector('cc-task-panel')!;
    const root = panel.shadowRoot!;
    const sent: string[] = [];
    panel.addEventListener('cc-task-dtmf-request', (e) => sent.push(e.detail.digits));
    await site.ring({ caller: '13800138000', location: 'Shanghai' });
    await until(() => root.querySelector('[data-action="accept"]'), 3000, 'the offer');
    root.querySelector<HTMLButtonElement>('[data-action="accept"]')!.click();
    await until(() => sdk.state.tasks[0]?.state === 'connected' && root.querySelector('[data-action="dtmf"]'), 3000, 'connected, with a keypad');
    expect(sdk.state.capabilities).to.include({ dtmf: true, conference: false, conferenceLeave: false, conferenceTransfer: false });
    const actions = [...root.querySelectorAll('[data-action]')].map((b) => b.getAttribute('data-action'));
    expect(actions).to.not.include.members(['conference', 'conference-leave', 'conference-transfer']);

    root.querySelector<HTMLButtonElement>('[data-action="dtmf"]')!.click();
    await until(() => root.querySelector('[part~="keypad"] button[data-key="1"]'), 3000, 'the keys');
    root.querySelector<HTMLButtonElement>('[part~="keypad"] button[data-key="1"]')!.click();
    await until(() => Object.keys(sdk.state.pending).length === 0, 3000, 'sent');
    // Focus is in the keypad: typed digits are pressed.
    root.querySelector<HTMLButtonElement>('[part~="keypad"] button[data-key="1"]')!.focus();
    await sendKeys({ type: '23#' });
    const digits = async () => (await site.state()).received.filter((m) => m.method === 'Call.sendDigits').map((m) => String(m.args.dtmfText)).join('');
    await until(async () => (await digits()) === '123#', 5000, 'every key sent');
    await until(() => Object.keys(sdk.state.pending).length === 0, 3000, 'sent');
    await (panel as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(sent.join('')).to.equal('123#');
    expect(squash(root.querySelector('[part~="keypad"] [role="status"]')?.textContent)).to.equal('Sent: 123#');
    await expect(panel).to.be.accessible();
  });
});
