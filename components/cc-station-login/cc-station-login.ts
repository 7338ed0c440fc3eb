import { html, nothing, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import type { DeskState } from '../../src/core/store.js';
import { CcWidget } from '../../src/base/cc-widget.js';
import { checkDialNumber, countDigits, dialShape, needsDialNumber, quoteValue, type DialShape } from '../../src/core/dial.js';
import type { DialRule, LoginOption, Profile, Station } from '../../src/core/types.js';
import { requestKey } from '../../src/context/desk.js';
import { isolate } from '../../src/base/bidi.js';
import { NoticeController } from '../../src/base/notice-controller.js';
import { styles } from './cc-station-login.styles.js';

export const defaultStrings = {
  signInFirst: 'Sign in to log in to a station.',
  team: 'Team',
  loginOption: 'How you take calls',
  BROWSER: 'Browser (WebRTC)',
  AGENT_DN: 'Desk phone (dial number)',
  EXTENSION: 'Extension',
  dialNumber: 'Dial number',
  extension: 'Extension',
  dialHint: 'For example, {example}',
  dialNumberRequired: 'Enter the number to ring. {rule}',
  extensionRequired: 'Enter your extension. {rule}',
  dialNumberCharacters: '{value} is not a dial number: only digits{plus} are allowed. {rule}',
  extensionCharacters: '{value} is not an extension: only digits are allowed. {rule}',
  dialNumberShort: '{value} is too short for a dial number ({count} digits). {rule}',
  dialNumberShort_one: '{value} is too short for a dial number ({count} digit). {rule}',
  extensionShort: '{value} is too short for an extension ({count} digits). {rule}',
  extensionShort_one: '{value} is too short for an extension ({count} digit). {rule}',
  dialNumberLong: '{value} is too long for a dial number ({count} digits). {rule}',
  extensionLong: '{value} is too long for an extension ({count} digits). {rule}',
  dialNumberInvalid: '{value} is not a valid dial number. {rule}',
  extensionInvalid: '{value} is not a valid extension. {rule}',
  /** The rule, stated in every dial-number message: {digits} is a count or a range; {count} its largest number. */
  ruleDigits: 'Use {digits} digits.',
  rulePlusDigits: 'Use a leading + and {digits} digits.',
  ruleOptionalPlusDigits: 'Use {digits} digits, with an optional leading +.',
  ruleExample: 'Use the form {example}.',
  digitRange: '{min} to {max}',
  plusAllowed: ' and a leading +',
  logIn: 'Log in',
  loggingIn: 'Logging in…',
  cancel: 'Cancel',
  change: 'Change',
  logOut: 'Log out',
  loggingOut: 'Logging out…',
  logoutBlocked: 'You cannot log out while you have a task or a wrap-up open.',
  remoteLogout: '{reason}',
  remoteLogoutNoReason: 'You were logged out of your station.',
  dismiss: 'Dismiss',
  loggedIn: 'Logged in to {team}: {option}.',
  loggedOut: 'You are logged out of your station.',
};

export type CcStationLoginStrings = typeof defaultStrings;

interface Draft {
  readonly teamId: string;
  readonly loginOption: LoginOption;
  /** What the agent typed for each option that needs a number, kept when switching between them. */
  readonly dialNumbers: Readonly<Partial<Record<LoginOption, string>>>;
}

const LOGIN_KEY = requestKey('cc-station-login-request');

/**
 * Logs the agent in to a station: a team, how calls reach them (the browser, a desk phone or an extension)
 * and the number to ring, checked against the contact center's rule before anything is sent. Once logged in,
 * shows the station with Change and Log out.
 *
 * @summary Station login (team, login option, dial number), change and logout.
 * @tag cc-station-login
 * @event {CcRequestEvent<'cc-station-login-request'>} cc-station-login-request - The agent logs in or changes station. `detail: {teamId, loginOption, dialNumber}`; cancelable.
 * @event {CcRequestEvent<'cc-station-logout-request'>} cc-station-logout-request - The agent logs out of the station. `detail: {}`; cancelable.
 * @csspart base - The wrapper.
 * @csspart hint - The hint shown before sign-in.
 * @csspart form - The station form.
 * @csspart team - The team picker.
 * @csspart options - The group of login options.
 * @csspart option - One login option (a radio and its label).
 * @csspart dial-number - The dial-number or extension input.
 * @csspart dial-hint - The example under the dial number.
 * @csspart submit - The Log in button.
 * @csspart cancel - The Cancel button while changing station.
 * @csspart summary - The station the agent is logged in to.
 * @csspart change - The Change button.
 * @csspart logout - The Log out button.
 * @csspart error - A message about the dial number or a refused action.
 * @csspart notice - A logout nobody at this desk asked for ("Logged out by a supervisor"); goes away by itself.
 * @csspart notice-close - The close button of the notice.
 * @cssproperty [--cc-station-login-background=var(--cc-color-surface)] - The widget's background.
 * @cssproperty [--cc-station-login-gap=var(--cc-space)] - The space between its parts.
 * @cssproperty [--cc-station-login-label-color=var(--cc-color-text-muted)] - The labels of the station summary.
 */
export class CcStationLogin extends CcWidget<CcStationLoginStrings> {
  static override styles = [...CcWidget.styles, ...styles];
  protected readonly defaultStrings = defaultStrings;

  protected override renderedFrom(s: DeskState) {
    return [s.profile, s.station, s.pending, s.errors, s.tasks.length];
  }
  protected override focusFallback = '[part="change"], #team';

  /** The agent reopened the form to change station. */
  @state() private editing = false;
  /** The form's values, from the store when the form opens. */
  @state() private draft: Draft | null = null;
  /** A message about the dial number, found before sending. */
  @state() private dialError = '';
  /** The agent tried to log out with a task open. */
  @state() private logoutBlocked = false;

  /** The dial number of the last request, so a refusal shows by the field only while it still applies. */
  #sentDial: string | undefined;
  /** A refusal from before the form was (re)opened: not this form's business. */
  #staleRefusal: unknown = undefined;
  #wasPending = false;
  #lastStation: Station | null | undefined = undefined;
  /** The last station, to prefill the form after a logout. */
  #remembered: Station | null = null;
  #notice = new NoticeController(this, this.cc);
  #hadProfile = false;
  /** The agent just signed in from the kit: the station form is the next step and takes focus. */
  #focusForm = false;

  constructor() {
    super();
    // A logout nobody here asked for (a supervisor, another desktop): say so where the agent looks.
    this.cc.onAction((_state, previous, action) => {
      if (action.type !== 'station-logout' || !previous.station) return;
      if (previous.pending[requestKey('cc-station-logout-request')] || previous.pending[requestKey('cc-sign-out-request')]) return;
      const reason = action.reason?.trim();
      this.#notice.show(reason ? this.t('remoteLogout', { reason }) : this.t('remoteLogoutNoReason'));
    });
  }

  #optionLabel(option: LoginOption): string {
    return this.t(option);
  }

  #teamName(teamId: string): string {
    return this.cc.state.profile?.teams.find((t) => t.id === teamId)?.name ?? teamId;
  }

  #initialDraft(profile: Profile, station: Station | null): Draft {
    const teamId = profile.teams.some((t) => t.id === station?.teamId) ? station!.teamId : (profile.teams[0]?.id ?? '');
    const loginOption =
      station && profile.loginOptions.includes(station.loginOption) ? station.loginOption : (profile.loginOptions[0] ?? 'BROWSER');
    const dialNumbers: Partial<Record<LoginOption, string>> = {
      AGENT_DN: profile.defaultDialNumber ?? '',
      EXTENSION: '',
    };
    if (station?.dialNumber && needsDialNumber(station.loginOption)) dialNumbers[station.loginOption] = station.dialNumber;
    return { teamId, loginOption, dialNumbers };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const { profile, station, tasks } = this.cc.state;
    const pending = this.cc.pending('cc-station-login-request');
    if (!profile) {
      this.editing = false;
      this.draft = null;
      this.dialError = '';
    }
    // A login that went through closes the form.
    if (this.#wasPending && !pending && !this.cc.state.errors[LOGIN_KEY]) {
      this.editing = false;
      this.draft = null;
    }
    if (station) this.#remembered = station;
    if (!profile) this.#remembered = null;
    if (profile && (!station || this.editing) && !this.draft) {
      this.draft = this.#initialDraft(profile, station ?? this.#remembered);
      this.#staleRefusal = this.cc.state.errors[LOGIN_KEY];
    }
    if (tasks.length === 0) this.logoutBlocked = false;
    if (this.#lastStation !== undefined && station !== this.#lastStation) {
      if (station) {
        this.announce(this.t('loggedIn', { team: this.#teamName(station.teamId), option: this.#optionLabel(station.loginOption) }));
      } else {
        this.logoutBlocked = false;
        this.announce(this.t('loggedOut'));
      }
    }
    this.#lastStation = station;
    this.#wasPending = pending;
    if (!profile) this.#notice.dismiss();
    if (profile && !this.#hadProfile && !station) this.#focusForm = true;
    this.#hadProfile = !!profile;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (this.#focusForm) {
      this.#focusForm = false;
      // Only when the agent was on the kit's sign-in (or focus fell to the page): never steal focus from the
      // host page's own fields.
      const active = document.activeElement;
      if (!active || active === document.body || (active !== this && active.localName.startsWith('cc-'))) {
        this.renderRoot.querySelector<HTMLElement>('#team')?.focus();
      }
    }
    super.updated(changed);
  }

  #patch(patch: Partial<Draft>): void {
    if (this.draft) this.draft = { ...this.draft, ...patch };
  }

  #onTeam(event: Event): void {
    this.#patch({ teamId: (event.target as HTMLSelectElement).value });
  }

  #onOption(event: Event): void {
    this.dialError = '';
    this.#patch({ loginOption: (event.target as HTMLInputElement).value as LoginOption });
  }

  #onDial(event: Event): void {
    if (!this.draft) return;
    this.dialError = '';
    const value = (event.target as HTMLInputElement).value;
    this.#patch({ dialNumbers: { ...this.draft.dialNumbers, [this.draft.loginOption]: value } });
  }

  #onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const { profile } = this.cc.state;
    if (!profile || !this.draft || this.offline || this.cc.pending('cc-station-login-request')) return;
    const { teamId, loginOption } = this.draft;
    const needsNumber = needsDialNumber(loginOption);
    const dialNumber = needsNumber ? (this.draft.dialNumbers[loginOption] ?? '').trim() : undefined;
    if (needsNumber && checkDialNumber(profile, loginOption, dialNumber)) {
      this.dialError = this.#dialMessage(profile.dialRules[loginOption], loginOption === 'EXTENSION', dialNumber ?? '');
      this.renderRoot.querySelector<HTMLInputElement>('#dial')?.focus();
      return;
    }
    this.dialError = '';
    this.#sentDial = dialNumber;
    this.cc.request('cc-station-login-request', { teamId, loginOption, ...(dialNumber ? { dialNumber } : {}) });
  }

  /** The rule a number must follow, in words ("Use a leading + and 8 to 15 digits."). */
  #ruleText(shape: DialShape | null, rule: DialRule | undefined): string {
    if (!shape) return rule ? this.t('ruleExample', { example: rule.example }) : '';
    const digits = shape.min === shape.max ? String(shape.min) : this.t('digitRange', { min: shape.min, max: shape.max });
    return this.t(shape.plus === 'required' ? 'rulePlusDigits' : shape.plus === 'optional' ? 'ruleOptionalPlusDigits' : 'ruleDigits', { digits, count: shape.max });
  }

  /** What is wrong with a number the rule refuses, and the rule itself. */
  #dialMessage(rule: DialRule | undefined, ext: boolean, value: string): string {
    const shape = rule ? dialShape(rule) : null;
    const text = this.#ruleText(shape, rule);
    const kind = ext ? 'extension' : 'dialNumber';
    if (!value) return this.t(`${kind}Required`, { rule: text }).trim();
    const quoted = quoteValue(value);
    const count = countDigits(value);
    const plus = shape?.plus !== 'none' && shape !== null;
    let problem: 'Characters' | 'Short' | 'Long' | 'Invalid' = 'Invalid';
    if (!(plus ? /^\+?[0-9]+$/ : /^[0-9]+$/).test(value)) problem = 'Characters';
    else if (shape && count < shape.min) problem = 'Short';
    else if (shape && count > shape.max) problem = 'Long';
    return this.t(`${kind}${problem}`, { value: quoted, count, rule: text, plus: plus ? this.t('plusAllowed') : '' }).trim();
  }

  async #onChange(): Promise<void> {
    const { profile, station } = this.cc.state;
    if (!profile) return;
    this.draft = this.#initialDraft(profile, station);
    this.#staleRefusal = this.cc.state.errors[LOGIN_KEY];
    this.dialError = '';
    this.editing = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#team')?.focus();
  }

  async #onCancel(): Promise<void> {
    this.editing = false;
    this.draft = null;
    this.dialError = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part="change"]')?.focus();
  }

  #onLogout(): void {
    if (this.offline || this.cc.pending('cc-station-logout-request')) return;
    // The contact center refuses a logout while a task or a wrap-up is open: say so without asking it.
    if (this.cc.state.tasks.length > 0) {
      this.logoutBlocked = true;
      return;
    }
    this.logoutBlocked = false;
    this.cc.request('cc-station-logout-request', {});
  }

  #renderForm(profile: Profile, draft: Draft) {
    const pending = this.cc.pending('cc-station-login-request');
    const stored = this.cc.state.errors[LOGIN_KEY];
    const refusal = stored === this.#staleRefusal ? undefined : stored;
    const needsNumber = needsDialNumber(draft.loginOption);
    const typed = draft.dialNumbers[draft.loginOption] ?? '';
    // A refused dial number shows by the field while the field still holds it; anything else by the button.
    const refusedDial = refusal?.code === 'invalid-dial-number' && needsNumber && typed.trim() === (this.#sentDial ?? '');
    const dialMessage = this.dialError || (refusedDial ? this.errorText(refusal) : undefined);
    const formMessage = refusal && !refusedDial && refusal.code !== 'invalid-dial-number' ? this.errorText(refusal) : undefined;
    const rule = profile.dialRules[draft.loginOption];
    const ext = draft.loginOption === 'EXTENSION';
    return html`
      <form part="form" novalidate @submit=${this.#onSubmit}>
        <div class="field">
          <label for="team">${this.t('team')}</label>
          <select id="team" part="team" data-notice-return @change=${this.#onTeam}>
            ${profile.teams.map((t) => html`<option value=${t.id} ?selected=${t.id === draft.teamId}>${isolate(t.name)}</option>`)}
          </select>
        </div>
        <fieldset part="options">
          <legend>${this.t('loginOption')}</legend>
          ${profile.loginOptions.map(
            (option) => html`<label part="option">
              <input
                type="radio"
                name="login-option"
                value=${option}
                .checked=${option === draft.loginOption}
                @change=${this.#onOption}
              />
              ${this.#optionLabel(option)}
            </label>`,
          )}
        </fieldset>
        ${needsNumber
          ? html`<div class="field">
              <label for="dial">${this.t(ext ? 'extension' : 'dialNumber')}</label>
              <input
                id="dial"
                part="dial-number"
                type="tel"
                inputmode=${ext ? 'numeric' : 'tel'}
                autocomplete="off"
                aria-required="true"
                aria-invalid=${dialMessage ? 'true' : 'false'}
                aria-describedby=${dialMessage ? 'dial-error dial-hint' : 'dial-hint'}
                .value=${typed}
                @input=${this.#onDial}
              />
              ${rule ? html`<p class="hint" id="dial-hint" part="dial-hint">${this.t('dialHint', { example: rule.example })}</p>` : html`<span id="dial-hint" hidden></span>`}
              ${this.renderError(dialMessage, 'dial-error')}
            </div>`
          : nothing}
        <div class="actions">
          <button
            part="submit"
            class="primary"
            type="submit"
            aria-disabled=${pending || this.offline ? 'true' : 'false'}
            aria-describedby=${formMessage ? 'login-error' : nothing}
          >
            ${pending ? this.renderSpinner(this.t('loggingIn')) : nothing}${this.t('logIn')}
          </button>
          ${this.editing ? html`<button part="cancel" type="button" @click=${this.#onCancel}>${this.t('cancel')}</button>` : nothing}
        </div>
        ${this.renderError(formMessage, 'login-error')}
      </form>
    `;
  }

  #renderSummary(station: Station) {
    const pending = this.cc.pending('cc-station-logout-request');
    const message = this.logoutBlocked ? this.t('logoutBlocked') : this.cc.error('cc-station-logout-request');
    const ext = station.loginOption === 'EXTENSION';
    return html`
      <dl part="summary">
        <div><dt>${this.t('team')}</dt><dd>${this.netText(this.#teamName(station.teamId))}</dd></div>
        <div><dt>${this.t('loginOption')}</dt><dd>${this.#optionLabel(station.loginOption)}</dd></div>
        ${station.dialNumber
          ? html`<div><dt>${this.t(ext ? 'extension' : 'dialNumber')}</dt><dd>${this.netText(station.dialNumber)}</dd></div>`
          : nothing}
      </dl>
      <div class="actions">
        <button part="change" type="button" @click=${this.#onChange}>${this.t('change')}</button>
        <button
          part="logout"
          type="button"
          aria-disabled=${pending || this.offline ? 'true' : 'false'}
          aria-describedby=${message ? 'logout-error' : nothing}
          @click=${this.#onLogout}
        >
          ${pending ? this.renderSpinner(this.t('loggingOut')) : nothing}${this.t('logOut')}
        </button>
      </div>
      ${this.renderError(message, 'logout-error')}
    `;
  }

  protected override render() {
    const { profile, station } = this.cc.state;
    let body;
    if (!profile) body = html`<p part="hint" class="muted">${this.t('signInFirst')}</p>`;
    else if (station && !this.editing) body = this.#renderSummary(station);
    else if (this.draft) body = this.#renderForm(profile, this.draft);
    return html`<div part="base" class="surface">
      ${this.renderConnectionStatus()} ${this.#notice.render(this.t('dismiss'))} ${body ?? nothing} ${this.renderAnnouncer()}
    </div>`;
  }
}
