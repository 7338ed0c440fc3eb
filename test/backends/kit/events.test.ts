import { expect } from '@open-wc/testing';
import type { BackendEvent } from '../../../src/core/backend.js';
import { BackendEvents } from '../../../src/backends/kit/events.js';

const connected: BackendEvent = { type: 'connection', status: 'connected' };

describe('kit: BackendEvents', () => {
  it('sends each event to every listener in the order they subscribed, until they unsubscribe', () => {
    const events = new BackendEvents();
    const heard: string[] = [];
    const offA = events.subscribe((e) => heard.push(`a:${e.type}`));
    events.subscribe((e) => heard.push(`b:${e.type}`));
    events.emit(connected);
    offA();
    events.emit({ type: 'auth-expired' });
    expect(heard).to.deep.equal(['a:connection', 'b:connection', 'b:auth-expired']);
  });

  it('a listener added while an event is being sent hears only the next one', () => {
    const events = new BackendEvents();
    const late: string[] = [];
    events.subscribe(() => void events.subscribe((e) => late.push(e.type)));
    events.emit(connected);
    expect(late).to.deep.equal([]);
    events.emit({ type: 'auth-expired' });
    expect(late).to.deep.equal(['auth-expired']);
  });

  it('once disposed, drops what is emitted and forgets its listeners; emit works detached from the object', () => {
    const events = new BackendEvents();
    const heard: string[] = [];
    events.subscribe((e) => heard.push(e.type));
    const { emit } = events;
    emit(connected);
    events.dispose();
    emit(connected);
    events.subscribe((e) => heard.push(e.type));
    emit(connected);
    expect(events.disposed).to.equal(true);
    expect(heard).to.deep.equal(['connection']);
  });

  it('clear() forgets the listeners and stays usable', () => {
    const events = new BackendEvents();
    const heard: string[] = [];
    events.subscribe((e) => heard.push(`old:${e.type}`));
    events.clear();
    events.emit(connected);
    events.subscribe((e) => heard.push(`new:${e.type}`));
    events.emit(connected);
    expect(events.disposed).to.equal(false);
    expect(heard).to.deep.equal(['new:connection']);
  });
});
