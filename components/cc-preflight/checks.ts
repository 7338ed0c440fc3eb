/**
 * The preflight checks themselves: browser code, loaded by `<cc-preflight>` when it runs (not with the page).
 * Each takes what it touches from an environment (`PreflightEnv`) so tests can put a browser without an API, a
 * microphone that is refused, or a clock they move in its place.
 */
import {
  finding,
  type BrowserFeature,
  type PreflightCheckId,
  type PreflightCode,
  type PreflightFinding,
  type PreflightPlan,
  type PreflightSelf,
} from '../../src/core/preflight.js';

/** What the checks use of the browser. */
export interface PreflightEnv {
  /** Where features are looked for (`globalThis`). */
  readonly scope: Record<string, unknown> & { navigator?: Navigator; isSecureContext?: boolean; location?: Location };
  /** The computer's time, epoch milliseconds. */
  readonly now: () => number;
  /** Waits `ms` on the widget's clock (a test's manual clock moves it). */
  readonly wait: (ms: number) => Promise<void>;
  readonly fetch: typeof fetch;
}

export interface CheckOptions {
  /** How long the microphone's level is measured. */
  readonly listenMs: number;
  /** The speaker or headset the page plays calls on (`setSinkId`), or '' for the system's default. */
  readonly outputDevice: string;
  /** How long the contact center has to answer. */
  readonly reachTimeoutMs: number;
}

/** The browser's own environment. */
export function browserEnv(wait: (ms: number) => Promise<void>): PreflightEnv {
  return { scope: globalThis as unknown as PreflightEnv['scope'], now: () => Date.now(), wait, fetch: (...args) => globalThis.fetch(...args) };
}

/** An RMS level below this (about -50 dBFS) is silence: a muted or dead microphone. */
export const SILENCE_RMS = 0.003;
/** A contact center that takes longer than this to answer is slow. */
export const SLOW_MS = 2000;
/** Clock skew from which tokens may look expired or not yet valid: a warning, then a failure. */
export const SKEW_WARNING_MS = 60_000;
export const SKEW_FAILURE_MS = 5 * 60_000;
const SAMPLE_MS = 100;

type Scope = PreflightEnv['scope'];
const fn = (value: unknown) => typeof value === 'function';
const FEATURES: Readonly<Record<BrowserFeature, (scope: Scope) => boolean>> = {
  WebRTC: (s) => fn(s.RTCPeerConnection),
  getUserMedia: (s) => fn(s.navigator?.mediaDevices?.getUserMedia),
  'Web Audio': (s) => fn(s.AudioContext) || fn(s.webkitAudioContext),
  WebSocket: (s) => fn(s.WebSocket),
  fetch: (s) => fn(s.fetch),
  'Web Locks': (s) => fn(s.navigator?.locks?.request),
  BroadcastChannel: (s) => fn(s.BroadcastChannel),
};

/** Values shown with a finding forced by the simulator (its words need something to say). */
const SAMPLE_VALUES: Partial<Record<PreflightCode, Readonly<Record<string, string | number>>>> = {
  browserPartial: { features: 'Web Locks' },
  browserMissing: { features: 'WebRTC' },
  micOk: { device: 'Simulated headset' },
  micSilent: { device: 'Simulated headset' },
  outputOk: { device: 'Simulated headset' },
  outputDefault: { device: 'Default speaker' },
  reachOk: { host: 'simulator', ms: 40 },
  reachSlow: { host: 'simulator', ms: 3200 },
  reachFailed: { host: 'simulator' },
  clockOk: { seconds: 0 },
  clockSkewed: { minutes: 3 },
  clockWrong: { minutes: 12 },
};

/** Runs one check. Never rejects: what goes wrong is a finding. */
export async function runCheck(check: PreflightCheckId, plan: PreflightPlan, backend: unknown, env: PreflightEnv, options: CheckOptions): Promise<PreflightFinding> {
  const self = plan.self?.(backend) ?? null;
  const forced = self?.forced[check];
  if (forced) return finding(forced, SAMPLE_VALUES[forced]);
  switch (check) {
    case 'browser':
      return browserCheck(plan, env.scope);
    case 'microphone':
      return microphoneCheck(env, options);
    case 'output':
      return outputCheck(env.scope, options.outputDevice);
    case 'reach':
      return reachCheck(plan, self, env, options.reachTimeoutMs);
    case 'clock':
      return clockCheck(plan, self, env);
  }
}

export function browserCheck(plan: PreflightPlan, scope: Scope): PreflightFinding {
  const missing = (features: readonly BrowserFeature[]) => features.filter((f) => !FEATURES[f]?.(scope));
  const needed = missing(plan.needs);
  if (needed.length) return finding('browserMissing', { features: needed.join(', ') });
  const wanted = missing(plan.wants);
  if (wanted.length) return finding('browserPartial', { features: wanted.join(', ') });
  return finding('browserOk');
}

/** Asks for the microphone, then measures its level for `listenMs`: is it allowed, there, free, and not silent. */
export async function microphoneCheck(env: PreflightEnv, options: CheckOptions): Promise<PreflightFinding> {
  const { scope } = env;
  if (scope.isSecureContext === false) return finding('micInsecure');
  const media = scope.navigator?.mediaDevices;
  if (!fn(media?.getUserMedia)) return finding('micUnsupported');
  let stream: MediaStream;
  try {
    stream = await media!.getUserMedia({ audio: true });
  } catch (err) {
    const name = (err as { name?: string } | null)?.name;
    if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError') return finding('micDenied');
    if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'DevicesNotFoundError') return finding('micMissing');
    return finding('micBusy');
  }
  const track = stream.getAudioTracks()[0];
  const device = track?.label || '';
  try {
    if (!track) return finding('micMissing');
    const level = await measureLevel(scope, stream, env, options.listenMs);
    if (level === null) return finding('micUntested', { device });
    return level < SILENCE_RMS ? finding('micSilent', { device }) : finding('micOk', { device });
  } finally {
    for (const t of stream.getTracks()) t.stop();
  }
}

/**
 * The loudest RMS level of the stream over `listenMs` (sampled every 100 ms on the widget's clock), or null
 * when the page may not run audio yet (no click so far: the browser keeps the audio context suspended).
 */
async function measureLevel(scope: Scope, stream: MediaStream, env: PreflightEnv, listenMs: number): Promise<number | null> {
  const Context = (scope.AudioContext ?? scope.webkitAudioContext) as typeof AudioContext | undefined;
  if (!fn(Context)) return null;
  const context = new Context!();
  try {
    if (context.state !== 'running') await Promise.race([context.resume(), env.wait(300)]);
    if ((context.state as string) !== 'running') return null;
    const analyser = context.createAnalyser();
    analyser.fftSize = 2048;
    context.createMediaStreamSource(stream).connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    let loudest = 0;
    const steps = Math.max(1, Math.ceil(listenMs / SAMPLE_MS));
    for (let i = 0; i < steps; i++) {
      await env.wait(SAMPLE_MS);
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const v of samples) sum += v * v;
      loudest = Math.max(loudest, Math.sqrt(sum / samples.length));
    }
    return loudest;
  } finally {
    void context.close().catch(() => undefined);
  }
}

/** The speaker or headset calls play on: there, and choosable when the page chose one. */
export async function outputCheck(scope: Scope, outputDevice: string): Promise<PreflightFinding> {
  const media = scope.navigator?.mediaDevices;
  const Media = scope.HTMLMediaElement as { prototype?: object } | undefined;
  const canChoose = !!Media?.prototype && 'setSinkId' in Media.prototype;
  let outputs: MediaDeviceInfo[] = [];
  try {
    if (fn(media?.enumerateDevices)) outputs = (await media!.enumerateDevices()).filter((d) => d.kind === 'audiooutput');
  } catch {
    outputs = [];
  }
  if (outputDevice) {
    if (!canChoose) return finding('outputFixed');
    const chosen = outputs.find((d) => d.deviceId === outputDevice);
    return chosen ? finding('outputOk', { device: chosen.label || outputDevice.slice(0, 12) }) : finding('outputMissing');
  }
  // Browsers that cannot choose the speaker (Firefox, Safari) list none: calls play on the system's default.
  if (outputs.length === 0) return canChoose ? finding('outputNone') : finding('outputDefault', { device: '' });
  const preferred = outputs.find((d) => d.deviceId === 'default') ?? outputs[0];
  return finding('outputDefault', { device: preferred.label });
}

/** The host of a URL, never its path or query (which may carry a token). */
export function hostOf(url: string, base?: string): string {
  try {
    return new URL(url, base).host;
  } catch {
    return '';
  }
}

/** Whichever settles first: the promise, or the clock reaching `ms` (then `null`). */
async function within<T>(promise: Promise<T>, env: PreflightEnv, ms: number): Promise<T | null> {
  return Promise.race([promise, env.wait(ms).then(() => null)]);
}

/** The contact center answers, in good time: its own answer (the simulator), or a request that sends nothing. */
export async function reachCheck(plan: PreflightPlan, self: PreflightSelf | null, env: PreflightEnv, timeoutMs: number): Promise<PreflightFinding> {
  const host = self ? 'simulator' : plan.reachUrl ? hostOf(plan.reachUrl, env.scope.location?.href) : '';
  if (!self && !plan.reachUrl) return finding('reachUnknown');
  const started = env.now();
  try {
    // `no-cors`, no credentials, not cached: any answer at all means the host is reachable; nothing is sent.
    const answer = self
      ? self.ping().then(() => true)
      : env.fetch(plan.reachUrl!, { mode: 'no-cors', credentials: 'omit', cache: 'no-store', redirect: 'follow' }).then(() => true);
    const answered = await within(answer, env, timeoutMs);
    if (!answered) return finding('reachFailed', { host });
  } catch {
    return finding('reachFailed', { host });
  }
  const ms = Math.max(0, Math.round(env.now() - started));
  return finding(ms > SLOW_MS ? 'reachSlow' : 'reachOk', { host, ms });
}

/**
 * The computer's clock against the contact center's (the simulator) or the page's server's `Date` header: a
 * clock minutes off makes tokens look expired (or not yet valid), so sign-in fails or ends early.
 */
export async function clockCheck(plan: PreflightPlan, self: PreflightSelf | null, env: PreflightEnv): Promise<PreflightFinding> {
  let skew: number;
  if (self) {
    skew = self.serverTime() - env.now();
  } else {
    const origin = env.scope.location?.origin;
    const url = plan.timeUrl ?? (origin && origin !== 'null' ? `${origin}/` : null);
    if (!url) return finding('clockUnknown');
    try {
      const sent = env.now();
      const res = await within(env.fetch(url, { method: 'HEAD', cache: 'no-store', credentials: 'omit' }), env, 8000);
      const received = env.now();
      const date = res?.headers.get('Date');
      const server = date ? Date.parse(date) : NaN;
      if (!Number.isFinite(server)) return finding('clockUnknown');
      // The header has whole seconds: its middle, against the middle of the round trip.
      skew = server + 500 - (sent + received) / 2;
    } catch {
      return finding('clockUnknown');
    }
  }
  const off = Math.abs(skew);
  if (off >= SKEW_FAILURE_MS) return finding('clockWrong', { minutes: Math.round(off / 60_000) });
  if (off >= SKEW_WARNING_MS) return finding('clockSkewed', { minutes: Math.round(off / 60_000) });
  return finding('clockOk', { seconds: Math.round(off / 1000) });
}
