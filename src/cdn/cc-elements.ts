// The CDN bundle's entry, dist/cdn/cc-elements.js: defines every tag and exports the kit's API. The simulator
// is not in it: its code is a chunk that `<cc-sdk>` loads when it is the backend (and `loadSimulator()`
// resolves to its classes), so a page on Webex downloads none of it.
import '../../define/cc-sdk.js';
import '../../define/cc-auth.js';
import '../../define/cc-station-login.js';
import '../../define/cc-state-select.js';
import '../../define/cc-task-panel.js';
import '../../define/cc-wrapup.js';

export * from '../api.js';
