import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { realClock, type Clock } from '../core/clock.js';
import type { DeskController } from '../context/desk-controller.js';

/** How long a notice stays on screen unless the agent closes it first. */
export const NOTICE_MS = 10_000;

/**
 * A visible notice about something the agent did not do themselves (a supervisor changed their state, they
 * were logged out from elsewhere). It goes away by itself after `NOTICE_MS` on the backend's clock (so a
 * manual clock in tests and scenarios drives it), or when the agent closes it. While focus is inside the
 * notice (on its close button) it stays, so a keyboard user is never left on a vanished control.
 */
export class NoticeController implements ReactiveController {
  #host: ReactiveControllerHost & HTMLElement;
  #desk: DeskController;
  #message = '';
  #clock: Clock | null = null;
  #timer: unknown = null;

  constructor(host: ReactiveControllerHost & HTMLElement, desk: DeskController) {
    this.#host = host;
    this.#desk = desk;
    host.addController(this);
  }

  get message(): string {
    return this.#message;
  }

  /** Shows `message` (replacing any notice on screen) and starts its time. */
  show(message: string): void {
    this.#message = message;
    this.#schedule(NOTICE_MS);
    this.#host.requestUpdate();
  }

  /** Takes the notice away now. */
  dismiss(): void {
    this.#stop();
    if (!this.#message) return;
    this.#message = '';
    this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#stop();
    this.#message = '';
  }

  #schedule(ms: number): void {
    this.#stop();
    const clock = this.#desk.desk?.backend?.clock ?? realClock;
    this.#clock = clock;
    this.#timer = clock.setTimeout(() => {
      this.#timer = null;
      const notice = this.#host.shadowRoot?.querySelector('[part~="notice"]');
      // The agent is on the close button: keep the notice a little longer rather than drop their focus.
      if (notice && notice.contains(this.#host.shadowRoot!.activeElement)) this.#schedule(NOTICE_MS / 2);
      else this.dismiss();
    }, ms);
  }

  #stop(): void {
    if (this.#timer !== null) this.#clock?.clearTimeout(this.#timer);
    this.#timer = null;
  }

  /**
   * The notice with its close button (`closeLabel` names it for screen readers), or nothing. It is not a live
   * region: the widget announces the same change through its own live region, once.
   */
  render(closeLabel: string): TemplateResult | typeof nothing {
    if (!this.#message) return nothing;
    return html`<div part="notice" class="notice">
      <span class="notice-text">${this.#message}</span>
      <button
        part="notice-close"
        class="notice-close"
        type="button"
        aria-label=${closeLabel}
        title=${closeLabel}
        @click=${() => this.#closeByAgent()}
      >
        <span aria-hidden="true">×</span>
      </button>
    </div>`;
  }

  #closeByAgent(): void {
    this.dismiss();
    // Back to the widget's main control, so focus does not fall to the page.
    void (this.#host as unknown as { updateComplete: Promise<unknown> }).updateComplete.then(() => {
      this.#host.shadowRoot?.querySelector<HTMLElement>('[data-notice-return]')?.focus();
    });
  }
}

/**
 * Messages that float below their widget instead of taking room in it (a header must not grow when a state
 * change is refused or a supervisor acts): the notice and the `.floating` error. The widget's `[part=base]`
 * is their positioning box.
 */
export const floatingStyles = css`
  .floating-area {
    position: absolute;
    inset-block-start: calc(100% + 4px);
    inset-inline: 0;
    z-index: 10;
    display: grid;
    gap: 4px;
  }
  .floating-area:empty {
    display: none;
  }
  .notice,
  .floating-area .error {
    display: flex;
    align-items: start;
    gap: var(--_cc-space);
    margin: 0;
    padding: calc(var(--_cc-space) * 0.5) var(--_cc-space);
    background: var(--_cc-surface);
    border: 1px solid var(--_cc-border);
    border-inline-start: 4px solid var(--_notice-edge, var(--_cc-accent));
    border-radius: var(--_cc-radius);
    box-shadow: var(--_cc-elevation), 0 4px 12px rgb(0 0 0 / 0.12);
    color: var(--_cc-text);
    font-size: 0.9em;
    overflow-wrap: anywhere;
  }
  .floating-area .error {
    --_notice-edge: var(--_cc-danger);
    color: var(--_cc-danger);
  }
  .notice-text {
    flex: 1;
    align-self: center;
  }
  .notice-close {
    min-height: 24px;
    min-inline-size: 24px;
    padding: 0 4px;
    line-height: 1;
    flex: none;
  }
`;
