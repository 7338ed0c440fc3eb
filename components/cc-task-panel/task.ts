import { html, nothing, type TemplateResult } from 'lit';
import type { Participant, TaskSnapshot } from '../../src/core/types.js';
import { mediaIcon, micOffIcon } from './cc-task-panel.icons.js';
import { renderControls } from './controls.js';
import type { DestinationPicker } from './destination-picker.js';
import type { Keypad } from './keypad.js';
import { consultee, mediaLabel, who, type PanelView } from './view.js';

/** `accountNumber` or `account_number` → `Account number`; keys already in words are kept. */
function humanize(key: string): string {
  const words = key
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/ ([A-Z])(?=[a-z])/g, (_, c: string) => ` ${c.toLowerCase()}`)
    .trim();
  return words ? words[0].toUpperCase() + words.slice(1) : key;
}

/** The state badges (part `status`): wrap-up, on hold with its timer, muted, recording, the consult. */
function renderStatus(view: PanelView, task: TaskSnapshot, now: number): TemplateResult | typeof nothing {
  const items: TemplateResult[] = [];
  if (task.state === 'wrapup') items.push(html`<span class="badge" data-status="wrapup">${view.t('stateWrapup')}</span>`);
  if (task.state === 'connected' && task.held) {
    items.push(
      html`<span class="badge held" data-status="held"
        >${view.t('onHold')}
        ${task.heldAt !== null ? html`<span part="timer hold-timer" class="timer">${view.duration(now - task.heldAt)}</span>` : nothing}</span
      >`,
    );
  }
  if (task.state === 'connected' && task.muted) {
    items.push(html`<span class="badge mic-off" data-status="muted">${micOffIcon()}${view.t('muted')}</span>`);
  }
  if (task.state === 'connected' && task.mediaType === 'telephony' && task.recording) {
    items.push(
      task.recordingPaused
        ? html`<span class="badge paused" data-status="recording-paused">${view.t('recordingPaused')}</span>`
        : html`<span class="badge recording" data-status="recording"
            ><span class="dot" aria-hidden="true"></span>${view.t('recording')}</span
          >`,
    );
  }
  if (task.state === 'connected' && task.conference) {
    items.push(html`<span class="badge consult" id="conference-status" data-status="conference">${view.t('inConference')}</span>`);
  }
  if (task.state === 'connected' && task.consult) {
    const name = consultee(task.consult);
    items.push(
      html`<span class="badge consult" id="consult-status" data-status="consult" data-consult=${task.consult.state}
        >${view.tParts(task.consult.state === 'connected' ? 'consultConnected' : 'consultRinging', { name: view.netText(name) })}</span
      >`,
    );
  }
  return items.length > 0 ? html`<div part="status" class="status">${items}</div>` : nothing;
}

/** A participant's role in words: You, Customer, Agent, Consulted. */
function roleLabel(view: PanelView, participant: Participant): string {
  if (participant.self) return view.t('participantYou');
  return view.t(participant.role === 'customer' ? 'roleCustomer' : participant.role === 'consulted' ? 'roleConsulted' : 'roleAgent');
}

/**
 * Everyone on a conference (part `participants`, a list): each one's name and number as text, role, and
 * muted or on hold where the backend says so.
 */
function renderParticipants(view: PanelView, task: TaskSnapshot): TemplateResult | typeof nothing {
  const participants = task.participants ?? [];
  if (task.state !== 'connected' || !task.conference || participants.length === 0) return nothing;
  return html`<div class="participants">
    <p class="label" id="participants-label">${view.t('participantsLabel', { count: participants.length })}</p>
    <ul part="participants" aria-labelledby="participants-label">
      ${participants.map((p) => {
        const name = p.self ? '' : (p.name ?? p.number ?? '');
        return html`<li part="participant" data-role=${p.role} ?data-self=${p.self === true}>
          <span class="participant-name">${name ? view.netText(name) : roleLabel(view, p)}</span>
          ${p.number && p.name && !p.self ? html`<span class="muted">${view.netText(p.number)}</span>` : nothing}
          ${name ? html`<span class="role">${roleLabel(view, p)}</span>` : nothing}
          ${p.muted ? html`<span class="badge mic-off" data-status="muted">${view.t('muted')}</span>` : nothing}
          ${p.held ? html`<span class="badge held" data-status="held">${view.t('onHold')}</span>` : nothing}
        </li>`;
      })}
    </ul>
  </div>`;
}

/** The call-associated data (part `cad`): each key in words, each value as text. */
function renderCad(view: PanelView, task: TaskSnapshot): TemplateResult | typeof nothing {
  const entries = Object.entries(task.cad ?? {});
  if (entries.length === 0) return nothing;
  return html`<div class="cad">
    <p class="label">${view.t('cadLabel')}</p>
    <dl part="cad">
      ${entries.map(([key, value]) => html`<div><dt>${view.netText(humanize(key))}</dt><dd>${view.netText(value)}</dd></div>`)}
    </dl>
  </div>`;
}

/**
 * The selected task (part `task`, the tab panel of its tab): who, media, queue and direction, its duration,
 * its state badges, its controls while connected (a hint while in wrap-up), and its call-associated data.
 */
export function renderTask(view: PanelView, task: TaskSnapshot, now: number, picker: DestinationPicker, keypad: Keypad): TemplateResult {
  const id = view.domId(task.id);
  // The kit's words and the network's values on one line, each value isolated (see netText).
  const meta: unknown[] = [
    mediaLabel(view, task.mediaType),
    task.customerName && task.ani ? view.netText(task.ani) : '',
    task.queue ? view.tParts('viaQueue', { queue: view.netText(task.queue.name) }) : '',
    view.t(task.direction === 'outbound' ? 'outbound' : 'inbound'),
  ].filter(Boolean);
  return html`<div part="task" class="task" role="tabpanel" id="task" aria-labelledby="tab-${id}" data-task=${task.id}>
    <div part="header" class="header">
      ${mediaIcon(task.mediaType)}
      <div class="header-text">
        <p class="who">${view.netText(who(task))}</p>
        <p class="muted meta">${meta.map((piece, i) => (i === 0 ? piece : [view.t('separator'), piece]))}</p>
        ${task.subject ? html`<p class="subject">${view.netText(task.subject)}</p>` : nothing}
      </div>
      ${task.state === 'connected' && task.connectedAt !== null
        ? html`<p class="duration">
            <span class="sr-only">${view.t('duration')}</span>
            <span part="timer" class="timer" data-timer="duration">${view.duration(now - task.connectedAt)}</span>
          </p>`
        : nothing}
    </div>
    ${renderStatus(view, task, now)} ${renderParticipants(view, task)}
    ${task.state === 'connected' ? renderControls(view, task, picker, keypad) : html`<p class="hint">${view.t('wrapupHint')}</p>`}
    ${renderCad(view, task)}
  </div>`;
}
