import { expect } from '@open-wc/testing';
import type { BackendEvent } from '../../../src/core/backend.js';
import { ConnectionState } from '../../../src/backends/kit/connection.js';

describe('kit: ConnectionState', () => {
  it('announces each change once, and tells whether the link is down', () => {
    const heard: BackendEvent[] = [];
    const state = new ConnectionState((e) => heard.push(e));
    expect(state.status).to.equal('idle');
    expect(state.set('connected')).to.equal(true);
    expect(state.set('connected')).to.equal(false);
    expect(state.down).to.equal(false);
    state.set('reconnecting');
    state.set('reconnecting');
    expect(state.down).to.equal(true);
    state.set('offline');
    expect(state.down).to.equal(true);
    state.set('connected');
    expect(heard.map((e) => (e.type === 'connection' ? e.status : e.type))).to.deep.equal(['connected', 'reconnecting', 'offline', 'connected']);
  });

  it('reset() goes back to idle silently, so the next sign-in announces connected again', () => {
    const heard: string[] = [];
    const state = new ConnectionState((e) => heard.push(e.type === 'connection' ? e.status : e.type));
    state.set('connected');
    state.reset();
    expect(state.status).to.equal('idle');
    expect(state.down).to.equal(false);
    state.set('connected');
    expect(heard).to.deep.equal(['connected', 'connected']);
  });
});
