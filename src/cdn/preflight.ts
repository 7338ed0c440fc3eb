// The CDN build's preflight chunk: defines <cc-preflight>. The entry imports it (dynamically) when the page has
// the tag, or once the page is idle; the checks' own code is a further chunk, loaded on the first run.
import '../../define/cc-preflight.js';

export { CcPreflight } from '../../components/cc-preflight/cc-preflight.js';
