/**
 * The Backend contract, as one suite that runs unchanged against every backend: `cc-elements/testing`. A
 * factory gives a backend and a `drive`: the contact center and the customer on the other side (offer a task,
 * let it ring out, hang up, change the agent's state from elsewhere, drop the network, refuse the next action).
 *
 * The suite asserts the normalized BackendEvents the backend emits and the snapshots the store holds from
 * them, through the same Desk `<cc-sdk>` uses. It waits for events (`until`) rather than assuming they are
 * synchronous: the simulator answers at once, a real SDK a little later.
 *
 * It needs no test library: it registers its tests with the `describe`/`it`/`beforeEach`/`afterEach` it is
 * given (by default the globals mocha, jest and vitest share) and asserts with its own `expect`.
 */
import type { Backend, BackendEvent, BackendEventType } from '../src/core/backend.js';
import type { CcError } from '../src/core/errors.js';
import type { LoginOption, MediaType, TaskSnapshot } from '../src/core/types.js';
import type { CcOutcomeEvent, OutcomeName, RequestDetails, RequestName } from '../src/events/events.js';
import { expect } from './expect.js';
import { until } from './until.js';
import { deskOn } from './desk.js';

export interface ContractDrive {
  /** A team of the agent's profile. */
  readonly teamId: string;
  /** Dial numbers the contact center accepts for each login option that needs one. */
  readonly dialNumbers: { readonly AGENT_DN: string; readonly EXTENSION: string };
  /** Two idle codes of the profile, and a wrap-up code. */
  readonly idleCodes: readonly [string, string];
  readonly wrapupCode: string;
  /** An available agent and a queue to consult or transfer to. */
  readonly agent: string;
  readonly queue: string;
  /** The contact center offers a task to the (Available) agent. */
  offer(mediaType?: Exclude<MediaType, 'other'>): void;
  /** The offer goes unanswered until RONA. */
  rona(taskId: string): void;
  /** The consulted party answers. */
  answerConsult(taskId: string): void;
  /** The customer hangs up. */
  hangup(taskId: string): void;
  /** A supervisor changes the agent's state. */
  supervisorState(state: 'Available' | 'Idle', auxCodeId: string): void;
  /** The agent is logged out of the station from elsewhere. */
  remoteLogout(): void;
  /** The network drops, and stays down until restored. */
  dropConnection(): void;
  restoreConnection(): void;
  /** The contact center refuses the next call of `action` (a Backend method name), saying `message`. */
  failNext(action: 'hold' | 'stationLogin' | 'setAgentState' | 'wrapup' | 'consult', message: string): void;
  dispose(): void;
  /**
   * The agent answers a call on the phone (AGENT_DN / EXTENSION logins, where the call rings the agent's phone
   * and the desk only sees it connect). Needed when the contract runs with such a login.
   */
  answerOnPhone?(taskId: string): void;
}

/** The profile the simulator and both Webex doubles give the agent: the names a drive of theirs starts from. */
export const WEBEX_PROFILE = {
  teamId: 'team-support',
  dialNumbers: { AGENT_DN: '+14155550199', EXTENSION: '1042' },
  idleCodes: ['idle-break', 'idle-lunch'] as const,
  wrapupCode: 'wrap-resolved',
  agent: 'agent-sam',
  queue: 'queue-billing',
} satisfies Partial<ContractDrive>;

/**
 * A drive's scripted steps may be asynchronous (a contact center in another process); the suite awaits each
 * before it goes on, so a refusal is in place before the action it refuses.
 */
type Awaitable<T> = { [K in keyof T]: T[K] extends ((...args: infer A) => void) | undefined ? (...args: A) => unknown : T[K] };

export type ContractFactory = () =>
  | { backend: Backend; drive: Awaitable<ContractDrive> }
  | Promise<{ backend: Backend; drive: Awaitable<ContractDrive> }>;

/** How one backend runs the suite. */
export interface ContractOptions {
  /**
   * The login the calls are taken with (default BROWSER). With AGENT_DN or EXTENSION a call is answered on the
   * phone (`drive.answerOnPhone`), nothing is muted from the desk, a call cannot be declined from it, and the
   * BROWSER login itself is not exercised (the backend may not emulate browser calling).
   */
  readonly loginOption?: LoginOption;
  /**
   * Tests (by title) that do not apply to this backend, each with the reason: they are reported as skipped.
   * For what a contact center cannot do at all (XiVO XuC has no RONA, no chat, no AGENT_DN login).
   */
  readonly notApplicable?: Readonly<Record<string, string>>;
  /**
   * The test runner's functions to register the suite with. Default: the globals of that name, which mocha,
   * jest and vitest (with `globals: true`) define; pass vitest's or node:test's imports otherwise.
   */
  readonly runner?: ContractRunner;
}

/** What the suite needs of a test runner (mocha, jest, vitest and node:test all have it). */
export interface ContractRunner {
  describe(title: string, body: () => void): unknown;
  it: {
    (title: string, test: () => Promise<void>): unknown;
    /** Registers a test that is reported as skipped (a test that does not apply to the backend). */
    skip(title: string, test: () => Promise<void>): unknown;
  };
  beforeEach(hook: () => Promise<void>): unknown;
  afterEach(hook: () => Promise<void>): unknown;
}

function globalRunner(): ContractRunner {
  const g = globalThis as unknown as Partial<ContractRunner>;
  if (typeof g.describe !== 'function' || typeof g.it !== 'function' || typeof g.beforeEach !== 'function' || typeof g.afterEach !== 'function') {
    throw new Error(
      'backendContract: no describe/it/beforeEach/afterEach globals. Pass your test runner\'s as `runner` ' +
        "(for example `import { describe, it, beforeEach, afterEach } from 'vitest'`).",
    );
  }
  return g as ContractRunner;
}

const TIMEOUT = 3000;

async function rigFor(factory: ContractFactory, options: ContractOptions) {
  const { backend, drive } = await factory();
  const loginOption: LoginOption = options.loginOption ?? 'BROWSER';
  const { events, outcomes, desk, run } = deskOn(backend);
  const types = () => events.map((e) => e.type);
  const of = <T extends BackendEventType>(type: T) => events.filter((e): e is Extract<BackendEvent, { type: T }> => e.type === type);
  const details = <N extends OutcomeName>(name: N) => outcomes.filter((e) => e.type === name).map((e) => (e as CcOutcomeEvent<N>).detail);
  const task = (id: string): TaskSnapshot | undefined => desk.state.tasks.find((t) => t.id === id);
  const changes = () => details('cc-task-change').map((d) => d.change);
  const wait = (what: string, condition: () => unknown) => until(condition, TIMEOUT, what);
  const error = (key: string) => desk.state.errors[key];
  const close = async () => {
    desk.attach(null);
    await drive.dispose();
  };
  return { backend, drive, loginOption, desk, events, outcomes, run, types, of, details, task, changes, wait, error, close };
}

type Rig = Awaited<ReturnType<typeof rigFor>>;

async function signIn(r: Rig): Promise<void> {
  await r.run('cc-sign-in-request', { accessToken: 'contract-test-token-0123456789' });
  expect(r.error('cc-sign-in-request'), 'sign-in error').to.equal(undefined);
  await r.wait('registered', () => r.desk.state.profile);
}

async function login(r: Rig, loginOption: LoginOption = r.loginOption): Promise<void> {
  const dialNumber = loginOption === 'BROWSER' ? undefined : r.drive.dialNumbers[loginOption];
  await r.run('cc-station-login-request', { teamId: r.drive.teamId, loginOption, ...(dialNumber ? { dialNumber } : {}) });
  expect(r.error('cc-station-login-request'), 'station login error').to.equal(undefined);
  await r.wait('station login', () => r.desk.state.station && r.desk.state.agent);
}

async function available(r: Rig): Promise<void> {
  await r.run('cc-agent-state-request', { state: 'Available', auxCodeId: '0' });
  expect(r.error('cc-agent-state-request'), 'state error').to.equal(undefined);
  await r.wait('Available', () => r.desk.state.agent?.state === 'Available');
}

async function readyAgent(r: Rig, loginOption: LoginOption = r.loginOption): Promise<void> {
  await signIn(r);
  await login(r, loginOption);
  await available(r);
}

/** Offers a task and returns its id once the store holds it. */
async function offered(r: Rig, mediaType: Exclude<MediaType, 'other'> = 'telephony'): Promise<string> {
  const before = new Set(r.desk.state.tasks.map((t) => t.id));
  await r.drive.offer(mediaType);
  await r.wait('an offer', () => r.desk.state.tasks.some((t) => !before.has(t.id)));
  return r.desk.state.tasks.find((t) => !before.has(t.id))!.id;
}

async function connectedCall(r: Rig, mediaType: Exclude<MediaType, 'other'> = 'telephony'): Promise<string> {
  const id = await offered(r, mediaType);
  if (mediaType === 'telephony' && r.loginOption !== 'BROWSER') {
    if (!r.drive.answerOnPhone) throw new Error(`The drive cannot answer a call on the phone (${r.loginOption} login).`);
    await r.drive.answerOnPhone(id);
  } else {
    await r.run('cc-task-accept-request', { taskId: id });
    expect(r.error(`cc-task-accept-request:${id}`), 'accept error').to.equal(undefined);
  }
  await r.wait('connected', () => r.task(id)?.state === 'connected');
  return id;
}

/** Defines the contract suite for one backend. */
export function backendContract(name: string, factory: ContractFactory, options: ContractOptions = {}): void {
  const browser = (options.loginOption ?? 'BROWSER') === 'BROWSER';
  const { describe, beforeEach, afterEach, it: runnerIt } = options.runner ?? globalRunner();
  const it = (title: string, test: () => Promise<void>) =>
    options.notApplicable?.[title] ? runnerIt.skip(title, test) : runnerIt(title, test);
  describe(`backend contract: ${name}`, () => {
    let r: Rig;
    beforeEach(async () => {
      r = await rigFor(factory, options);
    });
    afterEach(async () => {
      await r?.close();
    });

    describe('session', () => {
      it('connects and registers: connection, signed-in and the profile, announced once each', async () => {
        await signIn(r);
        expect(r.types().slice(0, 3)).to.deep.equal(['connection', 'signed-in', 'registered']);
        expect(r.details('cc-connection-change')).to.deep.equal([{ status: 'connected' }]);
        expect(r.outcomes.map((e) => e.type).slice(0, 3)).to.deep.equal(['cc-connection-change', 'cc-ready', 'cc-registered']);
        const profile = r.desk.state.profile!;
        expect(profile.agentId).to.be.a('string').and.not.equal('');
        expect(profile.agentName).to.be.a('string').and.not.equal('');
        expect(profile.teams.map((t) => t.id)).to.include(r.drive.teamId);
        for (const team of profile.teams) expect(team.name).to.be.a('string').and.not.equal('');
        if (browser) expect(profile.loginOptions).to.have.members(['BROWSER', 'AGENT_DN', 'EXTENSION']);
        else expect(profile.loginOptions).to.include.members(['AGENT_DN', 'EXTENSION']);
        expect(profile.idleCodes.map((c) => c.id)).to.include.members([...r.drive.idleCodes]);
        expect(profile.idleCodes.map((c) => c.id)).to.not.include('0');
        expect(profile.wrapupCodes.map((c) => c.id)).to.include(r.drive.wrapupCode);
        const rule = profile.dialRules.AGENT_DN!;
        expect(new RegExp(`^(?:${rule.pattern})$`).test(r.drive.dialNumbers.AGENT_DN)).to.equal(true);
        expect(new RegExp(`^(?:${rule.pattern})$`).test('not-a-number')).to.equal(false);
        expect(r.desk.state.session.status).to.equal('signed-in');
      });

      it('signs out: station logout, then deregister, announced as cc-station-logout and cc-signed-out', async () => {
        await readyAgent(r);
        r.outcomes.length = 0;
        await r.run('cc-sign-out-request', {});
        expect(r.error('cc-sign-out-request')).to.equal(undefined);
        expect(r.outcomes.map((e) => e.type)).to.deep.equal(['cc-station-logout', 'cc-signed-out']);
        expect(r.desk.state.session.status).to.equal('signed-out');
      });
    });

    describe('station', () => {
      for (const option of browser ? (['BROWSER', 'AGENT_DN', 'EXTENSION'] as const) : (['AGENT_DN', 'EXTENSION'] as const)) {
        it(`logs in with ${option} and starts the agent Idle`, async () => {
          await signIn(r);
          await login(r, option);
          const dialNumber = option === 'BROWSER' ? undefined : r.drive.dialNumbers[option];
          const station = { teamId: r.drive.teamId, loginOption: option, ...(dialNumber ? { dialNumber } : {}) };
          expect(r.of('station-login').at(-1)?.station).to.deep.equal(station);
          expect(r.desk.state.station).to.deep.equal(station);
          expect(r.details('cc-station-login')).to.deep.equal([station]);
          expect(r.desk.state.agent).to.include({ state: 'Idle', by: 'system' });
        });
      }

      it('logs out, and is refused while a task is open', async () => {
        await readyAgent(r);
        const id = await offered(r);
        await r.run('cc-station-logout-request', {});
        expect(r.error('cc-station-logout-request')?.code).to.equal('task-active');
        expect(r.desk.state.station).to.not.equal(null);
        await r.drive.hangup(id);
        await r.wait('offer withdrawn', () => !r.task(id));
        await r.run('cc-station-logout-request', {});
        expect(r.error('cc-station-logout-request')).to.equal(undefined);
        expect(r.desk.state.station).to.equal(null);
        expect(r.of('station-logout')).to.have.length.at.least(1);
      });
    });

    describe('agent state', () => {
      it('goes Available and Idle with a reason code, set by the agent', async () => {
        await signIn(r);
        await login(r);
        await available(r);
        const [, lunch] = r.drive.idleCodes;
        await r.run('cc-agent-state-request', { state: 'Idle', auxCodeId: lunch });
        await r.wait('Idle', () => r.desk.state.agent?.auxCodeId === lunch);
        const states = r.details('cc-agent-state-change').map((d) => `${d.state}/${d.auxCodeId}/${d.by}`);
        expect(states.slice(-2)).to.deep.equal(['Available/0/agent', `Idle/${lunch}/agent`]);
        expect(r.of('agent-state').at(-1)?.agent).to.include({ state: 'Idle', auxCodeId: lunch, by: 'agent' });
      });

      it('follows a supervisor changing the state (by remote)', async () => {
        await readyAgent(r);
        const [, lunch] = r.drive.idleCodes;
        await r.drive.supervisorState('Idle', lunch);
        await r.wait('remote change', () => r.desk.state.agent?.auxCodeId === lunch);
        expect(r.desk.state.agent).to.include({ state: 'Idle', by: 'remote' });
        expect(r.details('cc-agent-state-change').at(-1)?.by).to.equal('remote');
      });

      it('follows a remote logout', async () => {
        await readyAgent(r);
        await r.drive.remoteLogout();
        await r.wait('logged out', () => r.desk.state.station === null);
        expect(r.details('cc-station-logout')).to.have.length(1);
      });
    });

    describe('a call from offer to wrap-up', () => {
      it('offers a task with a whole snapshot', async () => {
        await readyAgent(r);
        const id = await offered(r);
        const event = r.of('task-offered').at(-1)!;
        expect(event.task.id).to.equal(id);
        const t = r.task(id)!;
        expect(t).to.include({ mediaType: 'telephony', direction: 'inbound', state: 'offered', held: false, muted: false, consult: null });
        expect(t.ani).to.be.a('string').and.not.equal('');
        expect(t.customerName).to.be.a('string').and.not.equal('');
        expect(t.queue?.name).to.be.a('string').and.not.equal('');
        expect(t.ronaAt).to.be.a('number').and.above(t.offeredAt);
        expect(Object.keys(t.cad).length).to.be.above(0);
        for (const value of Object.values(t.cad)) expect(value).to.be.a('string');
        expect(JSON.parse(JSON.stringify(t))).to.deep.equal(t); // plain data, nothing of the SDK
        expect(r.details('cc-task-incoming')).to.have.length(1);
      });

      it(`accepts, holds, resumes, pauses and resumes recording${browser ? ', mutes a browser call' : ''}`, async () => {
        await readyAgent(r);
        const id = await connectedCall(r);
        expect(r.of('task-assigned').map((e) => e.task.id)).to.include(id);
        if (browser) await r.wait('remote audio', () => r.desk.state.media[id]);
        else expect(r.desk.state.media[id] ?? null, 'no audio in the page: the call is on the phone').to.equal(null);
        expect(r.task(id)).to.include({ state: 'connected', recording: true, recordingPaused: false });
        expect(r.task(id)!.connectedAt).to.be.a('number');
        const steps: [RequestName, (t: TaskSnapshot) => boolean][] = [
          ['cc-task-hold-request', (t) => t.held && t.heldAt !== null],
          ['cc-task-resume-request', (t) => !t.held && t.heldAt === null],
          ['cc-task-recording-pause-request', (t) => t.recordingPaused],
          ['cc-task-recording-resume-request', (t) => !t.recordingPaused],
          ...(browser
            ? ([
                ['cc-task-mute-request', (t) => t.muted],
                ['cc-task-mute-request', (t) => !t.muted],
              ] as [RequestName, (t: TaskSnapshot) => boolean][])
            : []),
        ];
        for (const [name, done] of steps) {
          await r.run(name, { taskId: id } as RequestDetails[typeof name]);
          expect(r.error(`${name}:${id}`), name).to.equal(undefined);
          await r.wait(name, () => done(r.task(id)!));
        }
        expect(r.changes()).to.deep.equal(['held', 'resumed', 'recording-paused', 'recording-resumed', ...(browser ? ['muted', 'unmuted'] : [])]);
      });

      it('consults an agent who answers, ends the consult, consults a queue and consult-transfers', async () => {
        await readyAgent(r);
        const id = await connectedCall(r);
        await r.run('cc-task-consult-request', { taskId: id, destination: { type: 'agent', to: r.drive.agent } });
        expect(r.error(`cc-task-consult-request:${id}`)).to.equal(undefined);
        await r.wait('consult ringing', () => r.task(id)?.consult?.state === 'ringing');
        expect(r.task(id)!.consult!.destination).to.include({ type: 'agent', to: r.drive.agent });
        expect(r.task(id)!.held).to.equal(true);
        await r.drive.answerConsult(id);
        await r.wait('consult answered', () => r.task(id)?.consult?.state === 'connected');
        await r.run('cc-task-consult-end-request', { taskId: id });
        await r.wait('consult ended', () => r.task(id)?.consult === null);
        await r.run('cc-task-consult-request', { taskId: id, destination: { type: 'queue', to: r.drive.queue } });
        await r.wait('queue consult', () => r.task(id)?.consult?.destination.type === 'queue');
        await r.drive.answerConsult(id);
        await r.wait('queue consult answered', () => r.task(id)?.consult?.state === 'connected');
        await r.run('cc-task-consult-transfer-request', { taskId: id });
        expect(r.error(`cc-task-consult-transfer-request:${id}`)).to.equal(undefined);
        await r.wait('wrap-up', () => r.task(id)?.state === 'wrapup');
        expect(r.changes()).to.deep.equal([
          'held', 'consult-started', 'consult-answered', 'consult-ended', 'consult-started', 'consult-answered', 'transferred',
        ]);
        expect(r.of('task-updated').filter((e) => e.transferred)).to.have.length(1);
        expect(r.details('cc-task-end')).to.have.length(1);
        expect(r.details('cc-task-end')[0].wrapupRequired).to.equal(true);
        expect(r.task(id)).to.include({ held: false, consult: null, wrapupRequired: true });
      });

      it('transfers blind to an agent and to a queue', async () => {
        await readyAgent(r);
        for (const destination of [{ type: 'agent' as const, to: r.drive.agent }, { type: 'queue' as const, to: r.drive.queue }]) {
          const id = await connectedCall(r);
          await r.run('cc-task-transfer-request', { taskId: id, destination });
          expect(r.error(`cc-task-transfer-request:${id}`)).to.equal(undefined);
          await r.wait('transferred', () => r.task(id)?.state === 'wrapup');
          await r.run('cc-wrapup-request', { taskId: id, auxCodeId: r.drive.wrapupCode, notes: '' });
          await r.wait('wrapped up', () => !r.task(id));
        }
        expect(r.changes()).to.deep.equal(['transferred', 'transferred']);
      });

      it('ends, owes a wrap-up, and wraps up with a code and notes', async () => {
        await readyAgent(r);
        const id = await connectedCall(r);
        await r.run('cc-task-end-request', { taskId: id });
        await r.wait('wrap-up', () => r.task(id)?.state === 'wrapup');
        expect(r.task(id)).to.include({ wrapupRequired: true });
        expect(r.task(id)!.endedAt).to.be.a('number');
        expect(r.of('task-ended').at(-1)!.task.wrapupRequired).to.equal(true);
        expect(r.details('cc-task-end')).to.have.length(1);
        await r.run('cc-wrapup-request', { taskId: id, auxCodeId: r.drive.wrapupCode, notes: 'Refund issued' });
        expect(r.error(`cc-wrapup-request:${id}`)).to.equal(undefined);
        await r.wait('wrapped up', () => !r.task(id));
        expect(r.of('task-wrapped-up').at(-1)).to.deep.include({ auxCodeId: r.drive.wrapupCode, notes: 'Refund issued' });
        expect(r.details('cc-task-wrapup')).to.have.length(1);
        expect(r.details('cc-task-wrapup')[0]).to.deep.include({ auxCodeId: r.drive.wrapupCode, notes: 'Refund issued' });
      });

      it('ends when the customer hangs up, and withdraws an offer the customer abandons', async () => {
        await readyAgent(r);
        const call = await connectedCall(r);
        await r.drive.hangup(call);
        await r.wait('wrap-up', () => r.task(call)?.state === 'wrapup');
        await r.run('cc-wrapup-request', { taskId: call, auxCodeId: r.drive.wrapupCode, notes: '' });
        await r.wait('wrapped', () => !r.task(call));
        const ringing = await offered(r);
        await r.drive.hangup(ringing);
        await r.wait('withdrawn', () => !r.task(ringing));
        expect(r.details('cc-task-rejected').at(-1)).to.deep.include({ reason: 'cancelled' });
      });

      it('accepts chat and email tasks too, and refuses hold on them', async () => {
        await readyAgent(r);
        const chat = await connectedCall(r, 'chat');
        expect(r.task(chat)!.mediaType).to.equal('chat');
        await r.run('cc-task-hold-request', { taskId: chat });
        expect(r.error(`cc-task-hold-request:${chat}`)?.code).to.equal('unsupported');
        expect(r.task(chat)!.held).to.equal(false);
        const email = await offered(r, 'email');
        expect(r.task(email)!.mediaType).to.equal('email');
      });
    });

    describe('offers that are not answered', () => {
      if (browser) {
        it('declines a browser call', async () => {
          await readyAgent(r);
          const id = await offered(r);
          await r.run('cc-task-decline-request', { taskId: id });
          expect(r.error(`cc-task-decline-request:${id}`)).to.equal(undefined);
          await r.wait('declined', () => !r.task(id));
          expect(r.of('task-rejected').at(-1)).to.deep.include({ reason: 'declined' });
          expect(r.details('cc-task-rejected')).to.have.length(1);
        });
      } else {
        it('refuses to decline a call that rings the phone, and keeps offering it', async () => {
          await readyAgent(r);
          const id = await offered(r);
          await r.run('cc-task-decline-request', { taskId: id });
          expect(r.error(`cc-task-decline-request:${id}`)?.code).to.equal('unsupported');
          expect(r.task(id)?.state).to.equal('offered');
          expect(r.details('cc-task-rejected')).to.have.length(0);
        });
      }

      it('withdraws an unanswered offer at RONA and puts the agent in RONA', async () => {
        await readyAgent(r);
        const id = await offered(r);
        await r.drive.rona(id);
        await r.wait('rona', () => !r.task(id) && r.desk.state.agent?.state === 'RONA');
        expect(r.of('task-rejected').at(-1)!.reason).to.equal('rona');
        expect(r.of('task-rejected').at(-1)!.task.ronaAt).to.equal(null);
        expect(r.desk.state.agent).to.include({ state: 'RONA', by: 'system' });
        expect(r.details('cc-task-rejected')).to.deep.equal([{ task: r.of('task-rejected').at(-1)!.task, reason: 'rona' }]);
      });
    });

    describe('faults', () => {
      it('a refused action rejects with a clear CcError, leaves state as it was, and the retry works', async () => {
        await readyAgent(r);
        const id = await connectedCall(r);
        const before = r.task(id);
        await r.drive.failNext('hold', 'Hold is not allowed right now.');
        const refused = await r.backend.hold!(id).then(
          () => null,
          (e: CcError) => e,
        );
        expect(refused?.code).to.equal('rejected');
        expect(refused?.message).to.contain('Hold is not allowed right now');
        await new Promise((resolve) => setTimeout(resolve, 20));
        expect(r.task(id)).to.equal(before);
        await r.run('cc-task-hold-request', { taskId: id });
        await r.wait('held', () => r.task(id)?.held);
        expect(r.desk.state.errors).to.deep.equal({});
      });

      it('a refused station login, state change or wrap-up changes nothing', async () => {
        await signIn(r);
        await r.drive.failNext('stationLogin', 'The station is busy.');
        const dialNumber = browser ? undefined : r.drive.dialNumbers[r.loginOption as 'AGENT_DN' | 'EXTENSION'];
        await r.run('cc-station-login-request', { teamId: r.drive.teamId, loginOption: r.loginOption, ...(dialNumber ? { dialNumber } : {}) });
        expect(r.error('cc-station-login-request')?.code).to.equal('rejected');
        expect(r.desk.state.station).to.equal(null);
        await login(r);
        const agent = r.desk.state.agent;
        await r.drive.failNext('setAgentState', 'State changes are locked.');
        await r.run('cc-agent-state-request', { state: 'Available', auxCodeId: '0' });
        expect(r.error('cc-agent-state-request')).to.deep.include({ code: 'rejected', action: 'agent-state' });
        expect(r.desk.state.agent).to.equal(agent);
        await available(r);
        const id = await connectedCall(r);
        await r.run('cc-task-end-request', { taskId: id });
        await r.wait('wrap-up', () => r.task(id)?.state === 'wrapup');
        await r.drive.failNext('wrapup', 'Wrap-up is not possible now.');
        await r.run('cc-wrapup-request', { taskId: id, auxCodeId: r.drive.wrapupCode, notes: 'x' });
        expect(r.error(`cc-wrapup-request:${id}`)?.code).to.equal('rejected');
        expect(r.task(id)?.state).to.equal('wrapup');
        expect(r.details('cc-task-wrapup')).to.have.length(0);
        await r.run('cc-wrapup-request', { taskId: id, auxCodeId: r.drive.wrapupCode, notes: 'x' });
        await r.wait('wrapped', () => !r.task(id));
      });

      it('answers an action on a task that does not exist with unknown-task', async () => {
        await readyAgent(r);
        const code = await r.backend.hold!('no-such-task').then(
          () => null,
          (e: CcError) => e.code,
        );
        expect(code).to.equal('unknown-task');
      });

      it('refuses actions while the connection is down, then re-syncs what happened meanwhile', async () => {
        await readyAgent(r);
        const id = await connectedCall(r);
        r.outcomes.length = 0;
        await r.drive.dropConnection();
        await r.wait('reconnecting', () => r.desk.state.connection === 'reconnecting');
        const before = r.task(id);
        const code = await r.backend.hold!(id).then(
          () => null,
          (e: CcError) => e.code,
        );
        expect(code).to.equal('offline');
        expect(r.task(id)).to.equal(before);
        await r.drive.hangup(id);
        await new Promise((resolve) => setTimeout(resolve, 20));
        expect(r.task(id)?.state).to.equal('connected');
        await r.drive.restoreConnection();
        await r.wait('re-synced', () => r.desk.state.connection === 'connected' && r.task(id)?.state === 'wrapup');
        expect(r.of('sync')).to.have.length.at.least(1);
        expect(r.details('cc-connection-change').map((d) => d.status)).to.deep.equal(['reconnecting', 'connected']);
        expect(r.details('cc-task-end')).to.have.length(1);
        expect(r.desk.state.station?.teamId).to.equal(r.drive.teamId);
        expect(r.desk.state.agent?.state).to.equal('Available');
      });
    });

    describe('destinations', () => {
      it('lists available agents and queues to consult or transfer to', async () => {
        await readyAgent(r);
        const agents = await r.backend.destinations('agent');
        const queues = await r.backend.destinations('queue');
        expect(agents.map((a) => a.to)).to.include(r.drive.agent);
        expect(queues.map((q) => q.to)).to.include(r.drive.queue);
        for (const d of [...agents, ...queues]) expect(d.name).to.be.a('string').and.not.equal('');
        expect(agents.every((a) => a.type === 'agent')).to.equal(true);
        expect(queues.every((q) => q.type === 'queue')).to.equal(true);
      });
    });
  });
}
