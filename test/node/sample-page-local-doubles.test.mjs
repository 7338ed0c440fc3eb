// `npm run start:xuc-local` and `npm run start:tccc-local` in a real browser: each boots its double and the sample
// page on run-time ports; the page the script prints signs in (XuC: username and password; TCCC: one button, a
// fresh SdkURL from the page's own route), logs in, and a call rung from the page's panel shows in the task panel.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startXucLocal } from '../../scripts/start-xuc-local.mjs';
import { startTcccLocal } from '../../scripts/start-tccc-local.mjs';
import { openPage } from './sample-browser.mjs';

const post = (origin, path, body) =>
  fetch(`${origin}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

test('start:xuc-local: the printed page signs in with username and password on the XuC double, logs in to the line, and a call rings', { timeout: 120_000 }, async () => {
  const local = await startXucLocal({ port: 0, hostname: '127.0.0.1' });
  const ui = await openPage();
  try {
    const { page } = ui;
    const url = new URL(local.url);
    assert.equal(url.searchParams.get('backend'), 'xuc-local');
    assert.equal(url.searchParams.get('server'), local.server);
    // The route takes only the panel's actions.
    assert.equal((await post(local.origin, '/xuc-local/command', { action: 'expire-tokens' })).status, 400);
    await page.goto(local.url);
    await ui.until(() => document.getElementById('desk')?.desk?.backend?.name === 'xuc', 'the XuC backend');
    await ui.until(() => document.querySelector('cc-auth')?.shadowRoot?.querySelector('#password'), 'the username and password fields');
    assert.match(await ui.text('demo-backend-switch'), /Backend: XiVO XuC \(local double\)/);
    await ui.fill('cc-auth', '#username', local.agent.username);
    await ui.fill('cc-auth', '#password', local.agent.password);
    await ui.click('cc-auth', '^Sign in$');
    await ui.until(() => document.querySelector('cc-auth')?.shadowRoot?.querySelector('[part="user"]'), 'signed in');
    // The password is nowhere in the page once the token is had.
    const seen = await page.evaluate(() => document.documentElement.outerHTML + JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage }) + location.href);
    assert.ok(!seen.includes(local.agent.password));
    assert.equal(await page.evaluate(() => document.querySelector('cc-auth').shadowRoot.querySelector('#password')?.value ?? ''), '');

    // Station login on the agent's line (Extension), then Available.
    await ui.until(() => document.querySelector('cc-station-login')?.shadowRoot?.querySelector('#dial'), 'the station form');
    await page.evaluate(() => {
      const radio = document.querySelector('cc-station-login').shadowRoot.querySelector('input[value="EXTENSION"]');
      if (radio) {
        radio.checked = true;
        radio.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      }
    });
    await ui.fill('cc-station-login', '#dial', local.agent.line);
    await ui.click('cc-station-login', '^Log in$');
    await ui.until(() => document.getElementById('desk').state.station !== null, 'the station login');
    await ui.until(() => document.getElementById('desk').state.agent?.state === 'Available', 'Available (XuC unpauses at login)');

    // The page's "Local XiVO" panel rings a call on the line: it shows in the task panel with the caller.
    await page.evaluate(() => (document.querySelector('demo-simulator-panel').shadowRoot.querySelector('details').open = true));
    assert.match(await ui.text('demo-simulator-panel'), /Local XiVO \(XuC double\)/);
    await ui.click('demo-simulator-panel', '^Offer a call$');
    await ui.until(() => document.getElementById('desk').state.tasks.some((t) => t.state === 'offered'), 'the call rings');
    await ui.until(() => /0612345678/.test(document.querySelector('cc-task-panel').shadowRoot.textContent), 'the caller in the task panel');
    // Answered from the desk: the call connects.
    await ui.click('cc-task-panel', '^Accept');
    await ui.until(() => document.getElementById('desk').state.tasks.some((t) => t.state === 'connected'), 'the call connects');
    assert.deepEqual(ui.problems, []);
  } finally {
    await ui.close();
    await local.close();
  }
});

test('start:tccc-local: the printed page signs in with a fresh SdkURL from its own route on the TCCC double, and a call rings', { timeout: 120_000 }, async () => {
  const local = await startTcccLocal({ port: 0, hostname: '127.0.0.1' });
  const ui = await openPage();
  try {
    const { page } = ui;
    assert.equal(new URL(local.url).searchParams.get('backend'), 'tccc-local');
    // The page's SdkURL route answers one fresh URL on the double per ask; a GET is refused.
    assert.equal((await fetch(`${local.origin}/tccc-local/loginTCCC`)).status, 405);
    assert.equal((await post(local.origin, '/tccc-local/command', { action: 'expire-urls' })).status, 400);
    await page.goto(local.url);
    await ui.until(() => document.getElementById('desk')?.desk?.backend?.name === 'tccc', 'the TCCC backend');
    await ui.until(() => /Sign in to Tencent Cloud Contact Center/.test(document.querySelector('cc-auth')?.shadowRoot?.textContent ?? ''), 'the sign-in button');
    assert.match(await ui.text('demo-backend-switch'), /Backend: Tencent TCCC \(local double\)/);
    await ui.click('cc-auth', '^Sign in to Tencent Cloud Contact Center$');
    await ui.until(() => document.querySelector('cc-auth')?.shadowRoot?.querySelector('[part="user"]'), 'signed in');
    // The single-use SdkURL (its token) is not left in the page once TCCC is ready.
    assert.doesNotMatch(await page.evaluate(() => document.documentElement.outerHTML), /tcccSdk\.js\?[^"]*token=/);
    await ui.until(() => document.querySelector('cc-station-login')?.shadowRoot?.querySelector('button'), 'the station form');
    await ui.click('cc-station-login', '^Log in$');
    await ui.until(() => document.getElementById('desk').state.station !== null, 'the station login');
    await page.evaluate(() => {
      const select = document.querySelector('cc-state-select').shadowRoot.querySelector('select');
      select.value = '0';
      select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    });
    await ui.until(() => document.getElementById('desk').state.agent?.state === 'Available', 'Available');

    await page.evaluate(() => (document.querySelector('demo-simulator-panel').shadowRoot.querySelector('details').open = true));
    assert.match(await ui.text('demo-simulator-panel'), /Local TCCC \(double\)/);
    await ui.click('demo-simulator-panel', '^Offer a call$');
    await ui.until(() => /13800138000/.test(document.querySelector('cc-task-panel').shadowRoot.textContent), 'the caller in the task panel');
    await ui.click('cc-task-panel', '^Accept');
    await ui.until(() => document.getElementById('desk').state.tasks.some((t) => t.state === 'connected'), 'the call connects');
    // The customer hangs up from the page's panel: the call ends.
    await ui.click('demo-simulator-panel', '^Customer hangs up$');
    await ui.until(() => !document.getElementById('desk').state.tasks.some((t) => t.state === 'connected'), 'the call ends');
    assert.deepEqual(ui.problems, []);
  } finally {
    await ui.close();
    await local.close();
  }
});
