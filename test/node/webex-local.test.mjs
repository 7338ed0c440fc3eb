// `npm run start:webex-local`: the local Webex cloud and the sample page, started together by the script.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startWebexLocal } from '../../scripts/start-webex-local.mjs';

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
