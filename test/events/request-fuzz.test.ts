import { expect, fixture, html } from '@open-wc/testing';
import fc from 'fast-check';
import '../../define/all.js';
import '../probe.js';
import type { CcProbe } from '../probe.js';
import type { CcTaskPanel } from '../../components/cc-task-panel/cc-task-panel.js';
import { ERROR_CODES, type CcErrorInfo } from '../../src/core/errors.js';
import { requestEvents, outcomeEvents } from '../../src/events/catalog.js';
import { CcRequestEvent, type RequestDetails, type RequestName } from '../../src/events/events.js';
import { deskRig, detailsOf, readyAgent, sdkFixture, until } from '../helpers.js';

/** A well-formed detail for each request: the fuzz spoils one field of it at a time. */
const WELL_FORMED: { [N in RequestName]: RequestDetails[N] } = {
  'cc-sign-in-request': { accessToken: 'token', oauth: { clientId: 'c', redirectUri: 'https://x.test/', scopes: ['a'] } },
  'cc-sign-out-request': {},
  'cc-station-login-request': { teamId: 'team-support', loginOption: 'AGENT_DN', dialNumber: '+14155550199' },
  'cc-station-logout-request': {},
  'cc-agent-state-request': { state: 'Idle', auxCodeId: 'idle-lunch', reason: 'lunch' },
  'cc-task-accept-request': { taskId: 't' },
  'cc-task-decline-request': { taskId: 't' },
  'cc-task-hold-request': { taskId: 't' },
  'cc-task-resume-request': { taskId: 't' },
  'cc-task-mute-request': { taskId: 't' },
  'cc-task-recording-pause-request': { taskId: 't' },
  'cc-task-recording-resume-request': { taskId: 't' },
  'cc-task-consult-request': { taskId: 't', destination: { type: 'dialNumber', to: '+14155550100', name: 'Desk' } },
  'cc-task-consult-end-request': { taskId: 't' },
  'cc-task-transfer-request': { taskId: 't', destination: { type: 'queue', to: 'q', name: 'Queue' } },
  'cc-task-consult-transfer-request': { taskId: 't' },
  'cc-task-conference-request': { taskId: 't' },
  'cc-task-conference-leave-request': { taskId: 't' },
  'cc-task-conference-transfer-request': { taskId: 't' },
  'cc-task-dtmf-request': { taskId: 't', digits: '12#' },
  'cc-task-message-request': { taskId: 't', messageId: 'm-1', text: 'Hello', subject: 'Re: hello' },
  'cc-task-end-request': { taskId: 't' },
  'cc-wrapup-request': { taskId: 't', auxCodeId: 'wrap-resolved', notes: '' },
  'cc-task-auto-wrapup-cancel-request': { taskId: 't' },
  'cc-outdial-request': { number: '+14155550100', origin: '+18005550100' },
  'cc-upload-logs-request': {},
};

/** The fields of each detail whose type the kit relies on, as paths; optional ones may also be left out. */
const FIELDS: { [N in RequestName]: { required: string[][]; optional: string[][] } } = {
  'cc-sign-in-request': { required: [], optional: [['accessToken'], ['oauth'], ['oauth', 'scopes']] },
  'cc-sign-out-request': { required: [], optional: [] },
  'cc-station-login-request': { required: [['teamId'], ['loginOption']], optional: [['dialNumber']] },
  'cc-station-logout-request': { required: [], optional: [] },
  'cc-agent-state-request': { required: [['state'], ['auxCodeId']], optional: [['reason']] },
  'cc-task-accept-request': { required: [['taskId']], optional: [] },
  'cc-task-decline-request': { required: [['taskId']], optional: [] },
  'cc-task-hold-request': { required: [['taskId']], optional: [] },
  'cc-task-resume-request': { required: [['taskId']], optional: [] },
  'cc-task-mute-request': { required: [['taskId']], optional: [] },
  'cc-task-recording-pause-request': { required: [['taskId']], optional: [] },
  'cc-task-recording-resume-request': { required: [['taskId']], optional: [] },
  'cc-task-consult-request': { required: [['taskId'], ['destination'], ['destination', 'type'], ['destination', 'to']], optional: [['destination', 'name']] },
  'cc-task-consult-end-request': { required: [['taskId']], optional: [] },
  'cc-task-transfer-request': { required: [['taskId'], ['destination'], ['destination', 'type'], ['destination', 'to']], optional: [['destination', 'name']] },
  'cc-task-consult-transfer-request': { required: [['taskId']], optional: [] },
  'cc-task-conference-request': { required: [['taskId']], optional: [] },
  'cc-task-conference-leave-request': { required: [['taskId']], optional: [] },
  'cc-task-conference-transfer-request': { required: [['taskId']], optional: [] },
  'cc-task-dtmf-request': { required: [['taskId'], ['digits']], optional: [] },
  'cc-task-message-request': { required: [['taskId'], ['messageId'], ['text']], optional: [['subject']] },
  'cc-task-end-request': { required: [['taskId']], optional: [] },
  'cc-wrapup-request': { required: [['taskId'], ['auxCodeId'], ['notes']], optional: [] },
  'cc-task-auto-wrapup-cancel-request': { required: [['taskId']], optional: [] },
  'cc-outdial-request': { required: [['number']], optional: [['origin']] },
  'cc-upload-logs-request': { required: [], optional: [] },
};

/** A value of a type no field of any request has (text fields get everything but text). */
const wrongValue = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
  fc.constant(() => 'a function'),
  fc.bigInt(),
);

/** A detail that is not an object at all. */
const notAnObject = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.array(fc.anything(), { maxLength: 3 }));

/** A copy of `detail` with the field at `path` set to `value` (or removed when `remove`). */
function spoil(detail: object, path: string[], value: unknown, remove: boolean): unknown {
  const copy = structuredClone(detail) as Record<string, unknown>;
  let target = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
  const last = path.at(-1)!;
  if (remove) delete target[last];
  else target[last] = value;
  return copy;
}

/** Spoils a well-formed detail of `name`: a wrong-typed field, a missing required one, or no object at all. */
const badDetail = (name: RequestName) => {
  const { required, optional } = FIELDS[name];
  const options: fc.Arbitrary<unknown>[] = [notAnObject];
  // A present optional field of the wrong type is refused too (null counts as "not given").
  const typed = [...required, ...optional];
  if (typed.length) {
    options.push(
      fc.tuple(fc.constantFrom(...typed), wrongValue).filter(([path, value]) => !(optional.includes(path) && value === null) && !(path.join('.') === 'oauth.scopes' && Array.isArray(value))).map(([path, value]) => spoil(WELL_FORMED[name], path, value, false)),
    );
  }
  if (required.length) options.push(fc.constantFrom(...required).map((path) => spoil(WELL_FORMED[name], path, undefined, true)));
  return fc.oneof(...options);
};

/** Collects what reaches the page's error handlers while `body` runs. */
async function watchingUnhandled(body: () => Promise<void>): Promise<string[]> {
  const caught: string[] = [];
  const onRejection = (e: PromiseRejectionEvent) => {
    caught.push(`unhandledrejection: ${String(e.reason)}`);
    e.preventDefault();
  };
  const onError = (e: ErrorEvent) => {
    caught.push(`error: ${e.message}`);
    e.preventDefault();
  };
  window.addEventListener('unhandledrejection', onRejection);
  window.addEventListener('error', onError);
  try {
    await body();
    // Unhandled rejections are reported after a task or two.
    await new Promise((r) => setTimeout(r, 50));
  } finally {
    window.removeEventListener('unhandledrejection', onRejection);
    window.removeEventListener('error', onError);
  }
  return caught;
}

describe('requests with details of the wrong type (typed-input fuzz of every request)', () => {
  it('covers every request name of the catalog', () => {
    expect(Object.keys(WELL_FORMED).sort()).to.deep.equal([...requestEvents].sort());
  });

  it('refuses every spoiled detail of every request with invalid-request, and never throws', async () => {
    const r = deskRig();
    await readyAgent(r.run);
    r.server.offer({});
    const taskId = r.desk.state.tasks[0].id;
    for (const name of requestEvents) {
      await fc.assert(
        fc.asyncProperty(badDetail(name), async (detail) => {
          // Where a task id is text, it names the real task, so only the spoiled field can be the reason.
          const d = detail as { taskId?: unknown };
          if (d && typeof d === 'object' && d.taskId === 't') d.taskId = taskId;
          const before = r.events.length;
          const stateBefore = r.desk.state;
          await r.desk.run(new CcRequestEvent(name, detail as never));
          const errors = detailsOf(r.events.slice(before), 'cc-error');
          expect(errors, `${name} ${fc.stringify(detail)}`).to.have.length(1);
          expect(errors[0].code).to.equal('invalid-request');
          expect(errors[0].action).to.equal(name.replace(/^cc-/, '').replace(/-request$/, ''));
          expect(errors[0].message).to.match(/^This request is malformed/);
          // Refused before the backend: nothing about the agent or the task changed.
          expect(r.desk.state.tasks).to.equal(stateBefore.tasks);
          expect(r.desk.state.agent).to.equal(stateBefore.agent);
          expect(r.desk.state.pending).to.deep.equal({});
        }),
        { numRuns: 40 },
      );
    }
  });

  it('never lets any detail at all escape as an exception, and every error it announces has a stable code', async () => {
    for (const name of requestEvents) {
      const r = deskRig();
      await readyAgent(r.run);
      await fc.assert(
        fc.asyncProperty(fc.anything({ withBigInt: true, withNullPrototype: true, withObjectString: true }), async (detail) => {
          const before = r.events.length;
          await r.desk.run(new CcRequestEvent(name, detail as never));
          for (const error of detailsOf(r.events.slice(before), 'cc-error')) expect(ERROR_CODES).to.include(error.code);
        }),
        { numRuns: 25 },
      );
      r.desk.attach(null);
    }
  });

  it('resolves sdk.request for spoiled details, announces cc-error and reaches no unhandledrejection', async () => {
    const { sdk, events } = await sdkFixture();
    await sdk.request('cc-sign-in-request', { accessToken: 't' });
    const caught = await watchingUnhandled(async () => {
      for (const name of requestEvents) {
        const details = fc.sample(badDetail(name), { numRuns: 8, seed: 7 });
        for (const detail of details) {
          const before = events.length;
          const sent = await sdk.request(name, detail as never);
          expect(sent).to.equal(true);
          expect(detailsOf(events.slice(before), 'cc-error').map((e) => e.code)).to.deep.equal(['invalid-request']);
        }
      }
    });
    expect(caught).to.deep.equal([]);
  });

  it('refuses a detail a page listener spoiled, next to the control the agent used, without an unhandled rejection', async () => {
    const rig = await sdkFixture(html`<cc-sdk><cc-task-panel></cc-task-panel></cc-sdk>`);
    const panel = rig.sdk.querySelector('cc-task-panel') as CcTaskPanel;
    await rig.sdk.request('cc-sign-in-request', { accessToken: 't' });
    await rig.sdk.request('cc-station-login-request', { teamId: 'team-support', loginOption: 'BROWSER' });
    await rig.sdk.request('cc-agent-state-request', { state: 'Available', auxCodeId: '0' });
    rig.server.offer({});
    await panel.updateComplete;
    const taskId = rig.server.tasks.at(-1)!.id;
    // A page listener rewrites the widget's detail (a bug in the page, or a hostile script).
    const rewrite = (e: Event) => {
      ((e as CcRequestEvent).detail as { taskId: unknown }).taskId = { id: taskId };
    };
    document.addEventListener('cc-task-accept-request', rewrite);
    try {
      const caught = await watchingUnhandled(async () => {
        const offer = panel.shadowRoot!.querySelector(`[part~="offer"][data-task="${taskId}"]`)!;
        const accept = [...offer.querySelectorAll('button')].find((b) => b.textContent?.includes('Accept'))!;
        accept.click();
        await until(() => rig.sdk.state.errors[`cc-task-accept-request:${taskId}`], 3000, 'the refusal');
        await panel.updateComplete;
      });
      expect(caught).to.deep.equal([]);
      const errors = detailsOf(rig.events, 'cc-error') as CcErrorInfo[];
      expect(errors.map((e) => e.code)).to.deep.equal(['invalid-request']);
      // The agent sees the refusal with the offer they tried to accept; the offer still rings.
      const offer = panel.shadowRoot!.querySelector(`[part~="offer"][data-task="${taskId}"]`)!;
      expect(offer.querySelector('[role="alert"]')?.textContent).to.contain('taskId must be text');
      expect(rig.sdk.state.tasks[0].state).to.equal('offered');
    } finally {
      document.removeEventListener('cc-task-accept-request', rewrite);
    }
  });
});

describe('request names that are not requests', () => {
  const notRequests = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'cc-task-nonsense-request', '', 'x'.repeat(100_000)];

  it('refuses unknown names from sdk.request with unknown-request, dispatching nothing', async () => {
    const { sdk, events } = await sdkFixture();
    await sdk.request('cc-sign-in-request', { accessToken: 't' });
    for (const name of notRequests) {
      const heard: string[] = [];
      const hear = (e: Event) => heard.push(e.type);
      if (name) sdk.addEventListener(name, hear);
      const before = events.length;
      const sent = await sdk.request(name as RequestName, {} as never);
      sdk.removeEventListener(name, hear);
      expect(sent, name.slice(0, 20)).to.equal(false);
      expect(heard).to.deep.equal([]);
      const errors = detailsOf(events.slice(before), 'cc-error');
      expect(errors.map((e) => e.code), name.slice(0, 20)).to.deep.equal(['unknown-request']);
      expect(errors[0].message.length).to.be.below(120);
      expect(errors[0].message).to.match(/^There is no request named /);
    }
    expect(Object.keys(sdk.state.pending)).to.deep.equal([]);
    expect(Object.keys(sdk.state.errors)).to.deep.equal([]);
  });

  it('does not let sdk.request announce a fake outcome (cc-ready, cc-task-wrapup, cc-error)', async () => {
    const { sdk, events } = await sdkFixture();
    for (const name of outcomeEvents) {
      const fakes: Event[] = [];
      const hear = (e: Event) => fakes.push(e);
      document.addEventListener(name, hear);
      const before = events.length;
      const sent = await sdk.request(name as unknown as RequestName, { backend: 'fake' } as never);
      document.removeEventListener(name, hear);
      expect(sent, name).to.equal(false);
      // The only event is the kit's own refusal (a cc-error listener hears that one, and nothing else).
      expect(fakes.filter((e) => !(name === 'cc-error' && (e as CustomEvent).detail?.code === 'unknown-request')), name).to.deep.equal([]);
      const errors = detailsOf(events.slice(before), 'cc-error');
      expect(errors.map((e) => e.code), name).to.deep.equal(['unknown-request']);
      expect(errors[0].message).to.equal(`${name} is an outcome the kit announces, not a request.`);
    }
  });

  it('never dispatches an unknown or outcome name from a widget, with or without a desk', async () => {
    const { sdk, events } = await sdkFixture(html`<cc-sdk><cc-probe></cc-probe></cc-sdk>`);
    const probe = sdk.querySelector('cc-probe')!;
    await until(() => probe.sdk.desk, 3000, 'the probe to connect');
    const lone = await fixture<CcProbe>(html`<cc-probe sdk="nowhere"></cc-probe>`);
    const heard: string[] = [];
    const hear = (e: Event) => heard.push(e.type);
    for (const name of ['cc-ready', 'cc-task-end', 'toString']) document.addEventListener(name, hear);
    try {
      for (const widget of [probe, lone]) {
        for (const name of ['cc-ready', 'cc-task-end', 'toString']) {
          expect(widget.sdk.request(name as RequestName, {} as never), name).to.equal(false);
        }
      }
    } finally {
      for (const name of ['cc-ready', 'cc-task-end', 'toString']) document.removeEventListener(name, hear);
    }
    expect(heard).to.deep.equal([]);
    expect(detailsOf(events, 'cc-error').map((e) => e.code)).to.deep.equal(Array(3).fill('unknown-request'));
  });

  it('refuses an unknown name run straight on the desk, instead of "is not a function"', async () => {
    const r = deskRig();
    await readyAgent(r.run);
    const caught = await watchingUnhandled(async () => {
      for (const name of ['constructor', 'toString', '__proto__', 'cc-nope-request']) {
        await r.desk.run(new CcRequestEvent(name as RequestName, { taskId: 'x' } as never));
      }
    });
    expect(caught).to.deep.equal([]);
    expect(detailsOf(r.events, 'cc-error').map((e) => e.code)).to.deep.equal(Array(4).fill('unknown-request'));
  });

  it('keeps tasks called constructor or __proto__ apart from the maps it keeps', async () => {
    const r = deskRig();
    await readyAgent(r.run);
    const state = r.desk.state;
    for (const key of ['constructor', 'toString', '__proto__']) {
      expect(state.pending[key], key).to.equal(undefined);
      expect(state.errors[key], key).to.equal(undefined);
      expect(state.media[key], key).to.equal(undefined);
    }
  });
});
