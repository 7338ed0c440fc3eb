// A page of every widget in one language, in the states an agent meets, on the simulator with a manual clock:
// what scripts/locale-screenshots.mjs photographs (`?locale=ar`). Three desks: signed out; signed in with the
// station form showing a refused number; and a working desk (a held call, a chat offer, a wrap-up owed, the
// statistics).
import '../../../define/all.js';
import type { CcSdk } from '../../../components/cc-sdk/cc-sdk.js';
import { SimulatorBackend } from '../../../src/backends/simulator/backend.js';
import { SimulatorServer } from '../../../src/backends/simulator/server.js';
import { ManualClock } from '../../../src/core/clock.js';

const locale = new URLSearchParams(location.search).get('locale') ?? 'ar';
const WIDGETS = ['cc-auth', 'cc-station-login', 'cc-state-select', 'cc-task-panel', 'cc-conversation', 'cc-wrapup', 'cc-queue-stats', 'cc-agent-stats'];

async function desk(name: string, widgets: readonly string[]) {
  const clock = new ManualClock();
  const server = new SimulatorServer({ clock });
  const backend = new SimulatorBackend({ server, latencyMs: 0 });
  const section = document.createElement('section');
  section.dataset.desk = name;
  const sdk = document.createElement('cc-sdk') as CcSdk;
  sdk.setAttribute('locale', locale);
  for (const tag of widgets) sdk.append(document.createElement(tag));
  section.append(sdk);
  document.body.append(section);
  sdk.backend = backend;
  await sdk.updateComplete;
  while (sdk.desk.backend !== backend) await new Promise((r) => setTimeout(r, 10));
  return { sdk, server, clock };
}

const signedOut = await desk('signed-out', ['cc-auth', 'cc-station-login', 'cc-task-panel']);
void signedOut;

const station = await desk('station', ['cc-station-login']);
await station.sdk.request('cc-sign-in-request', { accessToken: 'token' });
const stationRoot = station.sdk.querySelector('cc-station-login')!.shadowRoot!;
/** The first match of `selector` in the station form, once it is rendered. */
async function find<E extends Element>(selector: string): Promise<E> {
  for (let i = 0; i < 200; i++) {
    const found = stationRoot.querySelector<E>(selector);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`no ${selector} in the station form`);
}
(await find<HTMLInputElement>('input[name="login-option"][value="AGENT_DN"]')).click();
const dial = await find<HTMLInputElement>('#dial');
dial.value = '12';
dial.dispatchEvent(new Event('input', { bubbles: true }));
(await find<HTMLButtonElement>('[part="submit"]')).click();

const work = await desk('working', WIDGETS);
const { sdk, server, clock } = work;
await sdk.request('cc-sign-in-request', { accessToken: 'token' });
await sdk.request('cc-station-login-request', { teamId: 'team-support', loginOption: 'BROWSER' });
await sdk.request('cc-agent-state-request', { state: 'Available', auxCodeId: '0' });
const taskOf = (before: readonly string[]) => sdk.state.tasks.find((t) => !before.includes(t.id))!.id;
server.offer({ mediaType: 'telephony' });
const call = taskOf([]);
await sdk.request('cc-task-accept-request', { taskId: call });
server.offer({ mediaType: 'chat' });
const chat = taskOf([call]);
await sdk.request('cc-task-accept-request', { taskId: chat });
clock.advance(95_000);
await sdk.request('cc-task-end-request', { taskId: chat });
await sdk.request('cc-task-hold-request', { taskId: call });
clock.advance(7_000);
server.offer({ mediaType: 'email' });
clock.advance(3_000);
await new Promise((r) => setTimeout(r, 200));
document.body.dataset.ready = 'true';
