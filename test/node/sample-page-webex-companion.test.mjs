// `npm run start:webex-local` in a real browser: the page it prints signs the agent in through the server companion
// (one button, the local cloud's sign-in page, back to the desk on the real Webex SDK) and shows the companion's
// live statistics, which follow a call.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startWebexLocal } from '../../scripts/start-webex-local.mjs';
import { openPage } from './sample-browser.mjs';

test('the sample page on start:webex-local: a server-session sign-in through the companion, then live statistics', { timeout: 120_000 }, async () => {
  const local = await startWebexLocal({ port: 0, hostname: '127.0.0.1' });
  const ui = await openPage();
  try {
    const { page } = ui;
    await page.goto(local.url);
    // One button, no token field: the companion holds the session.
    await ui.until(() => document.getElementById('desk')?.desk?.backend?.name === 'webex', 'the Webex backend');
    await ui.until(() => /Sign in with Webex/.test(document.querySelector('cc-auth')?.shadowRoot?.textContent ?? ''), 'the sign-in button');
    assert.equal(await page.evaluate(() => document.querySelector('cc-auth').shadowRoot.querySelector('#token')), null);
    assert.match(await ui.text('cc-queue-stats'), /Sign in to see queue statistics/);
    // No session yet: the button sends the agent to the companion's sign-in, and on to the cloud's.
    await ui.click('cc-auth', '^Sign in with Webex$');
    await ui.until(() => location.pathname === '/v1/authorize', 'the local cloud\'s sign-in page');
    assert.equal(new URL(page.url()).origin, local.cloud);
    await Promise.all([page.waitForNavigation(), page.click('button[value="yes"]')]);
    // Back on the page, signed in on the server: the button now signs the desk in with the companion's token.
    assert.equal(new URL(page.url()).origin, local.origin);
    assert.equal(new URL(page.url()).searchParams.get('session'), 'server');
    await ui.until(() => document.getElementById('desk')?.desk?.backend?.name === 'webex', 'the Webex backend again');
    await ui.click('cc-auth', '^Sign in with Webex$');
    await ui.until(() => document.querySelector('cc-auth')?.shadowRoot?.querySelector('[part="user"]'), 'signed in', 40_000);
    assert.match(await ui.text('cc-auth'), /Signed in as Dana Whitfield/);
    // The token never reaches the page's markup or storage (the companion keeps the refresh token and secret).
    const issued = await page.evaluate(() => fetch('/cc/webex/token').then((r) => r.json()));
    const seen = await page.evaluate(() => document.documentElement.outerHTML + JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage }) + location.href);
    assert.ok(!seen.includes(issued.accessToken));
    assert.deepEqual(Object.keys(issued).sort(), ['accessToken', 'expiresAt', 'expiresIn']);

    // The statistics widgets poll the companion: every queue by name, the agent's day.
    await ui.until(() => /Support queue/.test(document.querySelector('cc-queue-stats').shadowRoot.textContent), 'the queue figures');
    await ui.until(() => /Time in each state/.test(document.querySelector('cc-agent-stats').shadowRoot.textContent), 'the agent figures');
    // A customer calls: the Support queue's Waiting goes to 1 within a poll.
    const offered = await fetch(`${local.origin}/webex-local/command`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: 'offer', mediaType: 'telephony' }) });
    assert.equal(offered.status, 200);
    const waiting = () =>
      [...document.querySelector('cc-queue-stats').shadowRoot.querySelectorAll('[part~="queue"]')].find((q) => /Support queue/.test(q.textContent))?.querySelector('[part="waiting"]')?.textContent;
    await ui.until(`(${waiting})() === '1'`, 'one call waiting in the Support queue', 20_000);
    // Only the expected refusals: the token route before the server sign-in.
    assert.deepEqual(ui.problems.filter((p) => !/^401 GET \/cc\/webex\/token$/.test(p)), []);
  } finally {
    await ui.close();
    await local.close();
  }
});
