import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import type { DeskState } from '../../src/core/store.js';
import { CcWidget } from '../../src/base/cc-widget.js';
import { formatDuration } from '../../src/base/format.js';
import { TickController } from '../../src/base/tick-controller.js';
import { DIAL_DIGITS, countDigits, dialNumberProblem, quoteValue } from '../../src/core/dial.js';
import type { Consult, DestinationOption, DestinationType, MediaType, TaskSnapshot } from '../../src/core/types.js';
import { mediaIcon, micOffIcon } from './cc-task-panel.icons.js';
import { styles } from './cc-task-panel.styles.js';

const defaultStrings = {
  notLoggedIn: 'Log in to a station to receive tasks.',
  empty: 'No tasks yet. New calls, chats and emails appear here when you are Available.',
  emptyAgain: 'No open tasks. New calls, chats and emails appear here when you are Available.',
  offersLabel: 'Incoming',
  tasksLabel: 'Your tasks',
  actionsLabel: 'Task controls',
  mediaTelephony: 'Call',
  mediaChat: 'Chat',
  mediaEmail: 'Email',
  mediaSocial: 'Social',
  mediaOther: 'Task',
  inbound: 'Inbound',
  outbound: 'Outbound',
  viaQueue: 'Queue: {queue}',
  ringing: 'Ringing',
  accept: 'Accept',
  decline: 'Decline',
  summary: '{media} · {state}',
  separator: ' · ',
  stateConnected: 'Connected',
  stateHeld: 'On hold',
  stateConsulting: 'Consulting',
  stateWrapup: 'Wrap-up',
  duration: 'Duration',
  onHold: 'On hold',
  muted: 'Muted',
  recording: 'Recording',
  recordingPaused: 'Recording paused',
  consultRinging: 'Consulting {name}: ringing…',
  consultConnected: 'Consulting {name}: connected',
  hold: 'Hold',
  resume: 'Resume',
  mute: 'Mute',
  unmute: 'Unmute',
  pauseRecording: 'Pause recording',
  resumeRecording: 'Resume recording',
  consult: 'Consult',
  transfer: 'Transfer',
  endConsult: 'End consult',
  consultTransfer: 'Complete transfer',
  endTelephony: 'End call',
  endChat: 'End chat',
  endEmail: 'End email',
  endSocial: 'End conversation',
  endOther: 'End task',
  working: 'Working…',
  consultWho: 'Consult with',
  transferWho: 'Transfer to',
  typeAgent: 'Agent',
  typeQueue: 'Queue',
  typeDialNumber: 'Dial number',
  agentLabel: 'Agent',
  queueLabel: 'Queue',
  chooseAgent: 'Choose an agent',
  chooseQueue: 'Choose a queue',
  optionWithDetail: '{name} ({detail})',
  loadingAgents: 'Loading available agents…',
  loadingQueues: 'Loading queues…',
  noAgents: 'No other agent is available right now.',
  noQueues: 'There is no queue to choose.',
  loadFailed: 'The list could not be loaded: {message}',
  retry: 'Try again',
  dialLabel: 'Number to dial',
  dialHint: 'For example +14155550123.',
  dialEmpty: 'Enter the number to dial.',
  dialInvalid: '{value} is not a dial number: only digits, spaces, dashes, brackets and a leading + are allowed. Use {min} to {max} digits, with an optional leading +.',
  dialTooShort: '{value} is too short for a dial number ({count} digits). Use {min} to {max} digits, with an optional leading +.',
  dialTooLong: '{value} is too long for a dial number ({count} digits). Use {min} to {max} digits, with an optional leading +.',
  pickAgent: 'Choose an agent.',
  pickQueue: 'Choose a queue.',
  sendConsult: 'Start consult',
  sendTransfer: 'Transfer now',
  cancel: 'Cancel',
  cadLabel: 'Task details',
  unreadable: 'A task could not be shown (its data is malformed).',
  wrapupHint: 'This task has ended. Complete its wrap-up to finish it.',
  incomingTelephony: 'Incoming call from {name}.',
  incomingChat: 'Incoming chat from {name}.',
  incomingEmail: 'Incoming email from {name}.',
  incomingSocial: 'Incoming social message from {name}.',
  incomingOther: 'Incoming task from {name}.',
  offerGone: 'The offer from {name} is no longer available.',
  connectedTo: 'Connected to {name}.',
  heldNotice: '{name} is on hold.',
  resumedNotice: '{name} is back from hold.',
  mutedNotice: 'Your microphone is muted.',
  unmutedNotice: 'Your microphone is on.',
  recordingPausedNotice: 'Recording paused.',
  recordingResumedNotice: 'Recording resumed.',
  consultStartedNotice: 'Consulting {name}.',
  consultAnsweredNotice: '{name} answered the consult.',
  consultEndedNotice: 'The consult ended.',
  endedNotice: '{media} with {name} ended.',
  newCall: 'New call',
  outdialLabel: 'Number to call',
  outdialHint: 'For example +14155550123.',
  outdialEmpty: 'Enter the number to call.',
  placeCall: 'Call',
};

export type CcTaskPanelStrings = typeof defaultStrings;
type StringKey = keyof CcTaskPanelStrings;

/** The requests whose detail is just `{taskId}`. */
type TaskAction =
  | 'cc-task-accept-request'
  | 'cc-task-decline-request'
  | 'cc-task-hold-request'
  | 'cc-task-resume-request'
  | 'cc-task-mute-request'
  | 'cc-task-recording-pause-request'
  | 'cc-task-recording-resume-request'
  | 'cc-task-consult-end-request'
  | 'cc-task-consult-transfer-request'
  | 'cc-task-end-request';
type PickerAction = 'cc-task-consult-request' | 'cc-task-transfer-request';
type ListKind = 'agent' | 'queue';
type PickerMode = 'consult' | 'transfer';

type ListState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly options: readonly DestinationOption[] }
  | { readonly status: 'failed'; readonly message: string };

/** The open consult or transfer form of the selected task. */
interface Picker {
  readonly taskId: string;
  readonly mode: PickerMode;
  type: DestinationType;
  choice: Record<ListKind, string>;
  dial: string;
  problem: string | null;
}

/** The open New call form. */
interface Outdial {
  number: string;
  problem: string | null;
}

const MEDIA: Readonly<Record<MediaType, StringKey>> = {
  telephony: 'mediaTelephony',
  chat: 'mediaChat',
  email: 'mediaEmail',
  social: 'mediaSocial',
  other: 'mediaOther',
};
const INCOMING: Readonly<Record<MediaType, StringKey>> = {
  telephony: 'incomingTelephony',
  chat: 'incomingChat',
  email: 'incomingEmail',
  social: 'incomingSocial',
  other: 'incomingOther',
};
const END: Readonly<Record<MediaType, StringKey>> = {
  telephony: 'endTelephony',
  chat: 'endChat',
  email: 'endEmail',
  social: 'endSocial',
  other: 'endOther',
};
const TYPES: Readonly<Record<DestinationType, StringKey>> = {
  agent: 'typeAgent',
  queue: 'typeQueue',
  dialNumber: 'typeDialNumber',
};
const PICKER_ACTION: Readonly<Record<PickerMode, PickerAction>> = {
  consult: 'cc-task-consult-request',
  transfer: 'cc-task-transfer-request',
};
/** Every action of a connected task, in the order their errors are listed. */
const TASK_ACTIONS: readonly (TaskAction | PickerAction)[] = [
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

/** `cc-task-hold-request` → `hold`, for element ids. */
const short = (name: string) => name.replace(/^cc-task-/, '').replace(/-request$/, '');

/** `accountNumber` or `account_number` → `Account number`; keys already in words are kept. */
function humanize(key: string): string {
  const words = key
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/ ([A-Z])(?=[a-z])/g, (_, c: string) => ` ${c.toLowerCase()}`)
    .trim();
  return words ? words[0].toUpperCase() + words.slice(1) : key;
}

/** The task to show when the agent has not picked one: the most recently connected, else the latest wrap-up. */
function defaultSelection(listed: readonly TaskSnapshot[]): TaskSnapshot | null {
  const connected = listed.filter((t) => t.state === 'connected');
  const pool = connected.length > 0 ? connected : listed;
  let best: TaskSnapshot | null = null;
  for (const task of pool) if (!best || (task.connectedAt ?? 0) >= (best.connectedAt ?? 0)) best = task;
  return best;
}

/**
 * The agent's work: incoming offers to accept or decline, the tasks the agent is on, and the controls of the
 * selected one (hold, mute, recording, consult, transfer, end), with its timers and call-associated data.
 * Renders only from the store and acts only through request events; controls the backend cannot do are hidden.
 *
 * @summary Offers, active tasks and the controls of the selected task.
 * @tag cc-task-panel
 * @event {CcRequestEvent<'cc-task-accept-request'>} cc-task-accept-request - The agent accepts an offer. `detail: {taskId}`; cancelable.
 * @event {CcRequestEvent<'cc-task-decline-request'>} cc-task-decline-request - The agent declines an offer. `detail: {taskId}`; cancelable.
 * @event {CcRequestEvent<'cc-task-hold-request'>} cc-task-hold-request - The agent puts the call on hold. `detail: {taskId}`; cancelable.
 * @event {CcRequestEvent<'cc-task-resume-request'>} cc-task-resume-request - The agent takes the call off hold. `detail: {taskId}`; cancelable.
 * @event {CcRequestEvent<'cc-task-mute-request'>} cc-task-mute-request - The agent mutes or unmutes the microphone (browser login). `detail: {taskId}`; cancelable.
 * @event {CcRequestEvent<'cc-task-recording-pause-request'>} cc-task-recording-pause-request - The agent pauses the recording. `detail: {taskId}`; cancelable.
 * @event {CcRequestEvent<'cc-task-recording-resume-request'>} cc-task-recording-resume-request - The agent resumes the recording. `detail: {taskId}`; cancelable.
 * @event {CcRequestEvent<'cc-task-consult-request'>} cc-task-consult-request - The agent consults an agent, a queue or a number. `detail: {taskId, destination: {type, to}}`; cancelable.
 * @event {CcRequestEvent<'cc-task-consult-end-request'>} cc-task-consult-end-request - The agent ends the consult. `detail: {taskId}`; cancelable.
 * @event {CcRequestEvent<'cc-task-consult-transfer-request'>} cc-task-consult-transfer-request - The agent hands the customer to the consulted party. `detail: {taskId}`; cancelable.
 * @event {CcRequestEvent<'cc-task-transfer-request'>} cc-task-transfer-request - The agent transfers the task (blind). `detail: {taskId, destination: {type, to}}`; cancelable.
 * @event {CcRequestEvent<'cc-task-end-request'>} cc-task-end-request - The agent ends the task. `detail: {taskId}`; cancelable.
 * @event {CcRequestEvent<'cc-outdial-request'>} cc-outdial-request - The agent places an outbound call. `detail: {number}`; cancelable.
 * @csspart base - The wrapper.
 * @csspart empty - The message when there is no task, or no station login.
 * @csspart offer - One incoming offer.
 * @csspart media-icon - A media type's icon (call, chat, email, social).
 * @csspart task-list - The list (tabs) of active and wrap-up tasks.
 * @csspart task - The selected task.
 * @csspart header - The selected task's customer, media, queue and direction.
 * @csspart actions - A row of buttons (an offer's, or the selected task's controls).
 * @csspart timer - A time on screen: an offer's countdown, a task's duration, the time on hold.
 * @csspart hold-timer - The time on hold (also part `timer`).
 * @csspart status - The selected task's state: on hold, muted, recording, consult.
 * @csspart picker - The consult or transfer form.
 * @csspart outdial - The New call button and its form.
 * @csspart cad - The call-associated data (a definition list).
 * @csspart audio - The remote audio of a browser call.
 * @csspart error - The backend's message when an action was refused.
 * @csspart connection - The connection status while the connection is down (actions are paused meanwhile).
 * @cssproperty [--cc-task-panel-gap=var(--cc-space, 8px)] - Space between the panel's blocks.
 * @cssproperty [--cc-task-panel-offer-accent=var(--cc-color-accent)] - The edge of an incoming offer.
 * @cssproperty [--cc-task-panel-selected-accent=var(--cc-color-accent)] - The marker of the selected task.
 * @cssproperty [--cc-task-panel-held-color=var(--cc-color-warning)] - The on-hold status.
 * @cssproperty [--cc-task-panel-recording-color=var(--cc-color-danger)] - The recording status.
 * @cssproperty [--cc-task-panel-muted-color=var(--cc-color-danger)] - The background of the Muted status.
 * @cssproperty [--cc-task-panel-on-muted-color=var(--cc-color-on-danger)] - The text and icon on the Muted status.
 */
export class CcTaskPanel extends CcWidget<CcTaskPanelStrings> {
  static override styles = [...CcWidget.styles, styles];
  protected readonly defaultStrings = defaultStrings;

  protected override renderedFrom(s: DeskState) {
    return [s.tasks, s.station, s.capabilities, s.pending, s.errors, s.media];
  }
  #tick = new TickController(this, this.cc, () => this.cc.state.tasks.some((t) => t.state !== 'wrapup'));
  #selectedId: string | null = null;
  #lastTasks: readonly TaskSnapshot[] | null = null;
  #picker: Picker | null = null;
  #outdial: Outdial | null = null;
  #lists: Partial<Record<ListKind, ListState>> = {};
  #focusNext: string | null = null;
  #ids = new Map<string, string>();
  #idCount = 0;
  #streams = new Map<string, { track: MediaStreamTrack; stream: MediaStream }>();
  /** Whether the agent has had a task since signing in: "No tasks yet" is only true before the first. */
  #hadTasks = false;

  // ---- derived state ----------------------------------------------------------------------------

  /** A short id for a task, safe in id and aria attributes whatever the backend's ids look like. */
  #domId(taskId: string): string {
    let id = this.#ids.get(taskId);
    if (!id) {
      id = `t${++this.#idCount}`;
      this.#ids.set(taskId, id);
    }
    return id;
  }

  #who(task: TaskSnapshot): string {
    return task.customerName?.trim() || task.ani;
  }

  #media(media: MediaType): string {
    return this.t(MEDIA[media] ?? 'mediaTelephony');
  }

  #consultee(consult: Consult): string {
    return consult.destination.name || consult.destination.to;
  }

  /** New call is offered to an agent on a station with no call ringing or connected, when the backend can dial out. */
  #canOutdial(): boolean {
    const { capabilities, station, tasks } = this.cc.state;
    return !!capabilities?.outdial && !!station && !tasks.some((t) => t.mediaType === 'telephony' && t.state !== 'wrapup');
  }

  /** What the End button ends: the call, the chat, the email… (never just "End" beside "End consult"). */
  #endLabel(task: TaskSnapshot): string {
    return this.t(END[task.mediaType] ?? 'endTelephony');
  }

  #stateLabel(task: TaskSnapshot): string {
    if (task.state === 'wrapup') return this.t('stateWrapup');
    if (task.consult) return this.t('stateConsulting');
    return task.held ? this.t('stateHeld') : this.t('stateConnected');
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const { tasks } = this.cc.state;
    const previous = this.#lastTasks;
    if (tasks !== previous) {
      this.#lastTasks = tasks;
      if (previous) {
        try {
          this.#noticeChanges(previous, tasks);
        } catch (err) {
          console.error('[cc-elements] <cc-task-panel> could not announce a change:', err);
        }
      }
      for (const taskId of this.#ids.keys()) if (!tasks.some((t) => t.id === taskId)) this.#ids.delete(taskId);
    }
    if (tasks.length > 0) this.#hadTasks = true;
    else if (this.cc.state.session.status !== 'signed-in') this.#hadTasks = false;
    // A consult ended from its own button: focus goes back to Consult (the button that started it).
    const active = this.shadowRoot?.activeElement as HTMLElement | null | undefined;
    if (active?.dataset.action === 'consult-end' && !tasks.find((t) => t.id === this.#selectedId)?.consult) {
      this.#focusNext = '[data-action="consult"], [data-action="end"]';
    }
    const listed = tasks.filter((t) => t.state !== 'offered');
    if (!listed.some((t) => t.id === this.#selectedId)) this.#selectedId = defaultSelection(listed)?.id ?? null;
    this.#closeStalePicker();
    // The New call form closes once a call is on (the one it placed, or one that came in).
    if (this.#outdial && !this.#canOutdial()) this.#outdial = null;
    // When the focused control goes away (an accepted offer, an ended task), focus lands on the selected task.
    this.focusFallback = listed.length > 0 ? '[role="tab"][aria-selected="true"]' : tasks.length > 0 ? '[part~="offer"] button' : '[part="base"]';
  }

  /** Announces what changed, and selects a task the agent has just been connected to. */
  #noticeChanges(previous: readonly TaskSnapshot[], tasks: readonly TaskSnapshot[]): void {
    const before = new Map(previous.map((t) => [t.id, t]));
    const said: string[] = [];
    let fresh: TaskSnapshot | null = null;
    for (const task of tasks) {
      const was = before.get(task.id);
      if (was === task) continue;
      const name = this.#who(task);
      if (task.state === 'offered') {
        if (!was) said.push(this.t(INCOMING[task.mediaType] ?? 'incomingTelephony', { name }));
        continue;
      }
      if (task.state === 'connected' && (!was || was.state === 'offered')) {
        if (!fresh || (task.connectedAt ?? 0) >= (fresh.connectedAt ?? 0)) fresh = task;
        said.push(this.t('connectedTo', { name }));
        continue;
      }
      if (!was) continue;
      if (task.state === 'wrapup') {
        if (was.state !== 'wrapup') said.push(this.t('endedNotice', { media: this.#media(task.mediaType), name }));
        continue;
      }
      if (was.consult && !task.consult) said.push(this.t('consultEndedNotice'));
      if (!was.consult && task.consult) said.push(this.t('consultStartedNotice', { name: this.#consultee(task.consult) }));
      if (was.consult?.state === 'ringing' && task.consult?.state === 'connected') {
        said.push(this.t('consultAnsweredNotice', { name: this.#consultee(task.consult) }));
      }
      if (was.held !== task.held) said.push(this.t(task.held ? 'heldNotice' : 'resumedNotice', { name }));
      if (was.muted !== task.muted) said.push(this.t(task.muted ? 'mutedNotice' : 'unmutedNotice'));
      if (was.recordingPaused !== task.recordingPaused) {
        said.push(this.t(task.recordingPaused ? 'recordingPausedNotice' : 'recordingResumedNotice'));
      }
    }
    for (const was of previous) {
      if (was.state === 'offered' && !tasks.some((t) => t.id === was.id)) said.push(this.t('offerGone', { name: this.#who(was) }));
    }
    if (fresh) this.#selectedId = fresh.id;
    if (said.length > 0) this.announce(said.join(' '));
  }

  /** The form closes when its task is no longer selected or connected, and once the consult it asked for is on. */
  #closeStalePicker(): void {
    const picker = this.#picker;
    if (!picker) return;
    const task = this.cc.state.tasks.find((t) => t.id === picker.taskId);
    if (!task || task.state !== 'connected' || task.id !== this.#selectedId || task.consult) {
      this.#picker = null;
      this.#lists = {};
      if (task?.consult) this.#focusNext ??= '[data-action="consult-end"]';
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    this.#syncAudio();
    // A move the widget chose (into an opened form, back to its opener) comes before the base class's fallback.
    const wanted = this.hadFocus && this.#focusNext ? this.renderRoot.querySelector<HTMLElement>(this.#focusNext) : null;
    this.#focusNext = null;
    wanted?.focus();
    super.updated(changed);
  }

  /** Plays each task's remote audio (browser login) through its own `<audio>`. */
  #syncAudio(): void {
    for (const audio of this.renderRoot.querySelectorAll<HTMLAudioElement>('audio[data-task]')) {
      const taskId = audio.dataset.task!;
      const track = this.cc.desk?.media(taskId) ?? null;
      if (!track) {
        this.#streams.delete(taskId);
        if (audio.srcObject) audio.srcObject = null;
        continue;
      }
      let entry = this.#streams.get(taskId);
      if (!entry || entry.track !== track) {
        entry = { track, stream: new MediaStream([track]) };
        this.#streams.set(taskId, entry);
      }
      if (audio.srcObject !== entry.stream) audio.srcObject = entry.stream;
    }
    for (const taskId of this.#streams.keys()) if (!this.cc.state.media[taskId]) this.#streams.delete(taskId);
  }

  // ---- actions ----------------------------------------------------------------------------------

  #send(name: TaskAction, taskId: string, blocked = false): void {
    if (blocked || this.offline || this.cc.pending(name, taskId)) return;
    this.cc.request(name, { taskId });
  }

  #select(taskId: string): void {
    if (taskId === this.#selectedId) return;
    this.#selectedId = taskId;
    this.requestUpdate();
  }

  /** Arrow keys, Home and End move between tasks; selection follows focus. */
  #onTabKey(event: KeyboardEvent): void {
    const tabs = [...this.renderRoot.querySelectorAll<HTMLElement>('[role="tab"]')];
    const index = tabs.indexOf(event.target as HTMLElement);
    if (index < 0) return;
    const count = tabs.length;
    const moves: Record<string, number> = {
      ArrowRight: (index + 1) % count,
      ArrowDown: (index + 1) % count,
      ArrowLeft: (index - 1 + count) % count,
      ArrowUp: (index - 1 + count) % count,
      Home: 0,
      End: count - 1,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const tab = tabs[next];
    if (tab.dataset.task) this.#select(tab.dataset.task);
    tab.focus();
  }

  #togglePicker(task: TaskSnapshot, mode: PickerMode): void {
    if (this.#picker?.mode === mode) {
      this.#closePicker();
      return;
    }
    if (this.offline) return;
    this.#picker = { taskId: task.id, mode, type: 'agent', choice: { agent: '', queue: '' }, dial: '', problem: null };
    this.#lists = {};
    void this.#load('agent');
    this.#focusNext = 'input[name="destination-type"]:checked';
    this.requestUpdate();
  }

  #closePicker(): void {
    const picker = this.#picker;
    const mode = picker?.mode;
    // A refusal belongs to the form: closing the form lets it go.
    if (picker) this.cc.dismissError(mode === 'consult' ? 'cc-task-consult-request' : 'cc-task-transfer-request', picker.taskId);
    this.#picker = null;
    this.#lists = {};
    if (mode) this.#focusNext = `[data-action="${mode}"]`;
    this.requestUpdate();
  }

  #toggleOutdial(): void {
    if (this.#outdial) {
      this.#closeOutdial();
      return;
    }
    if (this.offline) return;
    // A refusal that came back after the form was closed belongs to no form any more.
    this.cc.dismissError('cc-outdial-request');
    this.#outdial = { number: '', problem: null };
    this.#focusNext = '#outdial-number';
    this.requestUpdate();
  }

  #closeOutdial(): void {
    if (!this.#outdial) return;
    this.cc.dismissError('cc-outdial-request');
    this.#outdial = null;
    this.#focusNext = '[data-action="outdial"]';
    this.requestUpdate();
  }

  #onOutdialKey(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    this.#closeOutdial();
  }

  #onOutdialSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const form = this.#outdial;
    if (!form || this.offline || this.cc.pending('cc-outdial-request')) return;
    const number = form.number.trim();
    form.problem = this.#dialProblem(number, 'outdialEmpty');
    if (form.problem) {
      this.#focusNext = '#outdial-number';
      this.requestUpdate();
      return;
    }
    this.cc.request('cc-outdial-request', { number });
    this.requestUpdate();
  }

  /** What is wrong with a typed dial number, in words that state the rule; null when it fits. */
  #dialProblem(value: string, emptyKey: 'dialEmpty' | 'outdialEmpty'): string | null {
    const problem = dialNumberProblem(value);
    if (!problem) return null;
    if (problem === 'empty') return this.t(emptyKey);
    const key = problem === 'short' ? 'dialTooShort' : problem === 'long' ? 'dialTooLong' : 'dialInvalid';
    return this.t(key, { value: quoteValue(value), count: countDigits(value), min: DIAL_DIGITS.min, max: DIAL_DIGITS.max });
  }

  /** Loads the agents or queues to pick from; a reply that arrives after the form closed is dropped. */
  async #load(kind: ListKind): Promise<void> {
    const loading: ListState = { status: 'loading' };
    this.#lists = { ...this.#lists, [kind]: loading };
    this.requestUpdate();
    let next: ListState;
    try {
      next = { status: 'ready', options: (await this.cc.desk?.destinations(kind)) ?? [] };
    } catch (err) {
      next = { status: 'failed', message: err instanceof Error ? err.message : String(err) };
    }
    if (this.#lists[kind] !== loading) return;
    this.#lists = { ...this.#lists, [kind]: next };
    this.requestUpdate();
  }

  #setType(type: DestinationType): void {
    const picker = this.#picker;
    if (!picker || picker.type === type) return;
    picker.type = type;
    picker.problem = null;
    if (type !== 'dialNumber' && this.#lists[type]?.status !== 'ready') void this.#load(type);
    this.requestUpdate();
  }

  #onPickerKey(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    this.#closePicker();
  }

  #onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const picker = this.#picker;
    if (!picker) return;
    const name = PICKER_ACTION[picker.mode];
    if (this.offline || this.cc.pending(name, picker.taskId)) return;
    const to = picker.type === 'dialNumber' ? picker.dial.trim() : picker.choice[picker.type];
    let problem: string | null = null;
    if (picker.type === 'dialNumber') {
      problem = this.#dialProblem(to, 'dialEmpty');
    } else if (!to) {
      problem = this.t(picker.type === 'agent' ? 'pickAgent' : 'pickQueue');
    }
    picker.problem = problem;
    if (problem) {
      this.#focusNext = picker.type === 'dialNumber' ? '#dial' : '#destination';
      this.requestUpdate();
      return;
    }
    this.cc.request(name, { taskId: picker.taskId, destination: { type: picker.type, to } });
    this.requestUpdate();
  }

  // ---- rendering --------------------------------------------------------------------------------

  /** A button's face: its label, and while its action is under way a spinner and a word for screen readers. */
  #face(label: string, pending: boolean): TemplateResult {
    return pending
      ? html`<span class="spinner" aria-hidden="true"></span><span class="label">${label}</span>
          <span class="sr-only">${this.t('working')}</span>`
      : html`<span class="label">${label}</span>`;
  }

  #errorId(name: string, task: TaskSnapshot): string {
    return `error-${short(name)}-${this.#domId(task.id)}`;
  }

  #button(
    name: TaskAction,
    task: TaskSnapshot,
    label: string,
    options: { action: string; variant?: 'primary' | 'danger'; blocked?: boolean; describedBy?: string },
  ): TemplateResult {
    const pending = this.cc.pending(name, task.id);
    const error = this.cc.error(name, task.id);
    const describedBy = [options.describedBy, error ? this.#errorId(name, task) : ''].filter(Boolean).join(' ');
    return html`<button
      type="button"
      class=${options.variant ?? ''}
      data-action=${options.action}
      aria-disabled=${pending || options.blocked || this.offline ? 'true' : nothing}
      aria-describedby=${describedBy || nothing}
      @click=${() => this.#send(name, task.id, options.blocked)}
    >
      ${this.#face(label, pending)}
    </button>`;
  }

  #renderErrors(task: TaskSnapshot, names: readonly string[]): TemplateResult | typeof nothing {
    const failed = names
      .map((name) => [name, this.cc.error(name as TaskAction, task.id)] as const)
      .filter((entry): entry is readonly [string, string] => !!entry[1]);
    if (failed.length === 0) return nothing;
    return html`<div class="errors">${failed.map(([name, message]) => this.renderError(message, this.#errorId(name, task)))}</div>`;
  }

  #renderOffer(task: TaskSnapshot): TemplateResult {
    const id = this.#domId(task.id);
    const left = task.ronaAt === null ? null : Math.ceil((task.ronaAt - this.#tick.now()) / 1000) * 1000;
    return html`<li part="offer" class="offer" data-task=${task.id}>
      <div class="offer-head">
        ${mediaIcon(task.mediaType)}
        <span class="media-label">${this.#media(task.mediaType)}</span>
        <span class="countdown"
          >${this.t('ringing')}
          ${left === null ? nothing : html`<span part="timer" class="timer">${formatDuration(left)}</span>`}</span
        >
      </div>
      <p class="who" id="offer-${id}">${this.netText(this.#who(task))}</p>
      ${task.customerName ? html`<p class="muted ani">${this.netText(task.ani)}</p>` : nothing}
      ${task.queue ? html`<p class="muted queue">${this.tParts('viaQueue', { queue: this.netText(task.queue.name) })}</p>` : nothing}
      ${task.subject ? html`<p class="subject">${this.netText(task.subject)}</p>` : nothing}
      <div part="actions" class="row actions">
        ${this.#button('cc-task-accept-request', task, this.t('accept'), { action: 'accept', variant: 'primary', describedBy: `offer-${id}` })}
        ${this.#button('cc-task-decline-request', task, this.t('decline'), { action: 'decline', describedBy: `offer-${id}` })}
      </div>
      ${this.#renderErrors(task, ['cc-task-accept-request', 'cc-task-decline-request'])}
    </li>`;
  }

  /**
   * Renders one task's piece of the panel so that a task whose data breaks its template can never take the
   * others down with it (the offers beside it keep ringing visibly).
   */
  #safely(render: () => TemplateResult, fallback: () => TemplateResult): TemplateResult {
    try {
      return render();
    } catch (err) {
      console.error('[cc-elements] <cc-task-panel> could not render a task:', err);
      return fallback();
    }
  }

  #unreadable(): TemplateResult {
    return html`<p class="error" part="error">${this.t('unreadable')}</p>`;
  }

  #renderTaskList(listed: readonly TaskSnapshot[], selected: TaskSnapshot | null): TemplateResult {
    return html`<div part="task-list" class="task-list" role="tablist" aria-label=${this.t('tasksLabel')} @keydown=${this.#onTabKey}>
      ${repeat(
        listed,
        (task) => task.id,
        (task) => {
          const on = task.id === selected?.id;
          const id = this.#domId(task.id);
          return html`<button
            type="button"
            role="tab"
            class="tab"
            id="tab-${id}"
            data-task=${task.id}
            data-state=${task.state}
            aria-selected=${on ? 'true' : 'false'}
            aria-controls=${on ? 'task' : nothing}
            tabindex=${on ? '0' : '-1'}
            @click=${() => this.#select(task.id)}
          >
            ${this.#safely(
              () => html`${mediaIcon(task.mediaType)}
                <span class="tab-text">
                  <span class="who">${this.netText(this.#who(task))}</span>
                  <span class="muted tab-state"
                    >${this.t('summary', { media: this.#media(task.mediaType), state: this.#stateLabel(task) })}</span
                  >
                </span>`,
              () => html`<span class="tab-text">${this.t('unreadable')}</span>`,
            )}
          </button>`;
        },
      )}
    </div>`;
  }

  #renderTask(task: TaskSnapshot): TemplateResult {
    const id = this.#domId(task.id);
    const now = this.#tick.now();
    // The kit's words and the network's values on one line, each value isolated (see netText).
    const meta: unknown[] = [
      this.#media(task.mediaType),
      task.customerName && task.ani ? this.netText(task.ani) : '',
      task.queue ? this.tParts('viaQueue', { queue: this.netText(task.queue.name) }) : '',
      this.t(task.direction === 'outbound' ? 'outbound' : 'inbound'),
    ].filter(Boolean);
    return html`<div part="task" class="task" role="tabpanel" id="task" aria-labelledby="tab-${id}" data-task=${task.id}>
      <div part="header" class="header">
        ${mediaIcon(task.mediaType)}
        <div class="header-text">
          <p class="who">${this.netText(this.#who(task))}</p>
          <p class="muted meta">${meta.map((piece, i) => (i === 0 ? piece : [this.t('separator'), piece]))}</p>
          ${task.subject ? html`<p class="subject">${this.netText(task.subject)}</p>` : nothing}
        </div>
        ${task.state === 'connected' && task.connectedAt !== null
          ? html`<p class="duration">
              <span class="sr-only">${this.t('duration')}</span>
              <span part="timer" class="timer" data-timer="duration">${formatDuration(now - task.connectedAt)}</span>
            </p>`
          : nothing}
      </div>
      ${this.#renderStatus(task, now)}
      ${task.state === 'connected' ? this.#renderControls(task) : html`<p class="hint">${this.t('wrapupHint')}</p>`}
      ${this.#renderCad(task)}
    </div>`;
  }

  #renderStatus(task: TaskSnapshot, now: number): TemplateResult | typeof nothing {
    const items: TemplateResult[] = [];
    if (task.state === 'wrapup') items.push(html`<span class="badge" data-status="wrapup">${this.t('stateWrapup')}</span>`);
    if (task.state === 'connected' && task.held) {
      items.push(
        html`<span class="badge held" data-status="held"
          >${this.t('onHold')}
          ${task.heldAt !== null
            ? html`<span part="timer hold-timer" class="timer">${formatDuration(now - task.heldAt)}</span>`
            : nothing}</span
        >`,
      );
    }
    if (task.state === 'connected' && task.muted) {
      items.push(html`<span class="badge mic-off" data-status="muted">${micOffIcon()}${this.t('muted')}</span>`);
    }
    if (task.state === 'connected' && task.mediaType === 'telephony' && task.recording) {
      items.push(
        task.recordingPaused
          ? html`<span class="badge paused" data-status="recording-paused">${this.t('recordingPaused')}</span>`
          : html`<span class="badge recording" data-status="recording"
              ><span class="dot" aria-hidden="true"></span>${this.t('recording')}</span
            >`,
      );
    }
    if (task.state === 'connected' && task.consult) {
      const name = this.#consultee(task.consult);
      items.push(
        html`<span class="badge consult" id="consult-status" data-status="consult" data-consult=${task.consult.state}
          >${this.tParts(task.consult.state === 'connected' ? 'consultConnected' : 'consultRinging', { name: this.netText(name) })}</span
        >`,
      );
    }
    return items.length > 0 ? html`<div part="status" class="status">${items}</div>` : nothing;
  }

  #renderControls(task: TaskSnapshot): TemplateResult {
    const { capabilities: caps, station } = this.cc.state;
    const voice = task.mediaType === 'telephony';
    const consult = task.consult;
    const picker = this.#picker?.taskId === task.id ? this.#picker : null;
    const buttons: [string, TemplateResult][] = [];
    if (voice && caps?.hold && !consult) {
      buttons.push(
        task.held
          ? ['resume', this.#button('cc-task-resume-request', task, this.t('resume'), { action: 'resume' })]
          : ['hold', this.#button('cc-task-hold-request', task, this.t('hold'), { action: 'hold' })],
      );
    }
    // Mute belongs to a browser call (its audio is here), whatever became of the station since: after a
    // remote logout the agent can still unmute, and end, a call that is connected.
    if (voice && caps?.mute && (station?.loginOption === 'BROWSER' || this.cc.state.media[task.id] || task.muted)) {
      buttons.push(['mute', this.#button('cc-task-mute-request', task, this.t(task.muted ? 'unmute' : 'mute'), { action: 'mute' })]);
    }
    if (voice && caps?.recording && task.recording) {
      buttons.push(
        task.recordingPaused
          ? ['recording-resume', this.#button('cc-task-recording-resume-request', task, this.t('resumeRecording'), { action: 'recording-resume' })]
          : ['recording-pause', this.#button('cc-task-recording-pause-request', task, this.t('pauseRecording'), { action: 'recording-pause' })],
      );
    }
    if (consult) {
      buttons.push([
        'consult-end',
        this.#button('cc-task-consult-end-request', task, this.t('endConsult'), { action: 'consult-end', describedBy: 'consult-status' }),
      ]);
      if (caps?.consultTransfer) {
        buttons.push([
          'consult-transfer',
          this.#button('cc-task-consult-transfer-request', task, this.t('consultTransfer'), {
            action: 'consult-transfer',
            blocked: consult.state !== 'connected',
            describedBy: 'consult-status',
          }),
        ]);
      }
    } else {
      if (caps?.consult) buttons.push(['consult', this.#opener('consult', picker)]);
      if (caps?.transfer) buttons.push(['transfer', this.#opener('transfer', picker)]);
    }
    buttons.push(['end', this.#button('cc-task-end-request', task, this.#endLabel(task), { action: 'end', variant: 'danger' })]);
    const inPicker = picker ? PICKER_ACTION[picker.mode] : '';
    return html`<div part="actions" class="row actions" role="group" aria-label=${this.t('actionsLabel')}>
        ${repeat(buttons, ([key]) => key, ([, button]) => button)}
      </div>
      ${this.#renderErrors(
        task,
        TASK_ACTIONS.filter((n) => n !== inPicker),
      )}
      ${picker ? this.#renderPicker(task, picker) : nothing}`;
  }

  #opener(mode: PickerMode, picker: Picker | null): TemplateResult {
    const open = picker?.mode === mode;
    return html`<button
      type="button"
      data-action=${mode}
      aria-expanded=${open ? 'true' : 'false'}
      aria-disabled=${this.offline && !open ? 'true' : nothing}
      aria-controls=${open ? 'picker' : nothing}
      @click=${() => {
        const task = this.cc.state.tasks.find((t) => t.id === this.#selectedId);
        if (task) this.#togglePicker(task, mode);
      }}
    >
      <span class="label">${this.t(mode)}</span>
    </button>`;
  }

  #renderPicker(task: TaskSnapshot, picker: Picker): TemplateResult {
    const types: DestinationType[] = task.mediaType === 'telephony' ? ['agent', 'queue', 'dialNumber'] : ['agent', 'queue'];
    const name = PICKER_ACTION[picker.mode];
    const pending = this.cc.pending(name, task.id);
    const error = this.cc.error(name, task.id);
    const errorId = this.#errorId(name, task);
    return html`<form id="picker" part="picker" class="picker" novalidate @submit=${this.#onSubmit} @keydown=${this.#onPickerKey}>
      <fieldset class="types">
        <legend>${this.t(picker.mode === 'consult' ? 'consultWho' : 'transferWho')}</legend>
        ${types.map(
          (type) =>
            html`<label class="choice"
              ><input
                type="radio"
                name="destination-type"
                value=${type}
                .checked=${live(picker.type === type)}
                @change=${() => this.#setType(type)}
              />${this.t(TYPES[type])}</label
            >`,
        )}
      </fieldset>
      ${picker.type === 'dialNumber' ? this.#renderDialField(picker) : this.#renderListField(picker, picker.type)}
      ${this.renderError(error, errorId)}
      <div class="row">
        <button type="submit" class="primary" data-action="send" aria-disabled=${pending || this.offline ? 'true' : nothing}>
          ${this.#face(this.t(picker.mode === 'consult' ? 'sendConsult' : 'sendTransfer'), pending)}
        </button>
        <button type="button" data-action="cancel" @click=${this.#closePicker}><span class="label">${this.t('cancel')}</span></button>
      </div>
    </form>`;
  }

  #renderListField(picker: Picker, kind: ListKind): TemplateResult {
    const list = this.#lists[kind];
    const agent = kind === 'agent';
    const loading = !list || list.status === 'loading';
    const options = list?.status === 'ready' ? list.options : [];
    const describedBy = [loading ? 'destination-loading' : '', picker.problem ? 'destination-problem' : ''].filter(Boolean).join(' ');
    return html`<div class="field">
      <label for="destination">${this.t(agent ? 'agentLabel' : 'queueLabel')}</label>
      <select
        id="destination"
        aria-busy=${loading ? 'true' : 'false'}
        aria-invalid=${picker.problem ? 'true' : 'false'}
        aria-describedby=${describedBy || nothing}
        @change=${(e: Event) => {
          picker.choice[kind] = (e.target as HTMLSelectElement).value;
          picker.problem = null;
          this.requestUpdate();
        }}
      >
        <option value="" ?selected=${!picker.choice[kind]}>${this.t(agent ? 'chooseAgent' : 'chooseQueue')}</option>
        ${options.map(
          (o) =>
            html`<option value=${o.to} ?selected=${o.to === picker.choice[kind]}>
              ${o.detail ? this.t('optionWithDetail', { name: o.name, detail: o.detail }) : o.name}
            </option>`,
        )}
      </select>
      ${loading
        ? html`<p class="hint loading" id="destination-loading">
            <span class="spinner" aria-hidden="true"></span>${this.t(agent ? 'loadingAgents' : 'loadingQueues')}
          </p>`
        : nothing}
      ${list?.status === 'ready' && options.length === 0 ? html`<p class="hint">${this.t(agent ? 'noAgents' : 'noQueues')}</p>` : nothing}
      ${list?.status === 'failed'
        ? html`<p class="error" role="alert">${this.t('loadFailed', { message: list.message })}</p>
            <button type="button" data-action="reload" @click=${() => void this.#load(kind)}>
              <span class="label">${this.t('retry')}</span>
            </button>`
        : nothing}
      ${picker.problem ? html`<p class="error" id="destination-problem">${picker.problem}</p>` : nothing}
    </div>`;
  }

  #renderDialField(picker: Picker): TemplateResult {
    return html`<div class="field">
      <label for="dial">${this.t('dialLabel')}</label>
      <input
        id="dial"
        type="tel"
        inputmode="tel"
        autocomplete="off"
        .value=${live(picker.dial)}
        aria-invalid=${picker.problem ? 'true' : 'false'}
        aria-describedby=${picker.problem ? 'dial-problem dial-hint' : 'dial-hint'}
        @input=${(e: Event) => {
          picker.dial = (e.target as HTMLInputElement).value;
          if (picker.problem) {
            picker.problem = null;
            this.requestUpdate();
          }
        }}
      />
      <p class="hint" id="dial-hint">${this.t('dialHint')}</p>
      ${picker.problem ? html`<p class="error" id="dial-problem">${picker.problem}</p>` : nothing}
    </div>`;
  }

  #renderOutdial(): TemplateResult | typeof nothing {
    if (!this.#canOutdial()) return nothing;
    const form = this.#outdial;
    return html`<div part="outdial" class="outdial">
      <div class="row">
        <button
          type="button"
          data-action="outdial"
          aria-expanded=${form ? 'true' : 'false'}
          aria-disabled=${this.offline && !form ? 'true' : nothing}
          aria-controls=${form ? 'outdial-form' : nothing}
          @click=${this.#toggleOutdial}
        >
          ${mediaIcon('telephony')}<span class="label">${this.t('newCall')}</span>
        </button>
      </div>
      ${form ? this.#renderOutdialForm(form) : nothing}
    </div>`;
  }

  #renderOutdialForm(form: Outdial): TemplateResult {
    const pending = this.cc.pending('cc-outdial-request');
    const error = this.cc.error('cc-outdial-request');
    return html`<form id="outdial-form" class="form" novalidate @submit=${this.#onOutdialSubmit} @keydown=${this.#onOutdialKey}>
      <div class="field">
        <label for="outdial-number">${this.t('outdialLabel')}</label>
        <input
          id="outdial-number"
          type="tel"
          inputmode="tel"
          autocomplete="off"
          .value=${live(form.number)}
          aria-invalid=${form.problem ? 'true' : 'false'}
          aria-describedby=${form.problem ? 'outdial-problem outdial-hint' : 'outdial-hint'}
          @input=${(e: Event) => {
            form.number = (e.target as HTMLInputElement).value;
            if (form.problem) {
              form.problem = null;
              this.requestUpdate();
            }
          }}
        />
        <p class="hint" id="outdial-hint">${this.t('outdialHint')}</p>
        ${form.problem ? html`<p class="error" id="outdial-problem">${form.problem}</p>` : nothing}
      </div>
      ${this.renderError(error, 'error-outdial')}
      <div class="row">
        <button
          type="submit"
          class="primary"
          data-action="place-call"
          aria-disabled=${pending || this.offline ? 'true' : nothing}
          aria-describedby=${error ? 'error-outdial' : nothing}
        >
          ${this.#face(this.t('placeCall'), pending)}
        </button>
        <button type="button" data-action="cancel" @click=${this.#closeOutdial}><span class="label">${this.t('cancel')}</span></button>
      </div>
    </form>`;
  }

  #renderCad(task: TaskSnapshot): TemplateResult | typeof nothing {
    const entries = Object.entries(task.cad ?? {});
    if (entries.length === 0) return nothing;
    return html`<div class="cad">
      <p class="label">${this.t('cadLabel')}</p>
      <dl part="cad">
        ${entries.map(([key, value]) => html`<div><dt>${this.netText(humanize(key))}</dt><dd>${this.netText(value)}</dd></div>`)}
      </dl>
    </div>`;
  }

  protected override render() {
    const { station, tasks, media } = this.cc.state;
    const offers = tasks.filter((t) => t.state === 'offered');
    const listed = tasks.filter((t) => t.state !== 'offered');
    const selected = listed.find((t) => t.id === this.#selectedId) ?? null;
    return html`<div part="base" class="base" tabindex="-1">
      ${this.renderConnectionStatus()} ${this.#renderOutdial()}
      ${tasks.length === 0
        ? html`<p part="empty" class="hint empty">${this.t(!station ? 'notLoggedIn' : this.#hadTasks ? 'emptyAgain' : 'empty')}</p>`
        : nothing}
      ${offers.length > 0
        ? html`<ul class="offers" aria-label=${this.t('offersLabel')}>
            ${repeat(
              offers,
              (t) => t.id,
              (t) => this.#safely(() => this.#renderOffer(t), () => html`<li part="offer" class="offer">${this.#unreadable()}</li>`),
            )}
          </ul>`
        : nothing}
      ${listed.length > 0 ? this.#renderTaskList(listed, selected) : nothing}
      ${selected ? this.#safely(() => this.#renderTask(selected), () => html`<div part="task" class="task">${this.#unreadable()}</div>`) : nothing}
      ${repeat(
        Object.keys(media),
        (taskId) => taskId,
        (taskId) => html`<audio part="audio" autoplay data-task=${taskId}></audio>`,
      )}
      ${this.renderAnnouncer()}
    </div>`;
  }
}
