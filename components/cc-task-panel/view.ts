import { html, nothing, type TemplateResult } from 'lit';
import type { SharedStrings } from '../../src/base/cc-widget.js';
import type { DeskController } from '../../src/context/desk-controller.js';
import type { Consult, MediaType, TaskSnapshot } from '../../src/core/types.js';
import type { RequestDetails, RequestName, TaskRef } from '../../src/core/actions.js';
import { MEDIA, type StringKey } from './cc-task-panel.strings.js';

/** A string key of the panel (its own or one every widget shares). */
export type PanelKey = (StringKey | keyof SharedStrings) & string;

/** The requests whose detail is just `{taskId}` (from the action table): one button sends each. */
export type TaskAction = {
  [N in RequestName]: RequestDetails[N] extends TaskRef ? (TaskRef extends RequestDetails[N] ? N : never) : never;
}[RequestName];

/**
 * What the panel's controllers and template functions use of their element: its strings, its desk, its
 * helpers for network text and errors, and a way to ask for a re-render or a focus move. The element hands
 * one of these to each piece, so no piece reaches into another.
 */
export interface PanelView {
  readonly cc: DeskController;
  /** Whether the connection is down (actions are paused). */
  readonly offline: boolean;
  t(key: PanelKey, values?: Readonly<Record<string, string | number>>): string;
  tParts(key: PanelKey, values: Readonly<Record<string, unknown>>): unknown[];
  netText(value: string | undefined | null): TemplateResult;
  /** A timer (`m:ss`) in the panel's language. */
  duration(ms: number): string;
  renderError(message: string | undefined, id: string): TemplateResult | typeof nothing;
  requestUpdate(): void;
  /**
   * After the next update, focus moves to the first match of `selector` (when focus was in the panel).
   * `keep` leaves a move already asked for in place.
   */
  focusNext(selector: string, keep?: boolean): void;
  /** A short id for a task, safe in id and aria attributes whatever the backend's ids look like. */
  domId(taskId: string): string;
}

/** Short ids for tasks (`t1`, `t2`…), forgotten once their task is gone. */
export class TaskIds {
  #ids = new Map<string, string>();
  #count = 0;

  of(taskId: string): string {
    let id = this.#ids.get(taskId);
    if (!id) {
      id = `t${++this.#count}`;
      this.#ids.set(taskId, id);
    }
    return id;
  }

  /** Forgets the ids of tasks no longer in `tasks`. */
  prune(tasks: readonly TaskSnapshot[]): void {
    for (const taskId of this.#ids.keys()) if (!tasks.some((t) => t.id === taskId)) this.#ids.delete(taskId);
  }
}

/** Who the task is with: the customer's name, else the number. */
export const who = (task: TaskSnapshot): string => task.customerName?.trim() || task.ani;

/** A media type's name ("Call", "Chat"…). */
export const mediaLabel = (view: PanelView, media: MediaType): string => view.t(MEDIA[media] ?? 'mediaTelephony');

/** Who is consulted: their name, else the number or id dialled. */
export const consultee = (consult: Consult): string => consult.destination.name || consult.destination.to;

/** `cc-task-hold-request` → `hold`, for element ids. */
const short = (name: string) => name.replace(/^cc-task-/, '').replace(/-request$/, '');

/** The id of the message shown when an action on a task failed. */
export const errorId = (view: PanelView, name: string, task: TaskSnapshot): string => `error-${short(name)}-${view.domId(task.id)}`;

/** A button's face: its label, and while its action is under way a spinner and a word for screen readers. */
export function face(view: PanelView, label: string, pending: boolean): TemplateResult {
  return pending
    ? html`<span class="spinner" aria-hidden="true"></span><span class="label">${label}</span>
        <span class="sr-only">${view.t('working')}</span>`
    : html`<span class="label">${label}</span>`;
}

export interface ActionButtonOptions {
  /** Its `data-action`. */
  action: string;
  variant?: 'primary' | 'danger';
  /** Shown but not usable now (its reason is described by `describedBy`). */
  blocked?: boolean;
  describedBy?: string;
}

/** A button that sends one task request; paused while it is under way, while blocked and while offline. */
export function actionButton(view: PanelView, name: TaskAction, task: TaskSnapshot, label: string, options: ActionButtonOptions): TemplateResult {
  const { cc } = view;
  const pending = cc.pending(name, task.id);
  const error = cc.error(name, task.id);
  const describedBy = [options.describedBy, error ? errorId(view, name, task) : ''].filter(Boolean).join(' ');
  return html`<button
    type="button"
    class=${options.variant ?? ''}
    data-action=${options.action}
    aria-disabled=${pending || options.blocked || view.offline ? 'true' : nothing}
    aria-describedby=${describedBy || nothing}
    @click=${() => {
      if (options.blocked || view.offline || cc.pending(name, task.id)) return;
      cc.request(name, { taskId: task.id });
    }}
  >
    ${face(view, label, pending)}
  </button>`;
}

/** The backend's messages for the task's actions that failed, each with the id its button points to. */
export function errorList(view: PanelView, task: TaskSnapshot, names: readonly RequestName[]): TemplateResult | typeof nothing {
  const failed = names
    .map((name) => [name, view.cc.error(name, task.id)] as const)
    .filter((entry): entry is readonly [RequestName, string] => !!entry[1]);
  if (failed.length === 0) return nothing;
  return html`<div class="errors">${failed.map(([name, message]) => view.renderError(message, errorId(view, name, task)))}</div>`;
}

/**
 * Renders one task's piece of the panel so that a task whose data breaks its template can never take the
 * others down with it (the offers beside it keep ringing visibly).
 */
export function safely(render: () => TemplateResult, fallback: () => TemplateResult): TemplateResult {
  try {
    return render();
  } catch (err) {
    console.error('[cc-elements] <cc-task-panel> could not render a task:', err);
    return fallback();
  }
}

/** What stands in for a task whose data could not be shown. */
export const unreadable = (view: PanelView): TemplateResult => html`<p class="error" part="error">${view.t('unreadable')}</p>`;
