import { expect } from '@open-wc/testing';
import { until } from '../../testing/until.js';

describe('until (cc-elements/testing)', () => {
  it('awaits an async condition: a promise of false is not taken as true', async () => {
    let asked = 0;
    const error = await until(async () => { asked++; return false; }, 60, 'never').then(() => null, (e: Error) => e);
    expect(error?.message).to.equal('Timed out waiting for never');
    expect(asked).to.be.greaterThan(1);
  });

  it('returns once an async condition holds', async () => {
    let n = 0;
    await until(async () => ++n >= 3, 1000, 'three asks');
    expect(n).to.equal(3);
  });
});
