// `npm run start:xuc-local` and `npm run start:tccc-local` in a real browser: each boots its double and the sample
// page on run-time ports; the page the script prints signs in (XuC: username and password; TCCC: one button, a
// fresh SdkURL from the page's own route), logs in, and a call rung from the page's panel shows in the task panel.
// On TCCC the statistics widgets show the server companion's figures (its /cc/tccc/stats route on the page's
// server, against a loopback Tencent Cloud API that answers from the double), and follow the call.
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

/** The text of a queue's figure in <cc-queue-stats> (`[part="waiting"]`, or a term such as `Handled`), found by the queue's name (run in the page). */
const queueFigure = (name, figure) =>
  `(() => {
    const queue = [...document.querySelector('cc-queue-stats').shadowRoot.querySelectorAll('[part~="queue"]')].find((q) => q.querySelector('.queue-name')?.textContent.trim() === ${JSON.stringify(name)});
    const dd = ${JSON.stringify(figure)}.startsWith('[') ? queue?.querySelector(${JSON.stringify(figure)}) : [...(queue?.querySelectorAll('dt') ?? [])].find((dt) => dt.textContent.trim() === ${JSON.stringify(figure)})?.nextElementSibling;
    return dd?.textContent.trim().split(' ')[0];
  })()`;

test('start:tccc-local: the printed page signs in with a fresh SdkURL from its own route on the TCCC double, and a call rings', { timeout: 120_000 }, async () => {
  const local = await startTcccLocal({ port: 0, hostname: '127.0.0.1' });
  const ui = await openPage();
  // Everything the page's server answered the statistics widgets.
  const statsAnswers = [];
  ui.page.on('response', (res) => {
    if (new URL(res.url()).pathname === '/cc/tccc/stats') statsAnswers.push(res.text().catch(() => ''));
  });
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

    // The statistics widgets poll the companion's TCCC route on the page's server: both skill groups by name,
    // nobody waiting; the agent's time per state today.
    await ui.until(`${queueFigure('Support', '[part="waiting"]')} === '0' && ${queueFigure('Billing', '[part="waiting"]')} === '0'`, 'the skill groups\' figures');
    await ui.until(() => /Time in each state/.test(document.querySelector('cc-agent-stats').shadowRoot.textContent), 'the agent\'s figures');
    assert.equal(await page.evaluate(() => document.querySelector('cc-queue-stats').getAttribute('stats-endpoint')), '/cc/tccc/stats');

    await page.evaluate(() => (document.querySelector('demo-simulator-panel').shadowRoot.querySelector('details').open = true));
    assert.match(await ui.text('demo-simulator-panel'), /Local TCCC \(double\)/);
    await ui.click('demo-simulator-panel', '^Offer a call$');
    await ui.until(() => /13800138000/.test(document.querySelector('cc-task-panel').shadowRoot.textContent), 'the caller in the task panel');
    // Offered and not answered: one call waiting in Support (Billing still none), within a poll.
    await ui.until(`${queueFigure('Support', '[part="waiting"]')} === '1'`, 'one call waiting in Support');
    assert.equal(await page.evaluate(queueFigure('Billing', '[part="waiting"]')), '0');
    await ui.click('cc-task-panel', '^Accept');
    await ui.until(() => document.getElementById('desk').state.tasks.some((t) => t.state === 'connected'), 'the call connects');
    // Answered: nobody waits any more.
    await ui.until(`${queueFigure('Support', '[part="waiting"]')} === '0'`, 'nobody waiting once the call is answered');
    // The customer hangs up from the page's panel: the call ends.
    await ui.click('demo-simulator-panel', '^Customer hangs up$');
    await ui.until(() => !document.getElementById('desk').state.tasks.some((t) => t.state === 'connected'), 'the call ends');
    // Its call record: one call answered in Support today, one handled by the agent (TCCC's metrics do not count
    // them; the companion counts the call records).
    await ui.until(`${queueFigure('Support', 'Handled')} === '1' && ${queueFigure('Support', 'Abandoned')} === '0'`, 'one call answered in Support');
    await ui.until(() => document.querySelector('cc-agent-stats').shadowRoot.querySelector('[part="handled"]')?.textContent.trim() === '1', 'one call handled by the agent');
    assert.equal(await page.evaluate(queueFigure('Billing', 'Handled')), '0');
    // Another call; the customer hangs up while it rings: abandoned in Support.
    await ui.click('demo-simulator-panel', '^Offer a call$');
    await ui.until(`${queueFigure('Support', '[part="waiting"]')} === '1'`, 'the second call waiting');
    await ui.click('demo-simulator-panel', '^Customer hangs up$');
    await ui.until(`${queueFigure('Support', 'Abandoned')} === '1' && ${queueFigure('Support', '[part="waiting"]')} === '0'`, 'one call abandoned in Support');
    assert.equal(await page.evaluate(queueFigure('Support', 'Handled')), '1');

    // The figures came from Tencent Cloud's API (its stand-in), asked by the page's server with a signed request;
    // the API key never reached the page: not its markup, storage, address, nor any answer of the route.
    const asked = local.cloudApi.seen;
    assert.ok(asked.some((s) => s.action === 'DescribeCallInMetrics') && asked.some((s) => s.action === 'DescribeStaffStatusMetrics'));
    assert.deepEqual(asked.filter((s) => s.error), [], 'every request signed with the key the stand-in knows');
    const answers = (await Promise.all(statsAnswers)).join('\n');
    assert.ok(statsAnswers.length >= 3 && answers.includes('"queueName":"Support"'));
    const seen = await page.evaluate(() => document.documentElement.outerHTML + JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage }) + location.href);
    for (const secret of [local.key.secretKey, local.key.secretId]) {
      assert.ok(!seen.includes(secret) && !answers.includes(secret), 'the API key stays on the server');
    }
    assert.deepEqual(ui.problems, []);
  } finally {
    await ui.close();
    await local.close();
  }
});
