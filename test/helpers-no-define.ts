// The tests' `until` is the one the exported contract suite uses (cc-elements/testing). Imports nothing that defines a tag.
export { until } from '../testing/until.js';
