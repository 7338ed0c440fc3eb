import type { WebexStatic } from './webex-types.js';
import { CcError } from '../../core/errors.js';

export type {
  ConnectionLostDetails,
  WebexCc,
  WebexCcInternals,
  WebexConfig,
  WebexInitAttrs,
  WebexInstance,
  WebexListener,
  WebexStatic,
} from './webex-types.js';

/** How the Webex backend gets the SDK's `Webex` class. Tests pass their own; a page uses the default. */
export type SdkLoader = () => Promise<WebexStatic>;

/**
 * Loads the lean Webex Contact Center SDK (`@webex/contact-center`) with a dynamic import, so its code is
 * fetched only when the Webex backend is chosen. Its package entry has a default export only: the `Webex`
 * class (`WebexCore` with the authorization, logger, mercury, support and `cc` plugins).
 */
export const loadContactCenterSdk: SdkLoader = async () => {
  let mod: unknown;
  try {
    mod = await import('@webex/contact-center');
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    const offline = /fetch|network|failed to load|importing a module script failed/i.test(why);
    throw CcError.of(offline ? 'offline' : 'backend-error', { key: offline ? 'webexSdkLoadOffline' : 'webexSdkMissing', values: { reason: why } }, 'connect');
  }
  const Webex = (mod as { default?: WebexStatic }).default ?? (mod as WebexStatic);
  if (!Webex || typeof Webex.init !== 'function') {
    throw CcError.of('backend-error', { key: 'webexSdkNoInit' }, 'connect');
  }
  return Webex;
};
