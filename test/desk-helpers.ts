// A whole agent desk (`<cc-sdk>` and every widget) on a manual-clock simulator, driven as a user would:
// by the buttons, fields and pickers inside the widgets' shadow roots.
import { html } from '@open-wc/testing';
import { sdkFixture, until } from './helpers.js';
import { visibleText } from './page-helpers.js';
import type { SimulatorServerOptions } from '../src/backends/simulator/server.js';
import type { OfferSpec } from '../src/backends/simulator/scenarios.js';
import type { CcOutcomeEvent } from '../src/events/events.js';

export const WIDGETS = ['cc-auth', 'cc-station-login', 'cc-state-select', 'cc-task-panel', 'cc-wrapup'] as const;
export type Widget = (typeof WIDGETS)[number];

export const squash = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();

/** A storage the simulator can keep its state in, and a second simulator can read back (a reload). */
export function memoryStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  const data = new Map<string, string>();
  return {
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

/**
 * One outcome event in a word, for order assertions: the name, and what tells it apart when the name alone
 * does not (`cc-task-change:held`, `cc-connection-change:reconnecting`, `cc-task-rejected:rona`,
 * `cc-error:task-hold`).
 */
export function word(event: CcOutcomeEvent): string {
  const d = event.detail as { change?: string; status?: string; reason?: string; action?: string };
  switch (event.type) {
    case 'cc-task-change':
      return `${event.type}:${d.change}`;
    case 'cc-connection-change':
      return `${event.type}:${d.status}`;
    case 'cc-task-rejected':
      return `${event.type}:${d.reason}`;
    case 'cc-error':
      return `${event.type}:${d.action}`;
    default:
      return event.type;
  }
}

/** A desk with every widget inside one `<cc-sdk>`, and the means to use it as an agent would. */
export async function fullDesk(options: SimulatorServerOptions = {}) {
  const rig = await sdkFixture(
    html`<cc-sdk>
      <cc-auth></cc-auth>
      <cc-station-login></cc-station-login>
      <cc-state-select></cc-state-select>
      <cc-task-panel></cc-task-panel>
      <cc-wrapup></cc-wrapup>
    </cc-sdk>`,
    options,
  );
  const { sdk, events } = rig;

  const widget = (tag: Widget) => sdk.querySelector(tag) as HTMLElement & { updateComplete: Promise<boolean> };
  const shadow = (tag: Widget) => widget(tag).shadowRoot!;
  const $ = <E extends Element = HTMLElement>(tag: Widget, selector: string) => shadow(tag).querySelector<E>(selector);
  const $$ = <E extends Element = HTMLElement>(tag: Widget, selector: string) => [...shadow(tag).querySelectorAll<E>(selector)];
  /** What the agent reads in a widget (or in one part of it); live regions and hidden parts left out. */
  const text = (tag: Widget, selector?: string) => visibleText(selector ? $(tag, selector) : widget(tag));
  /** The messages shown as alerts in a widget. */
  const alerts = (tag: Widget) => $$(tag, '[role="alert"]').map((e) => visibleText(e));

  /** Lets every widget render what the store now holds. */
  const paint = async () => {
    for (let i = 0; i < 3; i++) {
      await Promise.all(WIDGETS.map((t) => widget(t).updateComplete));
      await new Promise((r) => setTimeout(r, 0));
    }
  };
  /** Waits until no request is under way, then until the widgets have rendered. */
  const settle = async () => {
    await until(() => Object.keys(sdk.state.pending).length === 0, 3000, 'no request under way');
    await paint();
  };

  const labelOf = (b: HTMLButtonElement) => squash(b.querySelector('.label')?.textContent ?? b.textContent);
  /** A button by its visible label, in a widget or in one element of it. */
  const button = (tag: Widget, label: string, scope?: ParentNode): HTMLButtonElement => {
    const all = [...(scope ?? shadow(tag)).querySelectorAll<HTMLButtonElement>('button')];
    const found = all.find((b) => labelOf(b) === label);
    if (!found) throw new Error(`no button "${label}" in <${tag}>; it has: ${all.map(labelOf).join(', ') || 'none'}`);
    return found;
  };
  const click = async (tag: Widget, label: string, scope?: ParentNode) => {
    button(tag, label, scope).click();
    await settle();
  };
  const fill = async (tag: Widget, selector: string, value: string) => {
    const field = $<HTMLInputElement | HTMLTextAreaElement>(tag, selector);
    if (!field) throw new Error(`no field ${selector} in <${tag}>`);
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await paint();
  };
  /** Picks an option of a select, or checks a radio. */
  const choose = async (tag: Widget, selector: string, value?: string) => {
    const field = $<HTMLSelectElement | HTMLInputElement>(tag, selector);
    if (!field) throw new Error(`no field ${selector} in <${tag}>`);
    if (field instanceof HTMLSelectElement) field.value = value!;
    else field.checked = true;
    field.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await settle();
  };

  // ---- the agent's usual steps, through the widgets --------------------------------------------

  const signIn = async (token = 'agent-token-7c1f') => {
    await fill('cc-auth', '#token', token);
    await click('cc-auth', 'Sign in');
  };
  /** Logs in to the station the form offers (the first team, the browser). */
  const logIn = () => click('cc-station-login', 'Log in');
  const goAvailable = () => choose('cc-state-select', 'select', '0');
  const ready = async () => {
    await signIn();
    await logIn();
    await goAvailable();
  };
  /** A contact arrives; returns its task id. */
  const offer = async (spec: OfferSpec = {}) => {
    rig.server.offer(spec);
    await paint();
    return rig.server.tasks.at(-1)!.id;
  };
  const offerCard = (taskId: string) => {
    const card = $(`cc-task-panel`, `[part~="offer"][data-task="${taskId}"]`);
    if (!card) throw new Error(`no offer ${taskId} in the task panel: ${text('cc-task-panel')}`);
    return card;
  };
  /** A contact arrives and the agent accepts it from its offer card; returns its task id. */
  const takeCall = async (spec: OfferSpec = {}) => {
    const taskId = await offer(spec);
    await click('cc-task-panel', 'Accept', offerCard(taskId));
    return taskId;
  };

  /** The outcome events so far, each in a word. */
  const heard = () => events.map(word);
  const count = (name: string) => heard().filter((w) => w === name).length;
  /** The time the selected task has been connected, and on hold, as the task panel shows them. */
  const timers = () => ({
    duration: text('cc-task-panel', '[data-timer="duration"]'),
    hold: text('cc-task-panel', '[part~="hold-timer"]'),
  });

  return {
    ...rig,
    widget,
    $,
    $$,
    text,
    alerts,
    paint,
    settle,
    button,
    click,
    fill,
    choose,
    signIn,
    logIn,
    goAvailable,
    ready,
    offer,
    offerCard,
    takeCall,
    heard,
    count,
    timers,
  };
}

export type FullDesk = Awaited<ReturnType<typeof fullDesk>>;

/** A desk whose agent has signed in, logged in to a station and gone Available, through the widgets. */
export async function readyDesk(options: SimulatorServerOptions = {}) {
  const d = await fullDesk(options);
  await d.ready();
  return d;
}

/** A ready desk on a call: a contact arrived and the agent accepted it from its offer card (`taskId`). */
export async function deskOnACall(options: SimulatorServerOptions = {}, spec: OfferSpec = {}) {
  const d = await readyDesk(options);
  const taskId = await d.takeCall(spec);
  return { d, taskId };
}

/** Replaces a backend method with one that counts its calls and waits for `release()` before answering. */
export function holdCalls<T extends object, K extends keyof T>(target: T, method: K) {
  const original = (target[method] as (...args: unknown[]) => Promise<unknown>).bind(target);
  let gate!: () => void;
  const opened = new Promise<void>((resolve) => (gate = resolve));
  const calls: unknown[][] = [];
  (target as Record<K, unknown>)[method] = async (...args: unknown[]) => {
    calls.push(args);
    await opened;
    return original(...args);
  };
  return { calls, release: () => gate() };
}
