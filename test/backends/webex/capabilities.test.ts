// The Webex backend sends what it can do as a `capabilities` event once the profile says (outdial follows the
// tenant's and the agent's settings), and the desk refuses an outbound call it cannot make, unasked.
import { expect } from '@open-wc/testing';
import { WebexBackend } from '../../../src/backends/webex/backend.js';
import type { WebexInstance } from '../../../src/backends/webex/sdk.js';
import { deskOn } from '../../../testing/desk.js';
import { WebexDouble } from '../../webex-double.js';

async function signedIn(profile: Record<string, unknown> = {}) {
  const double = new WebexDouble({ profile });
  const backend = new WebexBackend({ webex: double.webex as unknown as WebexInstance, readyTimeoutMs: 1000 });
  const rig = deskOn(backend);
  await rig.run('cc-sign-in-request', {});
  await rig.run('cc-station-login-request', { teamId: 'team-support', loginOption: 'BROWSER' });
  return { ...rig, double, backend };
}

describe('webex: capabilities as events', () => {
  it('an agent without outbound calls: the event after the profile turns outdial off, and the desk refuses it unasked', async () => {
    const r = await signedIn({ isOutboundEnabledForAgent: false });
    const types = r.events.map((e) => e.type);
    expect(types.indexOf('capabilities')).to.be.greaterThan(types.indexOf('registered'));
    const sent = r.events.find((e) => e.type === 'capabilities');
    expect(sent && 'capabilities' in sent && sent.capabilities.outdial).to.equal(false);
    expect(r.desk.state.capabilities?.outdial).to.equal(false);
    await r.run('cc-outdial-request', { number: '+442071838750' });
    const error = r.outcomes.find((e) => e.type === 'cc-error');
    expect(error?.detail).to.deep.include({ action: 'outdial', code: 'unsupported' });
    expect(r.double.cc.calls.some((c) => c.method === 'startOutdial')).to.equal(false);
    r.backend.dispose();
  });

  it('an agent with outbound calls: nothing to change, so no event; outdial stays on', async () => {
    const r = await signedIn();
    expect(r.events.some((e) => e.type === 'capabilities')).to.equal(false);
    expect(r.desk.state.capabilities?.outdial).to.equal(true);
    r.backend.dispose();
  });
});
