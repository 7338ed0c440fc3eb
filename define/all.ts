// Defines every tag of the kit.
import './cc-sdk.js';
import './cc-auth.js';
import './cc-station-login.js';
import './cc-state-select.js';
import './cc-task-panel.js';
import './cc-wrapup.js';
import './cc-queue-stats.js';
import './cc-agent-stats.js';
import './cc-conversation.js';
import './cc-preflight.js';

export * from '../index.js';
