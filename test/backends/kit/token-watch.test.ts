import { expect } from '@open-wc/testing';
import type { BackendEvent } from '../../../src/core/backend.js';
import { ManualClock } from '../../../src/core/clock.js';
import { TokenWatch } from '../../../src/backends/kit/token-watch.js';

describe('kit: TokenWatch', () => {
  it('warns before expiry, says when it expired, and a new watch replaces the old one', () => {
    const clock = new ManualClock();
    const heard: BackendEvent[] = [];
    const watch = new TokenWatch(clock, (e) => heard.push(e));
    const first = clock.now() + 10_000;
    watch.watch(() => first, 2_000);
    clock.advance(8_000);
    expect(heard).to.deep.equal([{ type: 'auth-expiring', expiresAt: first }]);
    // A new sign-in: the old token's timers go.
    const second = clock.now() + 60_000;
    watch.watch(() => second, 2_000);
    expect(clock.pendingTimers).to.equal(1);
    clock.advance(60_000);
    expect(heard.map((e) => e.type)).to.deep.equal(['auth-expiring', 'auth-expiring', 'auth-expired']);
    expect(watch.expired).to.equal(true);
    watch.reset();
    expect(watch.expired).to.equal(false);
    expect(clock.pendingTimers).to.equal(0);
  });

  it('stop() ends the watch: nothing more is said', () => {
    const clock = new ManualClock();
    const heard: BackendEvent[] = [];
    const watch = new TokenWatch(clock, (e) => heard.push(e));
    watch.watch(() => clock.now() + 10_000, 2_000);
    watch.stop();
    clock.advance(60_000);
    expect(heard).to.deep.equal([]);
    expect(clock.pendingTimers).to.equal(0);
  });
});
