import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { taskControls } from '../../src/core/actions.js';
import { mediaIcon } from './cc-task-panel.icons.js';
import { dialProblem } from './dial-problem.js';
import { face, type PanelView } from './view.js';

/** The capability that offers New call, from the action table. */
const CAPABILITY = taskControls.find((c) => c.place === 'new-call')?.capability ?? 'outdial';

/** The open New call form. */
interface Form {
  number: string;
  problem: string | null;
}

/**
 * The New call button and its form (part `outdial`): offered to an agent on a station with no call ringing or
 * connected, when the backend can dial out. The number is checked before anything is sent; the backend's
 * refusal shows in the form; Escape and Cancel close it (focus back on New call). The form closes by itself
 * once a call is on (the one it placed, or one that came in).
 */
export class OutdialForm {
  #view: PanelView;
  #form: Form | null = null;

  constructor(view: PanelView) {
    this.#view = view;
  }

  /** Whether New call is offered now. */
  #available(): boolean {
    const { capabilities, station, tasks } = this.#view.cc.state;
    return !!capabilities?.[CAPABILITY] && !!station && !tasks.some((t) => t.mediaType === 'telephony' && t.state !== 'wrapup');
  }

  /** Closes the form once New call is no longer offered. */
  closeIfUnavailable(): void {
    if (this.#form && !this.#available()) this.#form = null;
  }

  #toggle = (): void => {
    if (this.#form) {
      this.#close();
      return;
    }
    const view = this.#view;
    if (view.offline) return;
    // A refusal that came back after the form was closed belongs to no form any more.
    view.cc.dismissError('cc-outdial-request');
    this.#form = { number: '', problem: null };
    view.focusNext('#outdial-number');
    view.requestUpdate();
  };

  #close = (): void => {
    if (!this.#form) return;
    const view = this.#view;
    view.cc.dismissError('cc-outdial-request');
    this.#form = null;
    view.focusNext('[data-action="outdial"]');
    view.requestUpdate();
  };

  #onKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    this.#close();
  };

  #onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = this.#form;
    const view = this.#view;
    if (!form || view.offline || view.cc.pending('cc-outdial-request')) return;
    const number = form.number.trim();
    form.problem = dialProblem(view, number, 'outdialEmpty');
    if (form.problem) {
      view.focusNext('#outdial-number');
      view.requestUpdate();
      return;
    }
    view.cc.request('cc-outdial-request', { number });
    view.requestUpdate();
  };

  /** New call and, when open, its form; nothing when New call is not offered. */
  render(): TemplateResult | typeof nothing {
    if (!this.#available()) return nothing;
    const view = this.#view;
    const form = this.#form;
    return html`<div part="outdial" class="outdial">
      <div class="row">
        <button
          type="button"
          data-action="outdial"
          aria-expanded=${form ? 'true' : 'false'}
          aria-disabled=${view.offline && !form ? 'true' : nothing}
          aria-controls=${form ? 'outdial-form' : nothing}
          @click=${this.#toggle}
        >
          ${mediaIcon('telephony')}<span class="label">${view.t('newCall')}</span>
        </button>
      </div>
      ${form ? this.#renderForm(form) : nothing}
    </div>`;
  }

  #renderForm(form: Form): TemplateResult {
    const view = this.#view;
    const pending = view.cc.pending('cc-outdial-request');
    const error = view.cc.error('cc-outdial-request');
    return html`<form id="outdial-form" class="form" novalidate @submit=${this.#onSubmit} @keydown=${this.#onKey}>
      <div class="field">
        <label for="outdial-number">${view.t('outdialLabel')}</label>
        <input
          id="outdial-number"
          type="tel"
          inputmode="tel"
          autocomplete="off"
          .value=${live(form.number)}
          aria-invalid=${form.problem ? 'true' : 'false'}
          aria-describedby=${form.problem ? 'outdial-problem outdial-hint' : 'outdial-hint'}
          @input=${(e: Event) => {
            form.number = (e.target as HTMLInputElement).value;
            if (form.problem) {
              form.problem = null;
              view.requestUpdate();
            }
          }}
        />
        <p class="hint" id="outdial-hint">${view.t('outdialHint')}</p>
        ${form.problem ? html`<p class="error" id="outdial-problem">${form.problem}</p>` : nothing}
      </div>
      ${view.renderError(error, 'error-outdial')}
      <div class="row">
        <button
          type="submit"
          class="primary"
          data-action="place-call"
          aria-disabled=${pending || view.offline ? 'true' : nothing}
          aria-describedby=${error ? 'error-outdial' : nothing}
        >
          ${face(view, view.t('placeCall'), pending)}
        </button>
        <button type="button" data-action="cancel" @click=${this.#close}><span class="label">${view.t('cancel')}</span></button>
      </div>
    </form>`;
  }
}
