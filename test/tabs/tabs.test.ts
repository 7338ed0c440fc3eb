/**
 * One agent session across tabs (issue 16): same-origin pages of one browser context (iframes of this test
 * page, see tabs-helpers.ts) elect one leader, which owns the simulator; the others mirror it, forward their
 * requests to it, and take over when it goes.
 */
import { expect } from '@open-wc/testing';
import { freshSession, tabsClosedAfterEach, signInAndAvailable, until, type Tab } from './tabs-helpers.js';

const tab = tabsClosedAfterEach();

describe('tabs: roles', () => {
  it('the first tab leads, the next follows, and each page hears its role as cc-tab-role', async function () {
    this.timeout(20000);
    const session = freshSession('roles');
    const a = await tab(session);
    const b = await tab(session);
    expect(a.sdk.role).to.equal('leader');
    expect(b.sdk.role).to.equal('follower');
    const roles = (t: Tab) => t.heard('cc-tab-role').map((h) => ({ ...h.detail, leader: h.detail.leader }));
    expect(roles(a)).to.deep.equal([{ role: 'leader', previous: null, leader: true }]);
    expect(roles(b)).to.deep.equal([{ role: 'follower', previous: null, leader: false }]);
    // The leader owns the contact center; the follower has no backend of its own.
    expect(a.sdk.simulator).to.not.equal(null);
    expect(b.sdk.simulator).to.equal(null);
    expect(b.sdk.desk.backend).to.equal(null);
  });

  it('tabs="independent" keeps a session of its own: two such tabs both own a backend', async function () {
    this.timeout(20000);
    const session = freshSession('independent');
    const a = await tab(session, { tabs: 'independent' });
    const b = await tab(session, { tabs: 'independent' });
    expect([a.sdk.role, b.sdk.role]).to.deep.equal(['independent', 'independent']);
    expect(a.heard('cc-tab-role').map((h) => h.detail.role)).to.deep.equal(['independent']);
    await until(() => a.sdk.simulator && b.sdk.simulator, 5000, 'a contact center in each tab');
    await signInAndAvailable(a);
    // Nothing of a's session reaches b.
    await new Promise((r) => setTimeout(r, 200));
    expect(b.state().session.status).to.equal('signed-out');
  });

  it('another session key, or another backend, is another session', async function () {
    this.timeout(20000);
    const a = await tab(freshSession('key-a'));
    const b = await tab(freshSession('key-b'));
    expect([a.sdk.role, b.sdk.role]).to.deep.equal(['leader', 'leader']);
  });
});

describe('tabs: one session', () => {
  it('signs in in one tab and acts in another: both show the same session, and the request ran on the leader', async function () {
    this.timeout(30000);
    const session = freshSession('act');
    const a = await tab(session);
    const b = await tab(session);
    // Sign in, station and state from the follower.
    await signInAndAvailable(b);
    await until(() => a.state().agent?.state === 'Available', 5000, 'the leader Available');
    expect(a.sdk.simulator!.agent?.state).to.equal('Available');
    // A call offered by the contact center shows in both tabs; the follower accepts it by its Accept button.
    a.sdk.simulator!.offer({ ani: '+4930123456789' });
    await until(() => b.state().tasks.length === 1, 5000, 'the offer in the follower');
    await b.settle();
    await b.click('cc-task-panel', /^Accept/);
    await until(() => a.state().tasks[0]?.state === 'connected' && b.state().tasks[0]?.state === 'connected', 5000, 'connected everywhere');
    expect(a.sdk.simulator!.tasks[0].state).to.equal('connected');
    // Audio is the leader's: the follower's store knows the call has it, its desk has no track.
    expect(a.sdk.desk.media(a.state().tasks[0].id)).to.not.equal(null);
    expect(b.sdk.desk.media(b.state().tasks[0].id)).to.equal(null);
  });

  it('a refusal of a follower request shows next to the follower control, as on the leader', async function () {
    this.timeout(30000);
    const session = freshSession('refusal');
    const a = await tab(session);
    const b = await tab(session);
    await signInAndAvailable(a);
    a.sdk.simulator!.offer({ ani: '+4930123456789' });
    await until(() => b.state().tasks.length === 1, 5000, 'the offer in the follower');
    a.sdk.simulator!.failNext({ action: 'accept', code: 'backend-error', message: 'The contact center refused the call.' });
    await b.settle();
    await b.click('cc-task-panel', /^Accept/);
    await until(() => Object.keys(b.state().errors).length > 0, 5000, 'the refusal in the follower');
    await b.settle();
    const panel = b.doc.querySelector('cc-task-panel')!.shadowRoot!;
    const alert = [...panel.querySelectorAll('[role=alert]')].map((el) => el.textContent ?? '').join(' ');
    expect(alert).to.contain('The contact center refused the call.');
    expect(b.heard('cc-error').map((h) => [h.detail.message, h.detail.leader])).to.deep.equal([['The contact center refused the call.', false]]);
    expect(a.heard('cc-error').map((h) => [h.detail.message, h.detail.leader])).to.deep.equal([['The contact center refused the call.', true]]);
  });

  it('a failed message discarded in a follower goes from the transcript of every tab', async function () {
    this.timeout(30000);
    const session = freshSession('discard');
    const a = await tab(session);
    const b = await tab(session);
    await signInAndAvailable(a);
    a.sdk.simulator!.offer({ mediaType: 'chat' });
    await until(() => b.state().tasks.length === 1, 5000, 'the chat in the follower');
    const taskId = a.state().tasks[0].id;
    await b.sdk.request('cc-task-accept-request', { taskId });
    a.sdk.simulator!.failNext({ action: 'sendMessage', code: 'rejected', message: 'The chat service did not answer.' });
    await b.sdk.request('cc-task-message-request', { taskId, messageId: 'm-1', text: 'Hello?' });
    const has = (t: typeof a, delivery?: string) => (t.state().messages[taskId] ?? []).some((m) => m.id === 'm-1' && (!delivery || m.delivery === delivery));
    await until(() => has(a, 'failed') && has(b, 'failed'), 5000, 'the failed message in both tabs');
    b.sdk.desk.discardMessage(taskId, 'm-1');
    await until(() => !has(a) && !has(b), 5000, 'the message gone from both tabs');
    expect(Object.keys(a.state().errors).filter((k) => k.startsWith('cc-task-message-request'))).to.deep.equal([]);
  });

  it("New call in a follower lists the leader's Caller IDs and places the call from the one chosen; a consult there lists the leader's agents", async function () {
    this.timeout(30000);
    const session = freshSession('outdial');
    const a = await tab(session);
    const b = await tab(session);
    await signInAndAvailable(a);
    await until(() => b.state().station, 5000, 'the station in the follower');
    await b.settle();
    const panel = () => b.doc.querySelector('cc-task-panel')!.shadowRoot!;
    await b.click('cc-task-panel', /^New call/);
    const origin = () => panel().querySelector<HTMLSelectElement>('#outdial-origin');
    await until(() => origin()?.options.length === 2, 5000, "the leader's Caller IDs in the follower");
    expect([...origin()!.options].map((o) => o.textContent?.replace(/\s+/g, ' ').trim())).to.deep.equal(['Main line (+18005550100)', 'Sales line (+18005550199)']);
    origin()!.value = '+18005550199';
    origin()!.dispatchEvent(new Event('change'));
    const number = panel().querySelector<HTMLInputElement>('#outdial-number')!;
    number.value = '+442071838750';
    number.dispatchEvent(new Event('input'));
    await b.settle();
    (panel().querySelector('[data-action="place-call"]') as HTMLButtonElement).click();
    await until(() => a.state().tasks.length === 1 && b.state().tasks.length === 1, 5000, 'the call in both tabs');
    const call = a.state().tasks[0];
    expect(call).to.include({ direction: 'outbound', ani: '+442071838750' });
    // The leader's contact center placed it showing the number chosen in the follower.
    expect(a.sdk.simulator!.originOf(call.id)).to.equal('+18005550199');
    // The same way, the follower's consult list is the leader's backend's.
    expect((await b.sdk.desk.destinations('agent', call.id)).map((d) => d.name)).to.deep.equal((await a.sdk.desk.destinations('agent', call.id)).map((d) => d.name));
    expect(await b.sdk.desk.destinations('agent', call.id)).to.not.deep.equal([]);
  });
});

describe('tabs: the sample page', () => {
  it('shows in its header whether the tab leads or follows, and the new role when the leader closes', async function () {
    this.timeout(30000);
    const frames: HTMLIFrameElement[] = [];
    const open = async () => {
      const frame = document.createElement('iframe');
      frame.style.cssText = 'width: 1100px; height: 600px; border: 0';
      frame.src = '/demo/index.html';
      document.body.append(frame);
      frames.push(frame);
      const badge = () => frame.contentDocument?.getElementById('tab-role') as HTMLElement | null;
      await until(() => badge() && !badge()!.hidden && badge()!.textContent, 15000, 'the role badge');
      return badge;
    };
    try {
      const first = await open();
      const second = await open();
      expect(first()!.textContent).to.equal('Leader tab');
      expect(second()!.textContent).to.equal('Follower tab');
      expect(second()!.getAttribute('role')).to.equal('status');
      frames[0].remove();
      await until(() => second()!.textContent === 'Leader tab', 10000, 'the follower to lead');
    } finally {
      for (const frame of frames) frame.remove();
    }
  });
});
