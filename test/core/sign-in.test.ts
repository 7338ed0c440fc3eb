/** The one check of a sign-in request against the ways in a backend declares (src/core/sign-in.ts). */
import { expect } from '@open-wc/testing';
import { signInProblem, TOKEN_SIGN_IN } from '../../src/core/sign-in.js';
import { signInFor } from '../../src/backends/registry.js';
import { ALL_CAPABILITIES } from '../../src/core/capabilities.js';

describe('sign-in: requests against the descriptor', () => {
  const xuc = signInFor('xuc');

  it('takes the credentials of a declared way in, and refuses the others in the words of the first way', () => {
    expect(signInProblem({ accessToken: 'tok' }, TOKEN_SIGN_IN, null)).to.equal(null);
    expect(signInProblem({ username: 'alice', password: 'pw' }, TOKEN_SIGN_IN, null)).to.equal('Enter an access token.');
    expect(signInProblem({ username: 'alice', password: 'pw' }, xuc, null)).to.equal(null);
    expect(signInProblem({ username: ' ', password: 'pw' }, xuc, null)).to.equal('Enter your username and password.');
    expect(signInProblem({ oauth: { clientId: 'c', redirectUri: 'https://x.test/' } }, xuc, null)).to.equal('Enter your username and password.');
  });

  it("takes what a backend accepts from scripts only (XuC: a token the page has), though it is not on screen", () => {
    expect(xuc!.methods.map((m) => m.kind)).to.deep.equal(['password']);
    expect(signInProblem({ accessToken: 'xuc-token' }, xuc, null)).to.equal(null);
  });

  it('needs nothing for a server-issued or existing session, or when the page signed the backend in already', () => {
    expect(signInProblem({}, { methods: [{ kind: 'server', label: 'x' }] }, null)).to.equal(null);
    expect(signInProblem({}, signInFor('webex', { webex: {} }), null)).to.equal(null);
    expect(signInProblem({}, signInFor('webex'), null)).to.equal('Enter an access token.');
    expect(signInProblem({}, TOKEN_SIGN_IN, { ...ALL_CAPABILITIES, externalSession: true })).to.equal(null);
  });

  it('without a descriptor (a Desk used on its own), takes any complete credentials', () => {
    expect(signInProblem({ username: 'alice', password: 'pw' }, null, null)).to.equal(null);
    expect(signInProblem({ accessToken: 'tok' }, null, null)).to.equal(null);
    expect(signInProblem({}, null, null)).to.equal('Enter an access token.');
  });

  it('names no contact center in the core: the labels come with each backend', () => {
    expect(signInFor('webex')!.strings!.signInWithWebex).to.equal('Sign in with Webex');
    expect(signInFor('simulator')!.methods.map((m) => m.kind)).to.deep.equal(['token', 'oauth']);
    expect(signInFor('nonesuch')).to.equal(null);
  });
});
