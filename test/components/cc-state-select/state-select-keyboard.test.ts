// The state picker from the keyboard (browse without changing state, Enter applies), the pending choice, a
// stable width, refusals that clear with any later change and do not grow the control, and notices about
// changes made by a supervisor (issue 9, items 3, 4 and 10).
import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { sdkFixture, until } from '../../helpers.js';
import type { CcStateSelect } from '../../../components/cc-state-select/cc-state-select.js';
import type { RequestDetails } from '../../../src/events/events.js';
import { NOTICE_MS } from '../../../src/base/notice-controller.js';

async function picker() {
  const rig = await sdkFixture(html`<cc-sdk><cc-state-select></cc-state-select></cc-sdk>`);
  const el = rig.sdk.querySelector('cc-state-select') as CcStateSelect;
  const $ = <E extends Element = HTMLElement>(selector: string) => el.shadowRoot!.querySelector<E>(selector);
  const select = () => $<HTMLSelectElement>('select')!;
  const shown = () => select().selectedOptions[0]?.textContent?.trim();
  const requests: RequestDetails['cc-agent-state-request'][] = [];
  el.addEventListener('cc-agent-state-request', (e) => requests.push(e.detail));
  const signIn = async () => {
    await rig.sdk.request('cc-sign-in-request', { accessToken: 't' });
    await rig.sdk.request('cc-station-login-request', { teamId: 'team-support', loginOption: 'BROWSER' });
    await el.updateComplete;
  };
  const settle = async () => {
    await until(() => !rig.sdk.state.pending['cc-agent-state-request']);
    await el.updateComplete;
  };
  const press = async (key: string, times = 1) => {
    for (let i = 0; i < times; i++) await sendKeys({ press: key });
    await el.updateComplete;
  };
  const width = () => el.getBoundingClientRect().width;
  const height = () => el.getBoundingClientRect().height;
  return { ...rig, el, $, select, shown, requests, signIn, settle, press, width, height };
}

describe('<cc-state-select> from the keyboard', () => {
  it('five Down presses browse and send nothing; Enter sends one change, with the state shown', async () => {
    const p = await picker();
    await p.signIn();
    await p.sdk.request('cc-agent-state-request', { state: 'Available', auxCodeId: '0' });
    await p.el.updateComplete;
    expect(p.shown()).to.equal('Available');
    p.select().focus();
    await p.press('ArrowDown', 5);
    expect(p.requests).to.deep.equal([]);
    expect(p.sdk.state.agent?.state).to.equal('Available');
    // The picker shows what is browsed to, with an Apply button and a hint to apply it.
    expect(p.shown()).to.equal('Idle: Admin work');
    expect(p.$('[part="apply"]')?.textContent?.trim()).to.equal('Apply');
    expect(p.select().getAttribute('aria-describedby')).to.include('state-apply-hint');
    await expect(p.el).to.be.accessible();
    await p.press('Enter');
    await p.settle();
    expect(p.requests).to.deep.equal([{ state: 'Idle', auxCodeId: 'idle-admin' }]);
    expect(p.server.agent).to.include({ state: 'Idle', auxCodeId: 'idle-admin' });
    expect(p.shown()).to.equal('Idle: Admin work');
    expect(!!p.$('[part="apply"]')).to.equal(false);
    expect(p.el.shadowRoot!.activeElement).to.equal(p.select());
  });

  it('Escape puts the browsed choice back; Apply applies it; leaving the picker drops it', async () => {
    const p = await picker();
    await p.signIn();
    expect(p.shown()).to.equal('Idle: Break');
    p.select().focus();
    await p.press('ArrowDown');
    expect(p.shown()).to.equal('Idle: Lunch');
    await p.press('Escape');
    expect(p.shown()).to.equal('Idle: Break');
    expect(!!p.$('[part="apply"]')).to.equal(false);

    await p.press('ArrowUp');
    expect(p.shown()).to.equal('Available');
    // Tab moves to the Apply button (the choice stays); activating it applies.
    await p.press('Tab');
    expect(p.el.shadowRoot!.activeElement).to.equal(p.$('[part="apply"]'));
    expect(p.shown()).to.equal('Available');
    await p.press('Enter');
    await p.settle();
    expect(p.requests).to.deep.equal([{ state: 'Available', auxCodeId: '0' }]);

    p.select().focus();
    await p.press('ArrowDown', 2);
    expect(p.shown()).to.equal('Idle: Lunch');
    p.select().blur();
    await p.el.updateComplete;
    expect(p.shown()).to.equal('Available');
    expect(p.requests).to.have.length(1);
  });

  it('a pointer pick applies at once, and the picker shows the pending choice with progress', async () => {
    const p = await picker();
    await p.signIn();
    let release!: () => void;
    const original = p.backend.setAgentState.bind(p.backend);
    p.backend.setAgentState = (args) => new Promise<void>((r) => (release = r)).then(() => original(args));
    p.select().value = 'idle-meeting';
    p.select().dispatchEvent(new Event('change'));
    await p.el.updateComplete;
    expect(p.requests).to.deep.equal([{ state: 'Idle', auxCodeId: 'idle-meeting' }]);
    expect(p.shown()).to.equal('Idle: Meeting');
    expect(p.select().getAttribute('aria-busy')).to.equal('true');
    expect(!!p.$('.spinner')).to.equal(true);
    release();
    await p.settle();
    expect(p.shown()).to.equal('Idle: Meeting');
    expect(p.select().getAttribute('aria-busy')).to.equal('false');
  });

  it('a refused pending choice snaps back to the state the agent is in', async () => {
    const p = await picker();
    await p.signIn();
    p.server.failNext({ action: 'setAgentState', code: 'rejected', message: 'State changes are locked.' });
    p.select().value = '0';
    p.select().dispatchEvent(new Event('change'));
    await p.settle();
    expect(p.shown()).to.equal('Idle: Break');
    expect(p.$('[part="error"]')?.textContent?.trim()).to.equal('State changes are locked.');
  });

  it('keeps one width whatever the state, a long reason, RONA, a pending change or a refusal', async () => {
    const p = await picker();
    const widths = [p.width()];
    await p.signIn();
    widths.push(p.width());
    await p.sdk.request('cc-agent-state-request', { state: 'Idle', auxCodeId: 'idle-admin' });
    await p.el.updateComplete;
    widths.push(p.width());
    p.select().focus();
    await p.press('ArrowUp');
    expect(!!p.$('[part="apply"]')).to.equal(true);
    widths.push(p.width());
    await p.press('Escape');
    await p.sdk.request('cc-agent-state-request', { state: 'Available', auxCodeId: '0' });
    p.server.offer();
    p.clock.advance(p.server.timing.ringMs);
    await until(() => p.sdk.state.agent?.state === 'RONA');
    await p.el.updateComplete;
    expect(p.shown()).to.equal('Missed offer (RONA)');
    widths.push(p.width());
    p.server.failNext({ action: 'setAgentState', code: 'rejected', message: 'No.' });
    await p.sdk.request('cc-agent-state-request', { state: 'Available', auxCodeId: '0' }).catch(() => {});
    await p.el.updateComplete;
    expect(!!p.$('[part="error"]')).to.equal(true);
    widths.push(p.width());
    expect(new Set(widths).size, `widths ${widths.join(', ')}`).to.equal(1);
  });
});

describe('<cc-state-select> refusals and notices', () => {
  it('a refusal floats below the control (the header does not grow) and can be dismissed', async () => {
    const p = await picker();
    await p.signIn();
    const before = p.height();
    p.server.failNext({ action: 'setAgentState', code: 'rejected', message: 'State changes are locked by your supervisor.' });
    p.select().value = '0';
    p.select().dispatchEvent(new Event('change'));
    await p.settle();
    const error = p.$('[part="error"]')!;
    expect(error.textContent?.trim()).to.equal('State changes are locked by your supervisor.');
    expect(error.getBoundingClientRect().height).to.be.greaterThan(0);
    expect(p.height()).to.equal(before);
    // Shown below the control, not over it.
    expect(error.getBoundingClientRect().top).to.be.at.least(p.select().getBoundingClientRect().bottom);
    await expect(p.el).to.be.accessible();
    const close = p.$<HTMLButtonElement>('.error button')!;
    expect(close.getAttribute('aria-label')).to.equal('Dismiss');
    close.focus();
    await p.press('Enter');
    await p.el.updateComplete;
    expect(!!p.$('[part="error"]')).to.equal(false);
    expect(p.el.shadowRoot!.activeElement).to.equal(p.select());
  });

  it('a refusal clears when a supervisor changes the state, and at logout and the next login', async () => {
    const p = await picker();
    await p.signIn();
    const refuse = async () => {
      p.server.failNext({ action: 'setAgentState', code: 'rejected', message: 'Refused.' });
      await p.sdk.request('cc-agent-state-request', { state: 'Available', auxCodeId: '0' }).catch(() => {});
      await p.el.updateComplete;
      expect(p.$('[part="error"]')?.textContent?.trim()).to.equal('Refused.');
    };
    await refuse();
    p.server.supervisorSetState('Idle', 'idle-meeting');
    await p.el.updateComplete;
    expect(!!p.$('[part="error"]')).to.equal(false);
    expect(p.sdk.state.errors['cc-agent-state-request']).to.equal(undefined);

    await refuse();
    await p.sdk.request('cc-station-logout-request', {});
    await p.el.updateComplete;
    expect(!!p.$('[part="error"]')).to.equal(false);
    await p.sdk.request('cc-station-login-request', { teamId: 'team-support', loginOption: 'BROWSER' });
    await p.el.updateComplete;
    expect(!!p.$('[part="error"]')).to.equal(false);

    await refuse();
    p.server.remoteLogout();
    await p.el.updateComplete;
    expect(!!p.$('[part="error"]')).to.equal(false);
  });

  it('shows a supervisor\'s change in a visible notice that goes away by itself', async () => {
    const p = await picker();
    await p.signIn();
    const before = p.height();
    p.server.supervisorSetState('Idle', 'idle-meeting');
    await p.el.updateComplete;
    const notice = () => p.$('[part="notice"]');
    expect(notice()?.querySelector('.notice-text')?.textContent?.trim()).to.equal('Set to Idle: Meeting by a supervisor');
    expect(notice()!.getBoundingClientRect().height).to.be.greaterThan(0);
    expect(p.height()).to.equal(before);
    await expect(p.el).to.be.accessible();
    p.clock.advance(NOTICE_MS - 1000);
    await p.el.updateComplete;
    expect(!!notice()).to.equal(true);
    p.clock.advance(1000);
    await p.el.updateComplete;
    expect(!!notice()).to.equal(false);
  });

  it('the notice closes from the keyboard, and focus goes back to the picker', async () => {
    const p = await picker();
    await p.signIn();
    p.server.supervisorSetState('Available');
    await p.el.updateComplete;
    expect(p.$('[part="notice"] .notice-text')?.textContent?.trim()).to.equal('Set to Available by a supervisor');
    p.select().focus();
    await p.press('Tab');
    expect(p.el.shadowRoot!.activeElement).to.equal(p.$('[part="notice-close"]'));
    await p.press('Enter');
    await p.el.updateComplete;
    expect(!!p.$('[part="notice"]')).to.equal(false);
    expect(p.el.shadowRoot!.activeElement).to.equal(p.select());
  });

  it('the agent\'s own change shows no notice', async () => {
    const p = await picker();
    await p.signIn();
    p.select().value = '0';
    p.select().dispatchEvent(new Event('change'));
    await p.settle();
    expect(!!p.$('[part="notice"]')).to.equal(false);
  });
});

describe('<cc-state-select> shows what the agent is really doing', () => {
  it('ringing, on a call and in wrap-up, next to the state', async () => {
    const p = await picker();
    await p.signIn();
    const activity = () => p.$('[part="activity"]');
    expect(!!activity()).to.equal(false);
    await p.sdk.request('cc-agent-state-request', { state: 'Available', auxCodeId: '0' });
    p.server.offer();
    await until(() => p.sdk.state.tasks.length === 1);
    await p.el.updateComplete;
    expect(activity()?.textContent?.trim()).to.equal('Ringing');
    expect(activity()?.dataset.activity).to.equal('ringing');
    const taskId = p.sdk.state.tasks[0].id;
    await p.sdk.request('cc-task-accept-request', { taskId });
    await p.el.updateComplete;
    expect(p.shown()).to.equal('Available');
    expect(activity()?.textContent?.trim()).to.equal('On a call');
    expect(p.select().getAttribute('aria-describedby')).to.include('state-activity');
    await expect(p.el).to.be.accessible();
    await p.sdk.request('cc-task-end-request', { taskId });
    await p.el.updateComplete;
    expect(activity()?.textContent?.trim()).to.equal('In wrap-up');
    await p.sdk.request('cc-wrapup-request', { taskId, auxCodeId: 'wrap-resolved', notes: '' });
    await p.el.updateComplete;
    expect(!!activity()).to.equal(false);
  });
});
