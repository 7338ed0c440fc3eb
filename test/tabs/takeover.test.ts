/**
 * One agent session across tabs (issue 16, items 2, 3 and 5): the leader closes or reloads mid-call and another
 * tab takes over with the calls and owed wrap-ups intact; two tabs accept at once; a tab opened mid-call sees
 * the call; every outcome is heard once in every tab, and a page that acts where `detail.leader` acts once.
 */
import { expect } from '@open-wc/testing';
import { oneCallOutcomes } from '../fixtures/one-call-outcomes.js';
import { freshSession, tabsClosedAfterEach, signInAndAvailable, until, type Heard, type Tab } from './tabs-helpers.js';

const tab = tabsClosedAfterEach();

/** The outcomes a tab heard from index `from` on, by name (the tab's own role aside). */
const names = (heard: Heard[], from = 0) => heard.slice(from).map((h) => h.type).filter((n) => n !== 'cc-tab-role');

/** Offers a call on the leader's contact center and accepts it through `by`'s <cc-sdk>; resolves with its id. */
async function connectedCall(leader: Tab, by: Tab, ani = '+4930123456789'): Promise<string> {
  leader.sdk.simulator!.offer({ ani });
  await until(() => by.state().tasks.some((t) => t.state === 'offered'), 5000, 'the offer');
  const taskId = by.state().tasks.find((t) => t.state === 'offered')!.id;
  await by.sdk.request('cc-task-accept-request', { taskId });
  await until(() => leader.state().tasks.find((t) => t.id === taskId)?.state === 'connected', 5000, 'the call connected');
  return taskId;
}

describe('tabs: the leader goes', () => {
  it('closing the leader mid-call: a follower takes over within seconds with the call, its audio and the session', async function () {
    this.timeout(30000);
    const session = freshSession('close');
    const a = await tab(session);
    const b = await tab(session);
    await signInAndAvailable(a);
    const taskId = await connectedCall(a, b);
    await until(() => b.state().tasks[0]?.state === 'connected', 5000, 'the follower sees the call');
    const from = b.win.heard.length;

    const closedAt = performance.now();
    a.close();
    await until(() => b.sdk.role === 'leader' && b.state().connection === 'connected' && b.sdk.simulator, 10000, 'the follower to take over');
    const tookMs = performance.now() - closedAt;
    expect(tookMs, `took over in ${Math.round(tookMs)} ms`).to.be.below(5000);

    // The same call, connected, on the contact center the new leader built, with its audio in this tab.
    expect(b.state().tasks.map((t) => [t.id, t.state])).to.deep.equal([[taskId, 'connected']]);
    expect(b.sdk.simulator!.tasks.map((t) => [t.id, t.state])).to.deep.equal([[taskId, 'connected']]);
    expect(b.state().session.status).to.equal('signed-in');
    expect(b.state().agent?.state).to.equal('Available');
    await until(() => b.sdk.desk.media(taskId), 5000, "the call's audio in the new leader");
    // The page heard a reconnect, and no end of anything.
    expect(names(b.win.heard, from)).to.deep.equal(['cc-connection-change', 'cc-connection-change']);
    expect(b.heard('cc-connection-change').slice(-2).map((h) => h.detail.status)).to.deep.equal(['reconnecting', 'connected']);
    expect(b.heard('cc-tab-role').at(-1)!.detail).to.include({ role: 'leader', previous: 'follower' });

    // The call carries on from the new leader's buttons.
    await b.settle();
    await b.click('cc-task-panel', /^Hold/);
    await until(() => b.sdk.simulator!.tasks[0].held, 5000, 'held on the contact center');
    // The token never went to storage.
    for (const storage of [b.win.sessionStorage, b.win.localStorage]) {
      const all = Object.keys(storage).map((k) => `${k}=${storage.getItem(k)}`).join(' ');
      expect(all).to.not.contain('tabs-token');
    }
    expect(b.doc.documentElement.outerHTML).to.not.contain('tabs-token');
  });

  it('reloading the leader mid-wrap-up: the wrap-up stays owed, the reloaded tab follows, and submitting it from there logs the call once', async function () {
    this.timeout(30000);
    const session = freshSession('reload');
    const a = await tab(session);
    const b = await tab(session);
    await signInAndAvailable(a);
    const taskId = await connectedCall(a, a);
    await a.sdk.request('cc-task-end-request', { taskId });
    await until(() => b.state().tasks[0]?.state === 'wrapup', 5000, 'the wrap-up owed in the follower');

    await a.reload();
    await until(() => b.sdk.role === 'leader' && b.sdk.simulator && b.state().connection === 'connected', 10000, 'the follower to take over');
    expect(a.sdk.role).to.equal('follower');
    // The reloaded tab sees the owed wrap-up as soon as it joins (as after any reload, a hydrate).
    await until(() => a.state().tasks[0]?.state === 'wrapup', 5000, 'the wrap-up in the reloaded tab');
    expect(a.heard('cc-task-hydrate').map((h) => [(h.detail.task as { id: string }).id, h.detail.leader])).to.deep.equal([[taskId, false]]);
    expect(b.sdk.simulator!.tasks.map((t) => [t.id, t.state])).to.deep.equal([[taskId, 'wrapup']]);
    await a.settle();
    expect(a.doc.querySelector('cc-wrapup')!.hasAttribute('hidden')).to.equal(false);

    await a.sdk.request('cc-wrapup-request', { taskId, auxCodeId: 'wrap-resolved', notes: 'Refund issued' });
    await until(() => a.state().tasks.length === 0 && b.state().tasks.length === 0, 5000, 'wrapped up everywhere');
    expect(b.sdk.simulator!.tasks).to.deep.equal([]);
    // Each tab heard the wrap-up once; the page logged it once, in the tab that leads.
    expect(a.heard('cc-task-wrapup').map((h) => [h.detail.notes, h.detail.leader])).to.deep.equal([['Refund issued', false]]);
    expect(b.heard('cc-task-wrapup').map((h) => [h.detail.notes, h.detail.leader])).to.deep.equal([['Refund issued', true]]);
    expect([...a.callLog(), ...b.callLog()]).to.deep.equal([taskId]);
  });

  it('a follower takes over with the wrap-up owed when the leader closes, and a third tab follows the new leader', async function () {
    this.timeout(30000);
    const session = freshSession('three');
    const a = await tab(session);
    const b = await tab(session);
    const c = await tab(session);
    await signInAndAvailable(b);
    const taskId = await connectedCall(a, c);
    await c.sdk.request('cc-task-end-request', { taskId });
    await until(() => b.state().tasks[0]?.state === 'wrapup' && c.state().tasks[0]?.state === 'wrapup', 5000, 'owed everywhere');
    a.close();
    await until(() => [b, c].some((t) => t.sdk.role === 'leader'), 10000, 'a new leader');
    const [leader, follower] = b.sdk.role === 'leader' ? [b, c] : [c, b];
    // The new leader's store still says connected (mirrored) until it has built its own backend: wait for that.
    await until(() => leader.sdk.simulator && leader.state().connection === 'connected', 10000, 'the new leader connected');
    expect(follower.sdk.role).to.equal('follower');
    // The follower forwards to the new leader.
    await follower.sdk.request('cc-wrapup-request', { taskId, auxCodeId: 'wrap-resolved', notes: '' });
    await until(() => leader.sdk.simulator!.tasks.length === 0 && follower.state().tasks.length === 0, 5000, 'wrapped up');
    expect([...b.callLog(), ...c.callLog()]).to.deep.equal([taskId]);
  });
});

describe('tabs: at once', () => {
  it('two tabs clicking Accept at once send one accept to the contact center; both show the call, neither an error', async function () {
    this.timeout(30000);
    const session = freshSession('accept');
    const a = await tab(session);
    const b = await tab(session);
    const c = await tab(session);
    await signInAndAvailable(a);
    const server = a.sdk.simulator!;
    let accepts = 0;
    const accept = server.accept.bind(server);
    server.accept = (taskId: string) => {
      accepts++;
      return accept(taskId);
    };
    server.offer({ ani: '+4930123456789' });
    await until(() => b.state().tasks.length === 1 && c.state().tasks.length === 1, 5000, 'the offer in both followers');
    await Promise.all([b.settle(), c.settle()]);
    // Both agents' clicks in the same task of the event loop.
    b.button('cc-task-panel', /^Accept/)!.click();
    c.button('cc-task-panel', /^Accept/)!.click();
    await until(() => [a, b, c].every((t) => t.state().tasks[0]?.state === 'connected' && Object.keys(t.state().pending).length === 0), 5000, 'connected everywhere');
    await new Promise((r) => setTimeout(r, 200));
    expect(accepts).to.equal(1);
    for (const t of [a, b, c]) {
      expect(t.heard('cc-error'), `errors in a ${t.sdk.role}`).to.deep.equal([]);
      expect(t.heard('cc-task-assigned')).to.have.length(1);
    }
  });

  it('a tab opened after the call started sees it: the call on screen and one cc-task-hydrate for its screen pop', async function () {
    this.timeout(30000);
    const session = freshSession('late');
    const a = await tab(session);
    await signInAndAvailable(a);
    const taskId = await connectedCall(a, a, '+442071838750');
    const late = await tab(session);
    expect(late.sdk.role).to.equal('follower');
    await until(() => late.state().tasks[0]?.state === 'connected', 5000, 'the call in the late tab');
    await late.settle();
    expect(late.heard('cc-task-hydrate').map((h) => (h.detail.task as { id: string }).id)).to.deep.equal([taskId]);
    expect(late.heard('cc-ready').map((h) => h.detail.leader)).to.deep.equal([false]);
    const panel = late.doc.querySelector('cc-task-panel')!.shadowRoot!.textContent ?? '';
    expect(panel).to.contain('Marcus Oyelaran');
    expect(late.button('cc-task-panel', /^Hold/), 'the call controls').to.not.equal(undefined);
  });

  it('every outcome is heard once in every tab, leader true in the leader only', async function () {
    this.timeout(30000);
    const session = freshSession('once');
    const a = await tab(session);
    const b = await tab(session);
    const c = await tab(session);
    const from = [a, b, c].map((t) => t.win.heard.length);
    await signInAndAvailable(c);
    const taskId = await connectedCall(a, b);
    await c.sdk.request('cc-task-hold-request', { taskId });
    await b.sdk.request('cc-task-resume-request', { taskId });
    await a.sdk.request('cc-task-end-request', { taskId });
    await b.sdk.request('cc-wrapup-request', { taskId, auxCodeId: 'wrap-resolved', notes: 'ok' });
    await until(() => [a, b, c].every((t) => t.heard('cc-task-wrapup').length === 1), 5000, 'the wrap-up heard everywhere');
    const expected = oneCallOutcomes;
    const withoutStats = (t: Tab, i: number) => names(t.win.heard, from[i]);
    expect(withoutStats(a, 0)).to.deep.equal(expected);
    expect(withoutStats(b, 1)).to.deep.equal(expected);
    expect(withoutStats(c, 2)).to.deep.equal(expected);
    expect(a.win.heard.slice(from[0]).every((h) => h.detail.leader === true)).to.equal(true);
    expect(b.win.heard.slice(from[1]).every((h) => h.detail.leader === false)).to.equal(true);
    expect(c.win.heard.slice(from[2]).every((h) => h.detail.leader === false)).to.equal(true);
    expect([...a.callLog(), ...b.callLog(), ...c.callLog()]).to.deep.equal([taskId]);
  });
});
