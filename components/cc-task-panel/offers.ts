import { html, nothing, type TemplateResult } from 'lit';
import { capabilitiesFor, taskControls } from '../../src/core/actions.js';
import type { TaskSnapshot } from '../../src/core/types.js';
import { mediaIcon } from './cc-task-panel.icons.js';
import { actionButton, errorList, mediaLabel, who, type PanelView, type TaskAction } from './view.js';

/** What an offer's controls are (Accept, Decline), from the action table. */
const OFFER = taskControls.filter((c) => c.place === 'offer');

/**
 * One incoming offer (part `offer`): its media, the time left before it rings out, who and through which
 * queue, its controls (Accept, Decline), and the backend's refusal of either. `now` is the backend's time.
 * A campaign's preview (part `preview`) names its campaign and says that accepting places the call
 * ("Call now"); its Decline is shown only where the backend can decline one.
 */
export function renderOffer(view: PanelView, task: TaskSnapshot, now: number): TemplateResult {
  const id = view.domId(task.id);
  const left = task.ronaAt === null ? null : Math.ceil((task.ronaAt - now) / 1000) * 1000;
  // What the backend cannot do for this offer is not offered (a call that rings the agent's phone is answered
  // there: the panel says so instead of showing an Accept that would do nothing).
  const caps = capabilitiesFor(view.cc.state, task.id);
  const controls = OFFER.filter((c) => !c.capability || caps?.[c.capability] !== false);
  const preview = task.preview;
  const onPhone = caps?.accept === false && !preview;
  return html`<li part="offer" class="offer" data-task=${task.id}>
    <div class="offer-head">
      ${mediaIcon(task.mediaType)}
      ${preview
        ? html`<span part="preview" class="media-label preview">${view.tParts('previewTitle', { campaign: view.netText(preview.campaign) })}</span>`
        : html`<span class="media-label">${mediaLabel(view, task.mediaType)}</span>`}
      ${preview && left === null
        ? nothing
        : html`<span class="countdown"
            >${view.t('ringing')}
            ${left === null ? nothing : html`<span part="timer" class="timer">${view.duration(left)}</span>`}</span
          >`}
    </div>
    <p class="who" id="offer-${id}">${view.netText(who(task))}</p>
    ${task.customerName ? html`<p class="muted ani">${view.netText(task.ani)}</p>` : nothing}
    ${task.queue ? html`<p class="muted queue">${view.tParts('viaQueue', { queue: view.netText(task.queue.name) })}</p>` : nothing}
    ${task.subject ? html`<p class="subject">${view.netText(task.subject)}</p>` : nothing}
    ${preview ? html`<p part="preview-hint" class="muted preview-hint">${view.tParts('previewHint', { name: view.netText(who(task)) })}</p>` : nothing}
    ${onPhone ? html`<p part="answer-on-phone" class="answer-on-phone" id="phone-${id}">${view.t('answerOnPhone')}</p>` : nothing}
    <div part="actions" class="row actions">
      ${controls.map((c) =>
        actionButton(view, c.request as TaskAction, task, view.t(preview && c.action === 'accept' ? 'acceptPreview' : (c.action as 'accept' | 'decline')), {
          action: c.action,
          variant: c.action === 'accept' ? 'primary' : undefined,
          describedBy: `offer-${id}`,
        }),
      )}
    </div>
    ${errorList(
      view,
      task,
      OFFER.map((c) => c.request),
    )}
  </li>`;
}
