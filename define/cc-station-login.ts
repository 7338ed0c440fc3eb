import { CcStationLogin } from '../components/cc-station-login/cc-station-login.js';

CcStationLogin.define('cc-station-login');

declare global {
  interface HTMLElementTagNameMap {
    'cc-station-login': CcStationLogin;
  }
}

export { CcStationLogin };
