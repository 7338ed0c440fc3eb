// The panel's lazy chunk (see lazy.ts): the consult/transfer form and the New call form, which the first
// paint does not need.
export { renderPicker } from './destination-picker.form.js';
export { renderOutdial } from './outdial-form.form.js';
