/**
 * `<cc-sdk>`'s lifecycle and its guard against bad values from the page: bad attributes are ignored with one
 * warning and rebuild nothing; a bad `backend` is refused before the working session is touched; removing the
 * element and putting it back within the release delay keeps the session; a real removal releases every timer
 * and announces nothing; a backend change announces `cc-signed-out` (`backend-changed`) and no task end.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sdkFixture, detailsOf, recordOutcomes, until } from '../../helpers.js';
import { deepQueryAll, visibleText } from '../../page-helpers.js';
import type { CcSdk } from '../../../components/cc-sdk/cc-sdk.js';
import { SimulatorBackend } from '../../../src/backends/simulator/backend.js';
import { SimulatorServer } from '../../../src/backends/simulator/server.js';

async function onACall(sdk: CcSdk) {
  await sdk.request('cc-sign-in-request', { accessToken: 'token' });
  await sdk.request('cc-station-login-request', { teamId: 'team-support', loginOption: 'BROWSER' });
  await sdk.request('cc-agent-state-request', { state: 'Available', auxCodeId: '0' });
  sdk.simulator!.offer({ ani: '+14155550142' });
  await until(() => sdk.state.tasks.length === 1, 3000, 'the offer');
  await sdk.request('cc-task-accept-request', { taskId: sdk.state.tasks[0].id });
  expect(sdk.state.tasks[0].state).to.equal('connected');
  return sdk.state.tasks[0].id;
}

/** The buttons a user sees in the task panel, by their text. */
const panelButtons = (root: ParentNode) =>
  deepQueryAll<HTMLButtonElement>('button', root.querySelector('cc-task-panel')!.shadowRoot!).map((b) => visibleText(b));

const frame = () => new Promise((r) => setTimeout(r, 30));

/** Records console.warn calls while `run` runs. */
async function warningsDuring(run: () => Promise<void>): Promise<string[]> {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  try {
    await run();
  } finally {
    console.warn = original;
  }
  return warnings;
}

describe('<cc-sdk> bad attribute values', () => {
  it('ignores latency="abc" with one warning: no rebuild, the agent stays signed in on the call', async () => {
    const { sdk, backend, events } = await sdkFixture(html`<cc-sdk><cc-task-panel></cc-task-panel></cc-sdk>`);
    const taskId = await onACall(sdk);
    const warnings = await warningsDuring(async () => {
      sdk.setAttribute('latency', 'abc');
      await sdk.updateComplete;
      // Later updates of any kind must not treat the bad value as a change.
      sdk.setAttribute('latency', 'abc');
      sdk.persist = '';
      sdk.requestUpdate();
      await sdk.updateComplete;
      sdk.scenario = '';
      sdk.requestUpdate();
      await sdk.updateComplete;
      await frame();
    });
    expect(warnings.filter((w) => w.includes('latency="abc"'))).to.have.length(1);
    expect(warnings[0]).to.contain('ignored');
    expect(sdk.latency).to.equal(0);
    expect(sdk.desk.backend).to.equal(backend);
    expect(events.map((e) => e.type)).to.not.include.members(['cc-signed-out', 'cc-task-end']);
    expect(sdk.state.session.status).to.equal('signed-in');
    expect(sdk.state.tasks.map((t) => t.id)).to.deep.equal([taskId]);
    expect(panelButtons(sdk)).to.include('Hold');
  });

  for (const bad of ['-5', 'Infinity', '', '1e400']) {
    it(`ignores latency="${bad}" and release-delay="${bad}" likewise`, async () => {
      const { sdk, backend, events } = await sdkFixture();
      await onACall(sdk);
      const warnings = await warningsDuring(async () => {
        sdk.setAttribute('latency', bad);
        sdk.setAttribute('release-delay', bad);
        await sdk.updateComplete;
        await frame();
      });
      expect(warnings.filter((w) => w.includes(`latency="${bad}"`)).length).to.be.at.most(1);
      expect(sdk.latency).to.equal(0);
      expect(sdk.releaseDelay).to.equal(1000);
      expect(sdk.desk.backend).to.equal(backend);
      expect(events.map((e) => e.type)).to.not.include.members(['cc-signed-out', 'cc-task-end']);
    });
  }

  it('takes a good latency value given as an attribute (a new simulator with that latency)', async () => {
    const sdk = await fixture<CcSdk>(html`<cc-sdk latency="40"></cc-sdk>`);
    await until(() => sdk.desk.backend, 3000, 'the simulator');
    expect(sdk.latency).to.equal(40);
    expect((sdk.desk.backend as SimulatorBackend).latencyMs).to.equal(40);
  });
});

describe('<cc-sdk> a bad backend value', () => {
  const bads: [string, unknown][] = [
    ['42', 42],
    ['{}', {}],
    ['a function', () => undefined],
    ['null', null],
    ["''", ''],
    ['an object with only a name', { name: 'fake' }],
  ];
  for (const [label, value] of bads) {
    it(`refuses ${label} with cc-error unknown-backend before touching the working session`, async () => {
      const { sdk, backend, server, events } = await sdkFixture(html`<cc-sdk><cc-task-panel></cc-task-panel></cc-sdk>`);
      const taskId = await onACall(sdk);
      const heard = recordOutcomes(sdk);
      (sdk as unknown as { backend: unknown }).backend = value;
      await sdk.updateComplete;
      await frame();
      const errors = detailsOf(heard, 'cc-error');
      expect(errors).to.have.length(1);
      expect(errors[0]).to.include({ code: 'unknown-backend', action: 'backend' });
      expect(errors[0].message).to.match(/not a backend/);
      // Nothing happened to the session: no end, no sign-out, the same backend, the call still controllable.
      expect(heard.map((e) => e.type)).to.deep.equal(['cc-error']);
      expect(events.map((e) => e.type)).to.not.include.members(['cc-signed-out', 'cc-task-end']);
      expect(sdk.desk.backend).to.equal(backend);
      expect(sdk.backend).to.equal(backend);
      expect(sdk.state.tasks.map((t) => `${t.id}:${t.state}`)).to.deep.equal([`${taskId}:connected`]);
      expect(panelButtons(sdk)).to.include('Hold');
      await sdk.request('cc-task-hold-request', { taskId });
      expect(server.tasks[0].held).to.equal(true);
    });
  }
});

describe('<cc-sdk> removed and put back', () => {
  it('keeps the session when put back within the release delay: nothing is announced, the call carries on', async () => {
    const { sdk, backend, server, events } = await sdkFixture(html`<cc-sdk><cc-task-panel></cc-task-panel></cc-sdk>`);
    const taskId = await onACall(sdk);
    const heard = recordOutcomes(sdk);
    const parent = sdk.parentElement!;
    sdk.remove();
    await new Promise((r) => setTimeout(r, 50));
    parent.append(sdk);
    await new Promise((r) => setTimeout(r, sdk.releaseDelay + 100));
    expect(heard.map((e) => e.type)).to.deep.equal([]);
    expect(events.map((e) => e.type)).to.not.include.members(['cc-signed-out', 'cc-task-end']);
    expect(sdk.desk.backend).to.equal(backend);
    expect(sdk.state.tasks.map((t) => `${t.id}:${t.state}`)).to.deep.equal([`${taskId}:connected`]);
    await sdk.updateComplete;
    expect(panelButtons(sdk)).to.include('Hold');
    await sdk.request('cc-task-end-request', { taskId });
    expect(server.tasks[0].state).to.equal('wrapup');
    expect(detailsOf(heard, 'cc-task-end').map((d) => d.task.id)).to.deep.equal([taskId]);
  });

  it('releases the backend after the release delay and announces nothing that did not happen', async () => {
    const { sdk, events } = await sdkFixture(html`<cc-sdk release-delay="80"></cc-sdk>`);
    await onACall(sdk);
    const count = events.length;
    sdk.remove();
    await new Promise((r) => setTimeout(r, 40));
    expect(sdk.desk.backend, 'still held during the delay').to.not.equal(null);
    await until(() => sdk.desk.backend === null, 2000, 'the release');
    await frame();
    expect(events.slice(count).map((e) => e.type)).to.deep.equal([]);
    expect(sdk.desk.store.listenerCount).to.equal(0);
  });

  it('30 desks on the simulator by name, each mid-call with an offer ringing, leave no timer running once removed', async function () {
    this.timeout(20000);
    // Every timer the page sets from now on, and whether it is still pending.
    const pending = new Map<unknown, number>();
    const realSet = window.setTimeout;
    const realClear = window.clearTimeout;
    window.setTimeout = ((fn: TimerHandler, ms?: number, ...rest: unknown[]) => {
      const handle: number = realSet(
        (...args: unknown[]) => {
          pending.delete(handle);
          if (typeof fn === 'function') (fn as (...a: unknown[]) => void)(...args);
        },
        ms,
        ...rest,
      );
      pending.set(handle, ms ?? 0);
      return handle;
    }) as typeof window.setTimeout;
    window.clearTimeout = ((handle?: number) => {
      pending.delete(handle);
      realClear(handle);
    }) as typeof window.clearTimeout;
    const servers: SimulatorServer[] = [];
    try {
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      const desks: CcSdk[] = [];
      for (let i = 0; i < 30; i++) {
        const sdk = document.createElement('cc-sdk') as CcSdk;
        sdk.setAttribute('release-delay', '10');
        host.append(sdk);
        desks.push(sdk);
      }
      for (const sdk of desks) {
        await until(() => sdk.simulator, 5000, 'the simulator');
        await onACall(sdk);
        // A second call rings (its no-answer timer runs) while the first is connected.
        sdk.simulator!.offer({ mediaType: 'chat' });
        servers.push(sdk.simulator!);
      }
      expect(servers.every((s) => s.timerCount > 0), 'each contact center has timers running').to.equal(true);
      const long = () => [...pending.values()].filter((ms) => ms >= 1000).length;
      expect(long(), 'long timers (no-answer, token expiry) before removal').to.be.at.least(30);
      host.remove();
      await until(() => desks.every((d) => d.desk.backend === null), 5000, 'every release');
      expect(servers.map((s) => s.timerCount)).to.deep.equal(new Array(30).fill(0));
      expect(long(), 'long timers left running after removal').to.equal(0);
    } finally {
      window.setTimeout = realSet;
      window.clearTimeout = realClear;
    }
  });

  it('a backend object the page passed in is released (disposed) too, but the page keeps its server', async () => {
    const server = new SimulatorServer();
    const backend = new SimulatorBackend({ server });
    const sdk = await fixture<CcSdk>(html`<cc-sdk release-delay="0"></cc-sdk>`);
    sdk.backend = backend;
    await until(() => sdk.desk.backend === backend, 3000, 'the backend');
    await onACall(sdk);
    sdk.remove();
    await until(() => sdk.desk.backend === null, 2000, 'the release');
    // The page's contact center is the page's: still there, the call still connected in it.
    expect(server.tasks[0].state).to.equal('connected');
    server.dispose();
  });
});

describe('<cc-sdk> backend changed mid-call', () => {
  it('announces cc-signed-out with reason backend-changed and no cc-task-end; the new backend starts signed out', async () => {
    const { sdk, events } = await sdkFixture(html`<cc-sdk><cc-auth></cc-auth><cc-task-panel></cc-task-panel></cc-sdk>`);
    await onACall(sdk);
    const count = events.length;
    const next = new SimulatorBackend({ server: new SimulatorServer() });
    sdk.backend = next;
    await until(() => sdk.desk.backend === next, 3000, 'the new backend');
    await frame();
    const after = events.slice(count);
    expect(after.map((e) => e.type)).to.deep.equal(['cc-signed-out']);
    expect(detailsOf(after, 'cc-signed-out')[0].reason).to.equal('backend-changed');
    expect(sdk.state.tasks).to.deep.equal([]);
    // What the agent sees: the sign-in form again.
    const auth = sdk.querySelector('cc-auth')!;
    await (auth as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(visibleText(auth)).to.match(/sign in/i);
    next.server.dispose();
  });

  it('a backend change while signed out announces nothing', async () => {
    const { sdk, events } = await sdkFixture();
    const next = new SimulatorBackend({ server: new SimulatorServer() });
    sdk.backend = next;
    await until(() => sdk.desk.backend === next, 3000, 'the new backend');
    await frame();
    expect(events.map((e) => e.type)).to.deep.equal([]);
    next.server.dispose();
  });
});
