import { CcAuth } from '../components/cc-auth/cc-auth.js';

CcAuth.define('cc-auth');

declare global {
  interface HTMLElementTagNameMap {
    'cc-auth': CcAuth;
  }
}

export { CcAuth };
