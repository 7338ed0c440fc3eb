// `npm run start:webex-local`: the local Webex cloud, the sample page and the server companion, started together by
// the script.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { startWebexLocal } from '../../scripts/start-webex-local.mjs';
import { startWebexCloud } from '../webex-cloud/server.mjs';
import { GUESSES } from '../webex-cloud/guesses.mjs';
import { browser, loadCompanion } from './server-helpers.mjs';

test('start:webex-local serves the page, points its URL at the running cloud, and makes a call arrive for its tenant', async () => {
  const local = await startWebexLocal({ port: 0, hostname: '127.0.0.1' });
  try {
    const url = new URL(local.url);
    assert.equal(url.pathname, '/demo/');
    assert.equal(url.searchParams.get('backend'), 'webex-local');
    assert.equal(url.searchParams.get('cloud'), local.cloud);
    assert.ok(!local.url.includes(local.token), 'the token is not in the URL');
    const page = await fetch(local.url);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<cc-sdk id="desk"/);
    // The cloud serves the real SDK and accepts the printed token.
    assert.equal((await fetch(`${local.cloud}/sdk/contact-center.min.js`, { method: 'HEAD' })).status, 200);
    const orgId = local.token.split('_').at(-1);
    const profile = await fetch(`${local.cloud}/wcc/organization/${orgId}/v2/tenant-configuration`, { headers: { authorization: `Bearer ${local.token}` } });
    assert.equal(profile.status, 200);
    const command = (body) =>
      fetch(`${url.origin}/webex-local/command`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const offered = await command({ action: 'offer', mediaType: 'telephony' });
    assert.equal(offered.status, 200);
    const { taskId } = await offered.json();
    assert.ok(taskId);
    const state = await (await command({ action: 'state' })).json();
    assert.deepEqual(state.contacts, [taskId]);
    // Only what the page's controls need: no resetting or expiring the tenant from a link.
    assert.equal((await command({ action: 'expire-token' })).status, 400);
    assert.equal((await fetch(`${url.origin}/webex-local/command`)).status, 405);
  } finally {
    await local.close();
  }
});

/** The hidden fields of the cloud's consent page (its form posts them back with the agent's answer). */
const consentFields = (page) => new URLSearchParams([...page.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)].map((m) => [m[1], m[2].replace(/&#(\d+);/g, (_, c) => String.fromCharCode(Number(c)))]));

test('start:webex-local mounts the server companion: the agent signs in through it (the cloud\'s OAuth with PKCE) and live statistics arrive', async () => {
  const local = await startWebexLocal({ port: 0, hostname: '127.0.0.1' });
  const b = browser();
  const command = (body) =>
    fetch(`${local.origin}/webex-local/command`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json());
  try {
    assert.equal(new URL(local.url).searchParams.get('session'), 'server');
    assert.equal(new URL(local.tokenUrl).searchParams.get('session'), null);
    // Not signed in yet: no token, no figures.
    assert.equal((await b.fetch(`${local.origin}/cc/webex/token`)).status, 401);
    assert.equal((await b.fetch(`${local.origin}/cc/webex/stats`)).status, 401);

    // The page's button sends the agent to the companion's sign-in, which sends them to the cloud's consent page.
    const login = await b.fetch(`${local.origin}/cc/webex/login?return=${encodeURIComponent('/demo/?backend=webex-local')}`);
    assert.equal(login.status, 302);
    const authorize = new URL(login.headers.get('location'));
    assert.equal(authorize.origin, local.cloud);
    assert.equal(authorize.searchParams.get('code_challenge_method'), 'S256');
    const consent = await fetch(authorize);
    assert.equal(consent.status, 200);
    const page = await consent.text();
    assert.match(page, /Sign in as Dana Whitfield/);
    const fields = consentFields(page);
    fields.set('consent', 'yes');
    const back = await fetch(`${local.cloud}/v1/authorize`, { method: 'POST', body: fields, redirect: 'manual' });
    assert.equal(back.status, 302);
    const callback = new URL(back.headers.get('location'));
    assert.equal(`${callback.origin}${callback.pathname}`, `${local.origin}/cc/webex/callback`);
    // The companion exchanges the code (with the secret and the PKCE verifier) and gives the browser its cookie.
    const landed = await b.fetch(callback);
    assert.equal(landed.status, 302);
    assert.equal(landed.headers.get('location'), '/demo/?backend=webex-local');
    assert.ok(b.jar.has('cc_session'));
    assert.ok(b.attrs.get('cc_session').includes('HttpOnly'));
    // A replayed callback (same state, same code) is refused.
    assert.equal((await b.fetch(callback)).status, 400);

    const issued = await (await b.fetch(`${local.origin}/cc/webex/token`)).json();
    assert.ok(issued.accessToken && issued.expiresIn > 3600);
    assert.deepEqual(Object.keys(issued).sort(), ['accessToken', 'expiresAt', 'expiresIn'], 'no refresh token, no secret');
    assert.notEqual(issued.accessToken, local.token);
    // The token is the cloud's: the real SDK signs in with it (its config read here).
    const orgId = issued.accessToken.split('_').at(-1);
    const config = await fetch(`${local.cloud}/wcc/organization/${orgId}/v2/tenant-configuration`, { headers: { authorization: `Bearer ${issued.accessToken}` } });
    assert.equal(config.status, 200);

    // Statistics: every queue of the tenant, no one waiting, the agent's own figures.
    const stats = async () => {
      const res = await b.fetch(`${local.origin}/cc/webex/stats`);
      assert.equal(res.status, 200);
      return res.json();
    };
    const first = await stats();
    assert.deepEqual(first.queues.map((q) => `${q.queueId} ${q.queueName}`).sort(), ['queue-billing Billing queue', 'queue-chat Chat queue', 'queue-support Support queue']);
    const support = (report) => report.queues.find((q) => q.queueId === 'queue-support');
    assert.equal(support(first).waiting, 0);
    assert.equal(support(first).agentsAvailable, 0, 'the agent is not logged in to a station');
    assert.equal(first.agent.handled, 0);
    assert.deepEqual(Object.keys(first.agent.stateSeconds).sort(), ['AfterCall', 'Available', 'Idle']);

    // A customer calls: within the route's cache time, the call waits in the Support queue.
    const { taskId } = await command({ action: 'offer', mediaType: 'telephony' });
    const until = async (check, what) => {
      const deadline = Date.now() + 8000;
      for (;;) {
        const report = await stats();
        if (check(report)) return report;
        if (Date.now() > deadline) throw new Error(`statistics never showed ${what}: ${JSON.stringify(report.queues)}`);
        await new Promise((r) => setTimeout(r, 250));
      }
    };
    const waiting = await until((r) => support(r).waiting === 1, 'the waiting call');
    assert.equal(support(waiting).queueName, 'Support queue');
    assert.ok(support(waiting).longestWaitSeconds >= 0);
    // Answered on the phone: no one waits, the agent talks.
    await command({ action: 'answer', taskId });
    const talking = await until((r) => support(r).waiting === 0, 'the call answered');
    assert.equal(support(talking).agentsTalking, 1);

    // Signed out: the companion forgets the tokens and the figures are closed again.
    assert.equal((await b.fetch(`${local.origin}/cc/webex/logout`, { method: 'POST' })).status, 200);
    assert.equal((await b.fetch(`${local.origin}/cc/webex/stats`)).status, 401);
  } finally {
    await local.close();
  }
});

test('the local cloud\'s OAuth refuses what Webex refuses: an unknown client, a wrong PKCE verifier, a used code, a used refresh token', async () => {
  const cloud = await startWebexCloud();
  try {
    const tenant = cloud.command({ action: 'tenant' });
    const client = cloud.command({ action: 'oauth-client', tenant: tenant.orgId });
    const verifier = 'v'.repeat(50);
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const redirectUri = 'http://127.0.0.1:1/cb';
    const ask = { client_id: client.clientId, response_type: 'code', redirect_uri: redirectUri, state: 's1', code_challenge: challenge, code_challenge_method: 'S256' };
    assert.equal((await fetch(`${cloud.origin}/v1/authorize?${new URLSearchParams({ ...ask, client_id: 'nobody' })}`)).status, 400);
    const code = async () => {
      const res = await fetch(`${cloud.origin}/v1/authorize`, { method: 'POST', body: new URLSearchParams({ ...ask, consent: 'yes' }), redirect: 'manual' });
      const to = new URL(res.headers.get('location'));
      assert.equal(to.searchParams.get('state'), 's1');
      return to.searchParams.get('code');
    };
    const token = (fields) => fetch(`${cloud.origin}/v1/access_token`, { method: 'POST', body: new URLSearchParams({ client_id: client.clientId, client_secret: client.clientSecret, ...fields }) });
    assert.equal((await token({ grant_type: 'authorization_code', code: await code(), redirect_uri: redirectUri, code_verifier: 'w'.repeat(50) })).status, 400);
    const good = await code();
    const first = await token({ grant_type: 'authorization_code', code: good, redirect_uri: redirectUri, code_verifier: verifier });
    assert.equal(first.status, 200);
    const tokens = await first.json();
    assert.equal((await token({ grant_type: 'authorization_code', code: good, redirect_uri: redirectUri, code_verifier: verifier })).status, 400, 'a code works once');
    assert.equal((await fetch(`${cloud.origin}/v1/access_token`, { method: 'POST', body: new URLSearchParams({ client_id: client.clientId, client_secret: 'wrong', grant_type: 'refresh_token', refresh_token: tokens.refresh_token }) })).status, 401);
    const renewed = await token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
    assert.equal(renewed.status, 200);
    assert.notEqual((await renewed.json()).refresh_token, tokens.refresh_token, 'rotated');
    assert.equal((await token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token })).status, 400, 'a used refresh token is dead');
    // The statistics APIs take quarter-hour windows under 24 hours, as Webex's do.
    const stats = (from, to) => fetch(`${cloud.origin}/wcc/v1/queues/statistics?from=${from}&to=${to}`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    const q = 15 * 60_000;
    const end = Date.now() - (Date.now() % q);
    assert.equal((await stats(end - 4 * q, end)).status, 200);
    assert.equal((await stats(end - 4 * q + 1, end)).status, 400);
    assert.equal((await stats(end - 96 * q, end)).status, 400);
  } finally {
    await cloud.close();
  }
});

test('the local cloud writes its reporting rows under the names the companion reads (its own copy of the guesses, compared)', async () => {
  const { WEBEX_REPORTING_GUESSES } = await loadCompanion();
  assert.deepEqual(GUESSES.reporting.fields.queueStatistics, WEBEX_REPORTING_GUESSES.queueStatistics);
  assert.deepEqual(GUESSES.reporting.fields.agentStatistics, WEBEX_REPORTING_GUESSES.agentStatistics);
  assert.ok(WEBEX_REPORTING_GUESSES.waitingStatuses.includes(GUESSES.reporting.ringingStatus));
});

test('npm start serves the simulator page and, from the same command, the Webex server-session page with its companion', async () => {
  const { spawn } = await import('node:child_process');
  const root = new URL('../..', import.meta.url);
  const child = spawn(process.execPath, ['scripts/start.mjs'], { cwd: root, env: { ...process.env, PORT: '0', HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  try {
    let out = '';
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`npm start printed no addresses in 60 s:\n${out}`)), 60_000);
      child.stdout.on('data', (chunk) => {
        out += chunk;
        if (/Press Ctrl\+C/.test(out)) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', () => reject(new Error(`npm start ended:\n${out}`)));
    });
    const simulator = out.match(/simulator backend\): (\S+)/)?.[1];
    const webex = out.match(/^\s+(http\S+session=server)\s*$/m)?.[1];
    assert.ok(simulator, out);
    assert.ok(webex, out);
    assert.equal(new URL(simulator).pathname, '/demo/');
    assert.equal(new URL(simulator).search, '', 'the first address is the simulator page');
    const page = await fetch(simulator);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<cc-sdk id="desk" backend="simulator"/);
    const session = new URL(webex);
    assert.equal(session.origin, new URL(simulator).origin, 'one server for both');
    assert.equal(session.searchParams.get('backend'), 'webex-local');
    // The companion is mounted: no session yet, so no token and no figures, but a sign-in that starts the code flow.
    assert.equal((await fetch(`${session.origin}/cc/webex/token`)).status, 401);
    assert.equal((await fetch(`${session.origin}/cc/webex/stats`)).status, 401);
    const login = await fetch(`${session.origin}/cc/webex/login?return=%2Fdemo%2F`, { redirect: 'manual' });
    assert.equal(login.status, 302);
    assert.equal(new URL(login.headers.get('location')).origin, session.searchParams.get('cloud'));
  } finally {
    child.kill('SIGTERM');
    const { code } = await exited;
    assert.equal(code, 0, 'Ctrl+C stops it cleanly');
  }
});
