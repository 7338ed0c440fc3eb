import type { WrapupArgs } from '../../core/backend.js';
import { excerpt } from '../../core/actions.js';
import { CcError } from '../../core/errors.js';
import type { Destination, DestinationOption, TaskSnapshot } from '../../core/types.js';
import { QUIET_CALL, TaskBook, connect, endForWrapup, hold, num, startLife, taskSnapshot, text, type TaskFacts, type TaskLife } from '../kit/index.js';
import type { TcccContext } from './context.js';

/** What a call's snapshot says besides its lifecycle. */
type CallFacts = { -readonly [K in keyof TaskFacts]: TaskFacts[K] };

interface Call {
  life: TaskLife;
  facts: CallFacts;
  /** The agent hung up a ringing call (a decline, tccc.md §6). */
  declining: boolean;
  /** A blind transfer asked and not yet confirmed by `transfer`: settled by it, or by the session's end. */
  transfer: { resolve: () => void; reject: (error: CcError) => void } | null;
}

/** Voice session types (tccc.md §7): phone calls, WeChat VoIP and calls between agents. */
const VOICE = ['phone', 'voip', 'internal'];

/** `closeBy` of `sessionEnded`, as the call data says who closed the call. */
const CLOSED_BY: Readonly<Record<string, string>> = { client: 'customer', seat: 'agent', admin: 'administrator', timer: 'timer' };

/** How many ended session ids are remembered, so a late or repeated event about one is not news. */
const ENDED_MEMORY = 50;

/**
 * The calls: TCCC's session events (`callIn`, `userAccessed`, `sessionEnded`, `callOuted`, `calloutAccepted`,
 * `transfer`, `autoTransfer`) turned into task snapshots, the call methods (accept, hang up as decline and end,
 * hold, mute, blind transfer, outbound call, DTMF), and after-call work (`arrange`) as a wrap-up owed.
 */
export class TcccCalls {
  readonly #ctx: TcccContext;
  readonly book = new TaskBook<Call>((c) => c.life);
  #ended: string[] = [];
  #wrapping = new Set<string>();

  constructor(ctx: TcccContext) {
    this.#ctx = ctx;
  }

  // ---- actions ------------------------------------------------------------------------------------

  async accept(taskId: string): Promise<void> {
    const c = this.#call(taskId, 'task-accept');
    await this.#ctx.call('Call', 'accept', { sessionId: taskId }, 'task-accept', 'tccc:answer');
    await this.#ctx.until(() => c.life.phase !== 'offered' || !this.book.has(taskId), 'task-accept', 'tccc:answer');
    if (!this.book.has(taskId)) throw CcError.of('rejected', { key: 'tcccCallerHungUp' }, 'task-accept');
  }

  /** TCCC has no reject: hanging up a ringing session declines it (tccc.md §6). */
  async decline(taskId: string): Promise<void> {
    const c = this.#call(taskId, 'task-decline');
    c.declining = true;
    try {
      await this.#ctx.call('Call', 'hungUp', { sessionId: taskId }, 'task-decline', 'tccc:decline');
      await this.#ctx.until(() => !this.book.has(taskId) || this.book.get(taskId) !== c, 'task-decline', 'tccc:decline');
    } catch (err) {
      c.declining = false;
      throw err;
    }
  }

  /** Hold and unHold have no event (tccc.md §6): TCCC's answer is the confirmation. */
  async hold(taskId: string, held: boolean): Promise<void> {
    const c = this.#call(taskId, held ? 'task-hold' : 'task-resume');
    await this.#ctx.call('Call', held ? 'hold' : 'unHold', { sessionId: taskId }, held ? 'task-hold' : 'task-resume', held ? 'tccc:hold' : 'tccc:resume');
    if (this.book.get(taskId) !== c || c.life.phase !== 'connected' || c.facts.held === held) return;
    hold(c.life, held, this.#ctx.clock.now());
    c.facts.held = held;
    this.#update(c);
  }

  async toggleMute(taskId: string): Promise<void> {
    const c = this.#call(taskId, 'task-mute');
    const mute = !c.facts.muted;
    await this.#ctx.call('Call', mute ? 'muteMic' : 'unmuteMic', { sessionId: taskId }, 'task-mute', mute ? 'tccc:mute' : 'tccc:unmute');
    if (this.book.get(taskId) !== c || c.life.phase !== 'connected') return;
    c.facts.muted = mute;
    this.#update(c);
  }

  async end(taskId: string): Promise<void> {
    const c = this.#call(taskId, 'task-end');
    await this.#ctx.call('Call', 'hungUp', { sessionId: taskId }, 'task-end', 'tccc:hang-up');
    await this.#ctx.until(() => c.life.phase !== 'connected' || this.book.get(taskId) !== c, 'task-end', 'tccc:hang-up');
  }

  /** A blind transfer to a skill group (`queue`) or an agent; TCCC's `transfer` event confirms it. */
  async transfer(taskId: string, destination: Destination): Promise<void> {
    const c = this.#call(taskId, 'task-transfer');
    const to = destination.to.trim();
    if (destination.type === 'dialNumber') {
      throw CcError.of('unsupported', { key: 'tcccTransferNoNumber' }, 'task-transfer');
    }
    const done = new Promise<void>((resolve, reject) => {
      c.transfer = { resolve, reject };
    });
    // Settled by an event while the request is still being answered: read below.
    done.catch(() => undefined);
    try {
      await this.#ctx.call('Call', 'transfer', { sessionId: taskId, ...(destination.type === 'queue' ? { skillGroupId: to } : { userId: to }) }, 'task-transfer', 'tccc:transfer');
      await this.#ctx.until(() => c.transfer === null, 'task-transfer', 'tccc:transfer');
    } catch (err) {
      c.transfer = null;
      throw err;
    }
    await done;
  }

  /** TCCC has no wrap-up codes: this ends after-call work (`arrange`) once no other call owes a wrap-up. */
  async wrapup(taskId: string, args: WrapupArgs): Promise<void> {
    const ctx = this.#ctx;
    const c = this.#call(taskId, 'wrapup');
    this.#wrapping.add(taskId);
    try {
      const others = this.book.all().some((o) => o !== c && o.life.phase === 'wrapup');
      if (ctx.status === 'arrange' && !others) {
        ctx.requested = 'free';
        await ctx.call('Agent', 'setStatus', { status: 'free' }, 'wrapup', 'tccc:end-wrapup');
      }
      if (this.book.get(taskId) !== c) return;
      this.book.delete(taskId);
      ctx.emit({ type: 'task-wrapped-up', task: this.#snapshot(c), auxCodeId: args.auxCodeId, notes: args.notes ?? '' });
    } catch (err) {
      if (ctx.requested === 'free') ctx.requested = null;
      throw err;
    } finally {
      this.#wrapping.delete(taskId);
    }
  }

  async outdial(number: string): Promise<void> {
    const ctx = this.#ctx;
    const phoneNumber = number.trim();
    const data = await ctx.call('Call', 'startOutboundCall', { phoneNumber }, 'outdial', 'tccc:call-out');
    const id = text(data.sessionId);
    if (id && !this.book.has(id)) this.#outbound(id, { calleePhoneNumber: phoneNumber, ...data });
  }

  /** DTMF (`sendDigits`, tccc.md §6): the backend's `sendDtmf`, the task panel's keypad. */
  async sendDigits(taskId: string, digits: string): Promise<void> {
    this.#call(taskId, 'task-dtmf');
    const dtmfText = digits.replace(/\s+/g, '');
    if (!/^[0-9*#]{1,32}$/.test(dtmfText)) throw CcError.of('invalid-request', { key: 'tcccDigits' }, 'task-dtmf');
    await this.#ctx.call('Call', 'sendDigits', { sessionId: taskId, dtmfText }, 'task-dtmf', 'tccc:send-digits');
  }

  destinations(kind: 'agent' | 'queue'): DestinationOption[] {
    this.#ctx.guard('destinations');
    const list = (kind === 'queue' ? this.#ctx.options.skillGroups : this.#ctx.options.agents) ?? [];
    // The agent is no destination of its own calls.
    return list
      .filter((t) => text(t.id) && !(kind === 'agent' && text(t.id) === this.#ctx.agentId))
      .map((t) => ({ type: kind, to: text(t.id), name: text(t.name) || text(t.id) }));
  }

  /** Signed out: every call is forgotten. */
  forget(): void {
    for (const c of this.book.all()) c.transfer?.reject(CcError.of('not-signed-in', { key: 'tcccSignedOut' }, 'task-transfer'));
    this.book.clear();
    this.#ended = [];
  }

  // ---- what TCCC says -----------------------------------------------------------------------------

  onCallIn(p: Readonly<Record<string, unknown>>): void {
    const ctx = this.#ctx;
    const id = text(p.sessionId);
    if (!id || this.book.has(id)) return;
    const type = text(p.type) || 'phone';
    if (!VOICE.includes(type)) {
      ctx.emit({
        type: 'error',
        error: CcError.of('unsupported', { key: 'tcccNotVoice', values: { type: excerpt(type, 20) } }, 'task-offer').toJSON(),
      });
      return;
    }
    const ivr = Array.isArray(p.ivrPath) ? p.ivrPath.map((step) => text((step as { label?: unknown } | null)?.label) || text((step as { key?: unknown } | null)?.key)).filter(Boolean) : [];
    const cad: Record<string, string> = {};
    const put = (key: string, value: string) => void (value && (cad[key] = value));
    put('callee', text(p.calleePhoneNumber) || text(p.protectedCallee) || text(p.callee));
    put('location', text(p.callerLocation));
    put('ivrPath', ivr.join(' > '));
    put('remark', text(p.remark) || text(p.calleeRemark));
    const name = text(p.nickname);
    const timeout = num(p.timeout);
    const call: Call = {
      life: startLife('offered', ctx.clock.now()),
      facts: {
        id,
        mediaType: 'telephony',
        direction: 'inbound',
        ani: text(p.callerPhoneNumber) || text(p.protectedCaller) || text(p.peerUserId) || text(p.userId),
        ...(name ? { customerName: name } : {}),
        ...QUIET_CALL,
        cad,
        ronaAfterMs: timeout !== null && timeout > 0 ? timeout * 1000 : null,
      },
      declining: false,
      transfer: null,
    };
    this.book.set(id, call);
    ctx.emit({ type: 'task-offered', task: this.#snapshot(call) });
  }

  onUserAccessed(p: Readonly<Record<string, unknown>>): void {
    const id = text(p.sessionId);
    const c = this.book.get(id);
    if (!c) return this.#unknown('userAccessed', id, true);
    const wasOffered = connect(c.life, this.#ctx.clock.now());
    this.#ctx.emit({ type: wasOffered ? 'task-assigned' : 'task-updated', task: this.#snapshot(c) });
  }

  onCallOuted(p: Readonly<Record<string, unknown>>): void {
    const id = text(p.sessionId);
    if (id && !this.book.has(id)) this.#outbound(id, p);
  }

  onCalloutAccepted(p: Readonly<Record<string, unknown>>): void {
    const id = text(p.sessionId);
    const c = this.book.get(id);
    if (!c) return this.#unknown('calloutAccepted', id, true);
    if (c.life.connectedAt !== null) return;
    connect(c.life, this.#ctx.clock.now());
    this.#update(c);
  }

  onTransfer(p: Readonly<Record<string, unknown>>): void {
    const id = text(p.sessionId);
    const c = this.book.get(id);
    if (!c) return this.#unknown('transfer', id, false);
    const pending = c.transfer;
    c.transfer = null;
    this.#ctx.emit({ type: 'task-updated', task: this.#snapshot(c), transferred: true });
    pending?.resolve();
  }

  onAutoTransfer(p: Readonly<Record<string, unknown>>): void {
    const id = text(p.sessionId);
    const c = this.book.get(id);
    if (!c || c.life.phase !== 'offered') return;
    this.book.delete(id);
    this.#remember(id);
    this.#ctx.emit({ type: 'task-rejected', task: this.#snapshot(c), reason: 'rona' });
  }

  onSessionEnded(p: Readonly<Record<string, unknown>>): void {
    const ctx = this.#ctx;
    const id = text(p.sessionId);
    const c = this.book.get(id);
    if (!c) return this.#unknown('sessionEnded', id, false);
    if (c.life.phase === 'wrapup') return;
    const closedBy = CLOSED_BY[text(p.closeBy)];
    if (closedBy) c.facts.cad = { ...c.facts.cad, closedBy };
    this.#remember(id);
    if (c.life.phase === 'offered') {
      this.book.delete(id);
      // Declined by the agent, rung out (TCCC's timer closed it), or abandoned by the caller.
      const reason = c.declining ? 'declined' : closedBy === 'timer' ? 'rona' : 'cancelled';
      ctx.emit({ type: 'task-rejected', task: this.#snapshot(c), reason });
      return;
    }
    // A transfer still waiting for TCCC's confirmation when the call ends: the call is over, the transfer did not happen.
    const pending = c.transfer;
    c.transfer = null;
    const now = ctx.clock.now();
    c.facts.held = false;
    c.facts.muted = false;
    if (c.life.connectedAt !== null) {
      endForWrapup(c.life, now);
    } else {
      // An outbound call nobody answered: over, nothing to wrap up.
      c.life.endedAt = now;
      c.life.heldAt = null;
      this.book.delete(id);
    }
    ctx.emit({ type: 'task-ended', task: this.#snapshot(c) });
    if (pending) {
      pending.reject(CcError.of('rejected', { key: closedBy === 'customer' ? 'tcccHungUpBeforeTransfer' : 'tcccEndedBeforeTransfer' }, 'task-transfer'));
    }
  }

  /** After-call work ended on its own (TCCC's timer, an administrator): the wrap-ups it stood for are done. */
  onStatus(status: string, before: string): void {
    if (before !== 'arrange' || status === 'arrange') return;
    for (const [id, c] of this.book.entries()) {
      if (c.life.phase !== 'wrapup' || this.#wrapping.has(id)) continue;
      this.book.delete(id);
      this.#ctx.emit({ type: 'task-wrapped-up', task: this.#snapshot(c), auxCodeId: '', notes: '' });
    }
  }

  // ---- one call -----------------------------------------------------------------------------------

  #outbound(id: string, p: Readonly<Record<string, unknown>>): void {
    const ctx = this.#ctx;
    const life = startLife('connected', ctx.clock.now());
    // Dialing: under way, nobody has answered yet.
    life.connectedAt = null;
    const cad: Record<string, string> = {};
    const location = text(p.calleeLocation);
    if (location) cad.location = location;
    const remark = text(p.remark);
    if (remark) cad.remark = remark;
    const call: Call = {
      life,
      facts: {
        id,
        mediaType: 'telephony',
        direction: 'outbound',
        ani: text(p.calleePhoneNumber) || text(p.protectedCallee),
        ...QUIET_CALL,
        cad,
      },
      declining: false,
      transfer: null,
    };
    this.book.set(id, call);
    ctx.emit({ type: 'task-assigned', task: this.#snapshot(call) });
  }

  /**
   * An event about a session this desk does not know. A call the agent is on (`live`: accessed elsewhere, in
   * TCCC's own UI) is shown, so it can be ended here; anything else is reported, and nothing changes.
   */
  #unknown(event: string, id: string, live: boolean): void {
    const ctx = this.#ctx;
    if (!id || this.#ended.includes(id)) return;
    if (live) {
      const call: Call = {
        life: startLife('connected', ctx.clock.now()),
        facts: {
          id,
          mediaType: 'telephony',
          direction: 'inbound',
          ani: '',
          ...QUIET_CALL,
          cad: {},
        },
        declining: false,
        transfer: null,
      };
      this.book.set(id, call);
      ctx.emit({ type: 'task-hydrated', task: this.#snapshot(call) });
      return;
    }
    ctx.emit({
      type: 'error',
      error: CcError.of('unknown-task', { key: 'tcccUnknownCall', values: { event, session: excerpt(id, 24) } }, 'task-event').toJSON(),
    });
  }

  #remember(id: string): void {
    this.#ended.push(id);
    if (this.#ended.length > ENDED_MEMORY) this.#ended.shift();
  }

  #update(c: Call): void {
    this.#ctx.emit({ type: 'task-updated', task: this.#snapshot(c) });
  }

  #snapshot(c: Call): TaskSnapshot {
    return taskSnapshot(c.life, c.facts);
  }

  /** The call to act on, once the session is ready; whether the action suits it, the core has checked. */
  #call(taskId: string, action: string): Call {
    this.#ctx.guard(action);
    const c = this.book.get(taskId);
    if (!c) throw CcError.of('unknown-task', { key: 'noCall', values: { taskId: excerpt(taskId) } }, action);
    return c;
  }
}
