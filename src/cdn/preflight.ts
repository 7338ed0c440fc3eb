// The CDN build's preflight chunk: <cc-preflight>, which the entry defines with a light class and settles from
// here when the page has the tag, or once the page is idle; the checks' own code is a further chunk, loaded on
// the first run.
import { ReactiveElement } from 'lit';
import { CcPreflight } from '../../components/cc-preflight/cc-preflight.js';
import type { Body } from './light.js';

export { CcPreflight };

/** What the entry's light classes of these tags become. */
export const body: Body = { widgets: { 'cc-preflight': CcPreflight }, ReactiveElement };
