import { CcSdk } from '../components/cc-sdk/cc-sdk.js';

CcSdk.define('cc-sdk');

declare global {
  interface HTMLElementTagNameMap {
    'cc-sdk': CcSdk;
  }
}

export { CcSdk };
