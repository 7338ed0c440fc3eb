import { expect } from '@open-wc/testing';
import { flag, isRecord, num, positive, record, text, texts } from '../../../src/backends/kit/coerce.js';

describe('kit: reading untrusted values', () => {
  it('text: trimmed strings and finite numbers; anything else is empty', () => {
    expect(text('  Alex  ')).to.equal('Alex');
    expect(text(42)).to.equal('42');
    for (const bad of [null, undefined, NaN, Infinity, {}, [], true, Symbol('x')]) expect(text(bad)).to.equal('');
  });

  it('num and positive: numbers and numeric strings only', () => {
    expect(num('12.5')).to.equal(12.5);
    expect(num(-3)).to.equal(-3);
    expect(num('')).to.equal(null);
    expect(num('  ')).to.equal(null);
    expect(num('12px')).to.equal(null);
    expect(num(null)).to.equal(null);
    expect(num(true)).to.equal(null);
    expect(num([5])).to.equal(null);
    expect(positive('20')).to.equal(20);
    expect(positive(0)).to.equal(null);
    expect(positive(-1)).to.equal(null);
  });

  it('flag: true and "true" only', () => {
    expect([true, 'true', 'TRUE', 1, 'yes', false, null].map(flag)).to.deep.equal([true, true, false, false, false, false, false]);
  });

  it('records and lists', () => {
    expect(isRecord({})).to.equal(true);
    expect(isRecord([])).to.equal(false);
    expect(isRecord(null)).to.equal(false);
    expect(record('x')).to.deep.equal({});
    expect(record({ a: 1 })).to.deep.equal({ a: 1 });
    expect(texts([' a ', 2, null, ''])).to.deep.equal(['a', '2']);
    expect(texts('a')).to.equal(null);
  });
});
