import { CcWrapup } from '../components/cc-wrapup/cc-wrapup.js';

CcWrapup.define('cc-wrapup');

declare global {
  interface HTMLElementTagNameMap {
    'cc-wrapup': CcWrapup;
  }
}

export { CcWrapup };
