import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { DeskState } from '../../src/core/store.js';
import type { TaskSnapshot } from '../../src/core/types.js';
import { capabilitiesFor, taskControls, type RequestName } from '../../src/core/actions.js';
import { END } from './cc-task-panel.strings.js';
import { PICKER_ACTION, type DestinationPicker } from './destination-picker.js';
import type { Keypad } from './keypad.js';
import { actionButton, errorList, type PanelView, type TaskAction } from './view.js';

/** The controls of a connected task, from the action table, in its order (a picker's opens its form). */
const CONTROLS = taskControls.filter((c) => c.phase === 'connected' && (c.place === 'task' || c.place === 'picker' || c.place === 'keypad'));

/**
 * The requests whose refusals are listed under a connected task's controls: its controls', and Accept's (a
 * refusal that came back once the call was connected all the same).
 */
const TASK_ERRORS: readonly RequestName[] = taskControls
  .filter((c) => c.request === 'cc-task-accept-request' || CONTROLS.includes(c))
  .map((c) => c.request);

/** When the panel shows a control, beyond its capability and media: what the task is doing now. */
const SHOWN: Readonly<Record<string, (task: TaskSnapshot, state: DeskState) => boolean>> = {
  hold: (task) => !task.consult && !task.held,
  resume: (task) => !task.consult && task.held,
  // Mute belongs to a browser call (its audio is here), whatever became of the station since: after a
  // remote logout the agent can still unmute, and end, a call that is connected.
  mute: (task, { station, media }) => station?.loginOption === 'BROWSER' || !!media[task.id] || task.muted,
  'recording-pause': (task) => task.recording && !task.recordingPaused,
  'recording-resume': (task) => task.recording && task.recordingPaused,
  consult: (task) => !task.consult && !task.conference,
  transfer: (task) => !task.consult && !task.conference,
  // Joining needs someone to join: a consult that has answered.
  conference: (task) => task.consult?.state === 'connected' && !task.conference,
  // A conference's own controls; handing it over needs the consulted party still in it (when the backend says who is).
  'conference-leave': (task) => !!task.conference,
  'conference-transfer': (task) => !!task.conference && (task.participants === undefined || task.participants.some((p) => p.role === 'consulted')),
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
    case 'conference':
      return view.t('conference');
    case 'conference-leave':
      return view.t('leaveConference');
    case 'conference-transfer':
      return view.t('transferConference');
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
export function renderControls(view: PanelView, task: TaskSnapshot, picker: DestinationPicker, keypad: Keypad): TemplateResult {
  const state = view.cc.state;
  // The backend's capabilities AND this task's own (a call whose recording cannot be paused); an optional
  // switch is hidden only when it is said off.
  const caps = capabilitiesFor(state, task.id);
  const consult = task.consult;
  const buttons: [string, TemplateResult][] = [];
  // The keypad is a disclosure of its own, below the controls: its button opens the keys under it.
  let withKeypad = false;
  for (const control of CONTROLS) {
    if (control.media && task.mediaType !== control.media) continue;
    if (control.capability && (!caps || caps[control.capability] === false)) continue;
    if (control.action === 'consult-end' && caps?.endConsult === false) continue;
    if (SHOWN[control.action] && !SHOWN[control.action](task, state)) continue;
    const { action } = control;
    if (control.place === 'picker') {
      buttons.push([action, picker.opener(task, action as 'consult' | 'transfer')]);
      continue;
    }
    if (control.place === 'keypad') {
      withKeypad = true;
      continue;
    }
    const options =
      action === 'consult-end'
        ? { action, describedBy: 'consult-status' }
        : action === 'conference'
          ? { action, describedBy: 'consult-status' }
          : action === 'conference-leave' || action === 'conference-transfer'
          ? { action, describedBy: 'conference-status' }
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
    ${withKeypad ? keypad.render(task) : nothing} ${open ? picker.render(task) : nothing}`;
}
