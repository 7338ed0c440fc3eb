// Helpers for tests that drive the whole sample page as a user would.
import { sendKeys } from '@web/test-runner-commands';
import { until } from './helpers-no-define.js';

/** Every element in the document, shadow roots included, that matches `selector`. */
export function deepQueryAll<T extends Element = HTMLElement>(selector: string, root: ParentNode = document): T[] {
  const found: T[] = [...root.querySelectorAll<T>(selector)];
  for (const el of root.querySelectorAll('*')) {
    if (el.shadowRoot) found.push(...deepQueryAll<T>(selector, el.shadowRoot));
  }
  return found;
}

export const deepQuery = <T extends Element = HTMLElement>(selector: string, root: ParentNode = document): T | undefined =>
  deepQueryAll<T>(selector, root)[0];

/** The text a user sees in an element, its shadow root included, with white space folded. */
export function visibleText(el: Element | undefined | null): string {
  if (!el) return '';
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    if (node instanceof Element) {
      if (node instanceof HTMLElement && (node.hidden || node.classList.contains('sr-only'))) return;
      if (node.shadowRoot) {
        // Slotted light-DOM children render where their slot is.
        for (const child of node.shadowRoot.childNodes) walk(child);
        return;
      }
      if (node instanceof HTMLSlotElement) {
        for (const child of node.assignedNodes({ flatten: true })) walk(child);
        return;
      }
    }
    if (node instanceof HTMLStyleElement || node instanceof HTMLScriptElement) return;
    for (const child of node.childNodes) walk(child);
  };
  walk(el);
  // Text nodes are joined with a space, so drop the one that lands before punctuation: an isolated name
  // (`<bdi>Sam</bdi>: ringing`) reads "Sam: ringing" on screen, as here.
  return parts.join(' ').replace(/\s+/g, ' ').replace(/ ([:,.;!?…])/g, '$1').trim();
}

/** The focused element, through shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Presses Tab (or Shift+Tab) until the focused element satisfies `matches`; fails after `max` presses. */
export async function tabTo(matches: (el: Element) => boolean, what: string, max = 80): Promise<Element> {
  for (let i = 0; i < max; i++) {
    const active = deepActiveElement();
    if (active && matches(active)) return active;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached ${what}; focus is on ${deepActiveElement()?.outerHTML.slice(0, 120)}`);
}

/** Focus is on a button (or link) whose visible text or accessible name matches. */
export const isButton = (name: RegExp) => (el: Element) =>
  (el.localName === 'button' || el.getAttribute('role') === 'button' || el.getAttribute('role') === 'tab') &&
  name.test(`${el.textContent ?? ''} ${el.getAttribute('aria-label') ?? ''}`.replace(/\s+/g, ' ').trim());

export const isField = (id: RegExp) => (el: Element) =>
  ['input', 'select', 'textarea'].includes(el.localName) &&
  (id.test(el.id) || id.test(el.getAttribute('name') ?? '') || id.test(el.getAttribute('aria-label') ?? ''));

/** Types into the focused field. */
export async function type(text: string): Promise<void> {
  await sendKeys({ type: text });
}

export async function press(key: string): Promise<void> {
  await sendKeys({ press: key });
}

/**
 * Puts the sample page (demo/index.html) into the test page and runs its script. Its `<cc-sdk>` gets the
 * given backend before the page script runs, so time and faults are the test's to control.
 */
export async function loadSamplePage(prepare: (sdk: HTMLElement) => void): Promise<void> {
  const html = await (await fetch('/demo/index.html')).text();
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const style = document.createElement('link');
  style.rel = 'stylesheet';
  style.href = '/demo/crm.css';
  document.head.append(style);
  document.body.innerHTML = doc.body.innerHTML;
  prepare(document.getElementById('desk')!);
  await import('../demo/crm.js');
  await until(() => customElements.get('cc-task-panel') && customElements.get('demo-simulator-panel'));
}

/** Waits until every element on the page (shadow roots included) has finished updating. */
export async function settlePage(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await Promise.all(deepQueryAll('*').map((el) => (el as Partial<{ updateComplete: Promise<unknown> }>).updateComplete));
    await new Promise((r) => setTimeout(r, 0));
  }
}

/** axe on the whole page; a failure names the step it happened at. */
export async function pageIsAccessible(step: string): Promise<void> {
  const { expect } = await import('@open-wc/testing');
  try {
    await expect(document.body).to.be.accessible();
  } catch (e) {
    throw new Error(`axe, at "${step}": ${(e as Error).message}`);
  }
}

/**
 * Loads the sample page on the given simulator backend (no persistence, no latency) and records the outcome
 * events the page hears, as `name` or `name:change`, connection changes left out.
 */
export async function startJourney(backend: unknown, simulator: unknown): Promise<{ heard: string[]; events: Event[] }> {
  const { outcomeEvents } = await import('../src/events/catalog.js');
  sessionStorage.clear();
  await loadSamplePage((el) => {
    el.removeAttribute('persist');
    el.setAttribute('latency', '0');
    (el as HTMLElement & { backend: unknown }).backend = backend;
  });
  const heard: string[] = [];
  const events: Event[] = [];
  for (const name of outcomeEvents) {
    if (name === 'cc-connection-change') continue;
    document.addEventListener(name, (e) => {
      events.push(e);
      const change = (e as unknown as { detail: { change?: string } }).detail.change;
      heard.push(change ? `${name}:${change}` : name);
    });
  }
  const sdk = document.getElementById('desk') as HTMLElement & { simulator: unknown };
  await until(() => sdk.simulator === simulator, 3000, 'the test backend');
  await settlePage();
  return { heard, events };
}
