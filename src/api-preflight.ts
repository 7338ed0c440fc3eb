// <cc-preflight>'s class. The npm entry (index.ts) exports it; the CDN entry defines the tag from a chunk of
// its own (src/cdn/preflight.ts), so src/api.ts names its type only.
export { CcPreflight } from '../components/cc-preflight/cc-preflight.js';
