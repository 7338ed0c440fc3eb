/**
 * The TCCC widget tests' page: the TCCC double and a `<cc-sdk backend="tccc">` on it, and after each test the
 * page's `<cc-sdk>` removed, TCCC's SDK torn down and the double closed.
 */
import { fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../../define/cc-sdk.js';
import type { CcSdk } from '../../../components/cc-sdk/cc-sdk.js';
import { TCCC_TEAM, teardownSdk } from '../../../src/backends/tccc/index.js';
import { TcccSite } from '../../tccc-double/client.js';

/** Call at the top of a test file: returns `open`, which starts the double and a desk on it around `widgets`. */
export function tcccPagePerTest() {
  let site: TcccSite | null = null;
  afterEach(async () => {
    document.querySelectorAll('cc-sdk').forEach((el) => el.remove());
    // <cc-sdk> keeps its backend a moment after it leaves the page; the next test starts from a page without TCCC.
    await new Promise((resolve) => setTimeout(resolve, 0));
    teardownSdk();
    await site?.close();
    site = null;
  });
  return async function open(widgets: TemplateResult) {
    const opened = await TcccSite.create();
    site = opened;
    const sdk = await fixture<CcSdk>(html`
      <cc-sdk backend="tccc" sdk-url-endpoint=${opened.endpoint} request-timeout="3000">${widgets}</cc-sdk>
    `);
    return { site: opened, sdk };
  };
}

/** Logs the signed-in agent in to TCCC's one team, in the browser, and asks for Available. */
export async function logInAndGoAvailable(sdk: CcSdk) {
  await sdk.request('cc-station-login-request', { teamId: TCCC_TEAM.id, loginOption: 'BROWSER' });
  await sdk.request('cc-agent-state-request', { state: 'Available', auxCodeId: '0' });
}
