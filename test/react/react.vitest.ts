// The React wrappers (react/index.ts) in a real browser: React renders the kit's elements, properties reach
// them as properties, and events reach `onX` props. Run by vitest (`npm run test:stories`, project `react`).
import * as React from 'react';
import * as ReactDOM from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import manifest from '../../custom-elements.json';
import { CcSdk, CcTaskPanel, CcWrapup, eventProp, reactEvents, type CcSdkElement } from '../../react/index.js';
import { SimulatorBackend } from '../../src/backends/simulator/backend.js';
import { REQUEST_NAMES, requestsOf } from '../../src/core/actions.js';
import { eventCatalog } from '../../src/events/catalog.js';
import { SimulatorServer } from '../../src/backends/simulator/server.js';
import { ManualClock } from '../../src/core/clock.js';
import type { TaskSnapshot } from '../../src/core/types.js';
import type { CcRequestEvent } from '../../src/events/events.js';
import { until } from '../helpers-no-define.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: ReactDOM.Root | null = null;
let host: HTMLElement | null = null;

afterEach(async () => {
  await React.act(async () => root?.unmount());
  host?.remove();
  root = null;
  host = null;
});

/** Renders a React tree into the page. */
async function render(element: React.ReactElement): Promise<HTMLElement> {
  host = document.createElement('div');
  document.body.append(host);
  root = ReactDOM.createRoot(host);
  await React.act(async () => root!.render(element));
  return host;
}

function simulator() {
  const clock = new ManualClock();
  const server = new SimulatorServer({ clock });
  return { clock, server, backend: new SimulatorBackend({ server }) };
}

async function readyDesk(sdk: CcSdkElement, backend: SimulatorBackend): Promise<void> {
  await until(() => sdk.desk.backend === backend, 3000, 'the backend to attach');
  await sdk.request('cc-sign-in-request', { accessToken: 'react-token' });
  await sdk.request('cc-station-login-request', { teamId: 'team-support', loginOption: 'BROWSER' });
  await sdk.request('cc-agent-state-request', { state: 'Available', auxCodeId: '0' });
}

describe('React wrappers', () => {
  it('call onCcTaskIncoming when the simulator offers a task', async () => {
    const { server, backend } = simulator();
    const incoming: TaskSnapshot[] = [];
    const page = await render(
      React.createElement(
        CcSdk,
        { backend, onCcTaskIncoming: (event) => incoming.push(event.detail.task) },
        React.createElement(CcTaskPanel),
      ),
    );
    const sdk = page.querySelector('cc-sdk')!;
    await readyDesk(sdk, backend);
    expect(incoming).toEqual([]);
    server.offer({ mediaType: 'telephony' });
    expect(incoming).toHaveLength(1);
    expect(incoming[0]).toMatchObject({ mediaType: 'telephony', customerName: 'Priya Raman', state: 'offered' });
  });

  it('pass widget requests to their onX props, which may cancel them', async () => {
    const { server, backend } = simulator();
    const accepts: string[] = [];
    const wrapups: CcRequestEvent<'cc-wrapup-request'>[] = [];
    const page = await render(
      React.createElement(
        CcSdk,
        { backend, onCcWrapupRequest: (event) => wrapups.push(event) },
        React.createElement(CcTaskPanel, {
          onCcTaskAcceptRequest: (event) => {
            accepts.push(event.detail.taskId);
            event.preventDefault();
          },
        }),
        React.createElement(CcWrapup),
      ),
    );
    const sdk = page.querySelector('cc-sdk')!;
    await readyDesk(sdk, backend);
    server.offer({ mediaType: 'chat' });
    const panel = page.querySelector('cc-task-panel')!;
    await panel.updateComplete;
    panel.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="accept"]')!.click();
    expect(accepts).toEqual([server.tasks[0].id]);
    // Cancelled by the prop: the offer is still ringing.
    expect(server.tasks[0].state).toBe('offered');
    await sdk.request('cc-wrapup-request', { taskId: 'none', auxCodeId: 'wrap-resolved', notes: '' });
    expect(wrapups.map((e) => e.detail.auxCodeId)).toEqual(['wrap-resolved']);
  });

  it('set properties as properties (strings, a Backend object)', async () => {
    const { backend } = simulator();
    const page = await render(React.createElement(CcSdk, { backend }, React.createElement(CcTaskPanel, { strings: { notLoggedIn: 'Erst anmelden.' } })));
    const sdk = page.querySelector('cc-sdk')!;
    expect(sdk.backend).toBe(backend);
    const panel = page.querySelector('cc-task-panel')!;
    await until(() => panel.shadowRoot?.querySelector('[part="empty"]')?.textContent === 'Erst anmelden.', 3000, 'the replaced string');
  });

  it('have an onX prop for every event of every element in the manifest', () => {
    const declared = manifest.modules
      .flatMap((m) => m.declarations as { tagName?: string; events?: { name: string }[] }[])
      .filter((d) => d.tagName);
    expect(declared.map((d) => d.tagName).sort()).toEqual(Object.keys(reactEvents).sort());
    for (const decl of declared) {
      const props = reactEvents[decl.tagName as keyof typeof reactEvents] as Record<string, string>;
      for (const event of decl.events ?? []) expect(props[eventProp(event.name)], `${decl.tagName} ${event.name}`).toBe(event.name);
    }
    // <cc-sdk> also takes every request, since they bubble to it: the whole catalog.
    // (From the catalog, not a count: a new event, such as cc-queue-stats, needs no edit here.)
    expect(Object.keys(reactEvents['cc-sdk']).sort()).toEqual(Object.keys(eventCatalog).map(eventProp).sort());
    expect(reactEvents['cc-sdk'].onCcTaskIncoming).toBe('cc-task-incoming');
  });

  it('give each widget the props of the requests the action table says it sends, and <cc-sdk> all of them', () => {
    for (const tag of ['cc-auth', 'cc-station-login', 'cc-state-select', 'cc-task-panel', 'cc-wrapup', 'cc-conversation'] as const) {
      expect(Object.values(reactEvents[tag]), tag).toEqual(requestsOf(tag));
    }
    const sdkProps = reactEvents['cc-sdk'] as Record<string, string>;
    for (const name of REQUEST_NAMES) expect(sdkProps[eventProp(name)], name).toBe(name);
    expect(reactEvents['cc-task-panel'].onCcOutdialRequest).toBe('cc-outdial-request');
  });
});
