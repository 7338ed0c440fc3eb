import { fixture, html } from '@open-wc/testing';
import '../define/all.js';
import type { CcSdk } from '../components/cc-sdk/cc-sdk.js';
import { ManualClock } from '../src/core/clock.js';
import { SimulatorBackend } from '../src/backends/simulator/backend.js';
import { SimulatorServer, type SimulatorServerOptions } from '../src/backends/simulator/server.js';
import { Desk } from '../src/context/desk.js';
import { request, type CcOutcomeEvent, type OutcomeName, type RequestDetails, type RequestName } from '../src/events/events.js';
import { outcomeEvents } from '../src/events/catalog.js';
import type { TaskSnapshot } from '../src/core/types.js';
import { until } from './helpers-no-define.js';

export { until };

export interface Rig {
  clock: ManualClock;
  server: SimulatorServer;
  backend: SimulatorBackend;
}

export function rig(options: SimulatorServerOptions & { latencyMs?: number } = {}): Rig {
  const clock = (options.clock as ManualClock | undefined) ?? new ManualClock();
  const server = new SimulatorServer({ ...options, clock });
  const backend = new SimulatorBackend({ server, latencyMs: options.latencyMs ?? 0 });
  return { clock, server, backend };
}

/** A Desk on a simulator with a manual clock, recording every outcome event. */
export function deskRig(options: SimulatorServerOptions = {}) {
  const r = rig(options);
  const events: CcOutcomeEvent[] = [];
  const desk = new Desk((e) => events.push(e));
  desk.attach(r.backend);
  const run = <N extends RequestName>(name: N, detail: RequestDetails[N]) => desk.run(request(name, detail));
  const names = () => events.map((e) => e.type);
  return { ...r, desk, events, run, names };
}

/** Signs in, logs in to a BROWSER station on the first team and goes Available. */
export async function readyAgent(run: ReturnType<typeof deskRig>['run'], loginOption: 'BROWSER' | 'AGENT_DN' | 'EXTENSION' = 'BROWSER') {
  await run('cc-sign-in-request', { accessToken: 'token-123' });
  await run('cc-station-login-request', {
    teamId: 'team-support',
    loginOption,
    ...(loginOption === 'AGENT_DN' ? { dialNumber: '+14155550199' } : loginOption === 'EXTENSION' ? { dialNumber: '1042' } : {}),
  });
  await run('cc-agent-state-request', { state: 'Available', auxCodeId: '0' });
}

/** A `<cc-sdk>` on a manual-clock simulator, with everything it announces recorded in order. */
export async function sdkFixture(template = html`<cc-sdk></cc-sdk>`, options: SimulatorServerOptions = {}) {
  const r = rig(options);
  const sdk = await fixture<CcSdk>(template);
  const el = sdk.localName === 'cc-sdk' ? sdk : (sdk.querySelector('cc-sdk') as CcSdk);
  el.backend = r.backend;
  await el.updateComplete;
  await until(() => el.desk.backend === r.backend);
  const events = recordOutcomes(el);
  return { ...r, sdk: el, root: sdk, events, names: () => events.map((e) => e.type) };
}

export function recordOutcomes(target: EventTarget): CcOutcomeEvent[] {
  const events: CcOutcomeEvent[] = [];
  for (const name of outcomeEvents) target.addEventListener(name, (e) => events.push(e as CcOutcomeEvent));
  return events;
}

export function detailsOf<N extends OutcomeName>(events: CcOutcomeEvent[], name: N) {
  return events.filter((e) => e.type === name).map((e) => (e as CcOutcomeEvent<N>).detail);
}

export const onlyTask = (tasks: readonly TaskSnapshot[]): TaskSnapshot => {
  if (tasks.length !== 1) throw new Error(`expected one task, found ${tasks.length}`);
  return tasks[0];
};

/** Every element on the page, the insides of open shadow roots included. */
function deepElements(root: Document | ShadowRoot = document): Element[] {
  return [...root.querySelectorAll('*')].flatMap((node) => (node.shadowRoot ? [node, ...deepElements(node.shadowRoot)] : [node]));
}

/** Every piece of markup on the page, shadow roots included (to check that a secret reached none of it). */
export function allMarkup(): string {
  const roots = deepElements().flatMap((node) => (node.shadowRoot ? [node.shadowRoot.innerHTML] : []));
  return [document.documentElement.outerHTML, ...roots].join('\n');
}

/** Every input and textarea value on the page, shadow roots included. */
export function allInputValues(): string[] {
  return deepElements().flatMap((node) => (node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement ? [node.value] : []));
}
