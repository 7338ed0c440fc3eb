// Node-level tests of the loopback XuC (test/xuc-double/server.mjs): what a client sees on the wire.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { startXucDouble } from '../xuc-double/server.mjs';

let xuc;
before(async () => {
  xuc = await startXucDouble();
});
after(async () => {
  await xuc.close();
});

const API = '/xuc/api/2.0';

async function login(site, body) {
  const res = await fetch(`${site.baseUrl}${API}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

/** Opens the socket and collects every event; `next(type)` waits for the next one of that msgType. */
async function open(site, token) {
  const ws = new WebSocket(`${site.baseUrl.replace(/^http/, 'ws')}${API}/cti?token=${encodeURIComponent(token)}`);
  const seen = [];
  const waiters = [];
  ws.on('message', (data) => {
    const m = JSON.parse(String(data));
    seen.push(m);
    for (const w of [...waiters]) if (w.type === m.msgType && seen.indexOf(m) >= w.from) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(m.ctiMessage);
    }
  });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const next = (type, from = seen.length) => {
    const already = seen.slice(from).find((m) => m.msgType === type);
    if (already) return Promise.resolve(already.ctiMessage);
    return new Promise((resolve, reject) => {
      waiters.push({ type, from, resolve });
      setTimeout(() => reject(new Error(`no ${type}`)), 2000);
    });
  };
  const send = (command, fields = {}) => ws.send(JSON.stringify({ claz: 'web', command, ...fields }));
  return { ws, seen, next, send, first: (type) => next(type, 0) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

test('signs in with a password: {login, token, TTL}; a wrong one gets InvalidCredentials', async () => {
  const site = xuc.command({ action: 'site' });
  const ok = await login(site, { login: 'alice', password: 'alice-Secret-1' });
  assert.equal(ok.status, 200);
  assert.equal(ok.body.login, 'alice');
  assert.equal(typeof ok.body.token, 'string');
  assert.equal(typeof ok.body.TTL, 'number');
  const bad = await login(site, { login: 'alice', password: 'nope' });
  assert.equal(bad.status, 401);
  assert.equal(bad.body.error, 'InvalidCredentials');
  const unknown = await login(site, { login: 'zoe', password: 'x' });
  assert.equal(unknown.body.error, 'InvalidCredentials');
});

test('auth/check renews the token; an expired one answers TokenExpired and the socket refuses it', async () => {
  const site = xuc.command({ action: 'site' });
  const { body } = await login(site, { login: 'alice', password: 'alice-Secret-1' });
  const check = await fetch(`${site.baseUrl}${API}/auth/check`, { headers: { authorization: `Bearer ${body.token}` } });
  const renewed = await check.json();
  assert.equal(check.status, 200);
  assert.notEqual(renewed.token, body.token);
  xuc.command({ action: 'expire-tokens', site: site.site });
  const expired = await fetch(`${site.baseUrl}${API}/auth/check`, { headers: { authorization: `Bearer ${renewed.token}` } });
  assert.equal((await expired.json()).error, 'TokenExpired');
  await assert.rejects(open(site, renewed.token));
});

test('LoggedOn comes first, then the user config and UsersStatuses; pings are answered', async () => {
  const site = xuc.command({ action: 'site' });
  const { body } = await login(site, { login: 'alice', password: 'alice-Secret-1' });
  const c = await open(site, body.token);
  await c.first('UsersStatuses');
  assert.deepEqual(c.seen.map((m) => m.msgType), ['LoggedOn', 'UserConfigUpdate', 'UsersStatuses']);
  const statuses = c.seen[2].ctiMessage;
  assert.ok(statuses.some((s) => s.actions.some((a) => a.name === 'queuepause_all')));
  const before = c.seen.length;
  c.ws.send(JSON.stringify({ claz: 'ping' }));
  await settle();
  assert.equal(c.seen.length, before + 1);
  xuc.command({ action: 'silent', site: site.site });
  c.ws.send(JSON.stringify({ claz: 'ping' }));
  await settle();
  assert.equal(c.seen.length, before + 1, 'a silent server answers nothing');
  c.ws.close();
});

test('agent login: PhoneNumberUnknown, then AgentLogin/AgentReady; LoggedInOnAnotherPhone; pause with a reason', async () => {
  const site = xuc.command({ action: 'site' });
  const { body } = await login(site, { login: 'alice', password: 'alice-Secret-1' });
  const c = await open(site, body.token);
  await c.first('UsersStatuses');
  let error = c.next('AgentError');
  c.send('agentLogin', { agentphonenumber: '9999' });
  assert.deepEqual(await error, { Error: 'PhoneNumberUnknown' });
  const state = c.next('AgentStateEvent');
  c.send('agentLogin', { agentphonenumber: '1001' });
  assert.equal((await state).name, 'AgentLogin');
  await settle();
  const states = c.seen.filter((m) => m.msgType === 'AgentStateEvent').map((m) => m.ctiMessage);
  assert.deepEqual(states.map((s) => s.name), ['AgentLogin', 'AgentReady']);
  assert.equal(states[1].phoneNb, '1001');
  assert.equal(states[1].agentId, 21);
  error = c.next('AgentError');
  c.send('agentLogin', { agentphonenumber: '1002' });
  assert.deepEqual(await error, { Error: 'LoggedInOnAnotherPhone', phoneNb: '1001', RequestedNb: '1002' });
  const paused = c.next('AgentStateEvent');
  c.send('pauseAgent', { reason: 'lunch' });
  assert.deepEqual([(await paused).name, (await paused).cause], ['AgentOnPause', 'lunch']);
  const remote = c.next('AgentStateEvent');
  xuc.command({ action: 'supervisor-ready', site: site.site });
  assert.equal((await remote).name, 'AgentReady');
  c.ws.close();
});

test('a call: ringing with USR_ data, answer, hold toggles, release and wrap-up; queue statistics', async () => {
  const site = xuc.command({ action: 'site', options: { wrapupSeconds: 0.05 } });
  const { body } = await login(site, { login: 'alice', password: 'alice-Secret-1' });
  const c = await open(site, body.token);
  await c.first('UsersStatuses');
  const stats = c.next('QueueStatistics');
  c.send('subscribeToQueueStats');
  const first = await stats;
  assert.equal(first.queueId, 1);
  assert.ok(first.counters.some((k) => k.statName === 'TotalNumberCallsAbandonned'));
  c.send('agentLogin', { agentphonenumber: '1001' });
  await settle();
  const ringing = c.next('PhoneEvent');
  const { uniqueId } = xuc.command({ action: 'offer', site: site.site, from: '0611223344', sheet: [{ name: 'crm', value: 'https://crm.example/1', type: 'url', order: 1 }] });
  const event = await ringing;
  assert.deepEqual(
    { eventType: event.eventType, DN: event.DN, otherDN: event.otherDN, uniqueId: event.uniqueId, queueName: event.queueName, name: event.userData.USR_customerName },
    { eventType: 'EventRinging', DN: '1001', otherDN: '0611223344', uniqueId, queueName: 'support', name: 'Jeanne Dupont' },
  );
  await settle();
  const types = c.seen.map((m) => m.msgType);
  assert.ok(types.indexOf('PhoneEvent') < types.lastIndexOf('AgentStateEvent'), 'the phone event comes before AgentRinging');
  assert.ok(types.includes('Sheet'));
  c.send('answer', { uniqueId });
  await settle();
  c.send('hold', { uniqueId });
  await settle();
  c.send('hold', { uniqueId });
  await settle();
  c.send('hangup', { uniqueId });
  await settle();
  await new Promise((resolve) => setTimeout(resolve, 100));
  const phone = c.seen.filter((m) => m.msgType === 'PhoneEvent').map((m) => m.ctiMessage.eventType);
  assert.deepEqual(phone, ['EventRinging', 'EventEstablished', 'EventOnHold', 'EventEstablished', 'EventReleased']);
  const agent = c.seen.filter((m) => m.msgType === 'AgentStateEvent').map((m) => m.ctiMessage.name);
  assert.deepEqual(agent.slice(-4), ['AgentRinging', 'AgentOnCall', 'AgentOnWrapup', 'AgentReady']);
  c.ws.close();
});

test('a refused logon gets LoggedOnError and a closed socket; a dropped site refuses connections until restored', async () => {
  const site = xuc.command({ action: 'site' });
  const { body } = await login(site, { login: 'alice', password: 'alice-Secret-1' });
  xuc.command({ action: 'refuse-logon', site: site.site });
  const c = await open(site, body.token);
  await new Promise((resolve) => c.ws.once('close', resolve));
  assert.deepEqual(c.seen, [{ msgType: 'LoggedOnError', ctiMessage: { Error: 'loggedOnFailed' } }]);
  xuc.command({ action: 'drop', site: site.site });
  await assert.rejects(open(site, body.token));
  xuc.command({ action: 'restore', site: site.site });
  const again = await open(site, body.token);
  await again.first('UsersStatuses');
  again.ws.close();
});
