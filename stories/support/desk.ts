// What stories use to put a desk in a state: a simulator on a manual clock (built by the loader, handed to the
// global `<cc-sdk>` decorator), and small steps for play functions that drive it the way a page would:
// `sdk.request(...)` for the agent's actions, the simulator's controls for what happens elsewhere.
import { ref } from 'lit/directives/ref.js';
import type { CcSdk } from '../../components/cc-sdk/cc-sdk.js';
import { SimulatorBackend } from '../../src/backends/simulator/backend.js';
import { simulatorProfile } from '../../src/backends/simulator/data.js';
import type { OfferSpec } from '../../src/backends/simulator/scenarios.js';
import { SimulatorServer, type Fault, type SimulatorTiming } from '../../src/backends/simulator/server.js';
import { ManualClock } from '../../src/core/clock.js';
import type { LoginOption, Profile } from '../../src/core/types.js';
import type { RequestDetails, RequestName } from '../../src/events/events.js';

/** `parameters.desk` of a story. */
export interface DeskParameters {
  /**
   * `manual` (default): a ManualClock that moves only when the play function says, so every time on screen is
   * the same on every run. `real`: `<cc-sdk backend="simulator">` on the wall clock, for stories to play with.
   */
  clock?: 'manual' | 'real';
  /** Real clock only: milliseconds each action takes, so progress is visible. */
  latency?: number;
  /** Changes to the simulated agent's profile (e.g. `autoWrapupSeconds`). */
  profile?: Partial<Profile>;
  timing?: Partial<SimulatorTiming>;
  /** False when the story renders its own `<cc-sdk>` (with `.backend=${loaded.rig.backend}` for the manual clock). */
  wrap?: boolean;
}

/** A simulated contact center on a manual clock, and the backend `<cc-sdk>` uses to reach it. */
export interface Rig {
  readonly clock: ManualClock;
  readonly server: SimulatorServer;
  readonly backend: SimulatorBackend;
}

export function createRig(params: DeskParameters = {}): Rig | null {
  if (params.clock === 'real') return null;
  const clock = new ManualClock();
  // A fixed seed: the simulator's customers say the same things at the same times on every run.
  const server = new SimulatorServer({ clock, profile: { ...simulatorProfile, ...params.profile }, timing: params.timing, conversations: { seed: 1 } });
  return { clock, server, backend: new SimulatorBackend({ server }) };
}

const boundRigs = new WeakMap<Element, Rig>();

/**
 * Gives a `<cc-sdk>` the rig's backend the first time that element is rendered, and never again. Storybook runs
 * the loaders again each time a control changes (a new rig each time) and renders the same template again:
 * the element stays, so it keeps the desk the story built (a connected call stays connected), and the new
 * args only restyle or re-string it. A remount renders a new element, which gets the new rig.
 */
export function keepRig(rig: Rig) {
  return ref((el) => {
    if (!el || boundRigs.has(el)) return;
    boundRigs.set(el, rig);
    (el as CcSdk).backend = rig.backend;
  });
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/**
 * Lets every element under `root` finish rendering: answers already on their way (microtasks) arrive, the store
 * change re-renders the widgets, and what that render starts (an announcement) renders too; then one frame.
 */
export async function settle(root: ParentNode): Promise<void> {
  type Updating = HTMLElement & { updateComplete: Promise<unknown>; isUpdatePending: boolean };
  const elements = () =>
    [...root.querySelectorAll<Updating>('*')].filter((el) => el.localName.startsWith('cc-') && 'updateComplete' in el);
  for (let round = 0; round < 10; round++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    const pending = elements().filter((el) => el.isUpdatePending);
    if (pending.length === 0 && round > 0) break;
    await Promise.all(pending.map((el) => el.updateComplete));
  }
  await nextFrame();
}

/** Waits (real time) until `condition` holds. */
export async function until(condition: () => unknown, what: string, ms = 3000): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > ms) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The desk of a story, found from its canvas, with the steps play functions take. */
export class StoryDesk {
  readonly sdk: CcSdk;
  readonly root: HTMLElement;

  constructor(root: HTMLElement, sdk: CcSdk) {
    this.root = root;
    this.sdk = sdk;
  }

  get server(): SimulatorServer {
    const server = this.sdk.simulator;
    if (!server) throw new Error('The story is not on the simulator backend.');
    return server;
  }

  /** The manual clock, or null on the real one. */
  get clock(): ManualClock | null {
    const clock = this.server.clock;
    return clock instanceof ManualClock ? clock : null;
  }

  get backend(): SimulatorBackend {
    return this.sdk.desk.backend as SimulatorBackend;
  }

  /** The widget of that tag in the story. */
  widget<K extends keyof HTMLElementTagNameMap>(tag: K): HTMLElementTagNameMap[K] {
    const el = this.root.querySelector(tag);
    if (!el) throw new Error(`The story has no <${tag}>.`);
    return el;
  }

  settle(): Promise<void> {
    return settle(this.root);
  }

  /** Sends a request as a widget would, then waits for the widgets to show its outcome. */
  async request<N extends RequestName>(name: N, detail: RequestDetails[N]): Promise<void> {
    await this.sdk.request(name, detail);
    await this.settle();
  }

  /** Moves the simulator's clock (timers fall due on the way). */
  async advance(ms: number): Promise<void> {
    const clock = this.clock;
    if (!clock) throw new Error('advance() needs the manual clock.');
    clock.advance(ms);
    await this.settle();
  }

  signIn(accessToken = 'story-token'): Promise<void> {
    return this.request('cc-sign-in-request', { accessToken });
  }

  async logIn(loginOption: LoginOption = 'BROWSER', dialNumber?: string, teamId = 'team-support'): Promise<void> {
    await this.request('cc-station-login-request', { teamId, loginOption, ...(dialNumber ? { dialNumber } : {}) });
  }

  available(): Promise<void> {
    return this.request('cc-agent-state-request', { state: 'Available', auxCodeId: '0' });
  }

  /** Signed in, logged in to a station and Available: where offers arrive. */
  async ready(loginOption: LoginOption = 'BROWSER', dialNumber?: string): Promise<void> {
    await this.signIn();
    await this.logIn(loginOption, dialNumber);
    await this.available();
  }

  /** A contact arrives; returns its task id. */
  async offer(spec: OfferSpec = {}): Promise<string> {
    const before = new Set(this.server.tasks.map((t) => t.id));
    this.server.offer(spec);
    await this.settle();
    const task = this.server.tasks.find((t) => !before.has(t.id));
    if (!task) throw new Error('The offer was queued, not offered: is the agent Available with room for it?');
    return task.id;
  }

  /** A contact arrives and the agent accepts it; returns its task id. */
  async connect(spec: OfferSpec = {}): Promise<string> {
    const taskId = await this.offer(spec);
    await this.request('cc-task-accept-request', { taskId });
    return taskId;
  }

  /** A connected task ends (the agent ends it); its wrap-up is then owed. */
  end(taskId: string): Promise<void> {
    return this.request('cc-task-end-request', { taskId });
  }

  /** The next action (or the next call of `fault.action`) is refused by the contact center. */
  failNext(fault: Fault): void {
    this.server.failNext(fault);
  }

  /**
   * Holds the backend's answer to `method` until the returned function is called, so a story can show an
   * action under way. Stories that never release leave it pending: the page is thrown away after.
   */
  holdBack(
    method: 'connect' | 'stationLogin' | 'stationLogout' | 'setAgentState' | 'wrapup' | 'hold' | 'deregister' | 'destinations' | 'sendMessage' | 'leaveConference',
  ): () => void {
    const backend = this.backend as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    const original = backend[method].bind(this.backend);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    backend[method] = (...args: unknown[]) => gate.then(() => original(...args));
    return release;
  }

  /** The backend answers `method` with `value` from now on (an empty list of agents, say). */
  answer(method: 'destinations', value: unknown): void {
    const backend = this.backend as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    backend[method] = () => Promise.resolve(value);
  }

  /** The network drops and stays down (the desk is reconnecting) until `server.restoreConnection()`. */
  async dropConnection(): Promise<void> {
    this.server.dropConnection(null);
    await this.settle();
  }
}

/**
 * Mid-shift (the Desk stories): an email owes its wrap-up, a chat is open (unless `openChat` is false), a call is
 * on hold for 0:20, and a new chat rings. Needs a profile that routes during wrap-up.
 */
export async function midShift(desk: StoryDesk, { openChat = true } = {}): Promise<void> {
  await desk.ready();
  const email = await desk.connect({ mediaType: 'email' });
  await desk.advance(180_000);
  await desk.end(email);
  if (openChat) {
    await desk.connect({ mediaType: 'chat' });
    await desk.advance(45_000);
  }
  const call = await desk.connect({ mediaType: 'telephony', cad: { orderNumber: 'SO-58213' } });
  await desk.advance(70_000);
  await desk.request('cc-task-hold-request', { taskId: call });
  await desk.advance(20_000);
  await desk.offer({ mediaType: 'chat', customerName: 'Ada Quist', ani: '@ada' });
  await desk.advance(3_000);
}

/** The story's desk, once its `<cc-sdk>` has a backend. */
export async function deskIn(canvas: HTMLElement): Promise<StoryDesk> {
  const sdk = canvas.querySelector('cc-sdk');
  if (!sdk) throw new Error('The story has no <cc-sdk>.');
  await until(() => sdk.desk.backend, '<cc-sdk> to attach its backend');
  const desk = new StoryDesk(canvas, sdk);
  await desk.settle();
  return desk;
}

/** The story's desk with the agent signed in, logged in to a station and Available. */
export async function readyDeskIn(canvas: HTMLElement): Promise<StoryDesk> {
  const desk = await deskIn(canvas);
  await desk.ready();
  return desk;
}

/** The shadow root of the first element of that tag in the story. */
export function shadowOf(canvas: ParentNode, tag: string): ShadowRoot {
  const el = canvas.querySelector(tag);
  if (!el?.shadowRoot) throw new Error(`No rendered <${tag}> in the story.`);
  return el.shadowRoot;
}

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** The visible text of the first match of `selector` in the element's shadow root ('' when none). */
export function textIn(el: Element, selector: string): string {
  return squash(el.shadowRoot?.querySelector(selector)?.textContent);
}

/** A button inside the element's shadow root, by its visible label. */
export function buttonIn(el: Element, label: string, scope = ''): HTMLButtonElement {
  const buttons = [...(el.shadowRoot?.querySelectorAll<HTMLButtonElement>(`${scope} button`) ?? [])];
  const button = buttons.find((b) => squash(b.textContent) === label);
  if (!button) throw new Error(`No "${label}" button (have: ${buttons.map((b) => squash(b.textContent)).join(', ')}).`);
  return button;
}

/** Types into a field as a user would (sets the value, fires `input` and `change`). */
export function typeInto(field: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string): void {
  field.focus();
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  field.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}
