/**
 * The backends' strict-CSP tests (XuC, TCCC): a page in an iframe under a given Content-Security-Policy, with the
 * violation recorder (violations.js) and the desk from the CDN build (`npm test` builds /dist/cdn/ when it is
 * missing or stale).
 */
import { expect } from '@open-wc/testing';
import { until } from '../helpers-no-define.js';

/** What these tests read and drive of the frame's `<cc-sdk>`. */
export interface FrameSdk extends HTMLElement {
  desk: { backend: unknown };
  state: {
    session: { status: string };
    profile: { teams: readonly { id: string }[] } | null;
    agent: { state: string } | null;
    tasks: readonly { id: string; state: string }[];
    errors: Record<string, { code: string; message: string }>;
  };
  request(name: string, detail: unknown): Promise<boolean>;
}

export type FrameWidget = HTMLElement & { updateComplete: Promise<boolean> };

/** The desk's tags in these pages. */
const TAGS = ['cc-sdk', 'cc-auth', 'cc-task-panel', 'cc-wrapup'];

/**
 * Call at the top of a describe's file, before its other hooks: returns `open`, which loads a page under `policy`
 * whose `<cc-sdk id="desk">` carries `sdkAttributes` (`backend="…" …`) around `<cc-auth>`, `<cc-task-panel>` and
 * `<cc-wrapup>`, and resolves once every tag is defined. The frame is removed after each test.
 */
export function cspDeskFrames() {
  let frame: HTMLIFrameElement | null = null;
  afterEach(() => {
    frame?.remove();
    frame = null;
  });
  return async function open({ title, policy, sdkAttributes }: { title: string; policy: string; sdkAttributes: string }) {
    frame = document.createElement('iframe');
    frame.style.cssText = 'width: 1000px; height: 900px; border: 0';
    frame.srcdoc = `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${policy.replaceAll('"', '&quot;')}">
<title>${title}</title>
<script src="/test/csp/violations.js"></script>
<script type="module" src="/dist/cdn/cc-elements.js"></script>
</head><body>
<cc-sdk id="desk" ${sdkAttributes}><cc-auth></cc-auth><cc-task-panel></cc-task-panel><cc-wrapup></cc-wrapup></cc-sdk>
</body></html>`;
    const loaded = new Promise((resolve) => frame!.addEventListener('load', resolve, { once: true }));
    document.body.append(frame);
    await loaded;
    const win = frame.contentWindow as Window & typeof globalThis & { cspViolations: string[] };
    const doc = frame.contentDocument!;
    await until(() => TAGS.every((t) => win.customElements.get(t)), 10000, 'every tag defined');
    const sdk = doc.getElementById('desk') as FrameSdk;
    const widget = (tag: string) => doc.querySelector(tag) as FrameWidget;
    /** Waits for the sign-in to end, signed in or refused. */
    const signInSettled = () =>
      until(() => sdk.state.session.status === 'signed-in' || sdk.state.errors['cc-sign-in-request'], 10000, 'the sign-in');
    return { win, doc, sdk, widget, signInSettled };
  };
}

/**
 * The policy is in force: a string reaching an HTML sink is refused in this page, and that probe is reported
 * (violations arrive as a task of their own: the recorder works). Clears the recorder for what follows.
 */
export async function expectTrustedTypesEnforced(win: Window & { cspViolations: string[] }, doc: Document) {
  expect(() => {
    doc.createElement('div').innerHTML = '<b>x</b>';
  }, 'Trusted Types enforced').to.throw(/TrustedHTML/);
  await until(() => win.cspViolations.length === 1, 3000, 'the probe reported');
  win.cspViolations.length = 0;
}
