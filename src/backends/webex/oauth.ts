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

/*
 * The flow, and why. Webex's browser SDK signs in with the implicit grant (`response_type=token`, the token in
 * the URL fragment); the authorization-code flow with PKCE would be preferred, but Webex documents its token
 * exchange with a client secret, so in this kit the code flow (with PKCE and refresh-token rotation) belongs
 * to the server half, where the secret stays. In the browser, the round trip is bound to the page that started
 * it: `<cc-auth>` generates a `state` (crypto.getRandomValues), the backend passes it to
 * `webex.authorization.initiateLogin({state: {cc: state}})` (the SDK adds its own CSRF token and sends the
 * object base64url-encoded), and on the way back `finishOAuthRoundTrip` cleans the URL, then accepts the token
 * only when the returned state matches exactly. A token in a link nobody on this page asked for is dropped.
 */
export { isOAuthRedirect, beginOAuthRoundTrip, finishOAuthRoundTrip, forgetOAuthRoundTrip } from '../../core/oauth.js';
