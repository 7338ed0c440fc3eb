import type { BackendEvent } from '../../core/backend.js';
import type { ConversationMessage, MediaType, TaskSnapshot } from '../../core/types.js';

/** The media that have a conversation (a transcript the agent reads and writes in). */
export type ConversationMedia = 'chat' | 'social' | 'email';

export const hasConversation = (media: MediaType): media is ConversationMedia => media === 'chat' || media === 'social' || media === 'email';

/**
 * How the simulator's customers take their time, in milliseconds of the simulator's clock. Each wait is drawn
 * between its two bounds by the seeded random source, so a seed replays the same conversation.
 */
export interface CustomerTiming {
  /** From the agent's message to the customer starting to type (chat, social). */
  readonly thinkMs: readonly [number, number];
  /** Typing time per character of the reply, bounded by `typingMs`. */
  readonly typingMsPerChar: number;
  readonly typingMs: readonly [number, number];
  /** From the agent's email to the customer's reply. */
  readonly emailReplyMs: readonly [number, number];
  /** How long a chat customer waits, once connected, for the agent's first word before asking again (once). */
  readonly nudgeMs: number;
}

export const DEFAULT_CUSTOMER_TIMING: CustomerTiming = {
  thinkMs: [1_000, 3_000],
  typingMsPerChar: 45,
  typingMs: [1_200, 6_000],
  emailReplyMs: [30_000, 90_000],
  nudgeMs: 45_000,
};

/**
 * What the customers say after each of the agent's messages, by media: one of the scripts is picked for each
 * conversation, and its lines come in order. Once a script runs out, the customer goes quiet.
 */
export const customerScripts: Readonly<Record<ConversationMedia, readonly (readonly string[])[]>> = {
  chat: [
    [
      'It was order 5531-B, placed on the 3rd.',
      'The tracking page has said "label created" for a week.',
      'OK, thank you. Can you send me the new tracking number?',
      'Perfect, thanks for your help!',
    ],
    [
      'I was charged twice for the same order.',
      'Yes, both charges are on my card statement from Monday.',
      'Great, how long does the refund take?',
      'Alright. Thanks!',
    ],
    ['Sorry, I had to step away for a minute.', 'Yes, still there. The package is the blue jacket, size M.', 'Thanks, that solves it.'],
  ],
  social: [
    ['I saw the post about 20% off outerwear.', 'Does it apply to items already in my basket?', 'Thanks! 👍'],
    ['Your app keeps logging me out since the update.', 'iPhone 14, the latest version of the app.', 'That worked, thank you!'],
  ],
  email: [
    [
      'Thank you for the quick answer.\n\nI have attached the invoice number: INV-2291. The amount is 84.90 but my contract says 64.90.\n\nBest regards',
      'Thanks, that makes sense now. Please go ahead with the correction.\n\nKind regards',
    ],
    ['Hello,\n\nthe form you linked asks for a customer number I cannot find anywhere. Where is it?\n\nThanks', 'Found it, thank you.'],
  ],
};

/** What a customer says after waiting for a first word (chat, social). */
const NUDGE = 'Hello? Is anyone there?';

/** One simulated customer's side of a conversation. */
interface Customer {
  readonly script: readonly string[];
  /** The next line of the script. */
  next: number;
  /** Gone quiet: no more replies (the script ran out, or the customer simply stopped answering). */
  quiet: boolean;
  nudged: boolean;
}

/** What the customers need from their contact center: timers on its clock, its broadcast, its random source. */
export interface CustomerHost {
  now(): number;
  setTimer(name: string, ms: number, fn: () => void): void;
  clearTimer(name: string): void;
  broadcast(event: BackendEvent): void;
  random(): number;
  /** The task as the contact center has it now (gone: undefined). */
  task(taskId: string): TaskSnapshot | undefined;
  /** The conversation changed (to keep it in storage). */
  changed(): void;
}

/**
 * A seeded source of numbers in [0, 1) (mulberry32): the same seed draws the same numbers, so a test or a story
 * replays a conversation exactly.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The simulator's customers in their conversations: each writes first (the offer's first line, or an
 * email), answers the agent after thinking and typing, sometimes asks again when the agent is slow, and goes
 * quiet when done, or now and then without a word. Everything runs on the contact center's clock and random
 * source; `replies: false` keeps them silent but for what a test or a scenario makes them say.
 */
export class Customers {
  readonly #host: CustomerHost;
  readonly #timing: CustomerTiming;
  readonly #replies: boolean;
  /** How likely a customer goes quiet after any reply (they got their answer, or walked away). */
  readonly #quietChance: number;
  readonly #customers = new Map<string, Customer>();
  readonly #threads = new Map<string, ConversationMessage[]>();
  #seq = 0;

  constructor(host: CustomerHost, options: { replies: boolean; timing?: Partial<CustomerTiming>; quietChance?: number }) {
    this.#host = host;
    this.#replies = options.replies;
    this.#timing = { ...DEFAULT_CUSTOMER_TIMING, ...options.timing };
    this.#quietChance = options.quietChance ?? 0.1;
  }

  /** Every message of a task's conversation so far, oldest first. */
  thread(taskId: string): readonly ConversationMessage[] {
    return this.#threads.get(taskId) ?? [];
  }

  /** The conversations kept (to save them); `restore` takes them back. */
  get saved(): Record<string, ConversationMessage[]> {
    return Object.fromEntries(this.#threads);
  }

  restore(saved: unknown): void {
    if (!saved || typeof saved !== 'object') return;
    for (const [taskId, thread] of Object.entries(saved as Record<string, unknown>)) {
      if (Array.isArray(thread)) this.#threads.set(taskId, thread as ConversationMessage[]);
    }
  }

  /** A chat, social or email contact is offered: the customer's first message opens the conversation. */
  opened(task: TaskSnapshot): void {
    if (!hasConversation(task.mediaType)) return;
    const scripts = customerScripts[task.mediaType];
    this.#customers.set(task.id, { script: scripts[Math.floor(this.#host.random() * scripts.length)], next: 0, quiet: false, nudged: false });
    if (!task.subject) return;
    const email = task.mediaType === 'email';
    const text = email ? `Hello,\n\n${task.subject}. Could you look into it?\n\nThanks` : task.subject;
    this.#add({ id: `${task.id}-1`, taskId: task.id, from: 'customer', author: task.customerName ?? task.ani, text, ...(email ? { subject: task.subject } : {}), at: task.offeredAt });
  }

  /** The agent took the contact: a chat customer who hears nothing for a while asks again, once. */
  connected(task: TaskSnapshot): void {
    if (!this.#replies || (task.mediaType !== 'chat' && task.mediaType !== 'social')) return;
    this.#host.setTimer(`customer-${task.id}`, this.#timing.nudgeMs, () => {
      const customer = this.#customers.get(task.id);
      if (!customer || customer.nudged || this.#agentHasWritten(task.id)) return;
      customer.nudged = true;
      this.say(task.id, NUDGE);
    });
  }

  /** The agent's message reached the customer: it joins the conversation and the customer answers in time. */
  agentWrote(task: TaskSnapshot, message: ConversationMessage): void {
    this.#add(message);
    if (!this.#replies) return;
    const customer = this.#customers.get(task.id);
    if (!customer || customer.quiet) return;
    if (customer.next >= customer.script.length) {
      customer.quiet = true;
      return;
    }
    // A second message before the customer answered: they answer both at once, a little later.
    this.#host.clearTimer(`customer-${task.id}`);
    if (this.#typing.has(task.id)) this.typing(task.id, false);
    const line = customer.script[customer.next];
    if (task.mediaType === 'email') {
      this.#host.setTimer(`customer-${task.id}`, this.#between(this.#timing.emailReplyMs), () => {
        customer.next += 1;
        this.say(task.id, line, { subject: message.subject ?? reply(task.subject ?? '') });
        this.#maybeGoQuiet(customer);
      });
      return;
    }
    this.#host.setTimer(`customer-${task.id}`, this.#between(this.#timing.thinkMs), () => {
      this.typing(task.id, true);
      const typingMs = Math.min(this.#timing.typingMs[1], Math.max(this.#timing.typingMs[0], line.length * this.#timing.typingMsPerChar));
      this.#host.setTimer(`customer-${task.id}`, typingMs, () => {
        customer.next += 1;
        this.say(task.id, line);
        this.#maybeGoQuiet(customer);
      });
    });
  }

  readonly #typing = new Set<string>();

  /** The customer starts or stops typing (what a test, a scenario or the replies themselves make them do). */
  typing(taskId: string, typing: boolean): void {
    const task = this.#host.task(taskId);
    if (!task || !hasConversation(task.mediaType) || task.mediaType === 'email') return;
    if (typing === this.#typing.has(taskId)) return;
    if (typing) this.#typing.add(taskId);
    else this.#typing.delete(taskId);
    this.#host.broadcast({ type: 'typing', taskId, typing });
  }

  /** The customer writes `text` now (stopping their typing). */
  say(taskId: string, text: string, extra: { subject?: string } = {}): ConversationMessage | null {
    const task = this.#host.task(taskId);
    if (!task || !hasConversation(task.mediaType)) return null;
    this.#typing.delete(taskId);
    this.#seq += 1;
    const subject = task.mediaType === 'email' ? (extra.subject ?? reply(task.subject ?? '')) : undefined;
    const message: ConversationMessage = {
      id: `${taskId}-c${this.#seq}`,
      taskId,
      from: 'customer',
      author: task.customerName ?? task.ani,
      text,
      ...(subject !== undefined ? { subject } : {}),
      at: this.#host.now(),
    };
    this.#add(message);
    return message;
  }

  /** A system line in the conversation (the customer left, a transfer). */
  system(taskId: string, text: string): void {
    if (!this.#host.task(taskId)) return;
    this.#seq += 1;
    this.#add({ id: `${taskId}-s${this.#seq}`, taskId, from: 'system', text, at: this.#host.now() });
  }

  /** The task is gone or over: its customer stops (no more typing or replies); `forget` drops its transcript too. */
  stop(taskId: string, forget = false): void {
    this.#host.clearTimer(`customer-${taskId}`);
    this.#typing.delete(taskId);
    const customer = this.#customers.get(taskId);
    if (customer) customer.quiet = true;
    if (forget) {
      this.#customers.delete(taskId);
      this.#threads.delete(taskId);
      this.#host.changed();
    }
  }

  #agentHasWritten(taskId: string): boolean {
    return this.thread(taskId).some((m) => m.from === 'agent');
  }

  #maybeGoQuiet(customer: Customer): void {
    if (customer.next >= customer.script.length || this.#host.random() < this.#quietChance) customer.quiet = true;
  }

  #between([low, high]: readonly [number, number]): number {
    return Math.round(low + (high - low) * this.#host.random());
  }

  #add(message: ConversationMessage): void {
    const thread = this.#threads.get(message.taskId) ?? [];
    const index = thread.findIndex((m) => m.id === message.id);
    if (index >= 0) thread[index] = message;
    else thread.push(message);
    this.#threads.set(message.taskId, thread);
    this.#host.changed();
    this.#host.broadcast({ type: 'message', message });
  }
}

/** An email reply's subject: "Re: " once. */
export const reply = (subject: string): string => (/^re:/i.test(subject.trim()) ? subject : `Re: ${subject}`);
