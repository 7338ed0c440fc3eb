import { expect } from '@open-wc/testing';
import { ManualClock } from '../../../src/core/clock.js';
import { delay, withTimeout } from '../../../src/backends/kit/timeout.js';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('kit: withTimeout on a clock', () => {
  it('rejects with the given error when the clock passes the limit first', async () => {
    const clock = new ManualClock();
    const outcome = withTimeout(clock, new Promise(() => undefined), 1000, () => new Error('too slow')).then(
      () => 'resolved',
      (e: Error) => e.message,
    );
    clock.advance(999);
    await settle();
    let settled = false;
    void outcome.then(() => (settled = true));
    await settle();
    expect(settled).to.equal(false);
    clock.advance(1);
    expect(await outcome).to.equal('too slow');
  });

  it('passes the value or the failure through, and leaves no timer behind', async () => {
    const clock = new ManualClock();
    expect(await withTimeout(clock, Promise.resolve(7), 1000, () => new Error('x'))).to.equal(7);
    const failed = await withTimeout(clock, Promise.reject(new Error('refused')), 1000, () => new Error('x')).catch((e: Error) => e.message);
    expect(failed).to.equal('refused');
    expect(clock.pendingTimers).to.equal(0);
  });

  it('delay resolves when the clock has moved on', async () => {
    const clock = new ManualClock();
    let done = false;
    void delay(clock, 500).then(() => (done = true));
    clock.advance(499);
    await settle();
    expect(done).to.equal(false);
    clock.advance(1);
    await settle();
    expect(done).to.equal(true);
  });
});
