/**
 * The desk's widgets on TCCC (`<cc-sdk backend="tccc" sdk-url-endpoint=…>`) against the TCCC double: the one
 * sign-in button TCCC declares, a call from offer to wrap-up through the widgets, the controls TCCC cannot do
 * hidden, and the secret URL nowhere in the page.
 */
import { expect, html } from '@open-wc/testing';
import '../../../define/cc-auth.js';
import '../../../define/cc-task-panel.js';
import '../../../define/cc-wrapup.js';
import { allInputValues, allMarkup, until } from '../../helpers.js';
import { logInAndGoAvailable, tcccPagePerTest } from './tccc-page.js';

const open = tcccPagePerTest();

const shadow = (el: Element | null) => el!.shadowRoot!;
const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

describe('the desk on TCCC', () => {
  it('signs in with the one button TCCC declares, takes a call through the widgets, hides what TCCC cannot do, and keeps the URL out of the page', async function () {
    this.timeout(20000);
    const { site, sdk } = await open(html`
      <cc-auth></cc-auth>
      <cc-task-panel></cc-task-panel>
      <cc-wrapup></cc-wrapup>
    `);
    const auth = sdk.querySelector('cc-auth')!;
    await until(() => shadow(auth).querySelector('[part="continue"]'), 3000, 'the sign-in button');
    const button = shadow(auth).querySelector<HTMLButtonElement>('[part="continue"]')!;
    expect(squash(button.textContent)).to.equal('Sign in to Tencent Cloud Contact Center');
    expect(shadow(auth).querySelector('#token'), 'no token field').to.equal(null);
    await expect(auth).to.be.accessible();
    await until(() => sdk.desk.backend?.name === 'tccc', 3000, 'the tccc backend');
    button.click();
    await until(() => sdk.state.profile, 5000, 'signed in');

    await logInAndGoAvailable(sdk);
    await until(() => sdk.state.agent?.state === 'Available', 3000, 'Available');

    const panel = sdk.querySelector('cc-task-panel')!;
    const id = await site.ring({ caller: '13800138000', location: 'Shanghai' });
    await until(() => shadow(panel).querySelector('[data-action="accept"]'), 3000, 'the offer in the panel');
    expect(squash(shadow(panel).textContent)).to.contain('13800138000');
    shadow(panel).querySelector<HTMLButtonElement>('[data-action="accept"]')!.click();
    await until(() => sdk.state.tasks[0]?.state === 'connected' && shadow(panel).querySelector('[data-action="end"]'), 3000, 'connected');
    const actions = [...shadow(panel).querySelectorAll('[data-action]')].map((b) => b.getAttribute('data-action'));
    expect(actions).to.include.members(['hold', 'mute', 'transfer', 'end']);
    expect(actions).to.not.include('consult');
    expect(actions).to.not.include('recording-pause');

    shadow(panel).querySelector<HTMLButtonElement>('[data-action="end"]')!.click();
    const wrapup = sdk.querySelector('cc-wrapup')!;
    await until(() => shadow(wrapup).querySelector('[part="notes"]'), 3000, 'the wrap-up');
    // No wrap-up codes on TCCC: notes only.
    expect(shadow(wrapup).querySelector('[part="code"]')).to.equal(null);
    await expect(wrapup).to.be.accessible();
    shadow(wrapup).querySelector<HTMLButtonElement>('[part="submit"]')!.click();
    await until(() => sdk.state.tasks.length === 0, 3000, 'wrapped up');
    expect((await site.state()).received.map((m) => m.method)).to.include.members(['Call.accept', 'Call.hungUp']);
    void id;

    const { secrets } = await site.state();
    const seen = [allMarkup(), ...allInputValues(), JSON.stringify(localStorage), JSON.stringify(sessionStorage)].join('\n');
    for (const secret of secrets) expect(seen.includes(secret), 'the URL\'s token in the page').to.equal(false);
  });
});
