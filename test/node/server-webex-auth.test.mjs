// cc-elements/server: Webex sign-in on the host's server (code flow with state and PKCE, session cookie, token route,
// refresh with rotation, sign-out) and the agent session calls, against a loopback stand-in of Webex.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { browser, listen, loadCompanion, startWebexStandIn } from './server-helpers.mjs';

const server = await loadCompanion();
const HOUR = 3600_000;

/** A stand-in Webex, a companion mounted on node:http, and a clock the test moves. */
async function setup(t, { store, expiresIn = 3600, refreshExpiresIn = 86400 } = {}) {
  const webex = await startWebexStandIn({ expiresIn, refreshExpiresIn });
  const clock = { now: Date.UTC(2026, 10, 27, 9, 0) };
  let handler = (_req, res) => res.end();
  const app = await listen((req, res) => handler(req, res));
  const make = (extra = {}) =>
    server.createWebexAuth({
      clientId: 'client-1',
      clientSecret: 'secret-1',
      redirectUri: `${app.origin}/cc/webex/callback`,
      authorizeUrl: `${webex.origin}/v1/authorize`,
      tokenUrl: `${webex.origin}/v1/access_token`,
      now: () => clock.now,
      store,
      ...extra,
    });
  const auth = make();
  handler = auth.handler;
  t.after(async () => {
    await app.close();
    await webex.close();
  });
  return { webex, app, auth, clock, make, use: (h) => (handler = h) };
}

/** The agent's browser goes through the whole sign-in; returns the browser and the final answer. */
async function signIn(app, b = browser()) {
  const start = await b.fetch(`${app.origin}/cc/webex/login?return=/desk`);
  assert.equal(start.status, 302);
  const consent = await fetch(start.headers.get('location'), { redirect: 'manual' });
  assert.equal(consent.status, 302);
  const callback = consent.headers.get('location');
  const done = await b.fetch(callback);
  return { b, start, callback, done };
}

test('the code flow: state and PKCE (S256) to Webex, the code exchanged with the secret on the server, an opaque HttpOnly Secure SameSite cookie, a token route without the refresh token', async (t) => {
  const { webex, app } = await setup(t);
  const { b, start, done } = await signIn(app);
  const authorize = new URL(start.headers.get('location'));
  const p = authorize.searchParams;
  assert.equal(p.get('response_type'), 'code');
  assert.equal(p.get('client_id'), 'client-1');
  assert.equal(p.get('redirect_uri'), `${app.origin}/cc/webex/callback`);
  assert.equal(p.get('code_challenge_method'), 'S256');
  assert.match(p.get('code_challenge'), /^[A-Za-z0-9_-]{43}$/);
  assert.ok(p.get('state').length >= 40, 'a long random state');
  assert.ok(!start.headers.get('location').includes('secret-1'), 'the secret is not in the URL');
  // The exchange: the stand-in checked the verifier against the challenge and the secret.
  const exchange = webex.seen.tokenCalls[0];
  assert.equal(exchange.grant_type, 'authorization_code');
  assert.equal(exchange.client_secret, 'secret-1');
  assert.ok(exchange.code_verifier);
  assert.equal(done.status, 302);
  assert.equal(done.headers.get('location'), '/desk');
  const session = b.jar.get('cc_session');
  assert.match(session, /^[A-Za-z0-9_-]{43}$/);
  const attrs = b.attrs.get('cc_session');
  for (const a of ['HttpOnly', 'Secure', 'SameSite=Lax', 'Path=/']) assert.ok(attrs.includes(a), `cookie has ${a}`);
  const { access, refresh } = webex.seen.issued[0];
  assert.ok(!session.includes(access) && !access.includes(session), 'the cookie is not the token');
  const token = await b.fetch(`${app.origin}/cc/webex/token`);
  assert.equal(token.status, 200);
  assert.equal(token.headers.get('cache-control'), 'no-store');
  const text = await token.text();
  assert.deepEqual(JSON.parse(text), { accessToken: access, expiresAt: Date.UTC(2026, 10, 27, 10, 0), expiresIn: 3600 });
  assert.ok(!text.includes(refresh) && !text.includes('secret-1'));
});

test('a forged state, a replayed state and a state from another browser are refused, and no session is made', async (t) => {
  const { webex, app } = await setup(t);
  const forged = browser();
  const bad = await forged.fetch(`${app.origin}/cc/webex/callback?code=x&state=forged-state-value`);
  assert.equal(bad.status, 400);
  assert.match(await bad.text(), /not valid/);
  assert.equal(forged.jar.get('cc_session'), undefined);

  // Replay: the same callback URL a second time (the state is single use), even from the same browser.
  const { b, callback, done } = await signIn(app);
  assert.equal(done.status, 302);
  const calls = webex.seen.tokenCalls.length;
  b.jar.set('cc_oauth_state', new URL(callback).searchParams.get('state'));
  const replay = await b.fetch(callback);
  assert.equal(replay.status, 400);
  assert.equal(webex.seen.tokenCalls.length, calls, 'no second exchange');

  // Login CSRF: a sign-in started in one browser, finished in another (no state cookie there).
  const victim = browser();
  const attacker = browser();
  const start = await attacker.fetch(`${app.origin}/cc/webex/login`);
  const consent = await fetch(start.headers.get('location'), { redirect: 'manual' });
  const planted = await victim.fetch(consent.headers.get('location'));
  assert.equal(planted.status, 400);
  assert.equal(victim.jar.get('cc_session'), undefined);
});

test('the token is refreshed before it expires, the rotated refresh token is saved at once and used next time', async (t) => {
  const writes = [];
  const records = new Map();
  const store = {
    get: async (k) => records.get(k),
    set: async (k, r) => {
      writes.push(r);
      records.set(k, r);
    },
    delete: async (k) => void records.delete(k),
  };
  const { webex, app, clock } = await setup(t, { store });
  const { b } = await signIn(app);
  const first = await (await b.fetch(`${app.origin}/cc/webex/token`)).json();
  // Eleven minutes before expiry: still the same token, no call to Webex.
  clock.now += HOUR - 11 * 60_000;
  assert.equal((await (await b.fetch(`${app.origin}/cc/webex/token`)).json()).accessToken, first.accessToken);
  assert.equal(webex.seen.tokenCalls.filter((c) => c.grant_type === 'refresh_token').length, 0);
  // Nine minutes before expiry (inside the 10-minute margin): renewed.
  clock.now += 2 * 60_000;
  const second = await (await b.fetch(`${app.origin}/cc/webex/token`)).json();
  assert.notEqual(second.accessToken, first.accessToken);
  assert.equal(second.accessToken, webex.seen.issued[1].access);
  assert.equal(second.expiresIn, 3600);
  const refreshes = webex.seen.tokenCalls.filter((c) => c.grant_type === 'refresh_token');
  assert.equal(refreshes.length, 1);
  assert.equal(refreshes[0].refresh_token, webex.seen.issued[0].refresh);
  // Saved in one write: the new access token with the rotated refresh token.
  assert.equal(writes.at(-1).accessToken, webex.seen.issued[1].access);
  assert.equal(writes.at(-1).refreshToken, webex.seen.issued[1].refresh);
  // The next renewal spends the rotated token (the stand-in refuses a used one).
  clock.now += HOUR;
  const third = await b.fetch(`${app.origin}/cc/webex/token`);
  assert.equal(third.status, 200);
  assert.equal(webex.seen.tokenCalls.at(-1).refresh_token, webex.seen.issued[1].refresh);
});

test('a file store keeps the session over a server restart, rewritten atomically with each rotation', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'cc-store-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'sessions.json');
  const { webex, app, clock, make, use } = await setup(t, { store: server.fileStore(file) });
  const { b } = await signIn(app);
  clock.now += HOUR;
  assert.equal((await b.fetch(`${app.origin}/cc/webex/token`)).status, 200);
  const saved = JSON.stringify(JSON.parse(readFileSync(file, 'utf8')));
  assert.ok(saved.includes(webex.seen.issued[1].refresh) && !saved.includes(webex.seen.issued[0].refresh));
  assert.ok(!saved.includes(b.jar.get('cc_session')), 'the file is keyed by a hash of the cookie, not the cookie');
  // "Restart": a new companion reading the same file serves the same browser.
  use(make({ store: server.fileStore(file) }).handler);
  const after = await b.fetch(`${app.origin}/cc/webex/token`);
  assert.equal(after.status, 200);
  assert.equal((await after.json()).accessToken, webex.seen.issued[1].access);
});

test('concurrent requests for a due token share one refresh', async (t) => {
  const { webex, app, auth, clock } = await setup(t);
  const { b } = await signIn(app);
  const id = b.jar.get('cc_session');
  clock.now += HOUR;
  let release;
  webex.state.gate = new Promise((resolve) => (release = resolve));
  const inProcess = Array.from({ length: 5 }, () => auth.token(id));
  const overHttp = Array.from({ length: 3 }, () => b.fetch(`${app.origin}/cc/webex/token`).then((r) => r.json()));
  // Let every request reach the companion before Webex answers.
  while (webex.seen.tokenCalls.filter((c) => c.grant_type === 'refresh_token').length === 0) await new Promise((r) => setImmediate(r));
  await new Promise((r) => setTimeout(r, 50));
  release();
  const tokens = [...(await Promise.all(inProcess)), ...(await Promise.all(overHttp))].map((x) => x.accessToken);
  assert.equal(new Set(tokens).size, 1);
  assert.equal(tokens[0], webex.seen.issued[1].access);
  assert.equal(webex.seen.tokenCalls.filter((c) => c.grant_type === 'refresh_token').length, 1);
});

test('a revoked or expired refresh token ends the session with a 401 that says why and where to sign in', async (t) => {
  const { webex, app, clock } = await setup(t);
  const { b } = await signIn(app);
  webex.revokeAll();
  clock.now += HOUR;
  const gone = await b.fetch(`${app.origin}/cc/webex/token`);
  assert.equal(gone.status, 401);
  const body = await gone.json();
  assert.equal(body.error, 'session-ended');
  assert.equal(body.reason, 'refresh-rejected');
  assert.equal(body.signIn, '/cc/webex/login');
  assert.match(body.message, /Sign in again/);
  assert.equal(b.jar.get('cc_session'), undefined, 'the cookie is cleared');

  // Expired by its lifetime: no call to Webex at all.
  const second = await signIn(app);
  const calls = webex.seen.tokenCalls.length;
  clock.now += 86400_000;
  const expired = await second.b.fetch(`${app.origin}/cc/webex/token`);
  assert.equal(expired.status, 401);
  assert.equal((await expired.json()).reason, 'refresh-expired');
  assert.equal(webex.seen.tokenCalls.length, calls);
  // Without a cookie: not signed in.
  const none = await fetch(`${app.origin}/cc/webex/token`);
  assert.equal(none.status, 401);
  assert.equal((await none.json()).error, 'no-session');
});

test('Webex unreachable during a refresh: the current token serves while it lasts, the session stays', async (t) => {
  const { webex, app, clock } = await setup(t);
  const { b } = await signIn(app);
  const first = await (await b.fetch(`${app.origin}/cc/webex/token`)).json();
  await webex.close();
  clock.now += HOUR - 60_000;
  const still = await b.fetch(`${app.origin}/cc/webex/token`);
  assert.equal(still.status, 200);
  assert.equal((await still.json()).accessToken, first.accessToken);
  clock.now += 120_000;
  const expired = await b.fetch(`${app.origin}/cc/webex/token`);
  assert.equal(expired.status, 502);
  assert.equal((await expired.json()).reason, 'unreachable');
  assert.ok(b.jar.get('cc_session'), 'the session is kept for a later try');
});

test('sign-out forgets the tokens, clears the cookie, says it could not revoke; only by POST', async (t) => {
  const { app } = await setup(t);
  const { b } = await signIn(app);
  const id = b.jar.get('cc_session');
  assert.equal((await b.fetch(`${app.origin}/cc/webex/logout`)).status, 405);
  const out = await b.fetch(`${app.origin}/cc/webex/logout`, { method: 'POST' });
  assert.equal(out.status, 200);
  const body = await out.json();
  assert.equal(body.signedOut, true);
  assert.equal(body.revoked, false);
  assert.match(body.message, /forgot/);
  assert.equal(b.jar.get('cc_session'), undefined);
  // Even with the old cookie, the tokens are gone.
  const old = await fetch(`${app.origin}/cc/webex/token`, { headers: { cookie: `cc_session=${id}` } });
  assert.equal(old.status, 401);
});

test('sign-out with a revoke hook revokes the tokens it forgets', async (t) => {
  const revoked = [];
  const { app, make, use, webex } = await setup(t);
  use(make({ revoke: async (record) => void revoked.push(record.refreshToken) }).handler);
  const { b } = await signIn(app);
  const id = b.jar.get('cc_session');
  const out = await b.fetch(`${app.origin}/cc/webex/logout`, { method: 'POST' });
  assert.equal((await out.json()).revoked, true);
  assert.deepEqual(revoked, [webex.seen.issued[0].refresh]);
  const again = await fetch(`${app.origin}/cc/webex/token`, { headers: { cookie: `cc_session=${id}` } });
  assert.equal(again.status, 401);
});

test('agent login and logout: the region picks the gateway; a 401 refreshes the token and retries once, and only once', async (t) => {
  assert.equal(server.webexApiBase('eu1'), 'https://api.wxcc-eu1.cisco.com');
  assert.throws(() => server.webexApiBase('mars1'), /Unknown Webex Contact Center region/);
  const { webex, app, auth } = await setup(t);
  const { b } = await signIn(app);
  const source = auth.tokenSource(b.jar.get('cc_session'));
  const calls = server.createWebexAgentCalls({ apiBase: webex.origin });
  const login = await calls.login(source, { dialNumber: '+15550100', teamId: 'team-1' });
  assert.equal(login.accepted, true);
  assert.deepEqual(webex.seen.agent[0].body, { dialNumber: '+15550100', teamId: 'team-1', isExtension: false, roles: ['agent'], deviceType: 'AGENT_DN', deviceId: '+15550100' });

  // Webex stops accepting the token early: one refresh, one retry, accepted.
  webex.invalidateAccess(webex.seen.issued[0].access);
  const out = await calls.logout(source, { logoutReason: 'End of shift', agentId: 'agent-1' });
  assert.equal(out.accepted, true);
  const logouts = webex.seen.agent.filter((a) => a.path === '/v1/agents/logout');
  assert.deepEqual(logouts.map((a) => a.method), ['PUT', 'PUT']);
  assert.equal(logouts[0].authorization, `Bearer ${webex.seen.issued[0].access}`);
  assert.equal(logouts[1].authorization, `Bearer ${webex.seen.issued[1].access}`);
  assert.deepEqual(logouts[1].body, { logoutReason: 'End of shift', agentId: 'agent-1' });

  // Still 401 after the refresh: an error, after exactly one retry and one refresh.
  webex.state.rejectAll = true;
  const before = { agent: webex.seen.agent.length, refresh: webex.seen.tokenCalls.length };
  await assert.rejects(calls.logout(source, { logoutReason: 'x' }), (err) => err.status === 401 && err.reason === 'unauthorized');
  assert.equal(webex.seen.agent.length - before.agent, 2);
  assert.equal(webex.seen.tokenCalls.length - before.refresh, 1);
});

test('two calls refused with the same stale token at once: one refresh, both retried with the new token', async (t) => {
  const { webex, app, auth } = await setup(t);
  const { b } = await signIn(app);
  const source = auth.tokenSource(b.jar.get('cc_session'));
  const calls = server.createWebexAgentCalls({ apiBase: webex.origin });
  webex.invalidateAccess(webex.seen.issued[0].access);
  const [first, second] = await Promise.all([
    calls.logout(source, { logoutReason: 'a', agentId: 'agent-1' }),
    calls.logout(source, { logoutReason: 'b', agentId: 'agent-2' }),
  ]);
  assert.equal(first.accepted && second.accepted, true);
  assert.equal(webex.seen.tokenCalls.filter((c) => c.grant_type === 'refresh_token').length, 1);
  const retried = webex.seen.agent.filter((a) => a.authorization === `Bearer ${webex.seen.issued[1].access}`);
  assert.deepEqual(retried.map((a) => a.body.logoutReason).sort(), ['a', 'b']);
  // A call that arrives later with the already-replaced token does not refresh again.
  assert.equal((await auth.token(b.jar.get('cc_session'), { rejected: webex.seen.issued[0].access })).accessToken, webex.seen.issued[1].access);
  assert.equal(webex.seen.tokenCalls.filter((c) => c.grant_type === 'refresh_token').length, 1);
});
