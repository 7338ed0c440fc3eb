// Benchmarks that run in the page; scripts/bench.mjs calls them and prints the figures.
import '../define/all.js';
import type { CcSdk } from '../components/cc-sdk/cc-sdk.js';
import { CcElement } from '../src/base/cc-element.js';
import { ManualClock } from '../src/core/clock.js';
import { SimulatorBackend } from '../src/backends/simulator/backend.js';
import { SimulatorServer } from '../src/backends/simulator/server.js';
import { outcomeEvents } from '../src/events/catalog.js';

// Count element updates, per tag, to see what re-renders.
const updates = new Map<string, number>();
const proto = CcElement.prototype as unknown as { update(changed: unknown): void };
const originalUpdate = proto.update;
proto.update = function (this: HTMLElement, changed: unknown) {
  updates.set(this.localName, (updates.get(this.localName) ?? 0) + 1);
  originalUpdate.call(this, changed);
};

const frame = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

interface Desk {
  sdk: CcSdk;
  server: SimulatorServer;
  clock: ManualClock;
  panel: HTMLElement & { updateComplete: Promise<boolean> };
  outcomes: number;
  settle(): Promise<void>;
  dispose(): void;
}

async function desk(options: { capacity?: Record<string, number>; loginOption?: 'BROWSER' | 'AGENT_DN' } = {}): Promise<Desk> {
  const stage = document.getElementById('stage')!;
  stage.innerHTML = '<cc-sdk><cc-state-select></cc-state-select><cc-task-panel></cc-task-panel><cc-wrapup></cc-wrapup></cc-sdk>';
  const sdk = stage.querySelector('cc-sdk') as CcSdk;
  const clock = new ManualClock();
  const server = new SimulatorServer({ clock, capacity: options.capacity });
  sdk.backend = new SimulatorBackend({ server });
  await sdk.updateComplete;
  while (sdk.desk.backend?.name !== 'simulator' || !(sdk.desk.backend as SimulatorBackend).server || (sdk.desk.backend as SimulatorBackend).server !== server) {
    await new Promise((r) => setTimeout(r, 5));
  }
  const d: Desk = {
    sdk,
    server,
    clock,
    panel: stage.querySelector('cc-task-panel') as Desk['panel'],
    outcomes: 0,
    async settle() {
      await Promise.all([...stage.querySelectorAll('*')].map((el) => (el as Partial<Desk['panel']>).updateComplete));
    },
    dispose() {
      stage.innerHTML = '';
      server.dispose();
    },
  };
  for (const name of outcomeEvents) sdk.addEventListener(name, () => d.outcomes++);
  await sdk.request('cc-sign-in-request', { accessToken: 'bench' });
  const loginOption = options.loginOption ?? 'AGENT_DN';
  await sdk.request('cc-station-login-request', { teamId: 'team-support', loginOption, ...(loginOption === 'AGENT_DN' ? { dialNumber: '+14155550199' } : {}) });
  await sdk.request('cc-agent-state-request', { state: 'Available', auxCodeId: '0' });
  await d.settle();
  return d;
}

const shadowText = (el: Element) => el.shadowRoot?.textContent ?? '';

/** From the simulator's offer to the offer card painted, over `n` offers. */
async function offerToVisible(n = 500) {
  const d = await desk({ capacity: { chat: 5 } });
  const times: number[] = [];
  const inDom: number[] = [];
  for (let i = 0; i < n; i++) {
    const name = `Bench Customer ${i}`;
    await frame();
    const t0 = performance.now();
    d.server.offer({ mediaType: 'chat', customerName: name, ani: `@bench${i}` });
    await d.panel.updateComplete;
    if (!shadowText(d.panel).includes(name)) throw new Error(`offer ${i} not rendered`);
    inDom.push(performance.now() - t0);
    await frame();
    times.push(performance.now() - t0);
    d.server.decline(d.server.tasks[0].id);
  }
  await d.settle();
  d.dispose();
  return {
    offers: n,
    painted_p50_ms: round(percentile(times, 50)),
    painted_p95_ms: round(percentile(times, 95)),
    in_dom_p50_ms: round(percentile(inDom, 50)),
    in_dom_p95_ms: round(percentile(inDom, 95)),
  };
}

/** With 50 tasks at once, the cost of one task update and what re-renders for it. */
async function oneUpdateAmong50() {
  const d = await desk({ capacity: { telephony: 50 } });
  for (let i = 0; i < 50; i++) d.server.offer({ mediaType: 'telephony', customerName: `Caller ${i}`, ani: `+1415555${String(1000 + i)}` });
  for (const t of [...d.server.tasks]) d.server.accept(t.id);
  await d.settle();
  await frame();
  const samples: number[] = [];
  let renders = 0;
  let mutations = 0;
  const observers = [...document.querySelectorAll('#stage *')]
    .filter((el) => el.shadowRoot)
    .map((el) => {
      const o = new MutationObserver((records) => (mutations += records.length));
      o.observe(el.shadowRoot!, { subtree: true, childList: true, attributes: true, characterData: true });
      return o;
    });
  const rounds = 40;
  for (let i = 0; i < rounds; i++) {
    const id = d.server.tasks[25].id;
    updates.clear();
    const t0 = performance.now();
    if (i % 2 === 0) d.server.hold(id);
    else d.server.resume(id);
    await d.settle();
    samples.push(performance.now() - t0);
    renders += [...updates.values()].reduce((a, b) => a + b, 0);
    await frame();
  }
  for (const o of observers) o.disconnect();
  const perElement = Object.fromEntries(updates);
  d.dispose();
  return {
    tasks: 50,
    update_p50_ms: round(percentile(samples, 50)),
    update_p95_ms: round(percentile(samples, 95)),
    elements_rerendered_per_update: round(renders / rounds),
    dom_mutation_records_per_update: round(mutations / rounds),
    last_update_by_tag: JSON.stringify(perElement),
  };
}

/** Full lifecycles (offer, accept, hold, resume, end, wrap-up) through the widgets' request path. */
async function lifecycles(n = 5000) {
  const d = await desk();
  const run = async () => {
    d.server.offer({ mediaType: 'telephony' });
    const id = d.server.tasks[0].id;
    await d.sdk.request('cc-task-accept-request', { taskId: id });
    await d.sdk.request('cc-task-hold-request', { taskId: id });
    await d.sdk.request('cc-task-resume-request', { taskId: id });
    await d.sdk.request('cc-task-end-request', { taskId: id });
    await d.sdk.request('cc-wrapup-request', { taskId: id, auxCodeId: 'wrap-resolved', notes: 'bench' });
    await d.settle();
  };
  await run();
  // The harness measures the heap (after GC) now, then calls `run`, then measures again.
  (window as unknown as { lifecycleRun: unknown }).lifecycleRun = {
    run: async (count = n) => {
      for (let i = 0; i < count; i++) await run();
      return {
        lifecycles: count,
        tasks_left: d.sdk.state.tasks.length,
        store_listeners: d.sdk.desk.store.listenerCount,
        simulator_timers: d.server.timerCount,
        outcome_events: d.outcomes,
      };
    },
  };
  return 'ready';
}

/** 1,000 backend events within one second: none lost, and the longest main-thread task. */
async function burst() {
  const d = await desk();
  let backendEvents = 0;
  // task-media (a browser call's audio track) is no outcome; every other backend event is one.
  d.sdk.desk.backend!.subscribe((e) => e.type !== 'task-media' && backendEvents++);
  const outcomesBefore = d.outcomes;
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration)));
  try {
    observer.observe({ type: 'longtask', buffered: false });
  } catch {
    /* not supported */
  }
  // Eight backend events per lifecycle; 125 lifecycles = 1,000 events, 10 per tick, a tick every 10 ms.
  const steps: (() => void)[] = [];
  for (let i = 0; i < 125; i++) {
    let id = '';
    steps.push(
      () => {
        d.server.offer({ mediaType: 'telephony' });
        id = d.server.tasks.at(-1)!.id;
      },
      () => d.server.accept(id),
      () => d.server.hold(id),
      () => d.server.resume(id),
      () => d.server.pauseRecording(id),
      () => d.server.resumeRecording(id),
      () => d.server.end(id),
      () => d.server.wrapup(id, { auxCodeId: 'wrap-resolved', notes: '' }),
    );
  }
  const tickTimes: number[] = [];
  const start = performance.now();
  await new Promise<void>((resolve) => {
    const timer = setInterval(async () => {
      const t0 = performance.now();
      for (const step of steps.splice(0, 10)) step();
      await d.settle();
      tickTimes.push(performance.now() - t0);
      if (steps.length === 0) {
        clearInterval(timer);
        resolve();
      }
    }, 10);
  });
  const elapsed = performance.now() - start;
  await d.settle();
  await frame();
  observer.disconnect();
  const result = {
    backend_events: backendEvents,
    outcome_events: d.outcomes - outcomesBefore,
    lost: backendEvents - (d.outcomes - outcomesBefore),
    seconds: round(elapsed / 1000),
    longest_tick_ms: round(Math.max(...tickTimes)),
    long_tasks_over_50ms: longTasks.length,
    store_matches_simulator: JSON.stringify(d.sdk.state.tasks.map((t) => t.id)) === JSON.stringify(d.server.tasks.map((t) => t.id)),
  };
  d.dispose();
  return result;
}

Object.assign(window, { bench: { offerToVisible, oneUpdateAmong50, lifecycles, burst } });
document.title = 'bench ready';
