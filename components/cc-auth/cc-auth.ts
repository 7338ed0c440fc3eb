import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { DeskState } from '../../src/core/store.js';
import { CcWidget } from '../../src/base/cc-widget.js';
import { TickController } from '../../src/base/tick-controller.js';
import { beginOAuthRoundTrip, finishOAuthRoundTrip, forgetOAuthRoundTrip, type OAuthReturn } from '../../src/core/oauth.js';
import { sealToken } from '../../src/core/sealed-token.js';
import { TOKEN_SIGN_IN, offersSignIn } from '../../src/core/sign-in.js';
import type { SignInDescriptor, SignInKind, SignInMethod } from '../../src/core/types.js';
import { styles } from './cc-auth.styles.js';

/** How long before the token expires the agent is warned. */
const WARNING_MS = 5 * 60 * 1000;

export const defaultStrings = {
  tokenLabel: 'Access token',
  tokenHint: 'Paste the access token of your contact-center account.',
  tokenRequired: 'Enter your access token.',
  usernameLabel: 'Username',
  usernameRequired: 'Enter your username.',
  passwordLabel: 'Password',
  passwordRequired: 'Enter your password.',
  usernameHint: '',
  signIn: 'Sign in',
  signingIn: 'Signing in…',
  signInWithOAuth: 'Sign in with single sign-on',
  signInWithServer: 'Sign in',
  continueSession: 'Continue',
  or: 'or',
  signedInAs: 'Signed in as',
  signOut: 'Sign out',
  signingOut: 'Signing out…',
  signOutBlocked: 'You cannot sign out while you have a task or a wrap-up open.',
  expiring: 'Your session expires in {time}',
  expiringAnnouncement: 'Your session expires in {time}. Sign in again to stay connected.',
  signInAgain: 'Sign in again',
  cancel: 'Cancel',
  expired: 'Your session has expired. Sign in again to continue; your tasks are kept.',
  signedIn: 'Signed in as {name}.',
  signedOut: 'You are signed out.',
  oauthRefused: 'A sign-in link that this page did not start was ignored. Sign in here to continue.',
  oauthFailed: 'Sign-in did not finish ({error}). Try again.',
};

/**
 * The widget's own strings, and those the backend's sign-in descriptor names (e.g. `signInWithWebex`): every
 * one replaceable through `strings`.
 */
export type CcAuthStrings = typeof defaultStrings & Record<string, string>;

/**
 * Signs the agent in and out the ways the backend declares (its sign-in descriptor, known before the backend
 * loads): an access token, an OAuth redirect (when `client-id` and `redirect-uri` are set), a username and
 * password, or a button for a session the host's server issues or the page already has. The labels that name
 * a contact center come from the backend's descriptor. It warns before the session expires so the agent can
 * sign in again without losing a task. A token or a password is read from its field once, sealed in an opaque
 * handle, sent with the request and cleared: it is never kept in an attribute, the DOM or storage, and the
 * page's listeners see only the handle (set `expose-token` to give them an access token).
 *
 * OAuth: the OAuth button starts a round trip with a fresh random `state` kept in sessionStorage. Back from
 * the sign-in page, the element removes every OAuth parameter from the URL at once (`history.replaceState`)
 * and signs in only when the returned state is the one it kept (then forgets it); a link it did not start
 * (login CSRF) is ignored with a visible message that repeats nothing of the URL.
 *
 * @summary Sign-in and sign-out, with a session-expiry warning and re-sign-in.
 * @tag cc-auth
 * @event {CcRequestEvent<'cc-sign-in-request'>} cc-sign-in-request - The agent signs in. `detail: {credential}` (the token sealed in a handle only `<cc-sdk>` redeems; `{accessToken}` with `expose-token`), `{username, credential}` (the password sealed), `{oauth: {clientId, redirectUri, scopes, state}}`, or `{}` (a server-issued or existing session); frozen; cancelable.
 * @event {CcRequestEvent<'cc-sign-out-request'>} cc-sign-out-request - The agent signs out. `detail: {}`; cancelable.
 * @csspart base - The wrapper.
 * @csspart form - The sign-in form.
 * @csspart field - The access-token field (label, input, hint and message).
 * @csspart input - The access-token input.
 * @csspart submit - The Sign in button.
 * @csspart oauth - The OAuth button, labelled by the backend ("Sign in with Webex").
 * @csspart username - The username input (a backend that signs in with a username and password).
 * @csspart password - The password input; emptied when the form is sent.
 * @csspart continue - The button of a sign-in the host's server issues or the page already has, labelled by the backend.
 * @csspart user - Who is signed in.
 * @csspart sign-out - The Sign out button.
 * @csspart warning - The session-expiry warning with its countdown.
 * @csspart renew - The Sign in again button of the warning.
 * @csspart cancel - Closes the form opened by Sign in again.
 * @csspart expired - The notice that the session has expired.
 * @csspart error - A message about the token or a refused action.
 * @csspart redirect-error - The message when an OAuth redirect was refused (not started by this page) or failed.
 * @cssproperty [--cc-auth-background=var(--cc-color-surface)] - The widget's background.
 * @cssproperty [--cc-auth-gap=var(--cc-space)] - The space between its parts.
 * @cssproperty [--cc-auth-warning-color=var(--cc-color-warning)] - The edge of the expiry warning.
 * @cssproperty [--cc-auth-expired-color=var(--cc-color-danger)] - The edge of the expired notice.
 */
export class CcAuth extends CcWidget<CcAuthStrings> {
  static override styles = [...CcWidget.styles, styles];
  /** The widget's strings, with the texts of the backend's sign-in descriptor. */
  protected get defaultStrings(): CcAuthStrings {
    return { ...defaultStrings, ...this.cc.state.signIn?.strings };
  }

  /** The key of a text the backend words its own way (see `SignInDescriptor.replaces`), unless the page replaced it. */
  #worded(key: keyof typeof defaultStrings): string {
    if (key in this.strings) return key;
    return this.cc.state.signIn?.replaces?.[key] ?? key;
  }

  protected override renderedFrom(s: DeskState) {
    return [s.session, s.profile, s.capabilities, s.pending, s.errors, s.tasks.length, s.signIn];
  }
  protected override focusFallback = '#token, #username, [part="oauth"], [part="continue"], [part="renew"], [part="sign-out"]';

  /** The OAuth client id of the host's Webex integration. With `redirect-uri`, offers Sign in with Webex. */
  @property({ attribute: 'client-id' }) clientId = '';

  /** Where Webex sends the agent back after OAuth sign-in. */
  @property({ attribute: 'redirect-uri' }) redirectUri = '';

  /** The OAuth scopes, separated by spaces; when empty, the backend's defaults (see the backend's docs). */
  @property({ attribute: 'scopes' }) scopes = '';

  /** Hides the access-token form when OAuth sign-in is offered. */
  @property({ attribute: 'hide-token', type: Boolean }) hideToken = false;

  /**
   * Opt-in: put the raw access token in the `cc-sign-in-request` detail (`{accessToken}`), for a page that
   * must see it. Every listener on the page can then read it. By default the detail carries
   * `{credential}`, an opaque handle only `<cc-sdk>` can redeem.
   */
  @property({ attribute: 'expose-token', type: Boolean }) exposeToken = false;

  /** What came back from an OAuth sign-in page when this element connected, until it is acted on. */
  #redirect: OAuthReturn = { kind: 'none' };
  /** A message about an OAuth redirect that was refused or failed. */
  @state() private redirectMessage = '';
  /** This element sent the agent to OAuth sign-in and the page has not left (yet). */
  #oauthStarted = false;

  /** A message about the token field (it was empty). */
  @state() private tokenError = '';

  /** Messages about the username and password fields (empty). */
  @state() private usernameError = '';
  @state() private passwordError = '';

  /** The agent asked to sign in again before the session expired. */
  @state() private renewing = false;

  /** The agent tried to sign out with a task or a wrap-up open. */
  @state() private signOutBlocked = false;

  /** Which way the last sign-in went, so progress and errors show by the control that was used. */
  @state() private via: SignInKind = 'token';

  #tick = new TickController(this, this.cc, () => this.#warning() !== null);
  #wake: ReturnType<typeof setTimeout> | null = null;
  #seen = false;
  #wasSignedIn = false;
  #hadProfile = false;
  #wasSigningIn = false;
  #warnedFor: number | null = null;

  /** How the backend lets agents sign in (an access token until `<cc-sdk>` says). */
  get #descriptor(): SignInDescriptor {
    return this.cc.state.signIn ?? TOKEN_SIGN_IN;
  }

  /** The backend's OAuth way in, when it has one and this element is configured for it. */
  get #oauthMethod(): Extract<SignInMethod, { kind: 'oauth' }> | undefined {
    if (!this.clientId || !this.redirectUri || this.cc.state.capabilities?.oauth === false) return undefined;
    return this.#descriptor.methods.find((m): m is Extract<SignInMethod, { kind: 'oauth' }> => m.kind === 'oauth');
  }

  get #oauth(): boolean {
    return !!this.#oauthMethod;
  }

  /** Milliseconds left when the session is in its warning window (and not yet expired), else null. */
  #warning(): number | null {
    const { session } = this.cc.state;
    if (session.status !== 'signed-in' || session.expired || session.expiresAt === null) return null;
    const left = session.expiresAt - this.#tick.now();
    return left <= WARNING_MS ? left : null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back from an OAuth sign-in page: the URL is cleaned at once, whatever comes of it (see finishOAuthRoundTrip).
    const back = finishOAuthRoundTrip();
    if (back.kind !== 'none') this.#redirect = back;
  }

  /** The credentials a token travels in: sealed (only <cc-sdk> redeems it), unless the page opted in to see it. */
  #credentials(accessToken: string) {
    return this.exposeToken ? { accessToken } : { credential: sealToken(accessToken) };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#clearWake();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const { session, profile } = this.cc.state;
    const signedIn = session.status === 'signed-in';
    const signingIn = this.cc.pending('cc-sign-in-request');
    if (this.#wasSigningIn && !signingIn && !this.cc.error('cc-sign-in-request')) this.renewing = false;
    if (!signedIn || session.expired) this.renewing = false;
    if (!signedIn || this.cc.state.tasks.length === 0) this.signOutBlocked = false;
    // Signed in from this widget's form: focus goes to who is signed in, not to Sign out, so a second Enter
    // does nothing harmful (a station form on the page takes focus next, see <cc-station-login>).
    this.#focusUser = this.#seen && this.hadFocus && !!profile && !this.#hadProfile;
    if (profile && !this.#hadProfile) this.redirectMessage = '';
    if (this.#seen) {
      if (profile && !this.#hadProfile) this.announce(this.t('signedIn', { name: profile.agentName }));
      else if (this.#wasSignedIn && !signedIn) this.announce(this.t('signedOut'));
    }
    const left = this.#warning();
    if (left !== null && this.#warnedFor !== session.expiresAt) {
      this.#warnedFor = session.expiresAt;
      this.announce(this.t('expiringAnnouncement', { time: this.duration(left) }));
    }
    this.#seen = true;
    this.#wasSignedIn = signedIn;
    this.#hadProfile = !!profile;
    this.#wasSigningIn = signingIn;
    // An OAuth sign-in this element started, that did not leave the page (a backend that signs in without a
    // redirect, or a failure): its state is of no more use.
    if (this.#oauthStarted && !signingIn) {
      this.#oauthStarted = false;
      forgetOAuthRoundTrip();
    }
    this.#finishRedirect(signedIn, signingIn);
  }

  /** Back from the OAuth sign-in page, once the desk is there: sign in with the token, or say why not. */
  #finishRedirect(signedIn: boolean, signingIn: boolean): void {
    const back = this.#redirect;
    if (back.kind === 'none' || !this.cc.desk) return;
    this.#redirect = { kind: 'none' };
    if (back.kind === 'refused') this.redirectMessage = this.t('oauthRefused');
    else if (back.kind === 'error') this.redirectMessage = this.t(this.#worded('oauthFailed'), { error: back.error });
    else if (!signedIn && !signingIn) {
      this.via = 'oauth';
      const credentials = this.#credentials(back.accessToken);
      queueMicrotask(() => this.cc.request('cc-sign-in-request', credentials));
    }
  }

  #focusUser = false;

  protected override updated(changed: PropertyValues<this>): void {
    if (this.#focusUser) this.renderRoot.querySelector<HTMLElement>('[part="user"]')?.focus();
    this.#focusUser = false;
    super.updated(changed);
    this.#scheduleWake();
  }

  /** Repaints when the warning window opens, on a real clock (a manual clock repaints as it moves). */
  #scheduleWake(): void {
    this.#clearWake();
    const { session } = this.cc.state;
    if (session.status !== 'signed-in' || session.expired || session.expiresAt === null || this.#warning() !== null) return;
    const due = session.expiresAt - WARNING_MS - this.#tick.now();
    if (due < 2 ** 31 - 1) this.#wake = setTimeout(() => this.requestUpdate(), Math.max(0, due) + 50);
  }

  #clearWake(): void {
    if (this.#wake) clearTimeout(this.#wake);
    this.#wake = null;
  }

  #onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    if (this.cc.pending('cc-sign-in-request')) return;
    const input = this.renderRoot.querySelector<HTMLInputElement>('#token')!;
    // The token lives in this local only: the field is cleared before the request leaves.
    const accessToken = input.value.trim();
    input.value = '';
    if (!accessToken) {
      this.tokenError = this.t('tokenRequired');
      input.focus();
      return;
    }
    this.tokenError = '';
    this.redirectMessage = '';
    this.via = 'token';
    this.cc.request('cc-sign-in-request', this.#credentials(accessToken));
  }

  #onPasswordSubmit(event: SubmitEvent): void {
    event.preventDefault();
    if (this.cc.pending('cc-sign-in-request')) return;
    const userField = this.renderRoot.querySelector<HTMLInputElement>('#username')!;
    const passwordField = this.renderRoot.querySelector<HTMLInputElement>('#password')!;
    // The password lives in this local only: the field is emptied before the request leaves.
    const username = userField.value.trim();
    const password = passwordField.value;
    passwordField.value = '';
    this.usernameError = username ? '' : this.t('usernameRequired');
    this.passwordError = password ? '' : this.t('passwordRequired');
    if (!username || !password) {
      (username ? passwordField : userField).focus();
      return;
    }
    this.redirectMessage = '';
    this.via = 'password';
    // Sealed like a token: the page's listeners see the username and an opaque handle, never the password.
    this.cc.request('cc-sign-in-request', { username, credential: sealToken(password) });
  }

  /** A way in with nothing to enter: a session the host's server issues, or one the page already has. */
  #onContinue(kind: 'server' | 'external'): void {
    if (this.cc.pending('cc-sign-in-request')) return;
    this.tokenError = '';
    this.redirectMessage = '';
    this.via = kind;
    this.cc.request('cc-sign-in-request', {});
  }

  #onOauth(): void {
    if (this.cc.pending('cc-sign-in-request')) return;
    const scopes = this.scopes.trim() ? this.scopes.trim().split(/\s+/) : undefined;
    this.tokenError = '';
    this.redirectMessage = '';
    this.via = 'oauth';
    // A fresh state for this round trip: on the way back, only a redirect that carries it signs in.
    const state = beginOAuthRoundTrip();
    this.#oauthStarted = this.cc.request('cc-sign-in-request', {
      oauth: { clientId: this.clientId, redirectUri: this.redirectUri, ...(scopes ? { scopes } : {}), state },
    });
    if (!this.#oauthStarted) forgetOAuthRoundTrip();
  }

  #onSignOut(): void {
    if (this.cc.pending('cc-sign-out-request')) return;
    // The contact center refuses to log a busy agent out: say so without asking it.
    if (this.cc.state.tasks.length > 0) {
      this.signOutBlocked = true;
      return;
    }
    this.signOutBlocked = false;
    this.cc.request('cc-sign-out-request', {});
  }

  async #onRenew(): Promise<void> {
    this.renewing = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#token, #username, [part="oauth"], [part="continue"]')?.focus();
  }

  async #onCancelRenew(): Promise<void> {
    this.renewing = false;
    this.tokenError = '';
    this.usernameError = '';
    this.passwordError = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part="renew"]')?.focus();
  }

  #onTokenInput(): void {
    if (this.tokenError) this.tokenError = '';
  }

  #onUsernameInput(): void {
    if (this.usernameError) this.usernameError = '';
  }

  #onPasswordInput(): void {
    if (this.passwordError) this.passwordError = '';
  }

  #renderCancel() {
    return this.renewing ? html`<button part="cancel" type="button" @click=${this.#onCancelRenew}>${this.t('cancel')}</button>` : nothing;
  }

  #renderPasswordForm(pending: boolean, backendError: string | undefined, withCancel: boolean) {
    const spinner = this.renderSpinner(this.t('signingIn'));
    const passwordMessage = this.passwordError || (this.via === 'password' && !this.usernameError ? backendError : undefined);
    const hint = this.t(this.#worded('usernameHint'));
    return html`<form part="form" novalidate @submit=${this.#onPasswordSubmit}>
      <div part="field" class="field">
        <label for="username">${this.t('usernameLabel')}</label>
        <input
          id="username"
          part="username"
          type="text"
          autocomplete="username"
          autocapitalize="off"
          spellcheck="false"
          aria-required="true"
          aria-invalid=${this.usernameError ? 'true' : 'false'}
          aria-describedby=${this.usernameError ? 'username-error' : hint ? 'username-hint' : nothing}
          @input=${this.#onUsernameInput}
        />
        ${hint ? html`<p class="hint" id="username-hint">${hint}</p>` : nothing}
        ${this.renderError(this.usernameError || undefined, 'username-error')}
      </div>
      <div part="field" class="field">
        <label for="password">${this.t('passwordLabel')}</label>
        <input
          id="password"
          part="password"
          type="password"
          autocomplete="current-password"
          autocapitalize="off"
          spellcheck="false"
          aria-required="true"
          aria-invalid=${passwordMessage ? 'true' : 'false'}
          aria-describedby=${passwordMessage ? 'password-error' : nothing}
          @input=${this.#onPasswordInput}
        />
        ${this.renderError(passwordMessage, 'password-error')}
      </div>
      <div class="actions">
        <button part="submit" class="primary" type="submit" aria-disabled=${pending ? 'true' : 'false'}>
          ${pending && this.via === 'password' ? spinner : nothing}${this.t('signIn')}
        </button>
        ${withCancel ? this.#renderCancel() : nothing}
      </div>
    </form>`;
  }

  /** The button of a way in with nothing to enter (a server-issued or an existing session). */
  #renderContinue(method: Extract<SignInMethod, { kind: 'server' | 'external' }>, pending: boolean, backendError: string | undefined, primary: boolean) {
    const message = this.via === method.kind ? backendError : undefined;
    return html`<div class="actions">
        <button
          part="continue"
          class=${primary ? 'primary' : ''}
          type="button"
          data-kind=${method.kind}
          aria-disabled=${pending ? 'true' : 'false'}
          aria-describedby=${message ? `${method.kind}-error` : nothing}
          @click=${() => this.#onContinue(method.kind)}
        >
          ${pending && this.via === method.kind ? this.renderSpinner(this.t('signingIn')) : nothing}${this.t(method.label)}
        </button>
        ${primary ? this.#renderCancel() : nothing}
      </div>
      ${this.renderError(message, `${method.kind}-error`)}`;
  }

  #renderForm() {
    const pending = this.cc.pending('cc-sign-in-request');
    const backendError = this.cc.error('cc-sign-in-request');
    const oauth = this.#oauth;
    const descriptor = this.#descriptor;
    const showToken = offersSignIn(descriptor, 'token') && !(oauth && this.hideToken);
    const showPassword = offersSignIn(descriptor, 'password');
    const others = descriptor.methods.filter((m): m is Extract<SignInMethod, { kind: 'server' | 'external' }> => m.kind === 'server' || m.kind === 'external');
    const tokenMessage = this.tokenError || (this.via === 'token' || (!oauth && this.via === 'oauth') ? backendError : undefined);
    const oauthMessage = this.via === 'oauth' && oauth ? backendError : undefined;
    const spinner = this.renderSpinner(this.t('signingIn'));
    return html`
      ${showToken
        ? html`<form part="form" novalidate @submit=${this.#onSubmit}>
            <div part="field" class="field">
              <label for="token">${this.t('tokenLabel')}</label>
              <input
                id="token"
                part="input"
                type="password"
                autocomplete="off"
                autocapitalize="off"
                spellcheck="false"
                aria-required="true"
                aria-invalid=${tokenMessage ? 'true' : 'false'}
                aria-describedby=${tokenMessage ? 'token-error' : 'token-hint'}
                @input=${this.#onTokenInput}
              />
              <p class="hint" id="token-hint">${this.t('tokenHint')}</p>
              ${this.renderError(tokenMessage, 'token-error')}
            </div>
            <div class="actions">
              <button part="submit" class="primary" type="submit" aria-disabled=${pending ? 'true' : 'false'}>
                ${pending && this.via === 'token' ? spinner : nothing}${this.t('signIn')}
              </button>
              ${this.renewing
                ? html`<button part="cancel" type="button" @click=${this.#onCancelRenew}>${this.t('cancel')}</button>`
                : nothing}
            </div>
          </form>`
        : nothing}
      ${oauth
        ? html`${showToken ? html`<p class="or muted" aria-hidden="true">${this.t('or')}</p>` : nothing}
            <div class="actions">
              <button
                part="oauth"
                class=${showToken ? '' : 'primary'}
                type="button"
                aria-disabled=${pending ? 'true' : 'false'}
                aria-describedby=${oauthMessage ? 'oauth-error' : nothing}
                @click=${this.#onOauth}
              >
                ${pending && this.via === 'oauth' ? spinner : nothing}${this.t(this.#oauthMethod?.label ?? 'signInWithOAuth')}
              </button>
              ${!showToken ? this.#renderCancel() : nothing}
            </div>
            ${this.renderError(oauthMessage, 'oauth-error')}`
        : nothing}
      ${showPassword
        ? html`${showToken || oauth ? html`<p class="or muted" aria-hidden="true">${this.t('or')}</p>` : nothing}
          ${this.#renderPasswordForm(pending, backendError, !showToken && !oauth)}`
        : nothing}
      ${others.map(
        (method, i) =>
          html`${showToken || oauth || showPassword || i > 0 ? html`<p class="or muted" aria-hidden="true">${this.t('or')}</p>` : nothing}
          ${this.#renderContinue(method, pending, backendError, !showToken && !oauth && !showPassword && i === 0)}`,
      )}
    `;
  }

  #renderSignedIn() {
    const { profile } = this.cc.state;
    const pending = this.cc.pending('cc-sign-out-request');
    const error = this.signOutBlocked ? this.t('signOutBlocked') : this.cc.error('cc-sign-out-request');
    return html`
      <div class="signed-in">
        <div part="user" tabindex="-1">
          <span class="muted">${this.t('signedInAs')}</span>
          <span class="name">${profile?.agentName}</span>
          ${profile?.email ? html`<span class="email muted">${profile.email}</span>` : nothing}
        </div>
        <button
          part="sign-out"
          type="button"
          aria-disabled=${pending ? 'true' : 'false'}
          aria-describedby=${error ? 'sign-out-error' : nothing}
          @click=${this.#onSignOut}
        >
          ${pending ? this.renderSpinner(this.t('signingOut')) : nothing}${this.t('signOut')}
        </button>
      </div>
      ${this.renderError(error, 'sign-out-error')}
    `;
  }

  protected override render() {
    const { session, profile } = this.cc.state;
    const signedIn = session.status === 'signed-in' && !!profile;
    const left = signedIn ? this.#warning() : null;
    return html`
      <div part="base" class="surface">
        ${signedIn ? this.renderConnectionStatus() : nothing}
        ${signedIn && !session.expired ? this.#renderSignedIn() : nothing}
        ${signedIn && session.expired
          ? html`<div part="expired" role="alert"><p>${this.t('expired')}</p></div>`
          : nothing}
        ${left !== null
          ? html`<div part="warning">
              <p class="timer">${this.t('expiring', { time: this.duration(left) })}</p>
              ${this.renewing
                ? nothing
                : html`<div><button part="renew" type="button" @click=${this.#onRenew}>${this.t('signInAgain')}</button></div>`}
            </div>`
          : nothing}
        ${this.redirectMessage
          ? html`<p class="error" id="redirect-error" role="alert" part="error redirect-error">${this.redirectMessage}</p>`
          : nothing}
        ${!signedIn || session.expired || this.renewing ? this.#renderForm() : nothing}
        ${this.renderAnnouncer()}
      </div>
    `;
  }
}
