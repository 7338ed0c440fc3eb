// Loaded lazily (see lazy.ts): the consult and transfer form's template and its checks before sending.
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { capabilitiesFor } from '../../src/core/actions.js';
import type { Destination, TaskSnapshot } from '../../src/core/types.js';
import { LIST_WORDS, TYPES } from './cc-task-panel.strings.js';
import { PICKER_ACTION, type DestinationPicker, type ListKind, type PickerForm, type PickerType } from './destination-picker.js';
import { dialProblem } from './dial-problem.js';
import { errorId, face } from './view.js';

/** Escape closes the form (and nothing around it hears the key). */
function onKey(picker: DestinationPicker, event: KeyboardEvent): void {
  if (event.key !== 'Escape') return;
  event.preventDefault();
  event.stopPropagation();
  picker.close();
}

/** Sends the consult or transfer, or says next to the field what is missing or wrong. */
function onSubmit(picker: DestinationPicker, event: SubmitEvent): void {
  event.preventDefault();
  const form = picker.form;
  if (!form) return;
  const view = picker.view;
  const name = PICKER_ACTION[form.mode];
  if (view.offline || view.cc.pending(name, form.taskId)) return;
  const to = form.type === 'dialNumber' ? form.dial.trim() : form.choice[form.type];
  let problem: string | null = null;
  if (form.type === 'dialNumber') {
    problem = dialProblem(view, to, 'dialEmpty');
  } else if (!to) {
    problem = view.t(LIST_WORDS[form.type].pick);
  }
  form.problem = problem;
  if (problem) {
    view.focusNext(form.type === 'dialNumber' ? '#dial' : '#destination');
    view.requestUpdate();
    return;
  }
  view.cc.request(name, { taskId: form.taskId, destination: destinationOf(picker, form.type, to) });
  view.requestUpdate();
}

/** What the agent picked: an address-book entry is a dial number, sent with its name; the others by id. */
function destinationOf(picker: DestinationPicker, type: PickerType, to: string): Destination {
  if (type !== 'addressBook') return { type, to };
  const list = picker.list(type);
  const name = list?.status === 'ready' ? list.options.find((o) => o.to === to)?.name : undefined;
  return { type: 'dialNumber', to, ...(name ? { name } : {}) };
}

/** The ways to pick a destination for `task`, in the order shown: what the backend and the task allow. */
export function pickerTypes(picker: DestinationPicker, task: TaskSnapshot, mode: PickerForm['mode']): PickerType[] {
  const caps = capabilitiesFor(picker.view.cc.state, task.id);
  const call = task.mediaType === 'telephony';
  // A queue is not offered for a consult where the backend says it cannot consult one (a tenant's setting).
  const noQueue = mode === 'consult' && caps?.consultQueue === false;
  const types: PickerType[] = ['agent'];
  if (!noQueue) types.push('queue');
  if (caps?.entryPoints === true) types.push('entryPoint');
  // The address book and a typed number are numbers to dial: for calls only.
  if (call && caps?.addressBook === true) types.push('addressBook');
  if (call) types.push('dialNumber');
  return types;
}

/** The consult or transfer form of `task` (part `picker`). */
export function renderPicker(picker: DestinationPicker, task: TaskSnapshot, form: PickerForm): TemplateResult {
  const view = picker.view;
  const types = pickerTypes(picker, task, form.mode);
  const name = PICKER_ACTION[form.mode];
  const pending = view.cc.pending(name, task.id);
  const error = view.cc.error(name, task.id);
  return html`<form
    id="picker"
    part="picker"
    class="picker"
    novalidate
    @submit=${(e: SubmitEvent) => onSubmit(picker, e)}
    @keydown=${(e: KeyboardEvent) => onKey(picker, e)}
  >
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
              @change=${() => picker.setType(type)}
            />${view.t(TYPES[type])}</label
          >`,
      )}
    </fieldset>
    ${form.type === 'dialNumber' ? dialField(picker, form) : listField(picker, form, form.type)}
    ${view.renderError(error, errorId(view, name, task))}
    <div class="row">
      <button type="submit" class="primary" data-action="send" aria-disabled=${pending || view.offline ? 'true' : nothing}>
        ${face(view, view.t(form.mode === 'consult' ? 'sendConsult' : 'sendTransfer'), pending)}
      </button>
      <button type="button" data-action="cancel" @click=${picker.close}><span class="label">${view.t('cancel')}</span></button>
    </div>
  </form>`;
}

/** An agent or a queue from the backend's list, with its loading state, an empty list, or a retry. */
function listField(picker: DestinationPicker, form: PickerForm, kind: ListKind): TemplateResult {
  const view = picker.view;
  const list = picker.list(kind);
  const words = LIST_WORDS[kind];
  const loading = !list || list.status === 'loading';
  const options = list?.status === 'ready' ? list.options : [];
  const describedBy = [loading ? 'destination-loading' : '', form.problem ? 'destination-problem' : ''].filter(Boolean).join(' ');
  return html`<div class="field">
    <label for="destination">${view.t(words.label)}</label>
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
      <option value="" ?selected=${!form.choice[kind]}>${view.t(words.choose)}</option>
      ${options.map(
        (o) =>
          html`<option value=${o.to} ?selected=${o.to === form.choice[kind]}>
            ${o.detail ? view.t('optionWithDetail', { name: o.name, detail: o.detail }) : o.name}
          </option>`,
      )}
    </select>
    ${loading
      ? html`<p class="hint loading" id="destination-loading">
          <span class="spinner" aria-hidden="true"></span>${view.t(words.loading)}
        </p>`
      : nothing}
    ${list?.status === 'ready' && options.length === 0 ? html`<p class="hint">${view.t(words.none)}</p>` : nothing}
    ${list?.status === 'failed'
      ? html`<p class="error" role="alert">${view.t('loadFailed', { message: list.message })}</p>
          <button type="button" data-action="reload" @click=${() => void picker.load(kind)}>
            <span class="label">${view.t('retry')}</span>
          </button>`
      : nothing}
    ${form.problem ? html`<p class="error" id="destination-problem">${form.problem}</p>` : nothing}
  </div>`;
}

/** A number to dial, with the rule as a hint and what is wrong with it next to it. */
function dialField(picker: DestinationPicker, form: PickerForm): TemplateResult {
  const view = picker.view;
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
