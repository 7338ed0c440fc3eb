import { LitElement, html, css } from 'lit';
import { hostStyles } from '../src/base/cc-element.js';
import { tokens, controls } from '../src/styles/tokens.js';
const skeleton = css`.skeleton{min-block-size:3rem;border-radius:var(--_cc-radius,6px);background:var(--_cc-surface-alt,#f3f5f8)}`;
for (const tag of ['cc-sdk', 'cc-auth', 'cc-station-login', 'cc-state-select', 'cc-task-panel', 'cc-wrapup']) {
  customElements.define(tag, class extends LitElement {
    static styles = [hostStyles, tokens, controls, skeleton];
    static properties = { sdk: {}, strings: { attribute: false } };
    desk = { backend: { name: 'simulator' }, subscribe() {} };
    render() { return tag === 'cc-sdk' ? html`<slot></slot>` : tag === 'cc-auth' ? html`<form><input aria-label="token"><button>Sign in</button></form>` : html`<div class="skeleton" aria-busy="true"></div>`; }
  });
}
