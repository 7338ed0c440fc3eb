// A minimal widget for tests of the data path: renders the agent state and sends requests.
import { html, LitElement } from 'lit';
import { DeskController } from '../src/context/desk-controller.js';

export class CcProbe extends LitElement {
  readonly sdk = new DeskController(this);
  override render() {
    return html`<span>${this.sdk.state.agent?.state ?? 'no-agent'}</span>`;
  }
}
if (!customElements.get('cc-probe')) customElements.define('cc-probe', CcProbe);

declare global {
  interface HTMLElementTagNameMap {
    'cc-probe': CcProbe;
  }
}
