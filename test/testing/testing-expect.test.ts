// The exported contract suite asserts with its own `expect` (testing/expect.ts) so that it needs no test
// library. Each chain it uses must mean what chai's means: here both judge the same values, passing and failing.
import { expect as chai } from '@open-wc/testing';
import { expect as own, ContractAssertionError } from '../../testing/expect.js';

type Expect = (actual: unknown, message?: string) => any; // eslint-disable-line @typescript-eslint/no-explicit-any
const task = { id: 't1', state: 'connected', held: false, consult: null, queue: { name: 'Billing' }, cad: { a: '1' } };

/** [what, actual, the chain applied to expect(actual)] */
const cases: [string, unknown, (e: ReturnType<Expect>) => unknown][] = [
  ['equal, same', 3, (e) => e.to.equal(3)],
  ['equal, other', 3, (e) => e.to.equal(4)],
  ['equal is strict', '3', (e) => e.to.equal(3)],
  ['equal is not deep', { a: 1 }, (e) => e.to.equal({ a: 1 })],
  ['equal undefined', undefined, (e) => e.to.equal(undefined)],
  ['equal undefined, got null', null, (e) => e.to.equal(undefined)],
  ['not.equal', 'x', (e) => e.to.not.equal('')],
  ['not.equal, same', '', (e) => e.to.not.equal('')],
  ['deep.equal objects', { a: [1, { b: 2 }], c: null }, (e) => e.to.deep.equal({ c: null, a: [1, { b: 2 }] })],
  ['deep.equal, one value differs', { a: [1, { b: 2 }] }, (e) => e.to.deep.equal({ a: [1, { b: 3 }] })],
  ['deep.equal, a key more', { a: 1, b: undefined }, (e) => e.to.deep.equal({ a: 1 })],
  ['deep.equal arrays in order', ['a', 'b'], (e) => e.to.deep.equal(['a', 'b'])],
  ['deep.equal arrays, other order', ['a', 'b'], (e) => e.to.deep.equal(['b', 'a'])],
  ['deep.equal array vs object', [], (e) => e.to.deep.equal({})],
  ['deep.equal {}', {}, (e) => e.to.deep.equal({})],
  ['include on an object', task, (e) => e.to.include({ state: 'connected', held: false, consult: null })],
  ['include on an object, one differs', task, (e) => e.to.include({ state: 'connected', held: true })],
  ['include on an object, a missing key', task, (e) => e.to.include({ muted: undefined })],
  ['include on an object is strict', task, (e) => e.to.include({ queue: { name: 'Billing' } })],
  ['deep.include on an object', task, (e) => e.to.deep.include({ queue: { name: 'Billing' }, cad: { a: '1' } })],
  ['deep.include on an object, differs', task, (e) => e.to.deep.include({ queue: { name: 'Sales' } })],
  ['include on undefined', undefined, (e) => e.to.include({ state: 'connected' })],
  ['deep.include on undefined', undefined, (e) => e.to.deep.include({ reason: 'rona' })],
  ['include in an array', ['a', 'b'], (e) => e.to.include('b')],
  ['include in an array, absent', ['a', 'b'], (e) => e.to.include('c')],
  ['not.include in an array', ['a', 'b'], (e) => e.to.not.include('0')],
  ['not.include in an array, present', ['a', '0'], (e) => e.to.not.include('0')],
  ['contain in a string', 'Hold is not allowed right now.', (e) => e.to.contain('not allowed')],
  ['contain in a string, absent', 'Hold is refused.', (e) => e.to.contain('not allowed')],
  ['contain in undefined', undefined, (e) => e.to.contain('x')],
  ['have.members, any order', ['BROWSER', 'AGENT_DN', 'EXTENSION'], (e) => e.to.have.members(['EXTENSION', 'BROWSER', 'AGENT_DN'])],
  ['have.members, one more', ['BROWSER', 'AGENT_DN', 'EXTENSION'], (e) => e.to.have.members(['BROWSER', 'AGENT_DN'])],
  ['have.members, one other', ['BROWSER', 'AGENT_DN'], (e) => e.to.have.members(['BROWSER', 'EXTENSION'])],
  ['include.members, a subset', ['a', 'b', 'c'], (e) => e.to.include.members(['c', 'a'])],
  ['include.members, one absent', ['a', 'b'], (e) => e.to.include.members(['a', 'z'])],
  ['have.length', [1, 2], (e) => e.to.have.length(2)],
  ['have.length, other', [1, 2], (e) => e.to.have.length(1)],
  ['have.length on undefined', undefined, (e) => e.to.have.length(0)],
  ['have.length.at.least', [1, 2], (e) => e.to.have.length.at.least(1)],
  ['have.length.at.least, short', [], (e) => e.to.have.length.at.least(1)],
  ['be.a string and not empty', 'Sam', (e) => e.to.be.a('string').and.not.equal('')],
  ['be.a string and not empty, empty', '', (e) => e.to.be.a('string').and.not.equal('')],
  ['be.a string, a number', 5, (e) => e.to.be.a('string')],
  ['be.a string, undefined', undefined, (e) => e.to.be.a('string').and.not.equal('')],
  ['be.a number', 5, (e) => e.to.be.a('number')],
  ['be.a number, null', null, (e) => e.to.be.a('number')],
  ['be.a number and above', 10, (e) => e.to.be.a('number').and.above(5)],
  ['be.a number and above, equal', 5, (e) => e.to.be.a('number').and.above(5)],
  ['be.above', 1, (e) => e.to.be.above(0)],
  ['be.above, below', 0, (e) => e.to.be.above(0)],
];

describe('the contract suite\'s expect means what chai\'s does', () => {
  for (const [what, actual, chain] of cases) {
    it(what, () => {
      const outcome = (e: Expect) => {
        try {
          chain(e(actual, 'why'));
          return 'passes';
        } catch (error) {
          return error;
        }
      };
      const theirs = outcome(chai as unknown as Expect);
      const ours = outcome(own as unknown as Expect);
      chai(ours === 'passes' ? 'passes' : 'fails', `${what}: chai ${theirs === 'passes' ? 'passes' : 'fails'}`).to.equal(
        theirs === 'passes' ? 'passes' : 'fails',
      );
      if (ours !== 'passes') {
        chai(ours).to.be.instanceOf(ContractAssertionError);
        chai((ours as Error).message).to.match(/^why: expected /);
      }
    });
  }

  it('both sides of the table are exercised (some cases pass, some fail)', () => {
    const verdicts = cases.map(([, actual, chain]) => {
      try {
        chain(own(actual));
        return true;
      } catch {
        return false;
      }
    });
    chai(verdicts.filter(Boolean).length).to.be.above(15);
    chai(verdicts.filter((v) => !v).length).to.be.above(15);
  });
});
