import { CcError } from '../../core/errors.js';
import type { Profile } from '../../core/types.js';
import { isRecord, text } from '../kit/index.js';
import type { TcccContext } from './context.js';
import { releaseSdk, startSdk, teardownSdk } from './loader.js';
import { eventName, payloadOf, type TcccEventName, type TcccSdk } from './sdk.js';

/**
 * The session: a fresh SdkURL from the host (its route or its function), the SDK started with it (or the page's
 * one reused), the SDK's events routed to the agent and calls parts, and signing out.
 */
export class TcccSession {
  readonly #ctx: TcccContext;
  readonly #owner: object;

  constructor(ctx: TcccContext, owner: object) {
    this.#ctx = ctx;
    this.#owner = owner;
  }

  async connect(): Promise<void> {
    const ctx = this.#ctx;
    if (ctx.events.disposed) throw CcError.of('invalid-state', { key: 'backendDisposed' }, 'connect');
    if (ctx.signedIn) return;
    const { sdk, agentId } = await startSdk({ owner: this.#owner, sdkUrl: () => this.#sdkUrl(), clock: ctx.clock, readyTimeoutMs: ctx.readyTimeoutMs });
    if (ctx.events.disposed) {
      releaseSdk(this.#owner);
      throw CcError.of('invalid-state', { key: 'backendDisposed' }, 'connect');
    }
    ctx.sdk = sdk;
    ctx.agentId = agentId || ctx.options.agentId || 'tccc-agent';
    ctx.signedIn = true;
    this.#listen(sdk);
    ctx.connection.set('connected');
  }

  register(): Profile {
    const ctx = this.#ctx;
    ctx.guard('register', false);
    const profile = ctx.agentPart.profile();
    ctx.registered = true;
    // The SdkURL is the agent's sign-in; once TCCC is ready, it needs no renewal (tccc.md §8).
    ctx.emit({ type: 'signed-in', expiresAt: null });
    ctx.emit({ type: 'registered', profile });
    // An agent already online (a backend rebuilt on a page whose TCCC stayed signed in) picks up where it was.
    const status = this.#status();
    if (status && status !== 'offline') ctx.agentPart.onStatus(status, '');
    return profile;
  }

  /** Signs out: TCCC is removed from the page, so the next sign-in starts afresh (and may be another agent). */
  signOut(reason: string): void {
    const ctx = this.#ctx;
    const was = ctx.signedIn;
    this.#forget();
    teardownSdk(this.#owner);
    if (was) ctx.emit({ type: 'signed-out', reason });
  }

  /** The backend goes away: the SDK stays signed in for the next backend of this page. */
  dispose(): void {
    this.#forget();
    releaseSdk(this.#owner);
  }

  #forget(): void {
    const ctx = this.#ctx;
    ctx.listeners.run();
    ctx.sdk = null;
    ctx.signedIn = false;
    ctx.registered = false;
    ctx.connection.reset();
    ctx.calls.forget();
    ctx.agentPart.forget();
    ctx.station = null;
    ctx.agent = null;
    ctx.status = 'offline';
    ctx.requested = null;
  }

  #status(): string {
    const get = this.#ctx.sdk?.Agent?.getStatus;
    if (typeof get !== 'function') return '';
    try {
      return text(get.call(this.#ctx.sdk?.Agent));
    } catch {
      return '';
    }
  }

  /** The SdkURL, fetched now: it works once, for ten minutes. Never kept, shown or logged. */
  async #sdkUrl(): Promise<unknown> {
    const { getSdkUrl, sdkUrlEndpoint } = this.#ctx.options;
    if (getSdkUrl) {
      try {
        return await getSdkUrl();
      } catch {
        throw CcError.of('auth-failed', { key: 'tcccGetSdkUrlFailed' }, 'connect');
      }
    }
    if (!sdkUrlEndpoint) {
      throw CcError.of('invalid-request', { key: 'tcccNoEndpoint' }, 'connect');
    }
    const route = sdkUrlEndpoint.length > 60 ? `${sdkUrlEndpoint.slice(0, 60)}…` : sdkUrlEndpoint;
    let res: Response;
    try {
      res = await fetch(new URL(sdkUrlEndpoint, document.baseURI), {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: '{}',
        credentials: 'same-origin',
        cache: 'no-store',
      });
    } catch {
      throw CcError.of('offline', { key: 'tcccRouteUnreachable', values: { route } }, 'connect');
    }
    if (res.status === 401 || res.status === 403) throw CcError.of('auth-failed', { key: 'tcccRouteRefused', values: { route, status: String(res.status) } }, 'connect');
    if (!res.ok) throw CcError.of('backend-error', { key: 'tcccRouteFailed', values: { route, status: String(res.status) } }, 'connect');
    const body: unknown = await res.json().catch(() => null);
    return isRecord(body) ? body.SdkURL : undefined;
  }

  #listen(sdk: TcccSdk): void {
    const ctx = this.#ctx;
    const on = (name: TcccEventName, handle: (p: Readonly<Record<string, unknown>>) => void) =>
      ctx.listeners.on(sdk, eventName(sdk, name), (arg: unknown) => {
        if (!ctx.signedIn) return;
        try {
          handle(payloadOf(arg));
        } finally {
          ctx.settle();
        }
      });
    const calls = ctx.calls;
    on('callIn', (p) => calls.onCallIn(p));
    on('userAccessed', (p) => calls.onUserAccessed(p));
    on('sessionEnded', (p) => calls.onSessionEnded(p));
    on('callOuted', (p) => calls.onCallOuted(p));
    on('calloutAccepted', (p) => calls.onCalloutAccepted(p));
    on('transfer', (p) => calls.onTransfer(p));
    on('autoTransfer', (p) => calls.onAutoTransfer(p));
    on('statusChanged', (p) => {
      const status = text(p.status);
      if (!status) return;
      const before = ctx.status;
      ctx.agentPart.onStatus(status, text(p.restReason));
      calls.onStatus(status, before);
    });
  }
}
