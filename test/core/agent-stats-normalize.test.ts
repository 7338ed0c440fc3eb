/** The contract's edge for an agent's time in each state (AgentStats.stateSeconds). */
import { expect } from '@open-wc/testing';
import { normalizeEvent } from '../../src/core/normalize.js';
import type { BackendEvent } from '../../src/core/backend.js';

describe('agent statistics: time in each state', () => {
  it("keeps the kit's states with a number of seconds, and drops unknown states and bad numbers", () => {
    const raw = { type: 'agent-stats', stats: { handled: 4, averageHandleSeconds: 120, at: 10, stateSeconds: { Available: '300', Idle: 60, Lunch: 5, RONA: -3, AfterCall: 'x' } } };
    expect(normalizeEvent(raw as unknown as BackendEvent)).to.deep.equal({
      type: 'agent-stats',
      stats: { handled: 4, averageHandleSeconds: 120, at: 10, stateSeconds: { Available: 300, Idle: 60 } },
    });
  });

  it('leaves stateSeconds out when the backend does not know it', () => {
    const raw = { type: 'agent-stats', stats: { handled: 1, averageHandleSeconds: null, at: 1, stateSeconds: 'lots' } };
    expect(normalizeEvent(raw as unknown as BackendEvent)).to.deep.equal({ type: 'agent-stats', stats: { handled: 1, averageHandleSeconds: null, at: 1 } });
  });
});
