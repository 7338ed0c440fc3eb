// A Desk straight on a backend, as the exported contract suite (cc-elements/testing) builds it.
export { deskOn } from '../testing/desk.js';
