import { expect } from '@open-wc/testing';
import { CcError } from '../../../src/core/errors.js';
import { OptionReader, attributeName } from '../../../src/backends/kit/options.js';

describe('kit: OptionReader (a backend\'s options from <cc-sdk> attributes and properties)', () => {
  it('reads the property name, then its attribute', () => {
    expect(attributeName('readyTimeout')).to.equal('ready-timeout');
    expect(attributeName('customerNameVariable')).to.equal('customer-name-variable');
    const read = new OptionReader('xuc', { 'ready-timeout': '500', clientId: ' abc ', 'client-id': 'ignored' });
    expect(read.positive('readyTimeout')).to.equal(500);
    expect(read.text('clientId')).to.equal('abc');
    expect(read.text('missing')).to.equal(undefined);
    expect(read.problems).to.deep.equal([]);
  });

  it('an unusable value is ignored and said, naming the attribute and the value', () => {
    const read = new OptionReader('webex', { 'ready-timeout': 'soon', requestTimeout: -5, clock: 'manual', loadSdk: 3, server: 7 });
    expect(read.positive('readyTimeout')).to.equal(undefined);
    expect(read.positive('requestTimeout')).to.equal(undefined);
    expect(read.object('clock')).to.equal(undefined);
    expect(read.func('loadSdk')).to.equal(undefined);
    expect(read.text('server')).to.equal(undefined);
    expect(read.problems).to.deep.equal([
      `The webex backend's ready-timeout must be a number above zero; "soon" is ignored.`,
      `The webex backend's request-timeout must be a number above zero; number is ignored.`,
      `The webex backend's clock must be an object (set it as a property); "manual" is ignored.`,
      `The webex backend's load-sdk must be a function (set it as a property); number is ignored.`,
      `The webex backend's server must be text; number is ignored.`,
    ]);
  });

  it('an empty value is simply absent', () => {
    const read = new OptionReader('webex', { 'outdial-ani': '  ', 'ready-timeout': '', scopes: '' });
    expect(read.text('outdialAni')).to.equal(undefined);
    expect(read.positive('readyTimeout')).to.equal(undefined);
    expect(read.list('scopes')).to.equal(undefined);
    expect(read.problems).to.deep.equal([]);
  });

  it('lists and numbers: arrays, or one string split on spaces and commas', () => {
    const read = new OptionReader('x', { scopes: 'a, b  c', other: ['x', '', 'y'], reconnectDelaysMs: '100, 200 abc', 'delays-ms': [5, -1, 'x', 0] });
    expect(read.list('scopes')).to.deep.equal(['a', 'b', 'c']);
    expect(read.list('other')).to.deep.equal(['x', 'y']);
    expect(read.numbers('reconnectDelaysMs')).to.deep.equal([100, 200]);
    expect(read.numbers('delaysMs')).to.deep.equal([5, 0]);
    expect(read.numbers('none')).to.equal(undefined);
  });

  it('a required option that is missing is a CcError that says what to set', () => {
    const read = new OptionReader('xuc', {});
    let error: unknown = null;
    try {
      read.requiredText('server', 'Set the XuC server.');
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(CcError);
    expect((error as CcError).toJSON()).to.deep.equal({ action: 'connect', code: 'invalid-request', message: 'Set the XuC server.' });
    expect(new OptionReader('xuc', { server: 'https://x' }).requiredText('server', 'Set it.')).to.equal('https://x');
  });

  it('objects and functions only as properties, never from an attribute of the same name', () => {
    const fn = () => 1;
    const obj = { a: 1 };
    const read = new OptionReader('x', { config: obj, loadSdk: fn, 'web-socket': 'ws' });
    expect(read.object('config')).to.equal(obj);
    expect(read.func('loadSdk')).to.equal(fn);
    expect(read.func('webSocket')).to.equal(undefined);
    expect(read.problems).to.deep.equal([]);
  });
});
