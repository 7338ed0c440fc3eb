import { CcStateSelect } from '../components/cc-state-select/cc-state-select.js';

CcStateSelect.define('cc-state-select');

declare global {
  interface HTMLElementTagNameMap {
    'cc-state-select': CcStateSelect;
  }
}

export { CcStateSelect };
