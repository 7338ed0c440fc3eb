import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { DestinationOption, DestinationType, TaskSnapshot } from '../../src/core/types.js';
import { TYPES } from './cc-task-panel.strings.js';
import { dialProblem } from './dial-problem.js';
import { errorId, face, type PanelView } from './view.js';

export type PickerMode = 'consult' | 'transfer';
type ListKind = 'agent' | 'queue';

/** The request each form sends. */
export const PICKER_ACTION = {
  consult: 'cc-task-consult-request',
  transfer: 'cc-task-transfer-request',
} as const satisfies Readonly<Record<PickerMode, string>>;

type ListState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly options: readonly DestinationOption[] }
  | { readonly status: 'failed'; readonly message: string };

/** The open consult or transfer form of the selected task. */
interface Form {
  readonly taskId: string;
  readonly mode: PickerMode;
  type: DestinationType;
  choice: Record<ListKind, string>;
  dial: string;
  problem: string | null;
}

/**
 * The consult and transfer form of the selected task: who to consult or transfer to (an agent or a queue
 * from the backend's lists, loaded when the form opens, with a loading state and a retry; or a number to
 * dial, checked before anything is sent), its opener buttons, Escape and Cancel to close it (focus goes back
 * to the opener), and the backend's refusal next to it. It closes by itself when its task is no longer
 * selected or connected, and once the consult it asked for is on.
 */
export class DestinationPicker {
  #view: PanelView;
  #selected: () => TaskSnapshot | undefined;
  #form: Form | null = null;
  #lists: Partial<Record<ListKind, ListState>> = {};

  /** `selected` gives the task the panel shows (the one the openers act on). */
  constructor(view: PanelView, selected: () => TaskSnapshot | undefined) {
    this.#view = view;
    this.#selected = selected;
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
      if (task?.consult) this.#view.focusNext('[data-action="consult-end"]', true);
    }
  }

  #toggle(task: TaskSnapshot, mode: PickerMode): void {
    if (this.#form?.mode === mode) {
      this.#close();
      return;
    }
    if (this.#view.offline) return;
    this.#form = { taskId: task.id, mode, type: 'agent', choice: { agent: '', queue: '' }, dial: '', problem: null };
    this.#lists = {};
    void this.#load('agent');
    this.#view.focusNext('input[name="destination-type"]:checked');
    this.#view.requestUpdate();
  }

  #close = (): void => {
    const form = this.#form;
    const mode = form?.mode;
    // A refusal belongs to the form: closing the form lets it go.
    if (form) this.#view.cc.dismissError(PICKER_ACTION[form.mode], form.taskId);
    this.#form = null;
    this.#lists = {};
    if (mode) this.#view.focusNext(`[data-action="${mode}"]`);
    this.#view.requestUpdate();
  };

  /** Loads the agents or queues to pick from; a reply that arrives after the form closed is dropped. */
  async #load(kind: ListKind): Promise<void> {
    const loading: ListState = { status: 'loading' };
    this.#lists = { ...this.#lists, [kind]: loading };
    this.#view.requestUpdate();
    let next: ListState;
    try {
      next = { status: 'ready', options: (await this.#view.cc.desk?.destinations(kind)) ?? [] };
    } catch (err) {
      next = { status: 'failed', message: err instanceof Error ? err.message : String(err) };
    }
    if (this.#lists[kind] !== loading) return;
    this.#lists = { ...this.#lists, [kind]: next };
    this.#view.requestUpdate();
  }

  #setType(type: DestinationType): void {
    const form = this.#form;
    if (!form || form.type === type) return;
    form.type = type;
    form.problem = null;
    if (type !== 'dialNumber' && this.#lists[type]?.status !== 'ready') void this.#load(type);
    this.#view.requestUpdate();
  }

  #onKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    this.#close();
  };

  #onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = this.#form;
    if (!form) return;
    const view = this.#view;
    const name = PICKER_ACTION[form.mode];
    if (view.offline || view.cc.pending(name, form.taskId)) return;
    const to = form.type === 'dialNumber' ? form.dial.trim() : form.choice[form.type];
    let problem: string | null = null;
    if (form.type === 'dialNumber') {
      problem = dialProblem(view, to, 'dialEmpty');
    } else if (!to) {
      problem = view.t(form.type === 'agent' ? 'pickAgent' : 'pickQueue');
    }
    form.problem = problem;
    if (problem) {
      view.focusNext(form.type === 'dialNumber' ? '#dial' : '#destination');
      view.requestUpdate();
      return;
    }
    view.cc.request(name, { taskId: form.taskId, destination: { type: form.type, to } });
    view.requestUpdate();
  };

  /** The Consult or Transfer button, which opens and closes its form. */
  opener(task: TaskSnapshot, mode: PickerMode): TemplateResult {
    const view = this.#view;
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

  /** The open form of this task (part `picker`), or nothing. */
  render(task: TaskSnapshot): TemplateResult | typeof nothing {
    const form = this.#form;
    if (!form || form.taskId !== task.id) return nothing;
    const view = this.#view;
    const types: DestinationType[] = task.mediaType === 'telephony' ? ['agent', 'queue', 'dialNumber'] : ['agent', 'queue'];
    const name = PICKER_ACTION[form.mode];
    const pending = view.cc.pending(name, task.id);
    const error = view.cc.error(name, task.id);
    return html`<form id="picker" part="picker" class="picker" novalidate @submit=${this.#onSubmit} @keydown=${this.#onKey}>
      <fieldset class="types">
        <legend>${view.t(form.mode === 'consult' ? 'consultWho' : 'transferWho')}</legend>
        ${types.map(
          (type) =>
            html`<label class="choice"
              ><input
                type="radio"
                name="destination-type"
                value=${type}
                .checked=${live(form.type === type)}
                @change=${() => this.#setType(type)}
              />${view.t(TYPES[type])}</label
            >`,
        )}
      </fieldset>
      ${form.type === 'dialNumber' ? this.#dialField(form) : this.#listField(form, form.type)}
      ${view.renderError(error, errorId(view, name, task))}
      <div class="row">
        <button type="submit" class="primary" data-action="send" aria-disabled=${pending || view.offline ? 'true' : nothing}>
          ${face(view, view.t(form.mode === 'consult' ? 'sendConsult' : 'sendTransfer'), pending)}
        </button>
        <button type="button" data-action="cancel" @click=${this.#close}><span class="label">${view.t('cancel')}</span></button>
      </div>
    </form>`;
  }

  #listField(form: Form, kind: ListKind): TemplateResult {
    const view = this.#view;
    const list = this.#lists[kind];
    const agent = kind === 'agent';
    const loading = !list || list.status === 'loading';
    const options = list?.status === 'ready' ? list.options : [];
    const describedBy = [loading ? 'destination-loading' : '', form.problem ? 'destination-problem' : ''].filter(Boolean).join(' ');
    return html`<div class="field">
      <label for="destination">${view.t(agent ? 'agentLabel' : 'queueLabel')}</label>
      <select
        id="destination"
        aria-busy=${loading ? 'true' : 'false'}
        aria-invalid=${form.problem ? 'true' : 'false'}
        aria-describedby=${describedBy || nothing}
        @change=${(e: Event) => {
          form.choice[kind] = (e.target as HTMLSelectElement).value;
          form.problem = null;
          view.requestUpdate();
        }}
      >
        <option value="" ?selected=${!form.choice[kind]}>${view.t(agent ? 'chooseAgent' : 'chooseQueue')}</option>
        ${options.map(
          (o) =>
            html`<option value=${o.to} ?selected=${o.to === form.choice[kind]}>
              ${o.detail ? view.t('optionWithDetail', { name: o.name, detail: o.detail }) : o.name}
            </option>`,
        )}
      </select>
      ${loading
        ? html`<p class="hint loading" id="destination-loading">
            <span class="spinner" aria-hidden="true"></span>${view.t(agent ? 'loadingAgents' : 'loadingQueues')}
          </p>`
        : nothing}
      ${list?.status === 'ready' && options.length === 0 ? html`<p class="hint">${view.t(agent ? 'noAgents' : 'noQueues')}</p>` : nothing}
      ${list?.status === 'failed'
        ? html`<p class="error" role="alert">${view.t('loadFailed', { message: list.message })}</p>
            <button type="button" data-action="reload" @click=${() => void this.#load(kind)}>
              <span class="label">${view.t('retry')}</span>
            </button>`
        : nothing}
      ${form.problem ? html`<p class="error" id="destination-problem">${form.problem}</p>` : nothing}
    </div>`;
  }

  #dialField(form: Form): TemplateResult {
    const view = this.#view;
    return html`<div class="field">
      <label for="dial">${view.t('dialLabel')}</label>
      <input
        id="dial"
        type="tel"
        inputmode="tel"
        autocomplete="off"
        .value=${live(form.dial)}
        aria-invalid=${form.problem ? 'true' : 'false'}
        aria-describedby=${form.problem ? 'dial-problem dial-hint' : 'dial-hint'}
        @input=${(e: Event) => {
          form.dial = (e.target as HTMLInputElement).value;
          if (form.problem) {
            form.problem = null;
            view.requestUpdate();
          }
        }}
      />
      <p class="hint" id="dial-hint">${view.t('dialHint')}</p>
      ${form.problem ? html`<p class="error" id="dial-problem">${form.problem}</p>` : nothing}
    </div>`;
  }
}
