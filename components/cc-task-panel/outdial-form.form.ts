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
  view.cc.request('cc-outdial-request', { number });
  view.requestUpdate();
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
