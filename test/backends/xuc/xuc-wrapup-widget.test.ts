/**
 * <cc-wrapup> on the XuC backend against the loopback XuC: XiVO's timed after-call state has no codes, so the
 * widget offers notes only; submitting ends the after-call state early and the page still gets cc-task-wrapup.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../define/cc-sdk.js';
import '../../../define/cc-wrapup.js';
import type { CcSdk } from '../../../components/cc-sdk/cc-sdk.js';
import type { CcWrapup } from '../../../components/cc-wrapup/cc-wrapup.js';
import { XucBackend, XUC_TEAM } from '../../../src/backends/xuc/index.js';
import { recordOutcomes, detailsOf, until } from '../../helpers.js';
import { XucSite } from '../../xuc-double/client.js';

let site: XucSite | null = null;
let backend: XucBackend | null = null;
afterEach(async () => {
  backend?.dispose();
  await site?.close();
  site = null;
  backend = null;
});

describe('<cc-wrapup> on XuC', () => {
  it('offers notes only (no codes), ends the after-call state early, and the page gets cc-task-wrapup', async () => {
    site = await XucSite.create({ wrapupSeconds: 60 });
    const sdk = await fixture<CcSdk>(html`<cc-sdk><cc-wrapup></cc-wrapup></cc-sdk>`);
    backend = new XucBackend({ server: site.baseUrl, heartbeatMs: 60, missedPings: 3, requestTimeoutMs: 800, reconnectDelaysMs: [50] });
    sdk.backend = backend;
    await until(() => sdk.desk.backend === backend);
    const events = recordOutcomes(sdk);
    const el = sdk.querySelector('cc-wrapup') as CcWrapup;
    await sdk.request('cc-sign-in-request', { username: site.alice.login, password: site.alice.password });
    await until(() => sdk.state.profile, 3000, 'registered');
    await sdk.request('cc-station-login-request', { teamId: XUC_TEAM.id, loginOption: 'EXTENSION', dialNumber: site.alice.line });
    await until(() => sdk.state.agent?.state === 'Available', 3000, 'Available');
    const id = await site.offer();
    await until(() => sdk.state.tasks.find((t) => t.id === id), 3000, 'offer');
    await sdk.request('cc-task-accept-request', { taskId: id });
    await sdk.request('cc-task-end-request', { taskId: id });
    await until(() => sdk.state.tasks.find((t) => t.id === id)?.state === 'wrapup', 3000, 'wrap-up');
    expect((await site.state()).agent.name).to.equal('AgentOnWrapup');
    await until(() => !el.hidden && el.shadowRoot!.querySelector('#notes'), 3000, 'the wrap-up form');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('select'), 'no code picker').to.equal(null);
    const notes = el.shadowRoot!.querySelector<HTMLTextAreaElement>('#notes')!;
    notes.value = 'Called back';
    notes.dispatchEvent(new Event('input'));
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit"]')!.click();
    await until(() => sdk.state.tasks.length === 0, 3000, 'wrapped up');
    expect(detailsOf(events, 'cc-task-wrapup')).to.have.length(1);
    expect(detailsOf(events, 'cc-task-wrapup')[0]).to.include({ notes: 'Called back' });
    expect((await site.state()).agent.name).to.equal('AgentReady');
    expect((await site.state()).received.filter((m) => m.command === 'unpauseAgent')).to.have.length(1);
    await expect(el).to.be.accessible();
  });
});
