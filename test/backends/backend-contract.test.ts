import { expect } from '@open-wc/testing';
import { backendContract, WEBEX_PROFILE, type ContractDrive } from '../../testing/backend-contract.js';
import { ManualClock } from '../../src/core/clock.js';
import { SimulatorServer } from '../../src/backends/simulator/server.js';
import { SimulatorBackend } from '../../src/backends/simulator/backend.js';
import { WebexBackend } from '../../src/backends/webex/backend.js';
import type { WebexInstance } from '../../src/backends/webex/sdk.js';
import { WebexDouble } from '../webex-double.js';

backendContract('simulator', () => {
  const clock = new ManualClock();
  const server = new SimulatorServer({ clock });
  const backend = new SimulatorBackend({ server });
  const drive: ContractDrive = {
    ...WEBEX_PROFILE,
    offer: (mediaType) => server.offer({ mediaType }),
    rona: () => clock.advance(server.timing.ringMs),
    answerConsult: () => clock.advance(server.timing.consultAnswerMs),
    hangup: (id) => server.customerHangup(id),
    supervisorState: (state, auxCodeId) => server.supervisorSetState(state, auxCodeId),
    remoteLogout: () => server.remoteLogout(),
    dropConnection: () => server.dropConnection(null),
    restoreConnection: () => server.restoreConnection(),
    failNext: (action, message) => server.failNext({ action, code: 'rejected', message }),
    dispose: () => server.dispose(),
  };
  return { backend, drive };
});

backendContract('webex (test double of webex.cc)', () => {
  const double = new WebexDouble();
  const backend = new WebexBackend({ webex: double.webex as unknown as WebexInstance, readyTimeoutMs: 2000 });
  const drive: ContractDrive = {
    ...WEBEX_PROFILE,
    offer: (mediaType) => void double.offer({ mediaType }),
    rona: (id) => double.rona(id),
    answerConsult: (id) => double.answerConsult(id),
    hangup: (id) => double.hangup(id),
    supervisorState: (state, auxCodeId) => double.supervisorState(state, auxCodeId),
    remoteLogout: () => double.remoteLogout(),
    dropConnection: () => double.dropConnection(),
    restoreConnection: () => double.restoreConnection(),
    failNext: (action, message) => double.failNext(action, 'refuse', message),
    // The backend has been disposed by now: nothing of it may still listen to the SDK or its tasks.
    dispose: () => expect(double.listenerCount(), 'listeners left on webex.cc and its tasks').to.equal(0),
  };
  return { backend, drive };
});
