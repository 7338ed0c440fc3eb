// Loaded lazily (see lazy.ts): the New call form's template and its check before calling.
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { dialProblem } from './dial-problem.js';
import type { OutdialFields, OutdialForm } from './outdial-form.js';
import { face } from './view.js';

/** Escape closes the form (and nothing around it hears the key). */
function onKey(outdial: OutdialForm, event: KeyboardEvent): void {
  if (event.key !== 'Escape') return;
  event.preventDefault();
  event.stopPropagation();
  outdial.close();
}

/** Places the call, or says next to the field what is wrong with the number. */
function onSubmit(outdial: OutdialForm, event: SubmitEvent): void {
  event.preventDefault();
  const form = outdial.form;
  const view = outdial.view;
  if (!form || view.offline || view.cc.pending('cc-outdial-request')) return;
  const number = form.number.trim();
  form.problem = dialProblem(view, number, 'outdialEmpty');
  if (form.problem) {
    view.focusNext('#outdial-number');
    view.requestUpdate();
    return;
  }
  // The number shown goes along when the agent chose another than the backend's default (its list's first).
  const choice = form.origins.status === 'ready' && form.origin !== (form.origins.list[0]?.number ?? '') ? form.origin : '';
  view.cc.request('cc-outdial-request', choice ? { number, origin: choice } : { number });
  view.requestUpdate();
}

/** The number the call shows the customer, where the backend offers more than one; loading, or a retry. */
function originField(outdial: OutdialForm, form: OutdialFields): TemplateResult | typeof nothing {
  const view = outdial.view;
  const origins = form.origins;
  if (origins.status === 'loading') {
    return html`<p class="hint loading" id="outdial-origin-loading"><span class="spinner" aria-hidden="true"></span>${view.t('loadingOrigins')}</p>`;
  }
  if (origins.status === 'failed') {
    return html`<div class="field">
      <p class="error" role="alert">${view.t('loadFailed', { message: origins.message })}</p>
      <button type="button" data-action="reload-origins" @click=${() => void outdial.loadOrigins(form)}>
        <span class="label">${view.t('retry')}</span>
      </button>
    </div>`;
  }
  if (origins.list.length < 2) return nothing;
  return html`<div class="field">
    <label for="outdial-origin">${view.t('originLabel')}</label>
    <select
      id="outdial-origin"
      @change=${(e: Event) => {
        form.origin = (e.target as HTMLSelectElement).value;
        view.requestUpdate();
      }}
    >
      ${origins.list.map(
        (o) => html`<option value=${o.number} ?selected=${o.number === form.origin}>${view.t('optionWithDetail', { name: o.name, detail: o.number })}</option>`,
      )}
    </select>
  </div>`;
}

/** The New call form: the number, its hint and problem, the backend's refusal, Call and Cancel. */
export function renderOutdial(outdial: OutdialForm, form: OutdialFields): TemplateResult {
  const view = outdial.view;
  const pending = view.cc.pending('cc-outdial-request');
  const error = view.cc.error('cc-outdial-request');
  return html`<form
    id="outdial-form"
    class="form"
    novalidate
    @submit=${(e: SubmitEvent) => onSubmit(outdial, e)}
    @keydown=${(e: KeyboardEvent) => onKey(outdial, e)}
  >
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
    ${originField(outdial, form)}
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
      <button type="button" data-action="cancel" @click=${outdial.close}><span class="label">${view.t('cancel')}</span></button>
    </div>
  </form>`;
}
