/**
 * Types of the Webex SDK object as it is at run time, built from `@webex/contact-center`'s own published types.
 *
 * `@webex/contact-center` types its default export (`Webex`) as `any`, and the full `webex` package ships no
 * types at all. Both build the same object: `Webex.init(attrs)` returns an instance with a `cc` plugin
 * (`webex.cc`), which is an event emitter (`on`/`off`, Ampersand events at run time) that the SDK's
 * `ContactCenter` declaration does not say is one. This module says so.
 *
 * Only types live here: importing from here is always `import type`, erased at build time, so nothing of
 * the SDK reaches a page that does not choose the Webex backend.
 */
import type { CCPluginConfig, ContactCenter, ITask } from '@webex/contact-center';

export type WebexListener = (...args: any[]) => void;

/** The public methods of `webex.cc` the adapter calls, exactly as the SDK declares them. */
export type WebexCcMethods = Pick<
  ContactCenter,
  | 'register'
  | 'deregister'
  | 'stationLogin'
  | 'stationLogout'
  | 'setAgentState'
  | 'getBuddyAgents'
  | 'startOutdial'
  | 'getOutdialAniEntries'
  | 'uploadLogs'
  | 'getQueues'
  | 'getEntryPoints'
  | 'updateAgentProfile'
>;

/** `webex.cc`: the SDK's methods, plus the event emitter it is at run time. */
export interface WebexCc extends WebexCcMethods {
  /** The agent's address book (`addressBookId` of the profile): named numbers to consult or transfer to. */
  readonly addressBook?: Pick<ContactCenter['addressBook'], 'getEntries'>;
  /**
   * Accepts a campaign's preview offer (`task:campaignPreviewReservation`): the call is placed then. Public in
   * the SDK (`cc.ts`), read defensively: an older SDK has none.
   */
  acceptPreviewContact?(payload: { interactionId: string; campaignId: string }): Promise<unknown>;
  on(event: string, listener: WebexListener): unknown;
  off(event: string, listener: WebexListener): unknown;
}

/**
 * Members `webex.cc` declares private but has at run time, which the adapter reads defensively (they may
 * be missing): the task collection, to re-sync after a reconnect, and the connection service, whose
 * `connectionLost` event is the only signal of a dropped websocket.
 */
export interface WebexCcInternals {
  /**
   * The task collection, and (an EventEmitter) the source of `task:incoming` / `task:hydrate` / `task:merged`,
   * which `webex.cc` only relays, and stops relaying for good after `deregister()` (webex-sdk.md #3).
   */
  readonly taskManager?: {
    getAllTasks?(): Record<string, ITask> | undefined;
    on?(event: string, listener: WebexListener): unknown;
    off?(event: string, listener: WebexListener): unknown;
  };
  readonly services?: {
    /**
     * The notification websocket: every frame as a JSON string (`message`), and `socketClose` when it drops.
     * `webex.cc` re-emits agent events from it through a listener it adds again on every silent relogin (so
     * they arrive twice after a reconnect, webex-sdk.md #7) and removes for good on `deregister()` (#3).
     */
    readonly webSocketManager?: {
      on(event: 'message' | 'socketClose', listener: (frame?: string) => void): unknown;
      off(event: 'message' | 'socketClose', listener: (frame?: string) => void): unknown;
    };
    readonly connectionService?: {
      on(event: 'connectionLost', listener: (details: ConnectionLostDetails) => void): unknown;
      off(event: 'connectionLost', listener: (details: ConnectionLostDetails) => void): unknown;
    };
  };
}

export interface ConnectionLostDetails {
  readonly isConnectionLost?: boolean;
  readonly isRestoreFailed?: boolean;
  readonly isSocketReconnected?: boolean;
  readonly isKeepAlive?: boolean;
}

/** OAuth settings, as `config.credentials` of `Webex.init`. */
export interface WebexOAuthConfig {
  client_id: string;
  redirect_uri: string;
  scope: string;
  clientType?: 'public' | 'confidential';
}

export interface WebexConfig {
  logger?: { level?: string; bufferLogLevel?: string };
  cc?: Partial<Omit<CCPluginConfig, 'callingClientConfig'>> & Record<string, unknown>;
  credentials?: WebexOAuthConfig;
  [key: string]: unknown;
}

export interface WebexInitAttrs {
  config?: WebexConfig;
  credentials?: { access_token: string };
}

/** A Webex SDK instance: `Webex.init(...)` of `@webex/contact-center` or of `webex`. */
export interface WebexInstance {
  readonly cc?: WebexCc;
  /** True once every plugin is initialised (the `ready` event has fired or is about to). */
  readonly ready?: boolean;
  /** True when the instance holds credentials it can authorise requests with. */
  readonly canAuthorize?: boolean;
  once(event: 'ready', listener: () => void): unknown;
  off?(event: string, listener?: WebexListener): unknown;
  readonly authorization?: {
    initiateLogin(options?: { state?: Record<string, unknown>; separateWindow?: boolean | Record<string, number> }): Promise<void> | void;
  };
  readonly credentials?: {
    readonly supertoken?: { readonly expires?: number; readonly access_token?: string };
    /** Replaces the credentials (`{supertoken: {access_token}}`): how one instance signs in with a new token. */
    set?(attrs: { supertoken: { access_token: string } }): unknown;
  };
}

export interface WebexStatic {
  init(attrs?: WebexInitAttrs): WebexInstance;
}
