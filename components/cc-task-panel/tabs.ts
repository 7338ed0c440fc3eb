import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { TaskSnapshot } from '../../src/core/types.js';
import { mediaIcon } from './cc-task-panel.icons.js';
import { mediaLabel, safely, who, type PanelView } from './view.js';

/** The task to show when the agent has not picked one: the most recently connected, else the latest wrap-up. */
function defaultSelection(listed: readonly TaskSnapshot[]): TaskSnapshot | null {
  const connected = listed.filter((t) => t.state === 'connected');
  const pool = connected.length > 0 ? connected : listed;
  let best: TaskSnapshot | null = null;
  for (const task of pool) if (!best || (task.connectedAt ?? 0) >= (best.connectedAt ?? 0)) best = task;
  return best;
}

/**
 * The agent's tasks (connected and in wrap-up) as tabs, and which one is selected: the one the agent picked,
 * else the one just connected, else the most recently connected. Arrow keys, Home and End move between tabs
 * and the selection follows focus.
 */
export class TaskTabs {
  #view: PanelView;
  #host: { readonly renderRoot: HTMLElement | DocumentFragment };
  #selectedId: string | null = null;

  constructor(view: PanelView, host: { readonly renderRoot: HTMLElement | DocumentFragment }) {
    this.#view = view;
    this.#host = host;
  }

  get selectedId(): string | null {
    return this.#selectedId;
  }

  /** The selected task among `tasks`, if it is there. */
  selected(tasks: readonly TaskSnapshot[]): TaskSnapshot | undefined {
    return tasks.find((t) => t.id === this.#selectedId);
  }

  /** Selects a task (the agent picked it, or it was just connected). */
  select(taskId: string): void {
    if (taskId === this.#selectedId) return;
    this.#selectedId = taskId;
    this.#view.requestUpdate();
  }

  /** Selects the task the agent has just been connected to (before the update that shows it). */
  follow(fresh: TaskSnapshot | null): void {
    if (fresh) this.#selectedId = fresh.id;
  }

  /** Keeps the selection on a listed task: when the selected one is gone, the default takes its place. */
  reconcile(listed: readonly TaskSnapshot[]): void {
    if (!listed.some((t) => t.id === this.#selectedId)) this.#selectedId = defaultSelection(listed)?.id ?? null;
  }

  #stateLabel(task: TaskSnapshot): string {
    const view = this.#view;
    if (task.state === 'wrapup') return view.t('stateWrapup');
    if (task.consult) return view.t('stateConsulting');
    return task.held ? view.t('stateHeld') : view.t('stateConnected');
  }

  #onKey = (event: KeyboardEvent): void => {
    const tabs = [...this.#host.renderRoot.querySelectorAll<HTMLElement>('[role="tab"]')];
    const index = tabs.indexOf(event.target as HTMLElement);
    if (index < 0) return;
    const count = tabs.length;
    // The tabs run along the line: right to left, the next one is on the left.
    const rtl = (event.currentTarget as HTMLElement).matches(':dir(rtl)');
    const moves: Record<string, number> = {
      [rtl ? 'ArrowLeft' : 'ArrowRight']: (index + 1) % count,
      ArrowDown: (index + 1) % count,
      [rtl ? 'ArrowRight' : 'ArrowLeft']: (index - 1 + count) % count,
      ArrowUp: (index - 1 + count) % count,
      Home: 0,
      End: count - 1,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const tab = tabs[next];
    if (tab.dataset.task) this.select(tab.dataset.task);
    tab.focus();
  };

  /** The tab list (part `task-list`); the selected tab controls the task panel below it. */
  render(listed: readonly TaskSnapshot[], selected: TaskSnapshot | null): TemplateResult {
    const view = this.#view;
    return html`<div part="task-list" class="task-list" role="tablist" aria-label=${view.t('tasksLabel')} @keydown=${this.#onKey}>
      ${repeat(
        listed,
        (task) => task.id,
        (task) => {
          const on = task.id === selected?.id;
          const id = view.domId(task.id);
          return html`<button
            type="button"
            role="tab"
            class="tab"
            id="tab-${id}"
            data-task=${task.id}
            data-state=${task.state}
            aria-selected=${on ? 'true' : 'false'}
            aria-controls=${on ? 'task' : nothing}
            tabindex=${on ? '0' : '-1'}
            @click=${() => this.select(task.id)}
          >
            ${safely(
              () => html`${mediaIcon(task.mediaType)}
                <span class="tab-text">
                  <span class="who">${view.netText(who(task))}</span>
                  <span class="muted tab-state">${view.t('summary', { media: mediaLabel(view, task.mediaType), state: this.#stateLabel(task) })}</span>
                </span>`,
              () => html`<span class="tab-text">${view.t('unreadable')}</span>`,
            )}
          </button>`;
        },
      )}
    </div>`;
  }
}
