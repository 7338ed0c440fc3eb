import { expect } from '@open-wc/testing';
import { ManualClock } from '../../../src/core/clock.js';
import { CcError, ERROR_CODES } from '../../../src/core/errors.js';
import { SimulatorBackend } from '../../../src/backends/simulator/backend.js';
import { FAULT_CODES, SIMULATOR_ACTIONS, SimulatorServer, type Fault } from '../../../src/backends/simulator/server.js';
import * as kit from '../../../index.js';

/** `failNext` arms only faults that can fire: a real action name and one of the kit's error codes. */

async function readyBackend() {
  const server = new SimulatorServer({ clock: new ManualClock() });
  const backend = new SimulatorBackend({ server });
  await backend.connect({ accessToken: 't' });
  await backend.register();
  await backend.stationLogin({ teamId: 'team-support', loginOption: 'BROWSER' });
  await backend.setAgentState({ state: 'Available', auxCodeId: '0' });
  server.offer({ mediaType: 'telephony' });
  const taskId = server.tasks[0].id;
  await backend.accept(taskId);
  return { server, backend, taskId };
}

function refusal(run: () => void): CcError {
  try {
    run();
  } catch (err) {
    return err as CcError;
  }
  throw new Error('failNext accepted it');
}

describe('simulator: failNext', () => {
  it('refuses an action the simulator does not have ("mute"), naming the real ones, and arms nothing', async () => {
    const { server, backend, taskId } = await readyBackend();
    const err = refusal(() => server.failNext({ action: 'mute', code: 'rejected', message: 'x' } as unknown as Fault));
    expect(err).to.be.instanceOf(CcError);
    expect(err.code).to.equal('invalid-request');
    expect(err.message).to.contain('"mute" is not an action of the simulator');
    expect(err.message).to.contain('toggleMute');
    // Nothing was armed: the next action of any kind goes through.
    await backend.toggleMute(taskId);
    expect(server.task(taskId).muted).to.equal(true);
  });

  it('refuses a made-up error code, naming the real ones', () => {
    const server = new SimulatorServer({ clock: new ManualClock() });
    const err = refusal(() => server.failNext({ action: 'hold', code: 'oops', message: 'x' } as unknown as Fault));
    expect(err.code).to.equal('invalid-request');
    expect(err.message).to.contain('"oops" is not an error code');
    expect(err.message).to.contain('backend-error');
  });

  it('refuses a fault with no message (the agent would see an empty error)', () => {
    const server = new SimulatorServer({ clock: new ManualClock() });
    expect(refusal(() => server.failNext({ action: 'hold', code: 'rejected', message: ' ' })).code).to.equal('invalid-request');
  });

  it('toggleMute armed: the next mute fails with that code and message, and only that action', async () => {
    const { server, backend, taskId } = await readyBackend();
    server.failNext({ action: 'toggleMute', code: 'rejected', message: 'Mute is locked.' });
    await backend.hold(taskId);
    await backend.resume(taskId);
    const err = await backend.toggleMute(taskId).then(
      () => null,
      (e: CcError) => e,
    );
    expect(err?.code).to.equal('rejected');
    expect(err?.message).to.equal('Mute is locked.');
    expect(err?.action).to.equal('toggleMute');
    expect(server.task(taskId).muted).to.equal(false);
  });

  it('every listed action can be made to fail (each is one the backend really checks)', async () => {
    // Each action, armed alone, is refused when the backend runs it: a name that no code path checks would stay armed.
    const { server, backend, taskId } = await readyBackend();
    const calls: Partial<Record<(typeof SIMULATOR_ACTIONS)[number], () => Promise<unknown>>> = {
      hold: () => backend.hold(taskId),
      toggleMute: () => backend.toggleMute(taskId),
      pauseRecording: () => backend.pauseRecording(taskId),
      end: () => backend.end(taskId),
      destinations: () => backend.destinations('agent'),
      setAgentState: () => backend.setAgentState({ state: 'Idle', auxCodeId: 'idle-break' }),
      uploadLogs: () => backend.uploadLogs(),
      deregister: () => backend.deregister(),
    };
    for (const [action, call] of Object.entries(calls)) {
      server.failNext({ action: action as (typeof SIMULATOR_ACTIONS)[number], code: 'backend-error', message: `no ${action}` });
      const err = await call().then(() => null, (e: CcError) => e);
      expect(err?.message, action).to.equal(`no ${action}`);
    }
    expect(SIMULATOR_ACTIONS).to.include.members(Object.keys(calls));
  });

  it('the lists are exported from the package for hosts and the sample page', () => {
    expect(kit.SIMULATOR_ACTIONS).to.equal(SIMULATOR_ACTIONS);
    expect(kit.FAULT_CODES).to.deep.equal([...ERROR_CODES]);
    expect(FAULT_CODES).to.include('rejected');
  });
});
