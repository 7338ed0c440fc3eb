// The CDN build's rest of the desk: the task panel, the wrap-up, the station login and the state select, the
// widgets that show nothing that matters before the agent has signed in, and the rest of the kit's API (which
// the entry re-exports). The entry asks for this chunk at once, beside the body (body.ts), so they do not
// lengthen the way to the sign-in form; they settle when it comes.
import { ReactiveElement } from 'lit';
import { CcStationLogin } from '../../components/cc-station-login/cc-station-login.js';
import { CcStateSelect } from '../../components/cc-state-select/cc-state-select.js';
import { CcTaskPanel } from '../../components/cc-task-panel/cc-task-panel.js';
import { CcWrapup } from '../../components/cc-wrapup/cc-wrapup.js';
import type { Body } from './light.js';

export * from '../api.js';

/** What the entry's light classes of these tags become. */
export const body: Body = {
  widgets: { 'cc-station-login': CcStationLogin, 'cc-state-select': CcStateSelect, 'cc-task-panel': CcTaskPanel, 'cc-wrapup': CcWrapup },
  ReactiveElement,
};
