import type { ITask } from '@webex/contact-center';
import type { WrapupArgs } from '../../core/backend.js';
import { REFUSALS, refusalError } from '../../core/actions.js';
import { CcError } from '../../core/errors.js';
import type { Destination, RejectReason, TaskSnapshot, TaskState } from '../../core/types.js';
import { Cleanup, TaskBook, connect, endForWrapup, hold, positive, startLife, text } from '../kit/index.js';
import type { WebexContext } from './context.js';
import { toCcError } from './errors.js';
import { isRonaCode } from './profile.js';
import { consultOf, hasLeft, mainMedia, mainMediaResourceId, mediaTypeOf, phaseOf, toSnapshot, type TaskMemo } from './snapshot.js';

/** Raw websocket types re-emitted on a task when it is transferred away. */
const TRANSFERRED = ['AgentBlindTransferred', 'AgentVteamTransferred', 'AgentConsultTransferred'] as const;

/** Task events that change nothing the adapter tracks itself: the snapshot is simply rebuilt from `task.data`. */
const PLAIN_UPDATES = [
  'task:recordingPaused',
  'task:recordingResumed',
  'task:autoAnswered',
  'task:participantJoined',
  'task:conferenceEstablishing',
  'task:conferenceEnded',
  'task:postCallActivity',
  'task:consultQueueFailed',
] as const;

/** How long a queue consult may take to be refused before the desk shows it waiting in the queue. */
const QUEUE_CONSULT_GRACE_MS = 400;

interface TaskRecord {
  task: ITask;
  /**
   * The task's id on the desk: the interaction id it was first seen with. An accepted campaign preview may go on
   * under a new interaction id (`reservationInteractionId` names the old one; the SDK re-keys its task): the
   * desk keeps one task, under this id, while the SDK is asked with the task's current id.
   */
  key: string;
  /** A campaign's preview offer (`task:campaignPreviewReservation`): the campaign, until the agent accepts it. */
  campaign: string | null;
  memo: TaskMemo;
  listeners: Cleanup;
  /** The destination of the consult the agent started, by name when known. */
  consultTarget: Destination | null;
  transferred: boolean;
  /** The agent asked to hand the conference over: leaving it is a transfer, not an exit. */
  handingOver: boolean;
  /** The agent left a conference that goes on (announced once). */
  left: boolean;
  /** The conference as last seen with the agent in it: what the task shows until its end once the agent left. */
  conferenceSeen: Pick<TaskSnapshot, 'conference' | 'participants'> | null;
  /** A consult to a queue that no queue agent has taken yet. */
  queueConsultWaiting: boolean;
  pendingWrapup: { auxCodeId: string; notes: string } | null;
  hasMedia: boolean;
  /** Ended without a wrap-up but still in the SDK's collection: listened to, not shown. */
  gone: boolean;
  /** Its own capabilities were sent (a call whose recording cannot be paused). */
  capabilitiesSent: boolean;
  /** The agent stopped its automatic wrap-up: the SDK's timer, which it sets up again on new data, stays off. */
  autoWrapupCancelled: boolean;
}

const idOf = (task: ITask | undefined): string => text(task?.data?.interactionId);

/**
 * The tasks: one ITask per task id, the SDK's task events turned into whole snapshots, and the task actions.
 * What the SDK does not keep (when the agent saw each step, mute, the consult's destination by name, the notes
 * of a wrap-up) is kept here, in a task book.
 */
export class WebexTasks {
  readonly #ctx: WebexContext;
  readonly book = new TaskBook<TaskRecord>(
    (r) => r.memo,
    (r) => r.gone,
  );

  constructor(ctx: WebexContext) {
    this.#ctx = ctx;
  }

  // ---- actions ------------------------------------------------------------------------------------

  async accept(taskId: string): Promise<void> {
    const rec = this.#task(taskId, 'accept');
    const campaignId = rec.campaign;
    if (campaignId !== null) {
      // A preview offer is accepted on `webex.cc` (the SDK has no task method for it): the call is placed then,
      // and AgentContactAssigned (task:assigned) connects it; CampaignPreviewAcceptFailed rejects this call.
      const cc = this.#ctx.ready('accept');
      const acceptPreview = cc.acceptPreviewContact;
      if (typeof acceptPreview !== 'function') throw CcError.of('unsupported', { key: 'webexNoPreviewAccept' }, 'accept');
      await this.#ctx.calls.run('accept', () => acceptPreview.call(cc, { interactionId: idOf(rec.task), campaignId }), taskId);
      return;
    }
    await this.#ctx.calls.run('accept', () => rec.task.accept(), taskId);
  }

  async decline(taskId: string): Promise<void> {
    const rec = this.#task(taskId, 'decline');
    // The SDK declines a WebRTC call only (webex-sdk.md #11): on a phone, decline() would do nothing.
    if (rec.campaign !== null) throw CcError.of('unsupported', { key: 'webexNoPreviewDecline' }, 'decline');
    if (mediaTypeOf(rec.task.data) !== 'telephony' || this.#ctx.station?.loginOption !== 'BROWSER') {
      throw CcError.of('unsupported', { key: 'webexDeclineBrowserOnly' }, 'decline');
    }
    await this.#ctx.calls.run('decline', () => rec.task.decline(), taskId);
    if (this.book.get(taskId) === rec) this.#reject(rec, 'declined');
  }

  async hold(taskId: string): Promise<void> {
    const rec = this.#task(taskId, 'hold');
    await this.#ctx.calls.run('hold', () => rec.task.hold(mainMediaResourceId(rec.task.data)), taskId);
  }

  async resume(taskId: string): Promise<void> {
    const rec = this.#task(taskId, 'resume');
    await this.#ctx.calls.run('resume', () => rec.task.resume(mainMediaResourceId(rec.task.data)), taskId);
  }

  async toggleMute(taskId: string): Promise<void> {
    const rec = this.#task(taskId, 'toggleMute');
    // The SDK mutes a WebRTC call only: on a phone login it has nothing to mute, whatever the desk shows.
    if (this.#ctx.station?.loginOption !== 'BROWSER') throw refusalError(REFUSALS.muteOnPhone, 'toggleMute');
    await this.#ctx.calls.run('toggleMute', () => rec.task.toggleMute(), taskId);
    if (this.book.get(taskId) !== rec) return;
    rec.memo.muted = !rec.memo.muted;
    this.#update(rec);
  }

  async end(taskId: string): Promise<void> {
    const rec = this.#task(taskId, 'end');
    // The tenant's settings (webex-sdk.md #13): what it forbids is refused here, before Webex is asked.
    if (this.#ctx.raw?.isEndCallEnabled === false && mediaTypeOf(rec.task.data) === 'telephony') {
      throw CcError.of('unsupported', { key: 'webexNoEnd' }, 'end');
    }
    await this.#ctx.calls.run('end', () => rec.task.end(), taskId);
  }

  async pauseRecording(taskId: string): Promise<void> {
    const rec = this.#task(taskId, 'pauseRecording');
    // This call's own setting (its flow may forbid a pause): refused here, before Webex is asked.
    if (text(rec.task.data.interaction?.callProcessingDetails?.pauseResumeEnabled) === 'false') {
      throw CcError.of('unsupported', { key: 'webexNoPauseRecording' }, 'pauseRecording');
    }
    await this.#ctx.calls.run('pauseRecording', () => rec.task.pauseRecording(), taskId);
  }

  async resumeRecording(taskId: string): Promise<void> {
    const rec = this.#task(taskId, 'resumeRecording');
    await this.#ctx.calls.run('resumeRecording', () => rec.task.resumeRecording({ autoResumed: false }), taskId);
  }

  async consult(taskId: string, destination: Destination): Promise<void> {
    const ctx = this.#ctx;
    const rec = this.#task(taskId, 'consult');
    if (destination.type === 'queue' && ctx.raw?.allowConsultToQueue === false) {
      throw refusalError(REFUSALS.noQueueConsult, 'consult');
    }
    const target = ctx.directory.named(destination);
    rec.consultTarget = target;
    rec.queueConsultWaiting = target.type === 'queue';
    const call = ctx.calls.run('consult', () => rec.task.consult({ to: target.to, destinationType: target.type }), taskId);
    const giveUp = (err: unknown) => {
      if (rec.consultTarget !== target) return;
      rec.consultTarget = null;
      rec.queueConsultWaiting = false;
      if (rec.memo.consult) {
        rec.memo.consult = null;
        this.#update(rec);
      }
      throw err;
    };
    if (target.type === 'queue') {
      // A queue consult has no time limit: the SDK resolves it only when a queue agent takes it, or when it is
      // cancelled (webex-sdk.md #4). Report it as ringing once it has not been refused at once; a later
      // refusal or failure ends it and is announced as an error.
      const first = await Promise.race([
        call.then(() => 'created' as const, giveUp),
        new Promise<'waiting'>((resolve) => globalThis.setTimeout(() => resolve('waiting'), QUEUE_CONSULT_GRACE_MS)),
      ]);
      if (first === 'waiting') {
        call.catch((err: unknown) => {
          try {
            giveUp(err);
          } catch (error) {
            ctx.emitError('consult', error instanceof CcError ? error : toCcError(error, 'consult'));
          }
        });
      }
    } else {
      await call.catch(giveUp);
    }
    // The SDK resolves on AgentConsultCreated, whose event normally came first; if not, say so now.
    if (this.book.get(taskId) === rec && !rec.memo.consult) {
      rec.memo.consult = { destination: target, state: 'ringing', startedAt: ctx.clock.now() };
      this.#update(rec);
    }
  }

  async endConsult(taskId: string): Promise<void> {
    const rec = this.#task(taskId, 'endConsult');
    // Which consult to end (its queue, below) is known here only.
    const consult = rec.memo.consult;
    if (!consult) throw refusalError(REFUSALS.noConsult, 'endConsult');
    if (this.#ctx.raw?.isEndConsultEnabled === false) {
      throw CcError.of('unsupported', { key: 'webexNoEndConsult' }, 'endConsult');
    }
    // While a queue consult waits in the queue it is cancelled with its queue id; once a queue agent has taken
    // it, it is ended like any consult (webex-sdk.md #4).
    const queueId = consult.destination.type === 'queue' && rec.queueConsultWaiting ? consult.destination.to : undefined;
    await this.#ctx.calls.run('endConsult', () => rec.task.endConsult({ isConsult: true, taskId: idOf(rec.task), ...(queueId ? { queueId } : {}) }), taskId);
    if (this.book.get(taskId) === rec && rec.memo.consult) {
      rec.memo.consult = null;
      rec.consultTarget = null;
      this.#update(rec);
    }
  }

  async transfer(taskId: string, destination: Destination): Promise<void> {
    const rec = this.#task(taskId, 'transfer');
    const target = this.#ctx.directory.named(destination);
    await this.#ctx.calls.run('transfer', () => rec.task.transfer({ to: target.to, destinationType: target.type }), taskId);
  }

  async consultTransfer(taskId: string): Promise<void> {
    const rec = this.#task(taskId, 'consultTransfer');
    // Where the consult went is known here only: the SDK is told whom to transfer to.
    const consult = rec.memo.consult;
    if (consult?.state !== 'connected') throw refusalError(REFUSALS.consultNotAnswered, 'consultTransfer');
    await this.#ctx.calls.run('consultTransfer', () => rec.task.consultTransfer({ to: consult.destination.to, destinationType: consult.destination.type }), taskId);
  }

  /** Joins the answered consult and the customer (the SDK's `consultConference`, which finds the consulted agent itself). */
  async conference(taskId: string): Promise<void> {
    const rec = this.#task(taskId, 'conference');
    if (rec.memo.consult?.state !== 'connected') throw refusalError(REFUSALS.noConsultToJoin, 'conference');
    await this.#ctx.calls.run('conference', () => rec.task.consultConference(), taskId);
    // The SDK resolves on AgentConsultConferenced, whose event normally came first; if not, say so now.
    if (this.book.get(taskId) === rec && rec.memo.consult) this.#conferenced(rec);
  }

  /** Leaves the conference (`exitConference`): the others talk on; the task ends for the agent. */
  async leaveConference(taskId: string): Promise<void> {
    const rec = this.#task(taskId, 'leaveConference');
    await this.#ctx.calls.run('leaveConference', () => rec.task.exitConference(), taskId);
    if (this.book.get(taskId) === rec) this.#left(rec);
  }

  /** Hands the conference to the consulted agent (`transferConference`); the task ends for the agent. */
  async transferConference(taskId: string): Promise<void> {
    const rec = this.#task(taskId, 'transferConference');
    rec.handingOver = true;
    try {
      await this.#ctx.calls.run('transferConference', () => rec.task.transferConference(), taskId);
    } catch (err) {
      rec.handingOver = false;
      throw err;
    }
    if (this.book.get(taskId) === rec) this.#transferred(rec);
  }

  async wrapup(taskId: string, args: WrapupArgs): Promise<void> {
    const rec = this.#task(taskId, 'wrapup');
    // Webex takes the code's name too, which only the profile has.
    const code = this.#ctx.profile?.wrapupCodes.find((c) => c.id === args.auxCodeId);
    if (!code) throw refusalError(REFUSALS.chooseWrapupCode, 'wrapup');
    rec.pendingWrapup = { auxCodeId: code.id, notes: args.notes ?? '' };
    try {
      // Notes stay with the kit (cc-task-wrapup carries them): Webex takes only the code and its name.
      await this.#ctx.calls.run('wrapup', () => rec.task.wrapup({ wrapUpReason: code.name, auxCodeId: code.id }), taskId);
    } catch (err) {
      rec.pendingWrapup = null;
      throw err;
    }
    // The SDK resolves on AgentWrappedUp, whose event normally came first; if not, finish now.
    if (this.book.get(taskId) === rec) this.#wrappedUp(rec, null);
  }

  /**
   * Stops the automatic wrap-up: the SDK's timer runs in the page (`task.autoWrapup`, set up when a wrap-up is
   * owed) and `cancelAutoWrapupTimer()` clears it; nothing is sent to Webex. The profile says whether agents
   * may (`allowCancelAutoWrapup`).
   */
  async cancelAutoWrapup(taskId: string): Promise<void> {
    const rec = this.#task(taskId, 'cancelAutoWrapup');
    const props = this.#ctx.raw?.wrapUpData?.wrapUpProps;
    if (props?.autoWrapup === true && props.allowCancelAutoWrapup !== true) {
      throw CcError.of('unsupported', { key: 'webexNoCancelAutoWrapup' }, 'cancelAutoWrapup');
    }
    if (this.#autoWrapupAt(rec.task) === null) throw refusalError(REFUSALS.noAutoWrapup, 'cancelAutoWrapup');
    await this.#ctx.calls.run('cancelAutoWrapup', () => rec.task.cancelAutoWrapupTimer(), taskId);
    rec.autoWrapupCancelled = true;
    rec.memo.autoWrapupAt = null;
    this.#update(rec);
  }

  // ---- the SDK's task events ----------------------------------------------------------------------

  onIncoming(task: ITask): void {
    this.#offered(task);
  }

  /**
   * A campaign's preview offer (`task:campaignPreviewReservation`, from AgentOfferCampaignReservation): shown as
   * an offer with its campaign; accepting it places the call (`acceptPreviewContact`). The campaign is the
   * campaign's name, as the SDK reads it (`interaction.callProcessingDetails.campaignId`).
   */
  onPreview(task: ITask): void {
    const details = task.data?.interaction?.callProcessingDetails as { campaignId?: unknown } | undefined;
    this.#offered(task, (rec) => {
      rec.campaign = text(details?.campaignId) || rec.campaign || '';
    });
  }

  /**
   * An offer from the SDK, tracked (with what `mark` adds for its kind), then announced: as an offer, or as a
   * change of the one the desk already shows.
   */
  #offered(task: ITask, mark?: (rec: TaskRecord) => void): void {
    this.#prune();
    const id = idOf(task);
    if (!id) return;
    const known = this.book.get(id);
    const rec = this.#track(task, 'offered');
    if (!rec) return;
    mark?.(rec);
    if (known && !known.gone) this.#update(rec);
    else this.#ctx.emit({ type: 'task-offered', task: this.#snapshot(rec) });
    this.#announceCapabilities(rec);
  }

  onHydrate(task: ITask): void {
    const rec = this.#track(task, 'hydrated');
    if (!rec) return;
    this.#ctx.emit({ type: 'task-hydrated', task: this.#snapshot(rec) });
    this.#announceCapabilities(rec);
  }

  onMerged(task: ITask): void {
    const child = text(task?.data?.childInteractionId);
    const childRec = child ? this.book.get(child) : undefined;
    if (childRec && childRec.task !== task) this.#finish(childRec);
    const known = this.book.has(idOf(task));
    const rec = this.#track(task, 'hydrated');
    if (!rec) return;
    if (known) this.#update(rec);
    else this.#ctx.emit({ type: 'task-hydrated', task: this.#snapshot(rec) });
    this.#announceCapabilities(rec);
  }

  /**
   * Tracks the SDK's tasks again after a reconnect or a reload (only those in `interactionIds` when the
   * contact center listed them; the others are dropped), and returns the snapshots the desk shows.
   */
  resync(interactionIds: readonly string[] | null): TaskSnapshot[] {
    for (const [id, task] of Object.entries(this.#ctx.sdkTasks())) {
      if (!interactionIds || interactionIds.includes(id)) this.#track(task, 'hydrated');
    }
    if (interactionIds) {
      for (const rec of this.book.all()) if (!interactionIds.includes(idOf(rec.task))) this.#untrack(rec);
    }
    return this.book.open().map((r) => this.#snapshot(r));
  }

  /** Sends each shown task's own capabilities, after a sync has put the tasks in the store. */
  announceCapabilities(): void {
    for (const rec of this.book.open()) this.#announceCapabilities(rec);
  }

  /** Stops listening to every task (sign-out, dispose). */
  forget(): void {
    for (const rec of this.book.all()) this.#untrack(rec);
    this.book.clear();
  }

  // ---- one task -----------------------------------------------------------------------------------

  #track(task: ITask, how: 'offered' | 'hydrated'): TaskRecord | null {
    const ctx = this.#ctx;
    const data = task?.data;
    const id = idOf(task);
    if (!id || typeof task.on !== 'function') return null;
    // An accepted preview the SDK re-keyed under its new interaction id is the same task (see `key`).
    const known = this.book.get(id) ?? this.book.all().find((r) => r.task === task);
    if (known && !known.gone) {
      if (known.task !== task) {
        known.listeners.run();
        known.task = task;
        this.#listenTo(known, task, known.key);
      }
      return known;
    }
    known?.listeners.run();
    const now = ctx.clock.now();
    const phase: TaskState = how === 'offered' ? 'offered' : phaseOf(data, ctx.agentId);
    const me = data.interaction?.participants?.[ctx.agentId] as { joinTimestamp?: unknown } | undefined;
    const life = startLife(phase, now, how === 'hydrated' ? { since: positive(data.interaction?.createdTimestamp), joinedAt: positive(me?.joinTimestamp) } : {});
    const rec: TaskRecord = {
      task,
      key: id,
      campaign: null,
      memo: {
        ...life,
        muted: data.isWebCallMute === true,
        consult: phase === 'connected' ? consultOf(data, ctx.agentId, now) : null,
        autoWrapupAt: phase === 'wrapup' ? this.#autoWrapupAt(task) : null,
      },
      listeners: new Cleanup(),
      consultTarget: null,
      transferred: false,
      handingOver: false,
      left: false,
      conferenceSeen: null,
      queueConsultWaiting: false,
      pendingWrapup: null,
      hasMedia: false,
      gone: false,
      capabilitiesSent: false,
      autoWrapupCancelled: false,
    };
    this.#listenTo(rec, task, id);
    this.book.set(id, rec);
    return rec;
  }

  #listenTo(rec: TaskRecord, task: ITask, id: string): void {
    const ctx = this.#ctx;
    const on = (event: string, handler: (rec: TaskRecord, payload: unknown) => void) => {
      rec.listeners.on(task, event, (payload: unknown) => {
        const current = this.book.get(id);
        if (current && current.task === task) handler(current, payload);
      });
    };
    on('task:assigned', (r) => {
      // An accepted preview is an outbound call like any other from now on.
      r.campaign = null;
      this.#assigned(r);
    });
    on('task:hold', (r) => this.#held(r));
    on('task:resume', (r) => this.#held(r));
    for (const event of PLAIN_UPDATES) on(event, (r) => !r.gone && this.#update(r));
    on('task:consultCreated', (r) => {
      r.queueConsultWaiting = false;
      const fromData = consultOf(r.task.data, ctx.agentId, ctx.clock.now());
      const destination = r.consultTarget ?? fromData?.destination ?? { type: 'agent', to: text(r.task.data.destAgentId) };
      r.memo.consult = { destination, state: 'ringing', startedAt: r.memo.consult?.startedAt ?? ctx.clock.now() };
      this.#update(r);
    });
    on('task:consulting', (r) => {
      const destination = r.memo.consult?.destination ?? r.consultTarget ?? { type: 'agent', to: text(r.task.data.destAgentId) };
      r.memo.consult = { destination, state: 'connected', startedAt: r.memo.consult?.startedAt ?? ctx.clock.now() };
      this.#update(r);
    });
    on('task:offerConsult', (r) => this.#update(r));
    // A conference: the consult is over, its party is on the call (the snapshot lists everyone from the data).
    on('task:conferenceStarted', (r) => this.#conferenced(r));
    on('task:conferenceTransferred', (r) => this.#transferred(r));
    // Someone left the customer's leg: the agent (an exit, a hand-over), or another party.
    on('task:participantLeft', (r) => {
      if (hasLeft(r.task.data, ctx.agentId)) {
        if (r.handingOver) this.#transferred(r);
        else this.#left(r);
      } else if (!r.gone) this.#update(r);
    });
    on('task:consultAccepted', (r) => this.#assigned(r));
    on('task:consultEnd', (r) => {
      if (r.task.data.isConsulted === true) {
        this.#finish(r);
        return;
      }
      r.memo.consult = null;
      r.consultTarget = null;
      this.#update(r);
    });
    on('task:consultQueueCancelled', (r) => {
      r.queueConsultWaiting = false;
      r.memo.consult = null;
      r.consultTarget = null;
      this.#update(r);
    });
    on('task:end', (r) => this.#ended(r));
    on('task:wrappedup', (r, payload) => this.#wrappedUp(r, payload));
    // A ring-out comes as `AgentOfferContactRona` (now the task's data.type); its reason is a code.
    on('task:rejected', (r, reason) => this.#reject(r, text(r.task.data?.type) === 'AgentOfferContactRona' || /rona/i.test(text(reason)) ? 'rona' : 'cancelled'));
    on('task:outdialFailed', (r, reason) => {
      const why = text(reason).toLowerCase().replace(/_/g, ' ');
      ctx.emitError('outdial', CcError.of('rejected', why ? { key: 'webexOutdialFailed', values: { reason: why } } : { key: 'webexOutdialFailedUnknown' }));
      if (r.memo.phase === 'offered') this.#reject(r, 'cancelled');
      else this.#finish(r);
    });
    on('task:media', (r, track) => {
      // Every task subscribes to the one calling service's remote audio (webex-sdk.md #10): with a browser
      // login and a chat open, the call's track also comes as the chat's. It belongs to the call only.
      if (mediaTypeOf(r.task.data) !== 'telephony') return;
      const live = typeof MediaStreamTrack !== 'undefined' && track instanceof MediaStreamTrack ? track : null;
      r.hasMedia = live !== null;
      ctx.emit({ type: 'task-media', taskId: id, track: live });
    });
    // Every task message also reaches the task under its outer type, `RoutingMessage`, with the real type in
    // `data.type`: the only way to see what the SDK has no task event for.
    on('RoutingMessage', (r, payload) => {
      // The SDK set the task's data (and with it a new auto wrap-up timer) before this reached the task.
      this.#keepAutoWrapupStopped(r);
      const data = payload as (ITask['data'] & { type?: unknown }) | null;
      if (!data || typeof data !== 'object') return;
      const type = text(data.type);
      if ((TRANSFERRED as readonly string[]).includes(type)) this.#transferred(r);
      else if (type === 'AgentWrappedUp') this.#wrappedUp(r, data);
      else if (type === 'AgentContact' && text(data.interactionId) === idOf(r.task)) {
        // A fresh copy of the contact, as the server sends it after a reconnect: the SDK does not apply it to
        // a task it already has, so the adapter does.
        // As the SDK does for a contact it did not have: the agent owes a wrap-up when marked so in it.
        const me = ctx.agentId;
        const owed = data.interaction?.participants?.[me]?.isWrapUp === true || (data.agentsPendingWrapUp ?? []).includes(me);
        if (typeof r.task.updateTaskData === 'function' && data !== r.task.data) r.task.updateTaskData({ ...data, wrapUpRequired: owed });
        const phase = phaseOf(r.task.data, ctx.agentId);
        if (phase === 'wrapup' && r.memo.phase !== 'wrapup') this.#ended(r);
        else if (phase === 'connected' && r.memo.phase === 'offered') this.#assigned(r);
        else if (!r.gone) this.#update(r);
      }
    });
  }

  #assigned(rec: TaskRecord): void {
    if (connect(rec.memo, this.#ctx.clock.now())) this.#ctx.emit({ type: 'task-assigned', task: this.#snapshot(rec) });
    else this.#update(rec);
  }

  #held(rec: TaskRecord): void {
    hold(rec.memo, mainMedia(rec.task.data)?.isHold === true, this.#ctx.clock.now());
    this.#update(rec);
  }

  #conferenced(rec: TaskRecord): void {
    rec.memo.consult = null;
    rec.consultTarget = null;
    this.#update(rec);
  }

  /** The agent left a conference that goes on: said once, before the end that follows (AgentWrapup). */
  #left(rec: TaskRecord): void {
    if (rec.left || rec.transferred || rec.gone || rec.memo.phase !== 'connected') return;
    rec.left = true;
    this.#ctx.emit({ type: 'task-updated', task: this.#snapshot(rec), left: true });
  }

  #transferred(rec: TaskRecord): void {
    if (rec.transferred || rec.gone) return;
    rec.transferred = true;
    this.#ctx.emit({ type: 'task-updated', task: this.#snapshot(rec), transferred: true });
  }

  #ended(rec: TaskRecord): void {
    const data = rec.task.data;
    const wrapup = data.wrapUpRequired === true;
    if (!rec.transferred && (TRANSFERRED as readonly string[]).includes(text(data.type))) this.#transferred(rec);
    if (rec.memo.phase === 'wrapup') {
      rec.memo.autoWrapupAt = this.#autoWrapupAt(rec.task) ?? rec.memo.autoWrapupAt;
      this.#update(rec);
      return;
    }
    if (rec.memo.phase === 'offered' && !wrapup) {
      this.#reject(rec, 'cancelled');
      return;
    }
    if (!wrapup) {
      this.#finish(rec);
      return;
    }
    rec.gone = false;
    endForWrapup(rec.memo, this.#ctx.clock.now());
    rec.memo.consult = null;
    rec.memo.muted = false;
    rec.consultTarget = null;
    rec.memo.autoWrapupAt = this.#autoWrapupAt(rec.task);
    this.#ctx.emit({ type: 'task-ended', task: this.#snapshot(rec) });
    this.#dropMedia(rec);
  }

  /** The task ended and owes no wrap-up: announce it, and stop listening once the SDK has let it go. */
  #finish(rec: TaskRecord): void {
    if (rec.gone) return;
    rec.memo.endedAt = this.#ctx.clock.now();
    rec.memo.consult = null;
    const snapshot = { ...this.#snapshot(rec), wrapupRequired: false, autoWrapupAt: null };
    if (rec.memo.phase === 'offered') this.#ctx.emit({ type: 'task-rejected', task: { ...snapshot, ronaAt: null }, reason: 'cancelled' });
    else this.#ctx.emit({ type: 'task-ended', task: { ...snapshot, state: 'connected' as const } });
    this.#dropMedia(rec);
    if (this.#ctx.sdkTasks()[idOf(rec.task)] === rec.task) rec.gone = true;
    else this.#untrack(rec);
  }

  #wrappedUp(rec: TaskRecord, payload: unknown): void {
    const profile = this.#ctx.profile;
    const data = (payload && typeof payload === 'object' && 'data' in payload ? (payload as { data: unknown }).data : payload) as
      | { wrapUpAuxCodeId?: unknown; auxCodeId?: unknown }
      | null
      | undefined;
    const auxCodeId =
      rec.pendingWrapup?.auxCodeId ||
      text(data?.wrapUpAuxCodeId) ||
      text(data?.auxCodeId) ||
      (profile?.wrapupCodes.find((c) => c.isDefault) ?? profile?.wrapupCodes[0])?.id ||
      '';
    const notes = rec.pendingWrapup?.notes ?? '';
    if (rec.memo.phase !== 'wrapup') {
      rec.memo.phase = 'wrapup';
      rec.memo.endedAt ??= this.#ctx.clock.now();
    }
    const task = { ...this.#snapshot(rec), autoWrapupAt: null };
    this.#untrack(rec);
    this.#dropMedia(rec);
    this.#ctx.emit({ type: 'task-wrapped-up', task, auxCodeId, notes });
  }

  #reject(rec: TaskRecord, reason: RejectReason): void {
    const ctx = this.#ctx;
    const task = { ...this.#snapshot(rec), state: 'offered' as const, ronaAt: null, connectedAt: null };
    this.#untrack(rec);
    this.#dropMedia(rec);
    ctx.emit({ type: 'task-rejected', task, reason });
    if (reason === 'rona' && ctx.station) {
      const rona = [...ctx.codes.keys()].find((id) => isRonaCode(ctx.codes, id));
      ctx.emitAgent({ state: 'RONA', auxCodeId: rona ?? ctx.agent?.auxCodeId ?? 'RONA', since: ctx.clock.now(), by: 'system' });
    }
  }

  #update(rec: TaskRecord): void {
    if (rec.gone) return;
    this.#ctx.emit({ type: 'task-updated', task: this.#snapshot(rec) });
  }

  #dropMedia(rec: TaskRecord): void {
    if (!rec.hasMedia) return;
    rec.hasMedia = false;
    this.#ctx.emit({ type: 'task-media', taskId: rec.key, track: null });
  }

  #untrack(rec: TaskRecord): void {
    rec.listeners.run();
    this.book.delete(rec.key, rec);
  }

  /** Stops listening to tasks that ended without a wrap-up once the SDK has dropped them too. */
  #prune(): void {
    const all = this.#ctx.sdkTasks();
    for (const rec of this.book.all()) if (rec.gone && all[idOf(rec.task)] !== rec.task) this.#untrack(rec);
  }

  /**
   * What a task can do less than the backend, sent as the task's own capabilities, once, so the desk refuses
   * (and hides) it unasked: a call whose flow forbids pausing its recording (`pauseResumeEnabled: 'false'`);
   * a call that rings the agent's phone (AGENT_DN, EXTENSION), which is answered there and cannot be
   * declined (webex-sdk.md #11; only a browser call can be declined); a call the tenant does not let agents
   * end (`isEndCallEnabled: false`, #13).
   */
  #announceCapabilities(rec: TaskRecord): void {
    if (rec.capabilitiesSent || rec.gone) return;
    const data = rec.task.data;
    const call = mediaTypeOf(data) === 'telephony';
    const browser = this.#ctx.station?.loginOption === 'BROWSER';
    // A preview is accepted from the desk whatever the login (the call is placed then); Webex has no way to decline it.
    const preview = rec.campaign !== null;
    const off = {
      ...(text(data.interaction?.callProcessingDetails?.pauseResumeEnabled) === 'false' ? { recording: false } : {}),
      ...(call && !browser && !preview && rec.memo.phase === 'offered' ? { accept: false } : {}),
      ...(!call || !browser || preview ? { decline: false } : {}),
      ...(call && this.#ctx.raw?.isEndCallEnabled === false ? { end: false } : {}),
    };
    if (Object.keys(off).length === 0) return;
    rec.capabilitiesSent = true;
    this.#ctx.emit({ type: 'capabilities', taskId: rec.key, capabilities: { ...this.#ctx.capabilities(), ...off } });
  }

  #snapshot(rec: TaskRecord): TaskSnapshot {
    this.#keepAutoWrapupStopped(rec);
    const data = toSnapshot(rec.task.data, rec.memo, this.#ctx.agentId);
    const snapshot: TaskSnapshot = {
      ...data,
      id: rec.key,
      ...(rec.campaign !== null && data.state === 'offered' ? { preview: { campaign: rec.campaign } } : {}),
    };
    if (snapshot.conference) rec.conferenceSeen = { conference: true, participants: snapshot.participants };
    // Once the agent has left (or handed over) a conference, the task shows it as it was until its end comes:
    // leaving is the news (`left`, `transferred`), not a conference that ended.
    if ((rec.left || rec.handingOver) && snapshot.state === 'connected' && rec.conferenceSeen) return { ...snapshot, ...rec.conferenceSeen, consult: null };
    return snapshot;
  }

  /**
   * The SDK sets its auto wrap-up timer up again whenever new data reaches the task (`updateTaskData`, on every
   * message of the task): a timer the agent stopped is stopped again, before the desk is told anything.
   */
  #keepAutoWrapupStopped(rec: TaskRecord): void {
    if (!rec.autoWrapupCancelled || !rec.task.autoWrapup) return;
    try {
      rec.task.cancelAutoWrapupTimer();
    } catch {
      // no timer to stop
    }
    rec.memo.autoWrapupAt = null;
  }

  #autoWrapupAt(task: ITask): number | null {
    const timer = task.autoWrapup;
    try {
      if (timer && typeof timer.isRunning === 'function' && timer.isRunning()) return this.#ctx.clock.now() + Math.max(0, timer.getTimeLeft());
    } catch {
      // no timer to read
    }
    return null;
  }

  // ---- guards -------------------------------------------------------------------------------------

  /**
   * The task to act on, once the session is ready. Whether the action suits the task (its phase, its media, hold,
   * consult, recording) the core has checked against the snapshots (src/core/actions.ts) before calling.
   */
  #task(taskId: string, action: string): TaskRecord {
    this.#ctx.ready(action);
    const rec = this.book.get(taskId);
    if (!rec || rec.gone) throw CcError.of('unknown-task', { key: 'unknownTask', values: { taskId } }, action);
    return rec;
  }
}
