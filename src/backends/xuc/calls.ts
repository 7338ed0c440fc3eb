import type { WrapupArgs } from '../../core/backend.js';
import { REFUSALS, refusalError } from '../../core/actions.js';
import { CcError } from '../../core/errors.js';
import type { Destination, DestinationOption, TaskSnapshot } from '../../core/types.js';
import { QUIET_CALL, TaskBook, connect, endForWrapup, hold, isRecord, startLife, syncEvent, taskSnapshot, text, type TaskFacts, type TaskLife } from '../kit/index.js';
import type { XucContext } from './context.js';
import type { XucAgentState, XucPhoneEvent, XucQueueStatistics } from './protocol.js';

/** What a call's snapshot says besides its lifecycle; XuC sends it piece by piece. */
type CallFacts = { -readonly [K in keyof TaskFacts]: TaskFacts[K] };

interface Call {
  life: TaskLife;
  facts: CallFacts;
  customerLeg: string;
  consultLeg: string | null;
  /** Came through a queue (ACD): XiVO puts the agent in its after-call state when it ends. */
  acd: boolean;
  answered: boolean;
  /** `conference` was sent: the customer leg's return from hold joins the three of them. */
  joining: boolean;
}

/**
 * The calls: XuC's phone events (one leg per `uniqueId`, one call per `linkedId`) turned into task snapshots,
 * the call actions (answer, hang up, hold toggle, attended and blind transfer, recording, dial), XiVO's
 * after-call state as wrap-up, CTI sheets as call data, and queue and agent statistics.
 */
export class XucCalls {
  readonly #ctx: XucContext;
  readonly book = new TaskBook<Call>((c) => c.life);
  /** Legs by `uniqueId`: the call each belongs to. */
  #legs = new Map<string, string>();
  #declining = new Set<string>();
  #transferring = new Set<string>();
  #wrapping = new Set<string>();
  #pendingConsult = new Map<string, Destination>();
  #stats = new Map<string, Record<string, number>>();
  #agentStats: Record<string, number> = {};
  /** Calls handled (connected, then wrapped up) in this session, and their time from connection to wrap-up. */
  #handled = 0;
  #handleMs = 0;
  /** The recording state of the agent's calls, as the last AgentOnCall said (`ACTIVE`, `PAUSED`). */
  #monitorState: string | null = null;

  constructor(ctx: XucContext) {
    this.#ctx = ctx;
  }

  /** Queue statistics by queue id (`WaitingCalls`, `LongestWaitingTime`, `AvailableAgents`, …) and the agent's own. */
  statistics(): { readonly queues: Readonly<Record<string, Readonly<Record<string, number>>>>; readonly agent: Readonly<Record<string, number>> } {
    return { queues: Object.fromEntries([...this.#stats].map(([id, s]) => [id, { ...s }])), agent: { ...this.#agentStats } };
  }

  // ---- actions ------------------------------------------------------------------------------------

  async accept(taskId: string): Promise<void> {
    const c = this.#call(taskId, 'accept');
    const done = this.#ctx.link.phone(c.customerLeg, ['EventEstablished'], 'task-accept');
    this.#ctx.link.send('answer', { uniqueId: c.customerLeg });
    await done;
  }

  async decline(taskId: string): Promise<void> {
    const c = this.#call(taskId, 'decline');
    const done = this.#ctx.link.phone(c.customerLeg, ['EventReleased'], 'task-decline');
    this.#declining.add(taskId);
    this.#ctx.link.send('hangup', { uniqueId: c.customerLeg });
    await done.catch((err) => {
      this.#declining.delete(taskId);
      throw err;
    });
  }

  /** `hold` is a toggle on XuC: on or off, the state comes from the phone event, never from this request. */
  async toggleHold(taskId: string, action: 'task-hold' | 'task-resume'): Promise<void> {
    const c = this.#call(taskId, action);
    const done = this.#ctx.link.phone(c.customerLeg, [action === 'task-hold' ? 'EventOnHold' : 'EventEstablished'], action);
    this.#ctx.link.send('hold', { uniqueId: c.customerLeg });
    await done;
  }

  async end(taskId: string): Promise<void> {
    const c = this.#call(taskId, 'task-end');
    const done = this.#ctx.link.phone(c.customerLeg, ['EventReleased'], 'task-end');
    this.#ctx.link.send('hangup', { uniqueId: c.customerLeg });
    await done;
  }

  async monitor(taskId: string, pause: boolean): Promise<void> {
    const action = pause ? 'task-recording-pause' : 'task-recording-resume';
    this.#call(taskId, action);
    const want = pause ? 'PAUSED' : 'ACTIVE';
    const done = this.#ctx.link.agentState((m) => m.monitorState === want, action);
    this.#ctx.link.send(pause ? 'monitorPause' : 'monitorUnpause', { agentid: this.#ctx.agentId });
    await done;
  }

  async consult(taskId: string, destination: Destination): Promise<void> {
    const c = this.#call(taskId, 'task-consult');
    const number = this.#numberOf(destination);
    const done = this.#ctx.link.expect(
      'PhoneEvent',
      (m) => (isRecord(m) && text(m.linkedId) === taskId && text(m.uniqueId) !== c.customerLeg && m.eventType === 'EventDialing' ? m : undefined),
      'task-consult',
    );
    this.#pendingConsult.set(taskId, destination);
    this.#ctx.link.send('attendedTransfer', { destination: number });
    await done.catch((err) => {
      this.#pendingConsult.delete(taskId);
      throw err;
    });
  }

  async endConsult(taskId: string): Promise<void> {
    const c = this.#call(taskId, 'task-consult-end');
    // The consulted leg is known here only: its release confirms the end.
    if (!c.consultLeg) throw refusalError(REFUSALS.noConsult, 'task-consult-end');
    const done = this.#ctx.link.phone(c.consultLeg, ['EventReleased'], 'task-consult-end');
    this.#ctx.link.send('cancelTransfer');
    await done;
  }

  async transfer(taskId: string, destination: Destination): Promise<void> {
    const c = this.#call(taskId, 'task-transfer');
    const number = this.#numberOf(destination);
    const done = this.#ctx.link.phone(c.customerLeg, ['EventReleased'], 'task-transfer');
    this.#transferring.add(taskId);
    this.#ctx.link.send('directTransfer', { destination: number });
    await done.catch((err) => {
      this.#transferring.delete(taskId);
      throw err;
    });
  }

  async consultTransfer(taskId: string): Promise<void> {
    const c = this.#call(taskId, 'task-consult-transfer');
    if (!c.consultLeg) throw refusalError(REFUSALS.consultNotAnswered, 'task-consult-transfer');
    const done = this.#ctx.link.phone(c.customerLeg, ['EventReleased'], 'task-consult-transfer');
    this.#transferring.add(taskId);
    this.#ctx.link.send('completeTransfer');
    await done.catch((err) => {
      this.#transferring.delete(taskId);
      throw err;
    });
  }

  /**
   * `conference` joins the consulted party and the customer through the phone set (xuc.md §5): XuC confirms
   * nothing but the customer's leg coming back from hold (the double's GUESS, guesses.mjs `conferenceJoins`).
   */
  async conference(taskId: string): Promise<void> {
    const c = this.#call(taskId, 'task-conference');
    if (!c.consultLeg || c.facts.consult?.state !== 'connected') throw refusalError(REFUSALS.noConsultToJoin, 'task-conference');
    const done = this.#ctx.link.phone(c.customerLeg, ['EventEstablished'], 'task-conference');
    c.joining = true;
    this.#ctx.link.send('conference');
    await done.catch((err) => {
      c.joining = false;
      throw err;
    });
  }

  /**
   * `sendDtmf {key}` once per key, in order (xuc.md §5). XuC answers nothing to it: the request resolves once
   * every key is sent.
   */
  async sendDtmf(taskId: string, digits: string): Promise<void> {
    this.#call(taskId, 'task-dtmf');
    for (const key of digits) this.#ctx.link.send('sendDtmf', { key });
  }

  /** XuC has no wrap-up codes: this ends the after-call state early (`unpauseAgent`), as XiVO's own desk does. */
  async wrapup(taskId: string, args: WrapupArgs): Promise<void> {
    const ctx = this.#ctx;
    const c = this.#call(taskId, 'wrapup');
    this.#wrapping.add(taskId);
    try {
      if (ctx.xucState?.name === 'AgentOnWrapup') {
        const done = ctx.link.agentState((m) => m.name !== 'AgentOnWrapup', 'wrapup');
        ctx.requested = 'AgentReady';
        ctx.link.send('unpauseAgent');
        await done;
      }
      if (!this.book.has(taskId)) return;
      this.book.delete(taskId);
      ctx.emit({ type: 'task-wrapped-up', task: this.#snapshot(c), auxCodeId: args.auxCodeId, notes: args.notes ?? '' });
      this.#countHandled(this.#snapshot(c));
    } finally {
      this.#wrapping.delete(taskId);
    }
  }

  async outdial(number: string): Promise<void> {
    this.#ctx.link.guard('outdial');
    const destination = number.trim();
    const done = this.#ctx.link.expect('PhoneEvent', (m) => (isRecord(m) && m.eventType === 'EventDialing' && text(m.otherDN) === destination ? m : undefined), 'outdial');
    this.#ctx.link.send('dial', { destination, variables: {} });
    await done;
  }

  destinations(kind: 'agent' | 'queue'): DestinationOption[] {
    const ctx = this.#ctx;
    ctx.link.guard('destinations');
    if (kind === 'queue') {
      return ctx.queues.filter((q) => q.number).map((q) => ({ type: 'queue' as const, to: String(q.id), name: q.displayName || q.name, detail: text(q.number) }));
    }
    return ctx.agents
      .filter((a) => a.id !== ctx.agentId && a.number)
      .map((a) => ({ type: 'agent' as const, to: String(a.id), name: `${a.firstName ?? ''} ${a.lastName ?? ''}`.trim() || text(a.number), detail: text(a.number) }));
  }

  /** Signed out: every call is forgotten. */
  forget(): void {
    this.book.clear();
    this.#legs.clear();
  }

  // ---- what XuC says ------------------------------------------------------------------------------

  onPhoneEvent(e: XucPhoneEvent, live: boolean): void {
    const uniqueId = text(e.uniqueId);
    const taskId = text(e.linkedId) || uniqueId;
    if (!uniqueId) return;
    const type = text(e.eventType);
    const c = this.book.get(taskId);
    if (!c) {
      if (type === 'EventReleased') return;
      this.#newCall(taskId, uniqueId, e, type);
      return;
    }
    // A second leg of the same call: the consulted party.
    if (uniqueId !== c.customerLeg) {
      if (type === 'EventReleased') {
        this.#legs.delete(uniqueId);
        // A completed transfer releases the consulted leg first: the transfer, not a consult end, is the news.
        if (c.consultLeg === uniqueId && this.#transferring.has(taskId)) c.consultLeg = null;
        if (c.consultLeg === uniqueId) {
          c.consultLeg = null;
          c.facts.consult = null;
          // The third party left: the conference is a call with the customer again.
          c.facts.conference = false;
          this.#update(c);
        }
        return;
      }
      if (!this.#legs.has(uniqueId)) this.#legs.set(uniqueId, taskId);
      // In a conference the third party's leg is no consult any more.
      if (c.facts.conference) return;
      const destination = this.#pendingConsult.get(taskId) ?? { type: 'dialNumber' as const, to: text(e.otherDN) };
      this.#pendingConsult.delete(taskId);
      c.consultLeg = uniqueId;
      const state = type === 'EventEstablished' ? 'connected' : 'ringing';
      const consult = c.facts.consult;
      if (!consult) c.facts.consult = { destination, state, startedAt: this.#ctx.clock.now() };
      else if (consult.state !== state) c.facts.consult = { ...consult, state };
      else return;
      this.#update(c);
      return;
    }
    const now = this.#ctx.clock.now();
    switch (type) {
      case 'EventEstablished': {
        c.answered = true;
        const wasOffered = connect(c.life, now);
        if (wasOffered && this.#monitorState !== null) {
          c.facts.recording = true;
          c.facts.recordingPaused = this.#monitorState === 'PAUSED';
        }
        hold(c.life, false, now);
        c.facts.held = false;
        if (c.joining && c.consultLeg) {
          c.joining = false;
          c.facts.conference = true;
          c.facts.consult = null;
        }
        this.#ctx.emit({ type: wasOffered ? 'task-assigned' : 'task-updated', task: this.#snapshot(c) });
        return;
      }
      case 'EventOnHold':
        if (c.facts.held) return;
        c.life.phase = 'connected';
        hold(c.life, true, now);
        c.facts.held = true;
        this.#update(c);
        return;
      case 'EventReleased':
        this.#end(taskId, c, c.acd && c.answered && live);
        return;
      default:
        return;
    }
  }

  /** XuC's agent state says what the calls cannot: recording (`monitorState`), and the after-call state's end. */
  onAgentState(s: XucAgentState, before: XucAgentState | null): void {
    const ctx = this.#ctx;
    if (s.name === 'AgentOnCall' && typeof s.monitorState === 'string') {
      this.#monitorState = s.monitorState;
      const paused = s.monitorState === 'PAUSED';
      for (const c of this.book.all()) {
        if (c.life.phase !== 'connected' || (c.facts.recording && c.facts.recordingPaused === paused)) continue;
        c.facts.recording = true;
        c.facts.recordingPaused = paused;
        this.#update(c);
      }
    }
    // The after-call state ended (the queue's timer, or the agent): calls waiting for wrap-up are wrapped up.
    if (s.name !== 'AgentOnWrapup' && before?.name === 'AgentOnWrapup') {
      for (const [id, c] of this.book.entries()) {
        if (c.life.phase !== 'wrapup' || this.#wrapping.has(id)) continue;
        this.book.delete(id);
        ctx.emit({ type: 'task-wrapped-up', task: this.#snapshot(c), auxCodeId: '', notes: '' });
        this.#countHandled(this.#snapshot(c));
      }
    }
  }

  /** `Sheet` (a CTI sheet configured on XiVO): its entries join the call data of the call ringing now. */
  onSheet(m: unknown): void {
    const info = isRecord(m) && isRecord(m.payload) && isRecord(m.payload.profile) && isRecord(m.payload.profile.user) ? m.payload.profile.user.sheetInfo : undefined;
    if (!Array.isArray(info)) return;
    const offered = this.book.all().reverse().find((c) => c.life.phase === 'offered');
    if (!offered) return;
    const cad = { ...offered.facts.cad };
    for (const entry of info) if (isRecord(entry) && text(entry.name)) cad[text(entry.name)] = text(entry.value);
    offered.facts.cad = cad;
    this.#update(offered);
  }

  onQueueStats(m: XucQueueStatistics): void {
    if (!isRecord(m) || !Array.isArray(m.counters)) return;
    // Some messages name the queue (`queueRef`) instead of its id.
    const id = typeof m.queueId === 'number' ? String(m.queueId) : String(this.#ctx.queues.find((q) => q.name === m.queueRef)?.id ?? m.queueRef ?? '');
    if (!id) return;
    const counters = { ...(this.#stats.get(id) ?? {}) };
    for (const c of m.counters) if (isRecord(c) && typeof c.value === 'number') counters[text(c.statName)] = c.value;
    this.#stats.set(id, counters);
    // The kit's figures, from XuC's counters (messages are deltas: the figures are the counters kept so far).
    const queue = this.#ctx.queues.find((q) => String(q.id) === id);
    const count = (name: string): number => counters[name] ?? 0;
    const known = (name: string) => (name in counters ? counters[name] : undefined);
    const talking = known('TalkingAgents');
    const answered = known('TotalNumberCallsAnswered');
    const abandoned = known('TotalNumberCallsAbandonned');
    this.#ctx.emit({
      type: 'queue-stats',
      queues: [
        {
          queueId: id,
          queueName: queue?.displayName || queue?.name || id,
          waiting: count('WaitingCalls'),
          longestWaitSeconds: count('LongestWaitingTime'),
          agentsAvailable: count('AvailableAgents'),
          ...(talking !== undefined ? { agentsTalking: talking } : {}),
          ...(answered !== undefined ? { answered } : {}),
          ...(abandoned !== undefined ? { abandoned } : {}),
          at: this.#ctx.clock.now(),
        },
      ],
    });
  }

  onAgentStats(statistics: readonly unknown[]): void {
    for (const s of statistics) if (isRecord(s) && typeof s.value === 'number') this.#agentStats[text(s.name)] = s.value;
    this.#emitAgentStats();
  }

  #countHandled(task: { connectedAt: number | null }): void {
    if (task.connectedAt === null) return;
    this.#handled += 1;
    this.#handleMs += Math.max(0, this.#ctx.clock.now() - task.connectedAt);
    this.#emitAgentStats();
  }

  /**
   * The kit's figures for the agent: XuC's time counters (ready, paused, wrap-up: seconds) as the time in each
   * state, and the calls handled in this session (XuC's agent statistics count no handled calls).
   */
  #emitAgentStats(): void {
    const stats = this.#agentStats;
    const stateSeconds: Partial<Record<'Available' | 'Idle' | 'AfterCall', number>> = {};
    if (typeof stats.AgentReadyTotalTime === 'number') stateSeconds.Available = stats.AgentReadyTotalTime;
    if (typeof stats.AgentPausedTotalTime === 'number') stateSeconds.Idle = stats.AgentPausedTotalTime;
    if (typeof stats.AgentWrapupTotalTime === 'number') stateSeconds.AfterCall = stats.AgentWrapupTotalTime;
    this.#ctx.emit({
      type: 'agent-stats',
      stats: {
        handled: this.#handled,
        averageHandleSeconds: this.#handled ? Math.round(this.#handleMs / this.#handled / 1000) : null,
        stateSeconds,
        at: this.#ctx.clock.now(),
      },
    });
  }

  /** Asks for the agent state and the current calls, and sends the whole picture as one `sync`. */
  async resync(): Promise<void> {
    const ctx = this.#ctx;
    const state = ctx.link.agentState(() => true, 'connection');
    const calls = ctx.link.expect('CurrentCallsPhoneEvents', (m) => (isRecord(m) && Array.isArray(m.events) ? m.events : undefined), 'connection');
    ctx.link.send('getAgentStates');
    ctx.link.send('getCurrentCallsPhoneEvents');
    // Both answers have been through the router already: the station and the agent's state are current.
    const xucState = (await state) as XucAgentState;
    const events = (await calls) as XucPhoneEvent[];
    const live = new Set(events.map((e) => text(e.linkedId)));
    for (const [id, c] of this.book.entries()) {
      if (live.has(id) || c.life.phase === 'wrapup') continue;
      // Ended while the link was down: owed a wrap-up if XiVO put the agent in its after-call state.
      this.#end(id, c, c.acd && c.answered && xucState.name === 'AgentOnWrapup');
    }
    for (const e of events) this.onPhoneEvent(e, false);
    ctx.emit(syncEvent(ctx.station, ctx.agent, this.book.all().map((c) => this.#snapshot(c))));
  }

  // ---- one call -----------------------------------------------------------------------------------

  #newCall(taskId: string, uniqueId: string, e: XucPhoneEvent, type: string): void {
    const ctx = this.#ctx;
    const now = ctx.clock.now();
    const data = isRecord(e.userData) ? e.userData : {};
    const cad: Record<string, string> = {};
    for (const [k, v] of Object.entries(data)) if (k.startsWith('USR_') && v !== null && v !== undefined) cad[k.slice(4)] = String(v);
    const queue = e.queueName ? ctx.queues.find((q) => q.name === e.queueName) : undefined;
    const inbound = type === 'EventRinging' || (type !== 'EventDialing' && Boolean(e.queueName));
    const connected = type === 'EventEstablished' || type === 'EventOnHold';
    const name = text(data[ctx.nameVariable]);
    const life = startLife(type === 'EventRinging' ? 'offered' : 'connected', now);
    // An outbound call being dialed: under way, but nobody has answered yet.
    if (!connected) life.connectedAt = null;
    if (type === 'EventOnHold') hold(life, true, now);
    const call: Call = {
      life,
      facts: {
        id: taskId,
        mediaType: 'telephony',
        direction: inbound ? 'inbound' : 'outbound',
        ani: text(e.otherDN),
        ...(name ? { customerName: name } : {}),
        ...(e.queueName ? { queue: { id: queue ? String(queue.id) : text(e.queueName), name: queue?.displayName || text(e.queueName) } } : {}),
        ...QUIET_CALL,
        held: type === 'EventOnHold',
        cad,
      },
      customerLeg: uniqueId,
      consultLeg: null,
      acd: Boolean(e.queueName),
      answered: connected,
      joining: false,
    };
    this.book.set(taskId, call);
    this.#legs.set(uniqueId, taskId);
    const snapshot = this.#snapshot(call);
    if (type === 'EventRinging') ctx.emit({ type: 'task-offered', task: snapshot });
    else ctx.emit({ type: connected ? 'task-hydrated' : 'task-assigned', task: snapshot });
  }

  #end(taskId: string, c: Call, wrapup: boolean): void {
    const ctx = this.#ctx;
    for (const id of [c.customerLeg, c.consultLeg]) if (id) this.#legs.delete(id);
    if (c.life.phase === 'offered') {
      this.book.delete(taskId);
      const declined = this.#declining.delete(taskId);
      ctx.emit({ type: 'task-rejected', task: this.#snapshot(c), reason: declined ? 'declined' : 'cancelled' });
      return;
    }
    if (this.#transferring.delete(taskId)) ctx.emit({ type: 'task-updated', task: this.#snapshot(c), transferred: true });
    const now = ctx.clock.now();
    c.facts.held = false;
    c.facts.consult = null;
    c.facts.conference = false;
    c.joining = false;
    if (wrapup) {
      endForWrapup(c.life, now);
      c.consultLeg = null;
    } else {
      c.life.endedAt = now;
      c.life.heldAt = null;
      this.book.delete(taskId);
    }
    ctx.emit({ type: 'task-ended', task: this.#snapshot(c) });
  }

  #update(c: Call): void {
    this.#ctx.emit({ type: 'task-updated', task: this.#snapshot(c) });
  }

  #snapshot(c: Call): TaskSnapshot {
    return taskSnapshot(c.life, c.facts);
  }

  /** The call to act on, once the session is ready; whether the action suits it, the core has checked. */
  #call(taskId: string, action: string): Call {
    this.#ctx.link.guard(action);
    const c = this.book.get(taskId);
    if (!c) throw CcError.of('unknown-task', { key: 'noCall', values: { taskId } }, action);
    return c;
  }

  #numberOf(destination: Destination): string {
    const ctx = this.#ctx;
    if (destination.type === 'queue') {
      const q = ctx.queues.find((x) => String(x.id) === destination.to || x.name === destination.to);
      return text(q?.number) || destination.to;
    }
    if (destination.type === 'agent') {
      const a = ctx.agents.find((x) => String(x.id) === destination.to);
      return text(a?.number) || destination.to;
    }
    return destination.to.trim();
  }
}
