import { html, nothing, type TemplateResult } from 'lit';
import type { TaskSnapshot } from '../../src/core/types.js';
import { face, type PanelView } from './view.js';

/** The twelve keys of a phone's keypad, in its order. */
export const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;

const REQUEST = 'cc-task-dtmf-request';

/**
 * The keypad of the selected call: a Keypad button that opens twelve keys (0-9, * and #), each sending its
 * key as DTMF (`cc-task-dtmf-request`); the keys sent so far are echoed above them. Typing a key while focus
 * is in the keypad presses it; Escape closes it and focus goes back to the Keypad button. Keys pressed while
 * the previous ones are still on their way are kept and sent together next, so none is lost.
 */
export class Keypad {
  readonly view: PanelView;
  /** The task whose keypad is open. */
  #open: string | null = null;
  /** What the agent pressed on each call, to echo. */
  #typed = new Map<string, string>();
  /** Keys pressed while a send was under way, per call. */
  #queued = new Map<string, string>();

  constructor(view: PanelView) {
    this.view = view;
  }

  /** Whether the keypad of `task` is open. */
  isOpen(task: TaskSnapshot): boolean {
    return this.#open === task.id;
  }

  /** Closes the keypad when its task is gone or no longer connected; forgets what ended calls typed. */
  closeIfStale(tasks: readonly TaskSnapshot[]): void {
    const live = new Set(tasks.filter((t) => t.state === 'connected').map((t) => t.id));
    if (this.#open !== null && !live.has(this.#open)) this.#open = null;
    for (const id of [...this.#typed.keys()]) if (!live.has(id)) this.#typed.delete(id);
    for (const id of [...this.#queued.keys()]) if (!live.has(id)) this.#queued.delete(id);
  }

  /** The Keypad button (it opens and closes the keys). */
  opener(task: TaskSnapshot): TemplateResult {
    const view = this.view;
    const open = this.isOpen(task);
    return html`<button
      type="button"
      data-action="dtmf"
      aria-expanded=${open ? 'true' : 'false'}
      aria-controls=${open ? `keypad-${view.domId(task.id)}` : nothing}
      @click=${() => {
        this.#open = open ? null : task.id;
        if (!open) view.focusNext('[part~="keypad"] button[data-key="1"]');
        view.requestUpdate();
      }}
    >
      ${face(view, view.t('keypad'), false)}
    </button>`;
  }

  /** The Keypad button and, when open for `task`, the keys (part `keypad`). */
  render(task: TaskSnapshot): TemplateResult {
    return html`<div class="row keypad-row">${this.opener(task)}</div>
      ${this.#keys(task)}`;
  }

  /** The echo of what was sent, then the twelve keys. */
  #keys(task: TaskSnapshot): TemplateResult | typeof nothing {
    if (!this.isOpen(task)) return nothing;
    const view = this.view;
    const pending = view.cc.pending(REQUEST, task.id);
    // What was pressed while a send was under way goes as soon as it is done.
    if (!pending && this.#queued.get(task.id)) queueMicrotask(() => this.#flush(task.id));
    const typed = this.#typed.get(task.id) ?? '';
    const id = view.domId(task.id);
    return html`<div
      part="keypad"
      class="keypad"
      id="keypad-${id}"
      role="group"
      aria-label=${view.t('keypadLabel')}
      @keydown=${(e: KeyboardEvent) => this.#onKey(e, task)}
    >
      <p class="keys-sent" role="status" aria-live="polite">
        ${typed ? view.t('keysSent', { keys: typed }) : view.t('keypadHint')}${pending ? html`<span class="sr-only">${view.t('working')}</span>` : nothing}
      </p>
      <div class="keys">
        ${KEYS.map(
          (key) =>
            html`<button type="button" data-key=${key} aria-label=${view.t('keyLabel', { key })} aria-disabled=${view.offline ? 'true' : nothing} @click=${() => this.press(task, key)}>
              ${key}
            </button>`,
        )}
      </div>
    </div>`;
  }

  /** Presses `key` on the call: sent now, or with the next send when one is under way. */
  press(task: TaskSnapshot, key: string): void {
    const view = this.view;
    if (view.offline) return;
    this.#typed.set(task.id, `${this.#typed.get(task.id) ?? ''}${key}`);
    this.#queued.set(task.id, `${this.#queued.get(task.id) ?? ''}${key}`);
    if (!view.cc.pending(REQUEST, task.id)) this.#flush(task.id);
    view.requestUpdate();
  }

  #flush(taskId: string): void {
    const digits = this.#queued.get(taskId);
    if (!digits || this.view.cc.pending(REQUEST, taskId)) return;
    this.#queued.delete(taskId);
    this.view.cc.request(REQUEST, { taskId, digits });
  }

  #onKey(e: KeyboardEvent, task: TaskSnapshot): void {
    if (e.key === 'Escape') {
      e.stopPropagation();
      this.#open = null;
      this.view.focusNext('[data-action="dtmf"]');
      this.view.requestUpdate();
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey || !(KEYS as readonly string[]).includes(e.key)) return;
    e.preventDefault();
    this.press(task, e.key);
  }
}
