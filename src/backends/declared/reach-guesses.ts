// GUESSES. Where the preflight's `reach` check (components/cc-preflight/checks.ts: one `no-cors` request with no
// credentials; any answer counts as reached) looks for each backend's contact center, in one place. Neither
// host is documented as "the" host to reach; when a real account shows a better one, change it here (the
// README's preflight table lists them too).

/** The host the `reach` check asks, per backend whose host is not configured by the page. */
export const REACH_GUESSES = Object.freeze({
  /**
   * Webex: `webexapis.com`, the host of Webex's public API (../shared/webex-rest.md: OAuth at
   * `https://webexapis.com/v1/authorize` and `/v1/access_token`). The contact-center SDK itself talks to hosts it
   * discovers at sign-in (u2c, ../shared/webex-sdk.md), which no page knows before; that answering here stands
   * for reaching those is the guess.
   */
  webex: 'https://webexapis.com/',
  /**
   * TCCC: the Web SDK's host. ../shared/tccc.md gives no host: the SdkURL the page's server mints is never to be
   * hard-coded (it changes with SDK releases) and is single-use, so it cannot be asked twice. `tccc.qcloud.com` is
   * a guess at the host those URLs are served from.
   */
  tccc: 'https://tccc.qcloud.com/',
  // XuC: no guess. The check asks the origin of `<cc-sdk server="…">` (declared/xuc.ts), as the page gives it;
  // no host or port (XuC's default 8090, ../shared/xuc.md) is made up when it is missing: the check says so.
});
