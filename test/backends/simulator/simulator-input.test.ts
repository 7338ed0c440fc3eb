import { expect } from '@open-wc/testing';
import { SimulatorServer } from '../../../src/backends/simulator/server.js';
import { ManualClock, pageClock } from '../../../src/core/clock.js';
import type { CcError } from '../../../src/core/errors.js';
import { deskRig, detailsOf, readyAgent, rig } from '../../helpers.js';
import { memoryStorage } from '../../desk-helpers.js';

const MEGABYTE = 'x'.repeat(1_000_000);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The error `fn` throws, or null. */
function thrown(fn: () => unknown): CcError | null {
  try {
    fn();
    return null;
  } catch (err) {
    return err as CcError;
  }
}

describe('simulator: offers it is given', () => {
  it('refuses offer(null) and other malformed offers at once, and keeps routing the good ones', async () => {
    const { run, server, desk, events } = deskRig();
    await run('cc-sign-in-request', { accessToken: 't' });
    await run('cc-station-login-request', { teamId: 'team-support', loginOption: 'BROWSER' });
    // Not Available: these would wait in the queue and break every later routing.
    const bad: unknown[] = [null, 42, 'chat', [], { mediaType: 'fax' }, { ani: 5 }, { customerName: {} }, { cad: [] }, { cad: { account: 7 } }];
    for (const spec of bad) {
      const error = thrown(() => server.offer(spec as never));
      expect(error?.code, JSON.stringify(spec)).to.equal('invalid-request');
      expect(error?.message, JSON.stringify(spec)).to.match(/^offer: /);
    }
    expect(server.queued).to.deep.equal([]);
    server.offer({ mediaType: 'chat' });
    await run('cc-agent-state-request', { state: 'Available', auxCodeId: '0' });
    expect(detailsOf(events, 'cc-error')).to.deep.equal([]);
    expect(desk.state.tasks.map((t) => t.mediaType)).to.deep.equal(['chat']);
    // And the next Available still routes.
    await run('cc-agent-state-request', { state: 'Idle', auxCodeId: 'idle-lunch' });
    server.offer({});
    await run('cc-agent-state-request', { state: 'Available', auxCodeId: '0' });
    expect(desk.state.tasks.map((t) => t.mediaType)).to.deep.equal(['chat', 'telephony']);
  });

  it('drops a poisoned queue saved by an earlier page, so Available works after a reload', async () => {
    const storage = memoryStorage();
    storage.setItem(
      'cc-elements-simulator',
      JSON.stringify({ station: null, agent: null, tasks: [], queued: [null, { mediaType: 'fax' }, { mediaType: 'chat' }], seq: 3 }),
    );
    const { run, desk, events, server } = deskRig({ storage });
    expect(server.queued).to.deep.equal([{ mediaType: 'chat' }]);
    await readyAgent(run);
    expect(detailsOf(events, 'cc-error')).to.deep.equal([]);
    expect(desk.state.agent?.state).to.equal('Available');
    expect(desk.state.tasks.map((t) => t.mediaType)).to.deep.equal(['chat']);
  });
});

describe('simulator: timers far in the future', () => {
  it('does not run a scenario step due in 2^31 ms or more at once (browser setTimeout overflow)', async () => {
    const server = new SimulatorServer();
    try {
      server.runScenario([
        { at: 2 ** 31, action: 'offer' },
        { at: 40 * 24 * 60 * 60 * 1000, action: 'offer', offer: { mediaType: 'chat' } },
      ]);
      await sleep(100);
      expect(server.queued).to.deep.equal([]);
      expect(server.timerCount).to.equal(2);
    } finally {
      server.dispose();
    }
  });

  it('chains a delay longer than the browser keeps into shorter timers, firing once, when due', async () => {
    const clock = pageClock(20);
    const fired: number[] = [];
    const start = Date.now();
    clock.setTimeout(() => fired.push(Date.now() - start), 90);
    await sleep(60);
    expect(fired).to.deep.equal([]);
    await sleep(150);
    expect(fired).to.have.length(1);
    expect(fired[0]).to.be.at.least(89);
  });

  it('cancels a chained timer in the middle of its chain', async () => {
    const clock = pageClock(20);
    let fired = false;
    const handle = clock.setTimeout(() => (fired = true), 80);
    await sleep(45);
    clock.clearTimeout(handle);
    await sleep(120);
    expect(fired).to.equal(false);
  });

  it('refuses a step beyond the exact range of milliseconds, and bad fields of other steps', () => {
    const { server } = rig();
    const refused = (steps: unknown) => thrown(() => server.runScenario(steps));
    for (const steps of [
      [{ at: 1e300, action: 'offer' }],
      [{ at: 0, action: 'drop-connection', reconnectAfterMs: -5 }],
      [{ at: 0, action: 'expire-token', inMs: 'soon' }],
      [{ at: 0, action: 'customer-hangup', taskId: 7 }],
      [{ at: 0, action: 'offer', offer: null }],
      [{ at: 0, action: 'offer', offer: { cad: { a: 1 } } }],
      'constructor',
      'toString',
    ]) {
      expect(refused(steps)?.code, JSON.stringify(steps)).to.equal('invalid-scenario');
    }
    expect(server.timerCount).to.equal(0);
  });
});

describe('simulator: two on one page', () => {
  it('numbers the tasks of two simulated contact centers apart', async () => {
    const clock = new ManualClock();
    const first = deskRig({ clock });
    const second = deskRig({ clock });
    await readyAgent(first.run);
    await readyAgent(second.run);
    first.server.offer({});
    second.server.offer({});
    const a = first.desk.state.tasks[0].id;
    const b = second.desk.state.tasks[0].id;
    expect(a).to.not.equal(b);
    // Each desk's task stays its own: accepting one leaves the other ringing.
    await first.run('cc-task-accept-request', { taskId: a });
    expect(second.desk.state.tasks[0].state).to.equal('offered');
  });
});

describe('simulator: refusals of long input', () => {
  it('quotes a short excerpt of what it refuses, never the whole input', async () => {
    const { server } = rig();
    const messages = [
      thrown(() => server.stationLogin({ teamId: MEGABYTE, loginOption: 'BROWSER' })),
      thrown(() => server.stationLogin({ teamId: 'team-support', loginOption: MEGABYTE as never })),
      thrown(() => server.stationLogin({ teamId: 'team-support', loginOption: 'EXTENSION', dialNumber: `1${'0'.repeat(999_999)}` })),
      thrown(() => server.hold(MEGABYTE)),
      thrown(() => server.runScenario(MEGABYTE)),
      thrown(() => server.runScenario([{ at: 0, action: MEGABYTE }])),
      thrown(() => server.offer({ mediaType: MEGABYTE as never })),
      thrown(() => server.supervisorSetState('Idle', MEGABYTE)),
    ].map((e) => e?.message ?? 'nothing thrown');
    for (const message of messages) {
      expect(message).to.not.equal('nothing thrown');
      expect(message.length, message.slice(0, 80)).to.be.below(250);
    }
  });

  it('keeps the desk’s own refusals short too (a megabyte dial number)', async () => {
    const { run, desk } = deskRig();
    await run('cc-sign-in-request', { accessToken: 't' });
    await run('cc-station-login-request', { teamId: 'team-support', loginOption: 'EXTENSION', dialNumber: `1${'2'.repeat(999_999)}` });
    const error = desk.state.errors['cc-station-login-request'];
    expect(error.code).to.equal('invalid-dial-number');
    expect(error.message.length).to.be.below(250);
  });
});

describe('simulator: bad input at its other controls', () => {
  it('refuses timings and capacities that are not what they say', () => {
    for (const options of [
      { timing: { ringMs: Number.NaN } },
      { timing: { reconnectMs: -1 } },
      { timing: { tokenLifetimeMs: '12h' as never } },
      { capacity: { chat: -1 } },
      { capacity: { telephony: 1.5 } },
    ]) {
      expect(thrown(() => new SimulatorServer(options))?.code, JSON.stringify(options)).to.equal('invalid-request');
    }
    expect(thrown(() => new SimulatorServer({ timing: { ringMs: 2 ** 40 }, capacity: { chat: 0 } }))).to.equal(null);
  });

  it('refuses made-up states, codes, delays and task ids with invalid-request, changing nothing', async () => {
    const { run, server, desk } = deskRig();
    await readyAgent(run);
    const before = { agent: server.agent, up: server.networkUp, timers: server.timerNames };
    const calls: Array<[string, () => unknown]> = [
      ['supervisorSetState Busy', () => server.supervisorSetState('Busy' as never)],
      ['supervisorSetState unknown code', () => server.supervisorSetState('Idle', 'idle-made-up')],
      ['dropConnection -1', () => server.dropConnection(-1)],
      ['dropConnection NaN', () => server.dropConnection(Number.NaN)],
      ['dropConnection text', () => server.dropConnection('5' as never)],
      ['expireToken NaN', () => server.expireToken(Number.NaN)],
      ['expireToken Infinity', () => server.expireToken(Number.POSITIVE_INFINITY)],
      ['customerHangup 5', () => server.customerHangup(5 as never)],
    ];
    for (const [what, call] of calls) expect(thrown(call)?.code, what).to.equal('invalid-request');
    expect({ agent: server.agent, up: server.networkUp, timers: server.timerNames }).to.deep.equal(before);
    expect(desk.state.session.expired).to.equal(false);
    // The good calls still work.
    server.supervisorSetState('Idle', 'idle-lunch');
    expect(server.agent?.auxCodeId).to.equal('idle-lunch');
    server.dropConnection(null);
    expect(server.networkUp).to.equal(false);
  });
});
