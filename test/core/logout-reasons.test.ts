/**
 * The kit's own logout reasons and its code for Available: the core asks for `requested`, each backend maps it
 * to its contact center's words, and what the host page hears stays the kit's.
 */
import { expect } from '@open-wc/testing';
import { AVAILABLE_CODE, LOGOUT_REASONS, logoutReasonText } from '../../src/core/types.js';
import { deskRig, detailsOf, readyAgent } from '../helpers.js';

describe("the kit's logout reasons", () => {
  it('are announced in the kit\'s words; a page\'s own reason as it is', () => {
    expect(LOGOUT_REASONS).to.deep.equal(['requested', 'inactivity', 'profile-update']);
    expect(logoutReasonText('requested')).to.equal('User requested logout');
    expect(logoutReasonText()).to.equal('User requested logout');
    expect(logoutReasonText('inactivity')).to.equal('Logged out for inactivity');
    expect(logoutReasonText('Shift over')).to.equal('Shift over');
  });

  it('a station logout asked by the agent is announced as before (the simulator maps the kit reason)', async () => {
    const d = deskRig();
    await readyAgent(d.run);
    const asked: unknown[] = [];
    const original = d.server.stationLogout.bind(d.server);
    d.server.stationLogout = (reason?: string) => {
      asked.push(reason);
      original(reason);
    };
    await d.run('cc-station-logout-request', {});
    expect(asked).to.deep.equal(['User requested logout']);
    expect(detailsOf(d.events, 'cc-station-logout')).to.deep.equal([{ reason: 'User requested logout' }]);
  });

  it("gives Available the kit's public code, in requests and in cc-agent-state-change", async () => {
    const d = deskRig();
    await readyAgent(d.run);
    expect(AVAILABLE_CODE).to.equal('0');
    expect(detailsOf(d.events, 'cc-agent-state-change').at(-1)).to.include({ state: 'Available', auxCodeId: AVAILABLE_CODE });
  });
});
