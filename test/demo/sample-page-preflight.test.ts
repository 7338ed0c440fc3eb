/** The sample page's "Check this computer": it shows <cc-preflight> and runs the checks against the simulator. */
import { expect } from '@open-wc/testing';
import type { CcSdk } from '../../components/cc-sdk/cc-sdk.js';
import { loadSamplePage, visibleText } from '../page-helpers.js';
import { until } from '../helpers-no-define.js';

describe('the sample page: preflight', () => {
  before(async () => {
    sessionStorage.clear();
    await loadSamplePage((el) => el.removeAttribute('persist'));
  });

  it('opens the checks from its button, runs them, and the page hears cc-preflight', async () => {
    const sdk = document.getElementById('desk') as CcSdk;
    const area = document.getElementById('preflight-area')!;
    const open = document.getElementById('preflight-open') as HTMLButtonElement;
    expect(area.hidden).to.equal(true);
    await until(() => !!sdk.desk.backend, 5000, 'the simulator');
    const heard: unknown[] = [];
    sdk.addEventListener('cc-preflight', (e) => heard.push(e.detail));
    open.click();
    expect(area.hidden).to.equal(false);
    expect(open.getAttribute('aria-expanded')).to.equal('true');
    const preflight = area.querySelector('cc-preflight')!;
    await until(() => heard.length === 1, 10000, 'cc-preflight');
    await until(() => visibleText(preflight).includes('Ready: all 5 checks passed.'), 3000, 'the summary');
    await expect(document.body).to.be.accessible();
  });

  it('the simulator controls make the checks find what a designer or a support person wants to see', async () => {
    const sdk = document.getElementById('desk') as CcSdk;
    const panel = document.querySelector('demo-simulator-panel')!;
    const $ = <E extends Element>(selector: string) => panel.shadowRoot!.querySelector<E>(selector)!;
    const select = $<HTMLSelectElement>('#preflight-finding');
    select.value = 'micDenied';
    select.dispatchEvent(new Event('change'));
    $<HTMLButtonElement>('[data-action="force-preflight"]').click();
    await until(() => visibleText(panel).includes('The checks will find micDenied'), 3000, 'the panel says so');
    const heard: { checks: readonly { check: string; code: string; status: string }[] }[] = [];
    sdk.addEventListener('cc-preflight', (e) => heard.push(e.detail as (typeof heard)[number]));
    (document.getElementById('preflight-open') as HTMLButtonElement).click();
    const preflight = document.querySelector('cc-preflight')!;
    await until(() => heard.length === 1, 10000, 'cc-preflight');
    expect(heard[0].checks.find((c) => c.check === 'microphone')).to.deep.include({ code: 'micDenied', status: 'failure' });
    await until(() => visibleText(preflight).includes('The browser blocks the microphone for this site.'), 3000, 'the fix on screen');
    // Back to the real checks.
    select.value = '';
    select.dispatchEvent(new Event('change'));
    $<HTMLButtonElement>('[data-action="force-preflight"]').click();
    expect(sdk.simulator!.preflight.forced).to.deep.equal({});
  });
});
