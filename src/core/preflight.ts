/**
 * Preflight: the checks `<cc-preflight>` runs before a shift (or from a button), what each can find, and what
 * a backend declares about them. Plain data and types only: the checks themselves are browser code that
 * `<cc-preflight>` loads when it runs (components/cc-preflight/checks.ts).
 */

/** The checks, in the order they run and are shown. */
export const PREFLIGHT_CHECKS = ['browser', 'microphone', 'output', 'reach', 'clock'] as const;
export type PreflightCheckId = (typeof PREFLIGHT_CHECKS)[number];

export type PreflightStatus = 'pass' | 'warning' | 'failure';

/**
 * Every finding, by code: which check finds it and how bad it is. The code is also the key of its words (the
 * fix, in plain words) in `<cc-preflight>`'s strings.
 */
export const PREFLIGHT_CODES = {
  browserOk: { check: 'browser', status: 'pass' },
  browserPartial: { check: 'browser', status: 'warning' },
  browserMissing: { check: 'browser', status: 'failure' },
  micOk: { check: 'microphone', status: 'pass' },
  micSilent: { check: 'microphone', status: 'warning' },
  micUntested: { check: 'microphone', status: 'warning' },
  micDenied: { check: 'microphone', status: 'failure' },
  micMissing: { check: 'microphone', status: 'failure' },
  micBusy: { check: 'microphone', status: 'failure' },
  micInsecure: { check: 'microphone', status: 'failure' },
  micUnsupported: { check: 'microphone', status: 'failure' },
  outputOk: { check: 'output', status: 'pass' },
  outputDefault: { check: 'output', status: 'pass' },
  outputFixed: { check: 'output', status: 'warning' },
  outputNone: { check: 'output', status: 'warning' },
  outputMissing: { check: 'output', status: 'failure' },
  reachOk: { check: 'reach', status: 'pass' },
  reachSlow: { check: 'reach', status: 'warning' },
  reachUnknown: { check: 'reach', status: 'warning' },
  reachFailed: { check: 'reach', status: 'failure' },
  clockOk: { check: 'clock', status: 'pass' },
  clockUnknown: { check: 'clock', status: 'warning' },
  clockSkewed: { check: 'clock', status: 'warning' },
  clockWrong: { check: 'clock', status: 'failure' },
} as const satisfies Record<string, { check: PreflightCheckId; status: PreflightStatus }>;
export type PreflightCode = keyof typeof PREFLIGHT_CODES;

export const isPreflightCode = (value: unknown): value is PreflightCode => typeof value === 'string' && Object.hasOwn(PREFLIGHT_CODES, value);

/** What one check found: its code, and the values its words are filled with (never a secret). */
export interface PreflightFinding {
  readonly check: PreflightCheckId;
  readonly status: PreflightStatus;
  readonly code: PreflightCode;
  readonly values?: Readonly<Record<string, string | number>>;
}

/** A finding from its code (and values). */
export function finding(code: PreflightCode, values?: Readonly<Record<string, string | number>>): PreflightFinding {
  const { check, status } = PREFLIGHT_CODES[code];
  return values ? { check, status, code, values } : { check, status, code };
}

/** One check in the `cc-preflight` outcome: its status, its code and the words shown to the agent. */
export interface PreflightCheckReport {
  readonly check: PreflightCheckId;
  readonly status: PreflightStatus;
  readonly code: PreflightCode;
  readonly message: string;
}

/** `detail` of `cc-preflight`: plain, serialisable, and free of secrets (hosts, never URLs). */
export interface PreflightReport {
  readonly backend: string;
  /** The worst status of the checks. */
  readonly outcome: PreflightStatus;
  readonly checks: readonly PreflightCheckReport[];
  /** When the run finished (epoch milliseconds). */
  readonly at: number;
}

/** The worst of some statuses (pass when there are none). */
export function worstOf(statuses: readonly PreflightStatus[]): PreflightStatus {
  return statuses.includes('failure') ? 'failure' : statuses.includes('warning') ? 'warning' : 'pass';
}

/** A browser feature the kit or a backend uses, by the name the agent is told. */
export const BROWSER_FEATURES = ['WebRTC', 'getUserMedia', 'Web Audio', 'WebSocket', 'fetch', 'Web Locks', 'BroadcastChannel'] as const;
export type BrowserFeature = (typeof BROWSER_FEATURES)[number];

/**
 * The contact center answering the checks itself (the simulator): where it is reached and what time it says
 * it is, and findings forced on any check (so a demo shows each one).
 */
export interface PreflightSelf {
  /** Resolves when the contact center answers; rejects when it cannot be reached. */
  ping(): Promise<void>;
  /** The contact center's time (epoch milliseconds). */
  serverTime(): number;
  /** Findings to report instead of running a check, by check. */
  readonly forced: Readonly<Partial<Record<PreflightCheckId, PreflightCode>>>;
}

/**
 * What a backend declares about its preflight, before its code loads (the registry holds it): which checks
 * apply, the browser features it cannot do without and those it can, where its contact center is reached and
 * where the time is read.
 */
export interface PreflightPlan {
  /** The checks that apply, in order (a backend without browser audio leaves out `microphone` and `output`). */
  readonly checks: readonly PreflightCheckId[];
  /** Features without which the backend cannot work (a failure when missing). */
  readonly needs: readonly BrowserFeature[];
  /** Features it can do without, at a cost (a warning when missing: one session per tab without Web Locks). */
  readonly wants: readonly BrowserFeature[];
  /** Where the contact center is reached (probed with a request that sends no credentials); null: nowhere known. */
  readonly reachUrl: string | null;
  /** A same-origin (or Date-exposing) URL whose `Date` header gives the time; null: the page's own origin. */
  readonly timeUrl: string | null;
  /** The contact center answering the checks itself (the simulator), from the running backend. */
  readonly self?: (backend: unknown) => PreflightSelf | null;
}

/** The plan of a backend that declares none: the browser, the microphone, the speaker and the clock. */
export const DEFAULT_PREFLIGHT: PreflightPlan = Object.freeze({
  checks: Object.freeze(['browser', 'microphone', 'output', 'clock'] as const),
  needs: Object.freeze(['WebSocket', 'fetch'] as const),
  wants: Object.freeze(['Web Locks', 'BroadcastChannel'] as const),
  reachUrl: null,
  timeUrl: null,
});
