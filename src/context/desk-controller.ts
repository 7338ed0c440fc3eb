import { ContextEvent as ContextRequestEvent } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { initialState, type DeskState, type StoreListener } from '../core/store.js';
import { request, type RequestDetails, type RequestName } from '../events/events.js';
import { deskContext } from './context.js';
import { requestKey, taskIdOf, type Desk } from './desk.js';

type Host = ReactiveControllerHost & HTMLElement;

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

  hostDisconnected(): void {
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
    if (this.desk && !this.desk.accepts(name)) return false;
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

  /** The backend's message when the action (for that task) last failed. */
  error(name: RequestName, taskId?: string): string | undefined {
    return this.state.errors[requestKey(name, taskId ? { taskId } : undefined)]?.message;
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
    if (!this.desk) this.#startWaiting();
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
