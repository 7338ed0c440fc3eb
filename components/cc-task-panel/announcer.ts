import type { Participant, TaskSnapshot } from '../../src/core/types.js';
import { INCOMING } from './cc-task-panel.strings.js';
import { consultee, mediaLabel, who, type PanelView } from './view.js';

/**
 * Tells screen-reader users what changed in the agent's tasks that they did not cause by focus: an offer
 * arriving or going, a call connected, held, muted, a consult started or answered, a task ended. It compares
 * each new list of tasks with the one before and says the changes in one message through the element's live
 * region (`say`).
 */
export class TaskAnnouncer {
  #view: PanelView;
  #say: (message: string) => void;
  #last: readonly TaskSnapshot[] | null = null;

  constructor(view: PanelView, say: (message: string) => void) {
    this.#view = view;
    this.#say = say;
  }

  /**
   * Announces what changed since the last list (nothing the first time) and returns the task the agent has
   * just been connected to (the latest, if several), or null.
   */
  update(tasks: readonly TaskSnapshot[]): TaskSnapshot | null {
    const previous = this.#last;
    if (tasks === previous) return null;
    this.#last = tasks;
    if (!previous) return null;
    try {
      return this.#announce(previous, tasks);
    } catch (err) {
      console.error('[cc-elements] <cc-task-panel> could not announce a change:', err);
      return null;
    }
  }

  #announce(previous: readonly TaskSnapshot[], tasks: readonly TaskSnapshot[]): TaskSnapshot | null {
    const view = this.#view;
    const before = new Map(previous.map((t) => [t.id, t]));
    const said: string[] = [];
    let fresh: TaskSnapshot | null = null;
    for (const task of tasks) {
      const was = before.get(task.id);
      if (was === task) continue;
      const name = who(task);
      if (task.state === 'offered') {
        if (was) continue;
        // A campaign's preview says which campaign reserved the customer.
        if (task.preview) said.push(view.t('incomingPreview', { campaign: task.preview.campaign, name }));
        else said.push(view.t(INCOMING[task.mediaType] ?? 'incomingTelephony', { name }));
        continue;
      }
      if (task.state === 'connected' && (!was || was.state === 'offered')) {
        if (!fresh || (task.connectedAt ?? 0) >= (fresh.connectedAt ?? 0)) fresh = task;
        said.push(view.t('connectedTo', { name }));
        continue;
      }
      if (!was) continue;
      if (task.state === 'wrapup') {
        if (was.state !== 'wrapup') said.push(view.t('endedNotice', { media: mediaLabel(view, task.mediaType), name }));
        continue;
      }
      if (!was.conference && task.conference) said.push(view.t('conferenceStartedNotice'));
      else if (was.consult && !task.consult) said.push(view.t('consultEndedNotice'));
      if (was.conference && !task.conference && task.state === 'connected') said.push(view.t('conferenceEndedNotice'));
      if (was.conference && task.conference) {
        const before = new Set((was.participants ?? []).map((p) => p.id));
        const now = new Set((task.participants ?? []).map((p) => p.id));
        const named = (p: Participant) => p.name ?? p.number ?? view.t(p.role === 'customer' ? 'roleCustomer' : p.role === 'consulted' ? 'roleConsulted' : 'roleAgent');
        for (const p of task.participants ?? []) if (!before.has(p.id)) said.push(view.t('participantJoinedNotice', { name: named(p) }));
        for (const p of was.participants ?? []) if (!now.has(p.id)) said.push(view.t('participantLeftNotice', { name: named(p) }));
      }
      if (!was.consult && task.consult) said.push(view.t('consultStartedNotice', { name: consultee(task.consult) }));
      if (was.consult?.state === 'ringing' && task.consult?.state === 'connected') {
        said.push(view.t('consultAnsweredNotice', { name: consultee(task.consult) }));
      }
      if (was.held !== task.held) said.push(view.t(task.held ? 'heldNotice' : 'resumedNotice', { name }));
      if (was.muted !== task.muted) said.push(view.t(task.muted ? 'mutedNotice' : 'unmutedNotice'));
      if (was.recordingPaused !== task.recordingPaused) {
        said.push(view.t(task.recordingPaused ? 'recordingPausedNotice' : 'recordingResumedNotice'));
      }
    }
    for (const was of previous) {
      if (was.state === 'offered' && !tasks.some((t) => t.id === was.id)) said.push(view.t('offerGone', { name: who(was) }));
    }
    if (said.length > 0) this.#say(said.join(' '));
    return fresh;
  }
}
