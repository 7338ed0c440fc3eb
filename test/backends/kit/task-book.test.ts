import { expect } from '@open-wc/testing';
import type { Consult } from '../../../src/core/types.js';
import { QUIET_CALL, TaskBook, connect, endForWrapup, hold, startLife, syncEvent, taskSnapshot, type TaskFacts, type TaskLife } from '../../../src/backends/kit/task-book.js';

const facts = (over: Partial<TaskFacts> = {}): TaskFacts => ({
  id: 't1',
  mediaType: 'telephony',
  direction: 'inbound',
  ani: '+14155550100',
  ...QUIET_CALL,
  cad: {},
  ...over,
});

const consult: Consult = { destination: { type: 'agent', to: 'a2' }, state: 'ringing', startedAt: 5 };

describe('kit: task lifecycle', () => {
  it('an offer rings with a RONA deadline; once connected it has none', () => {
    const life = startLife('offered', 1000);
    expect(life).to.deep.equal({ phase: 'offered', offeredAt: 1000, connectedAt: null, endedAt: null, heldAt: null });
    expect(taskSnapshot(life, facts({ ronaAfterMs: 20_000 }))).to.include({ state: 'offered', ronaAt: 21_000 });
    expect(taskSnapshot(life, facts({ ronaAfterMs: null })).ronaAt).to.equal(null);
    expect(taskSnapshot(life, facts({ ronaAfterMs: NaN })).ronaAt).to.equal(null);
    expect(connect(life, 3000)).to.equal(true);
    expect(connect(life, 4000)).to.equal(false);
    expect(life).to.include({ phase: 'connected', connectedAt: 3000 });
    expect(taskSnapshot(life, facts({ ronaAfterMs: 20_000 })).ronaAt).to.equal(null);
  });

  it('a task found under way keeps when it started and when the agent joined', () => {
    expect(startLife('connected', 9000, { since: 1000, joinedAt: 2000 })).to.deep.include({ offeredAt: 1000, connectedAt: 2000, endedAt: null });
    expect(startLife('connected', 9000, { since: 1000, joinedAt: null })).to.deep.include({ offeredAt: 1000, connectedAt: 1000 });
    expect(startLife('wrapup', 9000, { since: null })).to.deep.include({ offeredAt: 9000, connectedAt: 9000, endedAt: 9000 });
  });

  it('hold keeps the time it began; the contact center\'s own time wins', () => {
    const life = startLife('connected', 1000);
    hold(life, true, 2000);
    hold(life, true, 3000);
    expect(taskSnapshot(life, facts({ held: true }))).to.include({ held: true, heldAt: 2000 });
    expect(taskSnapshot(life, facts({ held: true, heldSince: 1500 }))).to.include({ held: true, heldAt: 1500 });
    hold(life, false, 4000);
    expect(taskSnapshot(life, facts({ held: false }))).to.include({ held: false, heldAt: null });
  });

  it('only a connected task is held, muted or in a consult; wrap-up owes one and runs auto wrap-up', () => {
    const offered: TaskLife = startLife('offered', 0);
    const loud = facts({ held: true, muted: true, consult, autoWrapupAt: 99 });
    expect(taskSnapshot(offered, loud)).to.include({ held: false, muted: false, consult: null, autoWrapupAt: null, wrapupRequired: false });
    const live = startLife('connected', 0);
    expect(taskSnapshot(live, loud)).to.deep.include({ held: true, muted: true, consult, autoWrapupAt: null });
    hold(live, true, 10);
    endForWrapup(live, 50);
    expect(live).to.include({ phase: 'wrapup', endedAt: 50, heldAt: null });
    expect(taskSnapshot(live, loud)).to.deep.include({ state: 'wrapup', held: false, heldAt: null, muted: false, consult: null, wrapupRequired: true, autoWrapupAt: 99 });
  });

  it('the snapshot is the facts plus the lifecycle, and nothing else', () => {
    const snapshot = taskSnapshot(startLife('connected', 7), facts({ customerName: 'Ada', ronaAfterMs: 5, heldSince: 3 }));
    expect(Object.keys(snapshot).sort()).to.deep.equal(
      ['ani', 'autoWrapupAt', 'cad', 'connectedAt', 'consult', 'customerName', 'direction', 'endedAt', 'heldAt', 'held', 'id', 'mediaType', 'muted', 'offeredAt', 'recording', 'recordingPaused', 'ronaAt', 'state', 'wrapupRequired'].sort(),
    );
  });
});

describe('kit: TaskBook', () => {
  interface Entry {
    life: TaskLife;
    hidden: boolean;
  }
  const book = () => new TaskBook<Entry>((e) => e.life, (e) => e.hidden);

  it('open() leaves out hidden entries; active() also those in wrap-up', () => {
    const b = book();
    const ringing = { life: startLife('offered', 0), hidden: false };
    const wrapping = { life: startLife('wrapup', 0), hidden: false };
    const hidden = { life: startLife('connected', 0), hidden: true };
    b.set('a', ringing);
    b.set('b', wrapping);
    b.set('c', hidden);
    expect(b.open()).to.deep.equal([ringing, wrapping]);
    expect(b.active()).to.deep.equal([ringing]);
    expect(b.size).to.equal(3);
  });

  it('delete(id, entry) forgets that entry wherever it is kept, and never another one under the id', () => {
    const b = book();
    const one = { life: startLife('offered', 0), hidden: false };
    const two = { life: startLife('offered', 0), hidden: false };
    b.set('x', one);
    b.set('y', two);
    expect(b.delete('y', one)).to.equal(true);
    expect(b.get('y')).to.equal(two);
    expect(b.has('x')).to.equal(false);
    expect(b.delete('z')).to.equal(false);
    b.clear();
    expect(b.all()).to.deep.equal([]);
  });

  it('syncEvent carries the whole picture', () => {
    expect(syncEvent(null, null, [])).to.deep.equal({ type: 'sync', station: null, agent: null, tasks: [] });
  });
});
