// Helpers for the tests of one session across tabs: each "tab" is a same-origin iframe of the test page running
// test/tabs/tab.html. Same-origin frames share the browser's Web Locks and BroadcastChannel with each other,
// exactly as tabs of one browser profile do; removing a frame destroys its document, which releases its lock as
// closing a tab does; `location.reload()` reloads it. Frames (not window.open popups) because a popup is a
// background window that gets no animation frames in headless Chromium, and needs no popup permission.
import type { CcSdk } from '../../components/cc-sdk/cc-sdk.js';
import type { DeskState } from '../../src/core/store.js';
import { until } from '../helpers-no-define.js';

export { until };

export interface Heard {
  readonly type: string;
  readonly detail: Record<string, unknown> & { leader: boolean };
}

type TabWindow = Window & typeof globalThis & { heard: Heard[]; callLog: string[] };

export interface Tab {
  readonly frame: HTMLIFrameElement;
  readonly win: TabWindow;
  readonly doc: Document;
  readonly sdk: CcSdk;
  /** Every outcome this tab's page heard, in order. */
  heard(type?: string): Heard[];
  /** The calls this tab's page logged (only where `detail.leader`). */
  callLog(): string[];
  state(): DeskState;
  /** A widget's button, by its visible text. */
  button(tag: string, label: RegExp): HTMLButtonElement | undefined;
  click(tag: string, label: RegExp): Promise<void>;
  /** Lets the widgets render what the store holds now. */
  settle(): Promise<void>;
  reload(): Promise<void>;
  close(): void;
}

let counter = 0;
/** A session key of its own for each test: frames of earlier tests can never meet it. */
export const freshSession = (name: string) => `${name}-${Date.now()}-${++counter}`;

const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const TAGS = ['cc-auth', 'cc-station-login', 'cc-state-select', 'cc-task-panel', 'cc-wrapup'];

async function loaded(frame: HTMLIFrameElement): Promise<{ win: TabWindow; doc: Document; sdk: CcSdk }> {
  await until(() => frame.contentDocument?.readyState === 'complete' && (frame.contentWindow as TabWindow | null)?.heard, 10000, 'the tab loaded');
  const win = frame.contentWindow as TabWindow;
  const doc = frame.contentDocument!;
  await until(() => TAGS.every((t) => win.customElements.get(t)) && win.customElements.get('cc-sdk'), 10000, 'every tag defined');
  const sdk = doc.getElementById('desk') as CcSdk;
  await until(() => sdk.role !== null, 10000, 'the tab to know its role');
  // Ready to act: a leader (or independent tab) has its backend, a follower its leader's picture.
  await until(() => (sdk.role === 'follower' ? sdk.state.backend : sdk.desk.backend), 10000, 'the tab ready');
  return { win, doc, sdk };
}

/** Opens a tab of session `session` (attributes of its `<cc-sdk>` in `attrs`), once it knows its role. */
export async function openTab(session: string, attrs: Record<string, string> = {}): Promise<Tab> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 640px; height: 480px; border: 1px solid';
  frame.src = `/test/tabs/tab.html?${new URLSearchParams({ session, latency: '30', ...attrs })}`;
  document.body.append(frame);
  let current = await loaded(frame);
  const widget = (tag: string) => current.doc.querySelector(tag) as HTMLElement & { updateComplete: Promise<boolean> };
  const tab: Tab = {
    frame,
    get win() {
      return current.win;
    },
    get doc() {
      return current.doc;
    },
    get sdk() {
      return current.sdk;
    },
    heard: (type) => current.win.heard.filter((h) => !type || h.type === type),
    callLog: () => current.win.callLog,
    state: () => current.sdk.state,
    button: (tag, label) => [...(widget(tag).shadowRoot?.querySelectorAll('button') ?? [])].find((b) => label.test(squash(b.textContent))),
    async click(tag, label) {
      const button = tab.button(tag, label);
      if (!button) {
        const shown = [...(widget(tag).shadowRoot?.querySelectorAll('button') ?? [])].map((b) => squash(b.textContent));
        throw new Error(`no button ${label} in <${tag}>: ${shown.join(', ')}`);
      }
      button.click();
      await tab.settle();
    },
    async settle() {
      for (let i = 0; i < 3; i++) {
        await Promise.all(TAGS.map((t) => widget(t).updateComplete));
        await new Promise((r) => setTimeout(r, 0));
      }
    },
    async reload() {
      // The frame's window object stays the same across a navigation; its document and globals do not.
      const oldDoc = current.doc;
      const oldHeard = current.win.heard;
      current.win.location.reload();
      await until(() => frame.contentDocument !== oldDoc && (frame.contentWindow as TabWindow).heard && (frame.contentWindow as TabWindow).heard !== oldHeard, 10000, 'the reloaded page');
      current = await loaded(frame);
    },
    close: () => frame.remove(),
  };
  return tab;
}

/**
 * `tab(session, attrs)` for a test file: opens a tab (see `openTab`) that closes after each test.
 * Call once at the top of the file.
 */
export function tabsClosedAfterEach(): (session: string, attrs?: Record<string, string>) => Promise<Tab> {
  const opened: Tab[] = [];
  afterEach(() => {
    for (const t of opened.splice(0)) t.close();
  });
  return async (session, attrs = {}) => {
    const t = await openTab(session, attrs);
    opened.push(t);
    return t;
  };
}

/** Signs in, logs in to a BROWSER station and goes Available, through `tab`'s `<cc-sdk>`. */
export async function signInAndAvailable(tab: Tab, token = 'tabs-token'): Promise<void> {
  await tab.sdk.request('cc-sign-in-request', { accessToken: token });
  await until(() => tab.state().session.status === 'signed-in', 5000, 'signed in');
  await tab.sdk.request('cc-station-login-request', { teamId: 'team-support', loginOption: 'BROWSER' });
  await until(() => tab.state().station, 5000, 'the station');
  await tab.sdk.request('cc-agent-state-request', { state: 'Available', auxCodeId: '0' });
  await until(() => tab.state().agent?.state === 'Available', 5000, 'Available');
}

/** The leader among `tabs` (its `sdk.simulator` is the contact center). */
export function leaderOf(tabs: readonly Tab[]): Tab {
  const leaders = tabs.filter((t) => t.sdk.role === 'leader');
  if (leaders.length !== 1) throw new Error(`expected one leader, found ${leaders.length}: ${tabs.map((t) => t.sdk.role).join(', ')}`);
  return leaders[0];
}
