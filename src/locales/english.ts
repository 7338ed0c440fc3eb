// Every widget's English table at run time, by tag (the reference the bundles are checked against, and what
// the stories compare). Not imported by the widgets: they carry their own table.
import { defaultStrings as agentStats } from '../../components/cc-agent-stats/cc-agent-stats.strings.js';
import { defaultStrings as auth } from '../../components/cc-auth/cc-auth.js';
import { defaultStrings as preflight } from '../../components/cc-preflight/cc-preflight.strings.js';
import { defaultStrings as conversation } from '../../components/cc-conversation/cc-conversation.strings.js';
import { defaultStrings as queueStats } from '../../components/cc-queue-stats/cc-queue-stats.strings.js';
import { defaultStrings as stateSelect } from '../../components/cc-state-select/cc-state-select.js';
import { defaultStrings as stationLogin } from '../../components/cc-station-login/cc-station-login.js';
import { defaultStrings as taskPanel } from '../../components/cc-task-panel/cc-task-panel.strings.js';
import { defaultStrings as wrapup } from '../../components/cc-wrapup/cc-wrapup.js';
import { sdkHintStrings, sharedStrings } from '../base/cc-widget.js';
import { simulatorSignIn } from '../backends/declared/simulator.js';
import { tcccSignIn } from '../backends/declared/tccc.js';
import { webexSignIn } from '../backends/declared/webex.js';
import { xucSignIn } from '../backends/declared/xuc.js';
import type { EnglishTables } from './bundle.js';
import { MESSAGES } from '../core/messages.js';

/** The texts every backend's sign-in descriptor adds to `<cc-auth>`, whatever its options. */
function signInTexts(): Record<string, string> {
  const webex = [{}, { tokenEndpoint: '/token' }, { webex: {} }].map((options) => webexSignIn(options).strings ?? {});
  return Object.assign({}, simulatorSignIn.strings, tcccSignIn.strings, xucSignIn.strings, ...webex) as Record<string, string>;
}

export const englishTables: EnglishTables = {
  shared: { ...sharedStrings, ...sdkHintStrings },
  'cc-auth': { ...auth, ...signInTexts() } as EnglishTables['cc-auth'],
  'cc-station-login': stationLogin,
  'cc-state-select': stateSelect,
  'cc-task-panel': taskPanel,
  'cc-wrapup': wrapup,
  'cc-queue-stats': queueStats,
  'cc-agent-stats': agentStats,
  'cc-preflight': preflight,
  'cc-conversation': conversation,
  messages: MESSAGES,
};
