import { html, nothing, type TemplateResult } from 'lit';
import { formatDuration } from '../../src/base/format.js';
import type { TaskSnapshot } from '../../src/core/types.js';
import { mediaIcon } from './cc-task-panel.icons.js';
import { actionButton, errorList, mediaLabel, who, type PanelView } from './view.js';

/**
 * One incoming offer (part `offer`): its media, the time left before it rings out, who and through which
 * queue, Accept and Decline, and the backend's refusal of either. `now` is the backend's time.
 */
export function renderOffer(view: PanelView, task: TaskSnapshot, now: number): TemplateResult {
  const id = view.domId(task.id);
  const left = task.ronaAt === null ? null : Math.ceil((task.ronaAt - now) / 1000) * 1000;
  return html`<li part="offer" class="offer" data-task=${task.id}>
    <div class="offer-head">
      ${mediaIcon(task.mediaType)}
      <span class="media-label">${mediaLabel(view, task.mediaType)}</span>
      <span class="countdown"
        >${view.t('ringing')}
        ${left === null ? nothing : html`<span part="timer" class="timer">${formatDuration(left)}</span>`}</span
      >
    </div>
    <p class="who" id="offer-${id}">${view.netText(who(task))}</p>
    ${task.customerName ? html`<p class="muted ani">${view.netText(task.ani)}</p>` : nothing}
    ${task.queue ? html`<p class="muted queue">${view.tParts('viaQueue', { queue: view.netText(task.queue.name) })}</p>` : nothing}
    ${task.subject ? html`<p class="subject">${view.netText(task.subject)}</p>` : nothing}
    <div part="actions" class="row actions">
      ${actionButton(view, 'cc-task-accept-request', task, view.t('accept'), { action: 'accept', variant: 'primary', describedBy: `offer-${id}` })}
      ${actionButton(view, 'cc-task-decline-request', task, view.t('decline'), { action: 'decline', describedBy: `offer-${id}` })}
    </div>
    ${errorList(view, task, ['cc-task-accept-request', 'cc-task-decline-request'])}
  </li>`;
}
