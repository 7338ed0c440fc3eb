import { expect } from '@open-wc/testing';
import { initialState, reduce, Store, type DeskState } from '../../src/core/store.js';
import type { TaskSnapshot } from '../../src/core/types.js';
import { simulatorProfile } from '../../src/backends/simulator/data.js';

const task = (patch: Partial<TaskSnapshot> = {}): TaskSnapshot => ({
  id: 't1', mediaType: 'telephony', direction: 'inbound', state: 'offered', ani: '+14155550142',
  offeredAt: 1, ronaAt: 100, connectedAt: null, endedAt: null, held: false, heldAt: null, muted: false,
  recording: false, recordingPaused: false, consult: null, wrapupRequired: true, autoWrapupAt: null, cad: {},
  ...patch,
});

const signedIn: DeskState = reduce(reduce(initialState, { type: 'signed-in', expiresAt: 10 }), { type: 'registered', profile: simulatorProfile });

describe('store: reducer', () => {
  it('returns the very same state when an event changes nothing', () => {
    const s1 = reduce(signedIn, { type: 'task-offered', task: task() });
    expect(reduce(s1, { type: 'task-updated', task: task() })).to.equal(s1);
    expect(reduce(s1, { type: 'connection', status: s1.connection })).to.equal(s1);
  });

  it('adds, updates and keeps the order of tasks', () => {
    let s = reduce(signedIn, { type: 'task-offered', task: task({ id: 'a' }) });
    s = reduce(s, { type: 'task-offered', task: task({ id: 'b', mediaType: 'chat' }) });
    s = reduce(s, { type: 'task-assigned', task: task({ id: 'a', state: 'connected' }) });
    expect(s.tasks.map((t) => `${t.id}:${t.state}`)).to.deep.equal(['a:connected', 'b:offered']);
  });

  it('keeps an ended task that owes a wrap-up, in wrap-up state, and drops one that does not', () => {
    let s = reduce(signedIn, { type: 'task-assigned', task: task({ state: 'connected' }) });
    s = reduce(s, { type: 'task-ended', task: task({ state: 'connected', wrapupRequired: true }) });
    expect(s.tasks[0].state).to.equal('wrapup');
    const s2 = reduce(signedIn, { type: 'task-assigned', task: task({ state: 'connected', wrapupRequired: false }) });
    expect(reduce(s2, { type: 'task-ended', task: task({ state: 'connected', wrapupRequired: false }) }).tasks).to.have.length(0);
  });

  it('removes a task on wrap-up and rejection, with its pending flags and errors', () => {
    let s = reduce(signedIn, { type: 'task-offered', task: task() });
    s = reduce(s, { type: 'settled', key: 'cc-task-accept-request:t1', error: { action: 'task-accept', code: 'rejected', message: 'no' } });
    expect(s.errors['cc-task-accept-request:t1']).to.exist;
    s = reduce(s, { type: 'task-rejected', task: task(), reason: 'rona' });
    expect(s.tasks).to.have.length(0);
    expect(s.errors).to.deep.equal({});
  });

  it('tracks pending actions and clears an old error when the action is retried', () => {
    let s = reduce(signedIn, { type: 'settled', key: 'x', error: { action: 'x', code: 'offline', message: 'down' } });
    s = reduce(s, { type: 'pending', key: 'x' });
    expect(s.pending.x).to.equal(true);
    expect(s.errors.x).to.equal(undefined);
    s = reduce(s, { type: 'settled', key: 'x' });
    expect(s.pending).to.deep.equal({});
  });

  it('forgets the agent state on station logout and everything on sign-out', () => {
    let s = reduce(signedIn, { type: 'station-login', station: { teamId: 'team-support', loginOption: 'BROWSER' } });
    s = reduce(s, { type: 'agent-state', agent: { state: 'Available', auxCodeId: '0', since: 1, by: 'agent' } });
    expect(reduce(s, { type: 'station-logout', reason: 'x' }).agent).to.equal(null);
    const out = reduce(s, { type: 'signed-out', reason: 'bye' });
    expect(out.session.status).to.equal('signed-out');
    expect(out.profile).to.equal(null);
    expect(out.station).to.equal(null);
  });

  it('ignores a repeated agent state whose only change is its timestamp', () => {
    const s = reduce(signedIn, { type: 'agent-state', agent: { state: 'Idle', auxCodeId: 'idle-break', since: 1, by: 'agent' } });
    expect(reduce(s, { type: 'agent-state', agent: { state: 'Idle', auxCodeId: 'idle-break', since: 99, by: 'system' } })).to.equal(s);
  });

  it('replaces the picture on sync: new tasks in, vanished tasks out', () => {
    let s = reduce(signedIn, { type: 'task-offered', task: task({ id: 'old' }) });
    s = reduce(s, { type: 'sync', station: null, agent: null, tasks: [task({ id: 'new', state: 'connected' })] });
    expect(s.tasks.map((t) => t.id)).to.deep.equal(['new']);
  });

  it('freezes snapshots and notifies subscribers until they unsubscribe', () => {
    const store = new Store();
    const seen: DeskState[] = [];
    const off = store.subscribe((state) => seen.push(state));
    store.dispatch({ type: 'task-offered', task: task() });
    expect(Object.isFrozen(store.state.tasks[0])).to.equal(true);
    expect(() => ((store.state.tasks as TaskSnapshot[]).length = 0)).to.throw();
    off();
    store.dispatch({ type: 'task-rejected', task: task(), reason: 'declined' });
    expect(seen).to.have.length(1);
    expect(store.listenerCount).to.equal(0);
  });
});
