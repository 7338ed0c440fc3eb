/**
 * True when the page was just opened by an OAuth sign-in page with a token (`#access_token=…`) or an error
 * (`?error=…`): the moment to finish signing in. Generic; loads no backend code.
 */
export function isOAuthRedirect(location: Pick<Location, 'hash' | 'search'> | undefined = globalThis.location): boolean {
  if (!location) return false;
  return /[#&]access_token=/.test(location.hash ?? '') || /[?&]error=/.test(location.search ?? '');
}
