import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import type { MediaType } from '../../src/core/types.js';

/** One small glyph per media type, drawn in `currentColor` on a 20×20 grid. */
const glyphs: Readonly<Record<MediaType, SVGTemplateResult>> = {
  telephony: svg`<path
    fill="currentColor"
    d="M6.3 2.6 8.5 4.8a1 1 0 0 1 0 1.4L7.3 7.4a9.5 9.5 0 0 0 5.3 5.3l1.2-1.2a1 1 0 0 1 1.4 0l2.2 2.2a1 1 0 0 1 0 1.4l-1.5 1.5a2.6 2.6 0 0 1-2.8.6A15 15 0 0 1 3.5 8.1a2.6 2.6 0 0 1 .6-2.8l1.5-1.5a1 1 0 0 1 .7-.3z"
  />`,
  chat: svg`<path
    fill="none"
    stroke="currentColor"
    stroke-width="1.6"
    stroke-linejoin="round"
    d="M3.5 4h13a1 1 0 0 1 1 1v8a1 1 0 0 1-1 1H8.5L5 16.8V14H3.5a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1z"
  />`,
  email: svg`<rect x="2.5" y="4.5" width="15" height="11" rx="1.5" fill="none" stroke="currentColor" stroke-width="1.6" />
    <path d="m3 5.5 7 5.5 7-5.5" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round" />`,
  social: svg`<circle cx="5" cy="10" r="2.3" fill="currentColor" />
    <circle cx="15" cy="4.8" r="2.3" fill="currentColor" />
    <circle cx="15" cy="15.2" r="2.3" fill="currentColor" />
    <path d="m6.9 9 6.2-3.2M6.9 11l6.2 3.2" stroke="currentColor" stroke-width="1.6" />`,
  other: svg`<rect x="3" y="3" width="14" height="14" rx="2.5" fill="none" stroke="currentColor" stroke-width="1.6" />
    <path d="M6.5 8h7M6.5 12h4.5" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" />`,
};

/** A decorative media icon: hidden from assistive technology, which reads the media's text label instead. */
export function mediaIcon(media: MediaType): TemplateResult {
  return html`<svg part="media-icon" class="media-icon" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">${glyphs[media] ?? glyphs.telephony}</svg>`;
}

/** A microphone struck through, beside the Muted status (decorative: the status says "Muted" in words). */
export function micOffIcon(): TemplateResult {
  return html`<svg class="status-icon" viewBox="0 0 20 20" width="16" height="16" aria-hidden="true" focusable="false">
    <rect x="7" y="2.5" width="6" height="10" rx="3" fill="currentColor" />
    <path d="M4.5 9.5a5.5 5.5 0 0 0 11 0M10 15v3" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" />
    <path d="m3 3 14 14" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
  </svg>`;
}
