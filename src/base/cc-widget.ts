import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { DeskController, type SdkProblem } from '../context/desk-controller.js';
import type { DeskState } from '../core/store.js';
import { controls, tokens } from '../styles/tokens.js';
import { CcElement, hostStyles } from './cc-element.js';
import { bundleFor, bundleLocaleOf, directionOf, loadBundle, notifyLocaleChange, onLocaleChange, pageLocale, reportMissingString } from '../locales/index.js';
import type { CcErrorInfo } from '../core/errors.js';
import { MESSAGES, wordMessage } from '../core/messages.js';
import { fill, formatDateTime, formatDuration, formatNumber, formatTime, pluralOf } from './format.js';

export type Strings = Record<string, string>;

/** Strings the page set per tag with `setLocaleStrings`. */
const pageStrings = new Map<string, Strings>();

/** Strings every widget shares (the connection status); replaceable like a widget's own. */
export const sharedStrings = {
  connectionReconnecting: 'Reconnecting… Actions are paused until the connection is back.',
  connectionOffline: 'Offline. Actions are paused until the connection is back.',
  connectionLost: 'Connection lost. Reconnecting…',
  connectionRestored: 'Connection restored.',
};
export type SharedStrings = typeof sharedStrings;

/** A letter of any script: text without one (a phone number, a time) is laid out left to right. */
const LETTER = /\p{L}/u;

/** A value with digits and no letter, set left to right inside a right-to-left string (Unicode isolates). */
const ltrIsolate = (value: string): string => (/\d/.test(value) && !LETTER.test(value) ? `\u2066${value}\u2069` : value);

/** Network text longer than this is clamped on screen, with the whole value in its `title`. */
const LONG_TEXT = 60;

/**
 * What every widget shares beyond the controls: text from the network (isolated for bidi, wrapped anywhere),
 * error messages that never widen their widget, and the connection status.
 */
export const widgetStyles = css`
  .net {
    unicode-bidi: isolate;
    overflow-wrap: anywhere;
  }
  .net.long {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 3;
    overflow: hidden;
  }
  [part~='error'] {
    overflow-wrap: anywhere;
    min-inline-size: 0;
  }
  [part~='error'].long {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 4;
    overflow: hidden;
  }
  [part~='connection'] {
    display: flex;
    align-items: center;
    gap: calc(var(--_cc-space, 8px) * 0.75);
    margin: 0 0 var(--_cc-space, 8px);
    padding: calc(var(--_cc-space, 8px) * 0.75) var(--_cc-space, 8px);
    border-radius: var(--_cc-radius, 6px);
    border: 1px solid var(--cc-connection-color, var(--_cc-warning, #8a5100));
    border-inline-start-width: 4px;
    background: var(--cc-connection-background, var(--_cc-surface-alt, #f3f5f8));
    color: var(--_cc-text, #1b1f24);
    font-weight: 600;
  }
  [part~='connection'][data-connection='offline'] {
    border-color: var(--cc-connection-offline-color, var(--_cc-danger, #b4232a));
  }
`;

/**
 * What every widget says when it finds no `<cc-sdk>` (see `DeskController.problem`). Replaceable like any
 * widget string: `el.strings = {sdkMissing: …}` or `setLocaleStrings(tag, {…})`.
 */
export const sdkHintStrings: Readonly<Record<`sdk${'Missing' | 'None' | 'Ambiguous' | 'Undefined'}`, string>> = {
  sdkMissing: 'Not connected: there is no <cc-sdk id="{id}"> on this page.',
  sdkNone: 'Not connected: there is no <cc-sdk> on this page.',
  sdkAmbiguous: 'Not connected: this page has {count} <cc-sdk> elements; name one with sdk="…".',
  sdkUndefined: 'Not connected: <cc-sdk> is not defined on this page.',
};

/**
 * Replaces strings of every widget of a tag on the page, e.g. a translation:
 * `setLocaleStrings('cc-task-panel', {accept: 'Annehmen'})`. A widget's own `strings` property wins.
 * `setLocaleStrings('messages', {resumeDuringConsult: '…'})` words the kit's refusals and errors, by their key
 * (src/core/messages.ts), in every widget.
 */
export function setLocaleStrings(tag: string, strings: Strings): void {
  pageStrings.set(tag, { ...pageStrings.get(tag), ...strings });
  // `messages` (the kit's refusals and errors, by key) is every widget's: all of them re-render.
  if (tag === 'messages') notifyLocaleChange();
  for (const el of document.querySelectorAll(tag)) (el as CcWidget<Strings>).requestUpdate?.();
}

/**
 * The base of every widget: connects to its `<cc-sdk>` (an ancestor, `sdk="id"`, or the page's only one),
 * renders from the store, sends requests, and carries replaceable strings and a live region.
 *
 * @cssproperty [--cc-color-scheme=light dark] - `light dark` follows the system; `dark` or `light` forces one.
 * @cssproperty [--cc-color-surface=light-dark(#ffffff, #1d2127)] - Backgrounds of panels and fields.
 * @cssproperty [--cc-color-surface-alt=light-dark(#f3f5f8, #272c34)] - Hovered and pressed backgrounds.
 * @cssproperty [--cc-color-text=light-dark(#1b1f24, #e8eaed)] - Text.
 * @cssproperty [--cc-color-text-muted=light-dark(#555e6a, #a9b1bb)] - Secondary text: hints, labels, timers.
 * @cssproperty [--cc-color-border=light-dark(#c9d0d8, #434b56)] - Borders of panels, fields and buttons.
 * @cssproperty [--cc-color-accent=light-dark(#0a5fb4, #7ab8f7)] - Primary buttons, selection, links.
 * @cssproperty [--cc-color-on-accent=light-dark(#ffffff, #0b1620)] - Text on the accent color.
 * @cssproperty [--cc-color-success=light-dark(#146c35, #6ad89a)] - Available, success.
 * @cssproperty [--cc-color-warning=light-dark(#8a5100, #f3bb66)] - Idle, on hold, warnings.
 * @cssproperty [--cc-color-danger=light-dark(#b4232a, #ff9499)] - End, errors, recording.
 * @cssproperty [--cc-color-on-danger=light-dark(#ffffff, #240406)] - Text on the danger color.
 * @cssproperty [--cc-color-focus=light-dark(#0a5fb4, #a8d0ff)] - The focus ring.
 * @cssproperty [--cc-space=8px] - The spacing unit.
 * @cssproperty [--cc-radius=6px] - Corner radius.
 * @cssproperty [--cc-elevation=0 1px 3px rgb(0 0 0 / 0.14)] - The shadow of panels.
 * @cssproperty [--cc-font-family=system-ui, sans-serif] - The font.
 * @cssproperty [--cc-font-size=0.875rem] - The base font size.
 * @cssproperty [--cc-connection-color=var(--cc-color-warning)] - The edge of the connection status while reconnecting.
 * @cssproperty [--cc-connection-offline-color=var(--cc-color-danger)] - The edge of the connection status when offline.
 * @cssproperty [--cc-connection-background=var(--cc-color-surface-alt)] - The background of the connection status.
 * @csspart connection - The connection status, shown while the connection is down (widgets that act).
 * @cssproperty [--cc-line-height=1.4] - The line height of the widget's text.
 * @csspart sdk-hint - The "Not connected" hint, shown when the widget finds no `<cc-sdk>` (a typo in `sdk`, none, or several and none named).
 */
export abstract class CcWidget<S extends Strings> extends CcElement {
  static override styles = [hostStyles, tokens, controls, widgetStyles];

  /** The id of the `<cc-sdk>` to use, when the widget is not inside it. */
  @property({ attribute: 'sdk' }) sdk = '';

  /** Replaces any of the widget's visible strings (see its `defaultStrings`). */
  @property({ attribute: false }) strings: Partial<S> = {};

  /** What the live region says; set through `announce()`. */
  @state() protected announcement = '';

  // The connection is always rendered from: every widget shows its status and pauses its actions.
  protected readonly cc = new DeskController(this, (state) => [...this.renderedFrom(state), state.connection]);

  /**
   * The parts of the store this widget renders from. A store change that leaves them all identical does not
   * re-render it (one task's update among fifty re-renders the task panel only). Default: everything.
   */
  protected renderedFrom(state: DeskState): readonly unknown[] {
    return [state];
  }

  /** Where focus goes when the focused control went away in a re-render (a form closed, a task left). */
  protected focusFallback = '';
  #hadFocus = false;

  /** Whether focus was inside the widget before the current update. */
  protected get hadFocus(): boolean {
    return this.#hadFocus;
  }

  /** The widget's strings in English. */
  protected abstract readonly defaultStrings: S;

  /**
   * The language this widget speaks (a BCP 47 tag): its own `lang` attribute when the page set one, else its
   * `<cc-sdk>`'s `locale` or `lang`, else the page's `<html lang>`, else `en`. Its words come from the bundle
   * of that language (loaded on first use), its numbers, times and plurals from `Intl` in it.
   */
  get locale(): string {
    return (!this.#langIsOurs && this.getAttribute('lang')?.trim()) || this.cc.desk?.locale || pageLocale();
  }

  /** A string by key, with `{placeholders}` filled; numbers are written the locale's way and pick plurals. */
  protected t(key: (keyof S | keyof SharedStrings | keyof typeof sdkHintStrings) & string, values?: Readonly<Record<string, string | number>>): string {
    const locale = this.locale;
    // Right to left, a number or a phone number inside the sentence keeps its own order (`+1 415…`, `1:15`).
    const rtl = directionOf(locale) === 'rtl';
    const write = (v: string | number) => {
      const text = typeof v === 'number' ? formatNumber(v, locale) : v;
      return rtl ? ltrIsolate(text) : text;
    };
    const written = values && Object.fromEntries(Object.entries(values).map(([k, v]) => [k, write(v)]));
    return fill(this.#raw(key, values?.count), written);
  }

  /**
   * The text of a key: the widget's `strings`, then the page's `setLocaleStrings`, then the bundle of the
   * widget's language, then English. With a numeric `count`, a layer's plural variant for it
   * (`key_one`, `key_few`…, by `Intl.PluralRules`) comes before its bare key.
   */
  #raw(key: string, count?: unknown): string {
    const locale = this.locale;
    const category = typeof count === 'number' ? pluralOf(count, locale) : 'other';
    const pick = (layer: Readonly<Record<string, unknown>> | undefined): unknown =>
      layer && ((category !== 'other' ? layer[`${key}_${category}`] : undefined) ?? layer[key]);
    const bundle = bundleFor(locale);
    const tables = bundle as Readonly<Record<string, Readonly<Record<string, unknown>>>> | undefined;
    let text = pick(this.strings as Strings) ?? pick(pageStrings.get(this.localName)) ?? pick(tables?.[this.localName]) ?? pick(tables?.shared);
    if (text === undefined && bundle) reportMissingString(this.localName, key, locale);
    text ??= pick(this.defaultStrings as Strings) ?? pick(sharedStrings) ?? pick(sdkHintStrings) ?? key;
    return typeof text === 'string' ? text : key;
  }

  /**
   * An error's text in the widget's language: a message the kit made (it has a `key`) from the page's
   * `setLocaleStrings('messages', …)`, then the `messages` of the bundle, then English; text from the network
   * (no key: a contact center's own reason) as it came. A bundle that lacks a key is reported, and the whole
   * message is then shown in English rather than half translated.
   */
  errorText(info: CcErrorInfo | undefined): string | undefined {
    if (!info?.key) return info?.message;
    const locale = this.locale;
    const rtl = directionOf(locale) === 'rtl';
    const bundle = bundleFor(locale)?.messages as Readonly<Record<string, string | undefined>> | undefined;
    const page = pageStrings.get('messages');
    const english = MESSAGES as Readonly<Record<string, string | undefined>>;
    const text = (key: string, count: number | undefined): string | undefined => {
      const category = typeof count === 'number' ? pluralOf(count, locale) : 'other';
      const pick = (layer: Readonly<Record<string, string | undefined>> | undefined) =>
        layer && ((category !== 'other' ? layer[`${key}_${category}`] : undefined) ?? layer[key]);
      const found = pick(page) ?? pick(bundle);
      if (found !== undefined) return found;
      if (bundle) {
        reportMissingString('messages', key, locale);
        return undefined;
      }
      // English: the plural rules are English ones.
      const englishCategory = typeof count === 'number' ? pluralOf(count, 'en') : 'other';
      return (englishCategory !== 'other' ? english[`${key}_${englishCategory}`] : undefined) ?? english[key];
    };
    const value = (v: string | number) => {
      const written = typeof v === 'number' ? formatNumber(v, locale) : v;
      return rtl ? ltrIsolate(written) : written;
    };
    return wordMessage({ key: info.key, ...(info.values ? { values: info.values } : {}) }, { text, value }) ?? info.message;
  }

  /** A count, in the widget's language (`1.234` in German). */
  protected number(value: number): string {
    return formatNumber(value, this.locale);
  }

  /** A timer, `m:ss` or `h:mm:ss`, in the digits of the widget's language. */
  protected duration(ms: number): string {
    return formatDuration(ms, this.locale);
  }

  /** A clock time (epoch milliseconds) in the widget's language: `2:07 PM`, `14:07`. */
  protected time(epochMs: number): string {
    return formatTime(epochMs, this.locale);
  }

  /** A date and time (epoch milliseconds) in the widget's language. */
  protected dateTime(epochMs: number): string {
    return formatDateTime(epochMs, this.locale);
  }

  /**
   * A string by key whose placeholders are filled with templates (network text in a `<bdi>`, say), so the
   * kit's own words around a value keep their order whatever the value's direction.
   */
  protected tParts(key: (keyof S | keyof SharedStrings) & string, values: Readonly<Record<string, unknown>>): unknown[] {
    return this.#raw(key, values.count)
      .split(/(\{\w+\})/)
      .filter((piece) => piece !== '')
      .map((piece) => {
        const name = /^\{(\w+)\}$/.exec(piece)?.[1];
        return name !== undefined && name in values ? values[name] : piece;
      });
  }

  /**
   * Text from the network (a name, a number, a queue, a CAD value): isolated so a right-to-left override in it
   * cannot reorder the kit's words beside it, wrapped anywhere so it never widens the widget, and clamped
   * when long with the whole value in its title.
   */
  protected netText(value: string | undefined | null, className = ''): TemplateResult {
    const text = value ?? '';
    const long = text.length > LONG_TEXT;
    // A number with no letter (a phone number, an id) reads left to right whatever the widget's direction:
    // `+14155550142` must not show as `14155550142+` in Arabic. Text with letters finds its own direction.
    const dir = LETTER.test(text) ? nothing : 'ltr';
    return html`<bdi class="net ${long ? 'long' : ''} ${className}" dir=${dir} title=${long ? text : nothing}>${text}</bdi>`;
  }

  /** Whether the connection to the contact center is down: actions that need it are paused. */
  protected get offline(): boolean {
    const { connection } = this.cc.state;
    return connection === 'reconnecting' || connection === 'offline';
  }

  /**
   * The connection status, shown while the connection is down (part `connection`): every widget that acts
   * renders it first, and disables what cannot work offline (see `offline`).
   */
  protected renderConnectionStatus(): TemplateResult | typeof nothing {
    const { connection } = this.cc.state;
    if (connection !== 'reconnecting' && connection !== 'offline') return nothing;
    const reconnecting = connection === 'reconnecting';
    return html`<div part="connection" class="connection" data-connection=${connection}>
      ${reconnecting ? this.renderSpinner(this.t('connectionLost')) : nothing}
      <span>${this.t(reconnecting ? 'connectionReconnecting' : 'connectionOffline')}</span>
    </div>`;
  }

  #lastConnection: string | null = null;

  /** Announces the connection going down and coming back, once per change. */
  #noticeConnection(): void {
    const now = this.cc.state.connection;
    const was = this.#lastConnection;
    this.#lastConnection = now;
    if (was === null || was === now) return;
    const down = (c: string) => c === 'reconnecting' || c === 'offline';
    if (down(now) && !down(was)) this.announce(this.t('connectionLost'));
    else if (now === 'connected' && down(was)) this.announce(this.t('connectionRestored'));
  }

  /** Tells screen-reader users about a change they did not cause by focus (a new offer, a remote change). */
  protected announce(message: string): void {
    // The same message twice in a row must still be spoken: clear, then set on the next frame.
    this.announcement = '';
    void this.updateComplete.then(() => {
      this.announcement = message;
    });
  }

  protected renderAnnouncer(): TemplateResult {
    return html`<div class="sr-only" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>`;
  }

  /** The progress mark of a pending action, named for screen readers ("Signing in…"). */
  protected renderSpinner(label: string): TemplateResult {
    return html`<span class="spinner" role="img" aria-label=${label}></span>`;
  }

  /** The backend's message next to a control, when its action failed (never wider than the widget). */
  protected renderError(message: string | undefined, id: string): TemplateResult | typeof nothing {
    if (!message) return nothing;
    const long = message.length > 200;
    return html`<p class="error ${long ? 'long' : ''}" id=${id} role="alert" part="error" title=${long ? message : nothing}><bdi>${message}</bdi></p>`;
  }

  #sdkHint: HTMLElement | null = null;

  /** The hint shown when no `<cc-sdk>` was found, in words the page may replace. */
  #sdkHintText(problem: SdkProblem): string {
    const key = `sdk${problem.kind[0].toUpperCase()}${problem.kind.slice(1)}` as keyof typeof sdkHintStrings;
    return this.t(key, problem.kind === 'missing' ? { id: problem.id } : problem.kind === 'ambiguous' ? { count: problem.count } : {});
  }

  /**
   * Shows or removes the "not connected" hint. It sits before the widget's own template in the shadow root,
   * where the widget's rendering never touches it, so every widget gets it whatever it renders.
   */
  #renderSdkHint(): void {
    const root = this.shadowRoot;
    const problem = this.cc.problem;
    if (!root || !problem) {
      this.#sdkHint?.remove();
      this.#sdkHint = null;
      return;
    }
    if (!this.#sdkHint) {
      this.#sdkHint = document.createElement('p');
      this.#sdkHint.className = 'sdk-hint';
      this.#sdkHint.setAttribute('part', 'sdk-hint');
    }
    this.#sdkHint.textContent = this.#sdkHintText(problem);
    if (this.#sdkHint.parentNode !== root) root.insertBefore(this.#sdkHint, root.firstChild);
  }

  protected override update(changed: PropertyValues<this>): void {
    super.update(changed);
    this.#renderSdkHint();
  }

  #offLocale: (() => void) | null = null;
  /** The kit set the host's `lang` (the widget's language differs from the page's), not the page. */
  #langIsOurs = false;
  #dirIsOurs = false;
  #writingLang = false;
  /** What the host's `lang` and `dir` were last worked out from. */
  #languageFrom = '';

  override connectedCallback(): void {
    super.connectedCallback();
    this.#offLocale ??= onLocaleChange(() => {
      this.#languageFrom = '';
      this.requestUpdate();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#offLocale?.();
    this.#offLocale = null;
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang' && !this.#writingLang) {
      this.#langIsOurs = false;
      this.requestUpdate();
    }
  }

  /**
   * Holds the first render in a language until its bundle is there (one fetch, shared by every widget), so
   * the agent does not see English first; at most `bundleWaitMs`, then English until it comes. A bundle that
   * cannot be fetched leaves the widget in English.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const locale = this.locale;
    if (this.#gaveUpOn !== locale && bundleLocaleOf(locale) && !bundleFor(locale)) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          // A bundle that takes too long: English meanwhile; it re-renders the widget when it comes.
          this.#gaveUpOn = locale;
          resolve();
        }, CcWidget.bundleWaitMs);
      });
      return Promise.race([loadBundle(locale), late]).then(() => {
        clearTimeout(timer);
        super.scheduleUpdate();
      });
    }
    return super.scheduleUpdate();
  }

  /** How long a widget holds a render for the bundle of its language before it shows English meanwhile. */
  static bundleWaitMs = 3000;
  /** The language whose bundle this widget stopped waiting for. */
  #gaveUpOn = '';

  /**
   * Gives the host the `lang` of its language when it differs from the page's (screen readers pronounce it
   * right), and the `dir` of it when the inherited direction is wrong for it (Arabic on a left-to-right page).
   * What the page set on the host itself is left alone.
   */
  #applyLanguage(): void {
    const locale = this.locale;
    const page = pageLocale();
    const from = `${locale}|${page}`;
    if (from === this.#languageFrom) return;
    this.#languageFrom = from;
    this.#writingLang = true;
    try {
      if (this.#langIsOurs) this.removeAttribute('lang');
      if (this.#dirIsOurs) this.removeAttribute('dir');
      this.#langIsOurs = this.#dirIsOurs = false;
      if (!this.hasAttribute('lang') && locale !== page) {
        this.setAttribute('lang', locale);
        this.#langIsOurs = true;
      }
      const wanted = directionOf(locale);
      if (!this.hasAttribute('dir') && (locale !== page || wanted === 'rtl') && getComputedStyle(this).direction !== wanted) {
        this.setAttribute('dir', wanted);
        this.#dirIsOurs = true;
      }
    } finally {
      this.#writingLang = false;
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.#applyLanguage();
    this.#noticeConnection();
    this.#hadFocus = !!this.shadowRoot?.activeElement;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (changed.has('sdk') && changed.get('sdk') !== undefined) this.cc.reconnect();
    // Keep the keyboard user's place when the control they were on is gone.
    if (this.#hadFocus && this.focusFallback && !this.shadowRoot!.activeElement) {
      this.renderRoot.querySelector<HTMLElement>(this.focusFallback)?.focus();
    }
  }
}
