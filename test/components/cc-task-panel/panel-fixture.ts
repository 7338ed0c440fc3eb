/**
 * The set-up the task panel's tests share: a `<cc-sdk>` on the simulator with a `<cc-task-panel>` in it, the
 * shadow-root queries, the wait for no pending request, a recorder of the requests the page receives, and the
 * agent's way to a task (signed in, logged in to a station, Available, a task offered).
 */
import { html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../../define/cc-task-panel.js';
import { sdkFixture, until } from '../../helpers.js';
import type { CcTaskPanel } from '../../../components/cc-task-panel/cc-task-panel.js';
import type { SimulatorBackend } from '../../../src/backends/simulator/backend.js';
import type { SimulatorServer } from '../../../src/backends/simulator/server.js';
import type { OfferSpec } from '../../../src/backends/simulator/scenarios.js';
import type { LoginOption } from '../../../src/core/types.js';
import type { CcRequestEvent, RequestDetails, RequestName } from '../../../src/events/events.js';

export interface PanelFixtureOptions {
  /** The page: by default `<cc-sdk><cc-task-panel></cc-task-panel></cc-sdk>`. */
  template?: TemplateResult;
  /** A backend of the test's own over the simulator's contact center, put in place of the default one. */
  backend?: (server: SimulatorServer) => SimulatorBackend;
}

export async function panelFixture(options: PanelFixtureOptions = {}) {
  const rig = await sdkFixture(options.template ?? html`<cc-sdk><cc-task-panel></cc-task-panel></cc-sdk>`);
  if (options.backend) {
    const b = options.backend(rig.server);
    rig.sdk.backend = b;
    await until(() => rig.sdk.desk.backend === b);
  }
  const el = rig.sdk.querySelector('cc-task-panel') as CcTaskPanel;
  const shadow = () => el.shadowRoot!;
  const $ = <E extends Element = HTMLElement>(selector: string, scope: ParentNode = shadow()) => scope.querySelector<E>(selector);
  const $$ = <E extends Element = HTMLElement>(selector: string, scope: ParentNode = shadow()) => [...scope.querySelectorAll<E>(selector)];
  /** Waits until no request is pending, then for the panel's render. */
  const settle = async () => {
    await until(() => Object.keys(rig.sdk.state.pending).length === 0, 3000, 'no pending request');
    await el.updateComplete;
  };
  /** Records the details of a request the page receives. */
  const requests = <N extends RequestName>(name: N) => {
    const seen: RequestDetails[N][] = [];
    el.addEventListener(name, (e) => seen.push((e as CcRequestEvent<N>).detail));
    return seen;
  };
  /** Signs in, logs in to a station (an AGENT_DN login dials +14155550199) and goes Available, by request. */
  const login = async (loginOption: LoginOption = 'BROWSER') => {
    await rig.sdk.request('cc-sign-in-request', { accessToken: 't' });
    await rig.sdk.request('cc-station-login-request', {
      teamId: 'team-support',
      loginOption,
      ...(loginOption === 'AGENT_DN' ? { dialNumber: '+14155550199' } : {}),
    });
    await rig.sdk.request('cc-agent-state-request', { state: 'Available', auxCodeId: '0' });
    await el.updateComplete;
  };
  /** Offers a task on the simulator; resolves with its id once the panel has rendered the offer. */
  const offer = async (spec: OfferSpec = {}) => {
    rig.server.offer(spec);
    await el.updateComplete;
    return rig.server.tasks.at(-1)!.id;
  };
  return { ...rig, el, $, $$, settle, requests, login, offer };
}
