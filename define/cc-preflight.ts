import { CcPreflight } from '../components/cc-preflight/cc-preflight.js';

CcPreflight.define('cc-preflight');

declare global {
  interface HTMLElementTagNameMap {
    'cc-preflight': CcPreflight;
  }
}

export { CcPreflight };
