// From sign-in to the station and back, as an agent goes through it: focus after signing in, the station
// summary's layout, sign-out wording, the expired session and a logout nobody at the desk asked for
// (issue 9, items 4, 6, 7 and 9).
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { fullDesk } from '../../desk-helpers.js';
import { detailsOf, until } from '../../helpers.js';
import { NOTICE_MS } from '../../../src/base/notice-controller.js';

/** The element that has focus, through shadow roots. */
function deepActive(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

describe('signing in by keyboard', () => {
  it('moves focus to the station form, so a second Enter signs nobody out', async () => {
    const d = await fullDesk();
    const signOuts: unknown[] = [];
    d.sdk.addEventListener('cc-sign-out-request', (e) => signOuts.push(e.detail));
    d.$<HTMLInputElement>('cc-auth', '#token')!.focus();
    await sendKeys({ type: 'agent-token-7c1f' });
    await sendKeys({ press: 'Enter' });
    await until(() => d.sdk.state.profile !== null, 3000, 'signed in');
    await d.settle();
    expect(deepActive()).to.equal(d.$('cc-station-login', '#team'));
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Enter' });
    await d.settle();
    expect(signOuts).to.deep.equal([]);
    expect(d.sdk.state.session.status).to.equal('signed-in');
    expect(d.sdk.state.station).to.equal(null);
    // The form is the next step: Tab, Tab reaches how calls are taken.
    expect(deepActive()).to.equal(d.$('cc-station-login', '#team'));
  });

  it('does not take focus from the host page\'s own field', async () => {
    const d = await fullDesk();
    const field = document.createElement('input');
    field.setAttribute('aria-label', 'CRM search');
    document.body.append(field);
    try {
      await d.fill('cc-auth', '#token', 'agent-token-7c1f');
      d.button('cc-auth', 'Sign in').click();
      field.focus();
      await d.settle();
      expect(d.sdk.state.profile).to.not.equal(null);
      expect(document.activeElement).to.equal(field);
    } finally {
      field.remove();
    }
  });
});

describe('the station summary', () => {
  it('starts every value at the same edge', async () => {
    const d = await fullDesk();
    await d.signIn();
    await d.choose('cc-station-login', 'input[value="AGENT_DN"]');
    await d.fill('cc-station-login', '#dial', '+14155550199');
    await d.logIn();
    const values = d.$$('cc-station-login', '[part="summary"] dd');
    expect(values.map((v) => v.textContent!.trim())).to.deep.equal(['Customer Support', 'Desk phone (dial number)', '+14155550199']);
    const lefts = values.map((v) => Math.round(v.getBoundingClientRect().left * 2) / 2);
    expect(new Set(lefts).size, `left edges ${lefts.join(', ')}`).to.equal(1);
    // Terms stay left of their values, on the same row.
    for (const dd of values) {
      const dt = dd.previousElementSibling!;
      expect(dt.getBoundingClientRect().right).to.be.at.most(dd.getBoundingClientRect().left);
      expect(Math.abs(dt.getBoundingClientRect().top - dd.getBoundingClientRect().top)).to.be.below(2);
    }
    await expect(d.widget('cc-station-login')).to.be.accessible();
  });
});

describe('signing out', () => {
  it('says "sign out" when a task is open, in the widget and through sdk.request', async () => {
    const d = await fullDesk();
    await d.ready();
    await d.takeCall();
    const requests: unknown[] = [];
    d.sdk.addEventListener('cc-sign-out-request', (e) => requests.push(e.detail));
    await d.click('cc-auth', 'Sign out');
    expect(requests).to.deep.equal([]);
    expect(d.alerts('cc-auth')).to.deep.equal(['You cannot sign out while you have a task or a wrap-up open.']);
    expect(d.text('cc-auth')).to.not.match(/log out/i);

    await d.sdk.request('cc-sign-out-request', {}).catch(() => {});
    const errors = detailsOf(d.events, 'cc-error').filter((e) => e.action === 'sign-out');
    expect(errors.map((e) => e.message)).to.deep.equal(['You cannot sign out while you have a task or a wrap-up open.']);
    expect(d.sdk.state.session.status).to.equal('signed-in');
  });

  it('an expired session shows only the expired notice and the way to sign in again', async () => {
    const d = await fullDesk();
    await d.ready();
    d.server.expireToken(0);
    await d.paint();
    expect(d.text('cc-auth', '[part="expired"]')).to.equal('Your session has expired. Sign in again to continue; your tasks are kept.');
    expect(!!d.$('cc-auth', '[part="user"]')).to.equal(false);
    expect(d.$$('cc-auth', 'button').map((b) => b.textContent!.trim())).to.deep.equal(['Sign in']);
    expect(d.text('cc-auth')).to.not.contain('Signed in as');
    await expect(d.widget('cc-auth')).to.be.accessible();
    await d.signIn();
    expect(d.sdk.state.session.expired).to.equal(false);
    expect(d.text('cc-auth', '[part="user"]')).to.contain('Signed in as Dana Whitfield');
  });
});

describe('a logout nobody at the desk asked for', () => {
  it('shows "Logged out by a supervisor" in the station widget until it times out', async () => {
    const d = await fullDesk();
    await d.ready();
    d.server.remoteLogout();
    await d.paint();
    const notice = () => d.$('cc-station-login', '[part="notice"] .notice-text');
    expect(notice()?.textContent?.trim()).to.equal('Logged out by a supervisor');
    expect(notice()!.getBoundingClientRect().height).to.be.greaterThan(0);
    await expect(d.widget('cc-station-login')).to.be.accessible();
    d.clock.advance(NOTICE_MS);
    await d.paint();
    expect(!!notice()).to.equal(false);
  });

  it('closes from the keyboard, and focus goes to the station form', async () => {
    const d = await fullDesk();
    await d.ready();
    d.server.remoteLogout('Logged out from another desktop');
    await d.paint();
    expect(d.text('cc-station-login', '[part="notice"]')).to.equal('Logged out from another desktop ×');
    d.$('cc-station-login', '[part="notice-close"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await d.paint();
    expect(!!d.$('cc-station-login', '[part="notice"]')).to.equal(false);
    expect(deepActive()).to.equal(d.$('cc-station-login', '#team'));
  });

  it('says nothing when the agent logs out or signs out', async () => {
    const d = await fullDesk();
    await d.ready();
    await d.click('cc-station-login', 'Log out');
    expect(!!d.$('cc-station-login', '[part="notice"]')).to.equal(false);
    await d.logIn();
    await d.click('cc-auth', 'Sign out');
    expect(!!d.$('cc-station-login', '[part="notice"]')).to.equal(false);
  });
});
