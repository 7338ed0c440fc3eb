import { ContextEvent as ContextRequestEvent } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CcErrorInfo } from '../core/errors.js';
import { initialState, type DeskState, type StoreListener } from '../core/store.js';
import { request, type RequestDetails, type RequestName } from '../events/events.js';
import { isRequestName } from '../events/request-check.js';
import { deskContext } from './context.js';
import { requestKey, taskIdOf, type Desk } from './desk.js';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Why a widget has no `<cc-sdk>`, once it has looked long enough: its `sdk` names no `<cc-sdk>` (a typo),
 * there is none, there are several and it names none, or the tag is not defined on the page.
 */
export type SdkProblem =
  | { readonly kind: 'missing'; readonly id: string }
  | { readonly kind: 'none' }
  | { readonly kind: 'ambiguous'; readonly count: number }
  | { readonly kind: 'undefined' };

const quiet = () => !!(globalThis as { ccElementsQuiet?: boolean }).ccElementsQuiet;

/** What keeps `host` from its provider, read from the page as it is now. */
function diagnose(host: HTMLElement): SdkProblem {
  const defined = !!customElements.get('cc-sdk');
  const id = host.getAttribute('sdk');
  if (id) {
    const root = host.getRootNode() as Document | ShadowRoot;
    const target = root.getElementById?.(id) ?? document.getElementById(id);
    if (target?.localName === 'cc-sdk' && !defined) return { kind: 'undefined' };
    return { kind: 'missing', id };
  }
  const count = document.querySelectorAll('cc-sdk').length;
  if (count > 1 && !host.closest('cc-sdk')) return { kind: 'ambiguous', count };
  if (count > 0 && !defined) return { kind: 'undefined' };
  return { kind: 'none' };
}

/** The console's words for a problem (the widget shows its own, replaceable ones). */
function describe(problem: SdkProblem): string {
  switch (problem.kind) {
    case 'missing':
      return `its sdk="${problem.id.slice(0, 60)}" names no <cc-sdk> on this page.`;
    case 'ambiguous':
      return `the page has ${problem.count} <cc-sdk> elements and it names none: set sdk="<id of one>".`;
    case 'undefined':
      return '<cc-sdk> is not defined on this page: load the kit (its define entry or the CDN file).';
    case 'none':
      return 'there is no <cc-sdk> on this page: put the widget inside one, or name one with sdk="<id>".';
  }
}

/** The parts of the store a widget renders from; compared item by item (by identity) after every change. */
export type DeskSelector = (state: DeskState) => readonly unknown[];

const sameItems = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * Connects a widget to its `<cc-sdk>`: the ancestor that provides the desk context, the element named by the
 * widget's `sdk` attribute, or the page's only `<cc-sdk>`. Works in any define order: a widget whose
 * provider is not there yet connects as soon as it appears. Re-renders the widget on every store change.
 */
export class DeskController implements ReactiveController {
  desk: Desk | null = null;
  state: DeskState = initialState;
  #host: Host;
  #unsubscribeStore: (() => void) | null = null;
  #unsubscribeContext: (() => void) | null = null;
  #waiting = false;
  #select: DeskSelector | null;
  #selected: readonly unknown[] = [];
  #actionListeners = new Set<StoreListener>();
  #hintTimer: ReturnType<typeof setTimeout> | undefined;
  #lookedLong = false;
  #warned = false;

  /**
   * How long a widget looks for its `<cc-sdk>` before it says it found none: a provider defined or added in
   * that time connects without a word (define order, late providers); one that comes later still connects.
   */
  static hintDelayMs = 1000;

  /**
   * `select` names the parts of the store the host renders from: a store change that leaves all of them as
   * they were (the store keeps unchanged parts identical) does not re-render the host.
   */
  constructor(host: Host, select: DeskSelector | null = null) {
    this.#host = host;
    this.#select = select;
    host.addController(this);
  }

  hostConnected(): void {
    this.#resolve();
  }

  /**
   * Hears every store change with the action behind it (a station logout's reason, say), before the host
   * re-renders. For what a snapshot does not keep; render from `state` otherwise.
   */
  onAction(listener: StoreListener): void {
    this.#actionListeners.add(listener);
  }

  /** Looks for the provider again (the widget's `sdk` attribute changed). */
  reconnect(): void {
    this.hostDisconnected();
    if (this.#host.isConnected) this.#resolve();
  }

  /**
   * Why the widget has no `<cc-sdk>`, once it has had `hintDelayMs` to find one; null while connected or still
   * looking. The widget shows it (see CcWidget), and the console hears it once per widget.
   */
  get problem(): SdkProblem | null {
    return this.desk || !this.#lookedLong || !this.#host.isConnected ? null : diagnose(this.#host);
  }

  hostDisconnected(): void {
    clearTimeout(this.#hintTimer);
    this.#hintTimer = undefined;
    this.#lookedLong = false;
    this.#stopWaiting();
    this.#unsubscribeContext?.();
    this.#unsubscribeContext = null;
    this.#use(null);
  }

  /**
   * Sends a request: dispatched on the widget (bubbles, composed, cancelable) so the page may cancel it,
   * then run by `<cc-sdk>` unless cancelled. Returns false when cancelled or when no `<cc-sdk>` is there.
   */
  request<N extends RequestName>(name: N, detail: RequestDetails[N]): boolean {
    // An unknown name (or an outcome's) is never dispatched; the desk, when there is one, says why.
    if (!isRequestName(name)) {
      this.desk?.accepts(name);
      return false;
    }
    // Where the refusal of a detail spoiled by a page listener is shown: with the control that sent it.
    const origin = { key: requestKey(name, detail), taskId: taskIdOf(detail) };
    const event = request(name, detail);
    const allowed = this.#host.dispatchEvent(event);
    if (!allowed || !this.desk) return false;
    void this.desk.run(event, origin);
    return true;
  }

  /** True while the action (for that task) is under way. */
  pending(name: RequestName, taskId?: string): boolean {
    return !!this.state.pending[requestKey(name, taskId ? { taskId } : undefined)];
  }

  /** Forgets the last failure of an action (the agent closed the form it belonged to). */
  dismissError(name: RequestName, taskId?: string): void {
    this.desk?.dismissError(requestKey(name, taskId ? { taskId } : undefined));
  }

  /**
   * The message when the action (for that task) last failed, in the widget's language when the kit made it
   * (the host's `errorText`, see CcWidget), else as the backend said it.
   */
  error(name: RequestName, taskId?: string): string | undefined {
    const info = this.state.errors[requestKey(name, taskId ? { taskId } : undefined)];
    const host = this.#host as Host & { errorText?: (error: CcErrorInfo | undefined) => string | undefined };
    return host.errorText ? host.errorText(info) : info?.message;
  }

  #resolve(): void {
    const id = this.#host.getAttribute('sdk');
    const root = this.#host.getRootNode() as Document | ShadowRoot;
    let target: Element | null = this.#host;
    if (id) target = root.getElementById?.(id) ?? document.getElementById(id);
    if (target) this.#ask(target);
    if (!this.desk && !id) {
      const all = document.querySelectorAll('cc-sdk');
      if (all.length === 1) this.#ask(all[0]);
    }
    if (!this.desk) {
      this.#startWaiting();
      this.#startHintTimer();
      // A hint on screen follows the page (another <cc-sdk> appeared, say).
      if (this.#lookedLong) this.#host.requestUpdate();
    }
  }

  #startHintTimer(): void {
    if (this.#hintTimer !== undefined || this.#lookedLong) return;
    this.#hintTimer = setTimeout(() => {
      this.#hintTimer = undefined;
      this.#lookedLong = true;
      const problem = this.problem;
      if (!problem) return;
      if (!this.#warned && !quiet()) {
        this.#warned = true;
        console.warn(`[cc-elements] <${this.#host.localName}${this.#host.id ? ` id="${this.#host.id}"` : ''}> is not connected: ${describe(problem)}`);
      }
      this.#host.requestUpdate();
    }, DeskController.hintDelayMs);
  }

  #ask(target: Element): void {
    target.dispatchEvent(
      new ContextRequestEvent(
        deskContext,
        this.#host,
        (desk, unsubscribe) => {
          if (this.#unsubscribeContext !== unsubscribe) this.#unsubscribeContext?.();
          this.#unsubscribeContext = unsubscribe ?? null;
          this.#stopWaiting();
          this.#use(desk);
        },
        true,
      ),
    );
  }

  #use(desk: Desk | null): void {
    if (desk === this.desk) return;
    this.#unsubscribeStore?.();
    this.desk = desk;
    this.state = desk?.state ?? initialState;
    this.#unsubscribeStore = desk
      ? desk.subscribe((state, previous, action) => {
          this.state = state;
          for (const listener of this.#actionListeners) listener(state, previous, action);
          const selected = this.#select?.(state);
          if (selected && sameItems(selected, this.#selected)) return;
          this.#selected = selected ?? [];
          this.#host.requestUpdate();
        })
      : null;
    this.#selected = this.#select?.(this.state) ?? [];
    if (desk) {
      clearTimeout(this.#hintTimer);
      this.#hintTimer = undefined;
      this.#lookedLong = false;
    }
    this.#host.requestUpdate();
  }

  #onProvider = (event: Event): void => {
    if ((event as Event & { context?: unknown }).context === deskContext && this.#host.isConnected) this.#resolve();
  };

  #startWaiting(): void {
    if (this.#waiting) return;
    this.#waiting = true;
    document.addEventListener('context-provider', this.#onProvider);
  }

  #stopWaiting(): void {
    if (!this.#waiting) return;
    this.#waiting = false;
    document.removeEventListener('context-provider', this.#onProvider);
  }
}
