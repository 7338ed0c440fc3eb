/** Right-to-left letters and the direction controls (marks, embeddings, overrides, isolates). */
const BIDI = /[\u0590-\u08ff\u200e\u200f\u202a-\u202e\u2066-\u2069\ufb1d-\ufdff\ufe70-\ufefc]/;

/**
 * A value from the network inside plain text, where a `<bdi>` cannot go (an `<option>`, a notice string):
 * when it carries right-to-left text or a direction control, it is wrapped in first-strong isolate marks
 * (U+2068 … U+2069) so it cannot reorder the kit's words around it. Plain left-to-right text is left as is.
 */
export const isolate = (value: string): string => (BIDI.test(value) ? `\u2068${value}\u2069` : value);
