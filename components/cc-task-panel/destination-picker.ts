import { html, nothing, type TemplateResult } from 'lit';
import type { DestinationKind, DestinationOption, TaskSnapshot } from '../../src/core/types.js';
import { forms } from './lazy.js';
import type { PanelView } from './view.js';

export type PickerMode = 'consult' | 'transfer';
export type ListKind = DestinationKind;
/** What the agent picks from: one of the backend's lists, or a number typed in. */
export type PickerType = ListKind | 'dialNumber';

/** The request each form sends. */
export const PICKER_ACTION = {
  consult: 'cc-task-consult-request',
  transfer: 'cc-task-transfer-request',
} as const satisfies Readonly<Record<PickerMode, string>>;

export type ListState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly options: readonly DestinationOption[] }
  | { readonly status: 'failed'; readonly message: string };

/** The open consult or transfer form of the selected task (what the agent has chosen and typed so far). */
export interface PickerForm {
  readonly taskId: string;
  readonly mode: PickerMode;
  type: PickerType;
  choice: Record<ListKind, string>;
  dial: string;
  problem: string | null;
}

/** Where focus goes when a form opens: the checked destination type. */
const FIRST_FIELD = 'input[name="destination-type"]:checked';

/**
 * The consult and transfer form of the selected task: its opener buttons, its state (who to consult or
 * transfer to: an agent or a queue from the backend's lists, loaded when the form opens, with a loading state
 * and a retry; or a number to dial), Escape and Cancel to close it (focus goes back to the opener), and the
 * backend's refusal next to it. It closes by itself when its task is no longer selected or connected, and once
 * the consult it asked for is on. The form's template is a lazy chunk (`destination-picker.form.ts`), fetched
 * once the panel has painted (see `CcTaskPanel.firstUpdated`) and waited for, with a visible
 * loading state, if the agent is quicker.
 */
export class DestinationPicker {
  readonly view: PanelView;
  #selected: () => TaskSnapshot | undefined;
  #form: PickerForm | null = null;
  #lists: Partial<Record<ListKind, ListState>> = {};

  /** `selected` gives the task the panel shows (the one the openers act on). */
  constructor(view: PanelView, selected: () => TaskSnapshot | undefined) {
    this.view = view;
    this.#selected = selected;
  }

  /** The open form, if any. */
  get form(): PickerForm | null {
    return this.#form;
  }

  /** The agents or queues to pick from, as loaded so far. */
  list(kind: ListKind): ListState | undefined {
    return this.#lists[kind];
  }

  /** Which form is open for this task, if any. */
  openFor(task: TaskSnapshot): PickerMode | null {
    return this.#form?.taskId === task.id ? this.#form.mode : null;
  }

  /** Closes the form when its task is no longer the selected, connected one, or once its consult is on. */
  closeIfStale(tasks: readonly TaskSnapshot[], selectedId: string | null): void {
    const form = this.#form;
    if (!form) return;
    const task = tasks.find((t) => t.id === form.taskId);
    if (!task || task.state !== 'connected' || task.id !== selectedId || task.consult) {
      this.#form = null;
      this.#lists = {};
      if (task?.consult) this.view.focusNext('[data-action="consult-end"]', true);
    }
  }

  #toggle(task: TaskSnapshot, mode: PickerMode): void {
    if (this.#form?.mode === mode) {
      this.close();
      return;
    }
    if (this.view.offline) return;
    const form: PickerForm = { taskId: task.id, mode, type: 'agent', choice: { agent: '', queue: '', entryPoint: '', addressBook: '' }, dial: '', problem: null };
    this.#form = form;
    this.#lists = {};
    void this.load('agent');
    this.view.focusNext(FIRST_FIELD);
    this.view.requestUpdate();
    if (!forms.module) this.#whenLoaded(form);
  }

  /** Shows the form once its code has come (focus into it, as if it had been there at once). */
  #whenLoaded(form: PickerForm): void {
    void forms.load().then((module) => {
      if (module && this.#form === form) this.view.focusNext(FIRST_FIELD);
      this.view.requestUpdate();
    });
  }

  /** Closes the form; its refusal goes with it, and focus goes back to its opener. */
  close = (): void => {
    const form = this.#form;
    const mode = form?.mode;
    // A refusal belongs to the form: closing the form lets it go.
    if (form) this.view.cc.dismissError(PICKER_ACTION[form.mode], form.taskId);
    this.#form = null;
    this.#lists = {};
    if (mode) this.view.focusNext(`[data-action="${mode}"]`);
    this.view.requestUpdate();
  };

  /** Loads the agents or queues to pick from; a reply that arrives after the form closed is dropped. */
  async load(kind: ListKind): Promise<void> {
    const loading: ListState = { status: 'loading' };
    this.#lists = { ...this.#lists, [kind]: loading };
    this.view.requestUpdate();
    let next: ListState;
    try {
      // The task goes along: a backend may list only the destinations for its channel.
      next = { status: 'ready', options: (await this.view.cc.desk?.destinations(kind, this.#form?.taskId)) ?? [] };
    } catch (err) {
      next = { status: 'failed', message: err instanceof Error ? err.message : String(err) };
    }
    if (this.#lists[kind] !== loading) return;
    this.#lists = { ...this.#lists, [kind]: next };
    this.view.requestUpdate();
  }

  /** The agent picked another destination type: its list loads unless it is there already. */
  setType(type: PickerType): void {
    const form = this.#form;
    if (!form || form.type === type) return;
    form.type = type;
    form.problem = null;
    if (type !== 'dialNumber' && this.#lists[type]?.status !== 'ready') void this.load(type);
    this.view.requestUpdate();
  }

  /** The Consult or Transfer button, which opens and closes its form. */
  opener(task: TaskSnapshot, mode: PickerMode): TemplateResult {
    const view = this.view;
    const open = this.openFor(task) === mode;
    return html`<button
      type="button"
      data-action=${mode}
      aria-expanded=${open ? 'true' : 'false'}
      aria-disabled=${view.offline && !open ? 'true' : nothing}
      aria-controls=${open ? 'picker' : nothing}
      @click=${() => {
        const selected = this.#selected();
        if (selected) this.#toggle(selected, mode);
      }}
    >
      <span class="label">${view.t(mode)}</span>
    </button>`;
  }

  /** The open form of this task (part `picker`); while its code loads, a loading state; or nothing. */
  render(task: TaskSnapshot): TemplateResult | typeof nothing {
    const form = this.#form;
    if (!form || form.taskId !== task.id) return nothing;
    const module = forms.module;
    if (module) return module.renderPicker(this, task, form);
    const view = this.view;
    const failure = forms.failure;
    return html`<div id="picker" part="picker" class="picker" aria-busy=${failure ? 'false' : 'true'}>
      ${failure
        ? html`<p class="error" role="alert">${view.t('formLoadFailed', { message: failure })}</p>
            <div class="row">
              <button type="button" data-action="reload-form" @click=${() => this.#whenLoaded(form)}>
                <span class="label">${view.t('retry')}</span>
              </button>
              <button type="button" data-action="cancel" @click=${this.close}><span class="label">${view.t('cancel')}</span></button>
            </div>`
        : html`<p class="hint loading"><span class="spinner" aria-hidden="true"></span>${view.t('formLoading')}</p>`}
    </div>`;
  }
}
