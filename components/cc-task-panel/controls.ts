import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { DeskState } from '../../src/core/store.js';
import type { TaskSnapshot } from '../../src/core/types.js';
import type { RequestName } from '../../src/events/events.js';
import { END } from './cc-task-panel.strings.js';
import { PICKER_ACTION, type DestinationPicker } from './destination-picker.js';
import { actionButton, errorList, type PanelView, type TaskAction } from './view.js';

type Capability = 'hold' | 'mute' | 'recording' | 'consult' | 'consultTransfer' | 'transfer';

/** A control of a connected task: the request it sends, its `data-action`, and what gates it. */
interface Control {
  readonly request: RequestName;
  readonly action: string;
  /** `picker`: it opens the consult or transfer form, which sends the request. */
  readonly place: 'task' | 'picker';
  readonly capability: Capability | null;
  readonly media: 'telephony' | null;
}

/** The controls of a connected task, in the order they are shown. */
const CONTROLS: readonly Control[] = [
  { request: 'cc-task-hold-request', action: 'hold', place: 'task', capability: 'hold', media: 'telephony' },
  { request: 'cc-task-resume-request', action: 'resume', place: 'task', capability: 'hold', media: 'telephony' },
  { request: 'cc-task-mute-request', action: 'mute', place: 'task', capability: 'mute', media: 'telephony' },
  { request: 'cc-task-recording-pause-request', action: 'recording-pause', place: 'task', capability: 'recording', media: 'telephony' },
  { request: 'cc-task-recording-resume-request', action: 'recording-resume', place: 'task', capability: 'recording', media: 'telephony' },
  { request: 'cc-task-consult-request', action: 'consult', place: 'picker', capability: 'consult', media: null },
  { request: 'cc-task-consult-end-request', action: 'consult-end', place: 'task', capability: null, media: null },
  { request: 'cc-task-transfer-request', action: 'transfer', place: 'picker', capability: 'transfer', media: null },
  { request: 'cc-task-consult-transfer-request', action: 'consult-transfer', place: 'task', capability: 'consultTransfer', media: null },
  { request: 'cc-task-end-request', action: 'end', place: 'task', capability: null, media: null },
];

/** The requests whose refusals are listed under a connected task's controls, in this order. */
const TASK_ERRORS: readonly RequestName[] = [
  'cc-task-accept-request',
  'cc-task-hold-request',
  'cc-task-resume-request',
  'cc-task-mute-request',
  'cc-task-recording-pause-request',
  'cc-task-recording-resume-request',
  'cc-task-consult-request',
  'cc-task-consult-end-request',
  'cc-task-consult-transfer-request',
  'cc-task-transfer-request',
  'cc-task-end-request',
];

/** When the panel shows a control, beyond its capability and media: what the task is doing now. */
const SHOWN: Readonly<Record<string, (task: TaskSnapshot, state: DeskState) => boolean>> = {
  hold: (task) => !task.consult && !task.held,
  resume: (task) => !task.consult && task.held,
  // Mute belongs to a browser call (its audio is here), whatever became of the station since: after a
  // remote logout the agent can still unmute, and end, a call that is connected.
  mute: (task, { station, media }) => station?.loginOption === 'BROWSER' || !!media[task.id] || task.muted,
  'recording-pause': (task) => task.recording && !task.recordingPaused,
  'recording-resume': (task) => task.recording && task.recordingPaused,
  consult: (task) => !task.consult,
  transfer: (task) => !task.consult,
  'consult-end': (task) => !!task.consult,
  'consult-transfer': (task) => !!task.consult,
};

/** A control's label, which may depend on the task (Mute or Unmute; End call, End chat…). */
function label(view: PanelView, action: string, task: TaskSnapshot): string {
  switch (action) {
    case 'mute':
      return view.t(task.muted ? 'unmute' : 'mute');
    case 'recording-pause':
      return view.t('pauseRecording');
    case 'recording-resume':
      return view.t('resumeRecording');
    case 'consult-end':
      return view.t('endConsult');
    case 'consult-transfer':
      return view.t('consultTransfer');
    case 'end':
      return view.t(END[task.mediaType] ?? 'endTelephony');
    default:
      return view.t(action as 'hold' | 'resume');
  }
}

/**
 * The controls of a connected task (part `actions`): the ones the backend can do for this media and that fit
 * what the task is doing now (Hold or Resume, Mute, recording, Consult and Transfer or the consult's own
 * controls, End), each paused while its action is under way; below them the backend's refusals, and the
 * consult or transfer form when it is open.
 */
export function renderControls(view: PanelView, task: TaskSnapshot, picker: DestinationPicker): TemplateResult {
  const state = view.cc.state;
  const caps = state.capabilities;
  const consult = task.consult;
  const buttons: [string, TemplateResult][] = [];
  for (const control of CONTROLS) {
    if (control.media && task.mediaType !== control.media) continue;
    if (control.capability && !caps?.[control.capability]) continue;
    if (SHOWN[control.action] && !SHOWN[control.action](task, state)) continue;
    const { action } = control;
    if (control.place === 'picker') {
      buttons.push([action, picker.opener(task, action as 'consult' | 'transfer')]);
      continue;
    }
    const options =
      action === 'consult-end'
        ? { action, describedBy: 'consult-status' }
        : action === 'consult-transfer'
          ? { action, blocked: consult?.state !== 'connected', describedBy: 'consult-status' }
          : action === 'end'
            ? { action, variant: 'danger' as const }
            : { action };
    buttons.push([action, actionButton(view, control.request as TaskAction, task, label(view, action, task), options)]);
  }
  const open = picker.openFor(task);
  const inPicker = open ? PICKER_ACTION[open] : '';
  return html`<div part="actions" class="row actions" role="group" aria-label=${view.t('actionsLabel')}>
      ${repeat(buttons, ([key]) => key, ([, button]) => button)}
    </div>
    ${errorList(
      view,
      task,
      TASK_ERRORS.filter((n) => n !== inPicker),
    )}
    ${open ? picker.render(task) : nothing}`;
}
