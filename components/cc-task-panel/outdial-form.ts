import { html, nothing, type TemplateResult } from 'lit';
import { taskControls } from '../../src/core/actions.js';
import type { OutdialOrigin } from '../../src/core/types.js';
import { mediaIcon } from './cc-task-panel.icons.js';
import { forms } from './lazy.js';
import type { PanelView } from './view.js';

/** The capability that offers New call, from the action table. */
const CAPABILITY = taskControls.find((c) => c.place === 'new-call')?.capability ?? 'outdial';

/** Where focus goes when the form opens. */
const FIRST_FIELD = '#outdial-number';

/** The open New call form (what the agent has typed so far). */
export interface OutdialFields {
  number: string;
  problem: string | null;
  /** The number shown to the customer, when the backend offers a choice (its first by default). */
  origin: string;
  /** The numbers the backend lets the call show, loaded when the form opens. */
  origins: { status: 'loading' } | { status: 'ready'; list: readonly OutdialOrigin[] } | { status: 'failed'; message: string };
}

/**
 * The New call button and its form (part `outdial`): offered to an agent on a station with no call ringing or
 * connected, when the backend can dial out. The number is checked before anything is sent; the backend's
 * refusal shows in the form; Escape and Cancel close it (focus back on New call). The form closes by itself
 * once a call is on (the one it placed, or one that came in). Its template is a lazy chunk
 * (`outdial-form.form.ts`), fetched once the panel has painted and waited for, with a visible loading
 * state, if the agent is quicker.
 */
export class OutdialForm {
  readonly view: PanelView;
  #form: OutdialFields | null = null;

  constructor(view: PanelView) {
    this.view = view;
  }

  /** The open form, if any. */
  get form(): OutdialFields | null {
    return this.#form;
  }

  /** Whether New call is offered now. */
  #available(): boolean {
    const { capabilities, station, tasks } = this.view.cc.state;
    return !!capabilities?.[CAPABILITY] && !!station && !tasks.some((t) => t.mediaType === 'telephony' && t.state !== 'wrapup');
  }

  /** Closes the form once New call is no longer offered. */
  closeIfUnavailable(): void {
    if (this.#form && !this.#available()) this.#form = null;
  }

  #toggle = (): void => {
    if (this.#form) {
      this.close();
      return;
    }
    const view = this.view;
    if (view.offline) return;
    // A refusal that came back after the form was closed belongs to no form any more.
    view.cc.dismissError('cc-outdial-request');
    const form: OutdialFields = { number: '', problem: null, origin: '', origins: { status: 'loading' } };
    this.#form = form;
    void this.loadOrigins(form);
    view.focusNext(FIRST_FIELD);
    view.requestUpdate();
    if (!forms.module) this.#whenLoaded(form);
  };

  /** Loads the numbers the call may show; a reply that arrives after the form closed is dropped. */
  async loadOrigins(form: OutdialFields): Promise<void> {
    form.origins = { status: 'loading' };
    this.view.requestUpdate();
    try {
      const list = (await this.view.cc.desk?.outdialOrigins()) ?? [];
      form.origins = { status: 'ready', list };
      form.origin = list[0]?.number ?? '';
    } catch (err) {
      form.origins = { status: 'failed', message: err instanceof Error ? err.message : String(err) };
    }
    if (this.#form === form) this.view.requestUpdate();
  }

  /** Shows the form once its code has come (focus into it, as if it had been there at once). */
  #whenLoaded(form: OutdialFields): void {
    void forms.load().then((module) => {
      if (module && this.#form === form) this.view.focusNext(FIRST_FIELD);
      this.view.requestUpdate();
    });
  }

  /** Closes the form; its refusal goes with it, and focus goes back to New call. */
  close = (): void => {
    if (!this.#form) return;
    const view = this.view;
    view.cc.dismissError('cc-outdial-request');
    this.#form = null;
    view.focusNext('[data-action="outdial"]');
    view.requestUpdate();
  };

  /** New call and, when open, its form; nothing when New call is not offered. */
  render(): TemplateResult | typeof nothing {
    if (!this.#available()) return nothing;
    const view = this.view;
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

  #renderForm(form: OutdialFields): TemplateResult {
    const module = forms.module;
    if (module) return module.renderOutdial(this, form);
    const view = this.view;
    const failure = forms.failure;
    return html`<div id="outdial-form" class="form" aria-busy=${failure ? 'false' : 'true'}>
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
