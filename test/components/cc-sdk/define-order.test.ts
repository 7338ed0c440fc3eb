import { expect, fixture, html } from '@open-wc/testing';
import '../../probe.js';
import type { CcProbe } from '../../probe.js';
import { until } from '../../helpers-no-define.js';

// This file runs in a page of its own, where <cc-sdk> is not defined until the test defines it.
describe('define order', () => {
  it('connects a widget defined before its provider as soon as the provider is defined', async () => {
    const root = await fixture(html`<div>
      <cc-sdk id="late"><cc-probe id="inside"></cc-probe></cc-sdk>
      <cc-probe id="named" sdk="late"></cc-probe>
    </div>`);
    const inside = root.querySelector('#inside') as CcProbe;
    const named = root.querySelector('#named') as CcProbe;
    expect(customElements.get('cc-sdk')).to.equal(undefined);
    expect(inside.sdk.desk).to.equal(null);
    expect(inside.shadowRoot!.textContent).to.equal('no-agent');
    await import('../../../define/cc-sdk.js');
    const sdk = root.querySelector('cc-sdk')!;
    await until(() => inside.sdk.desk && named.sdk.desk);
    expect(inside.sdk.desk).to.equal(sdk.desk);
    expect(named.sdk.desk).to.equal(sdk.desk);
  });

  it('connects a widget whose provider is added to the page later', async () => {
    const probe = await fixture<CcProbe>(html`<cc-probe sdk="later"></cc-probe>`);
    expect(probe.sdk.desk).to.equal(null);
    const sdk = document.createElement('cc-sdk');
    sdk.id = 'later';
    document.body.append(sdk);
    await until(() => probe.sdk.desk);
    expect(probe.sdk.desk).to.equal(sdk.desk);
    sdk.remove();
  });
});
