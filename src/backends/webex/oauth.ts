/**
 * OAuth helpers that load nothing of the SDK: a page can check for a sign-in redirect before it decides to
 * build the Webex backend.
 */

/**
 * The scopes an agent desktop needs: contact-center configuration and user (`cjp:*`), WebRTC calling for the
 * BROWSER login option, and `spark:kms` plus `spark:all` the SDK's device registration (Mercury) relies on.
 */
export const DEFAULT_SCOPES: readonly string[] = Object.freeze([
  'cjp:config',
  'cjp:config_read',
  'cjp:config_write',
  'cjp:user',
  'spark:all',
  'spark:kms',
  'spark:webrtc_calling',
  'spark:calls_read',
  'spark:calls_write',
  'spark:xsi',
]);

export { isOAuthRedirect } from '../../core/oauth.js';
