/**
 * The real, unpatched Webex Contact Center SDK (`@webex/contact-center` 3.12.0, its UMD build) against the
 * loopback Webex cloud double (test/webex-cloud/server.mjs): the backend contract for AGENT_DN and EXTENSION
 * logins, and what the real SDK does that the hand-written double of `webex.cc` (test/webex-double.ts) hides.
 */
import { expect } from '@open-wc/testing';
import { backendContract, WEBEX_PROFILE, type ContractDrive } from '../../../testing/backend-contract.js';
import type { BackendEvent } from '../../../src/core/backend.js';
import type { CcError } from '../../../src/core/errors.js';
import { WebexBackend } from '../../../src/backends/webex/backend.js';
import type { WebexInstance } from '../../../src/backends/webex/sdk.js';
import { Cloud, QUIET, loadRealSdk } from '../../webex-cloud/client.js';

/** Waits (real time) for an asynchronous condition. */
async function until(condition: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const start = performance.now();
  while (!(await condition())) {
    if (performance.now() - start > ms) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The SDK's log level in these tests: its errors only (it logs every refusal it is sent). */

/**
 * One tenant and one Webex instance for the whole page, as a host page would have: the SDK's services are
 * singletons bound to the first instance (webex-sdk.md #2), so a page gets one.
 */
let page: Promise<{ cloud: Cloud; webex: WebexInstance }> | null = null;
function hostPage() {
  page ??= (async () => {
    const cloud = await Cloud.tenant();
    const Webex = await loadRealSdk(cloud.tenant.sdkUrl);
    const webex = Webex.init({ config: { ...cloud.tenant.config, ...QUIET }, credentials: { access_token: cloud.tenant.token } });
    return { cloud, webex };
  })();
  return page;
}

for (const loginOption of ['AGENT_DN', 'EXTENSION'] as const) {
  backendContract(
    `webex (real SDK, loopback Webex cloud, ${loginOption})`,
    async () => {
      const { cloud, webex } = await hostPage();
      const backend = new WebexBackend({ webex, readyTimeoutMs: 5000 });
      const drive: ContractDrive = {
        ...WEBEX_PROFILE,
        offer: (mediaType) => cloud.offer(mediaType) as unknown as void,
        answerOnPhone: (id) => cloud.answer(id) as unknown as void,
        rona: (id) => cloud.rona(id) as unknown as void,
        answerConsult: (id) => cloud.answerConsult(id) as unknown as void,
        hangup: (id) => cloud.hangup(id) as unknown as void,
        supervisorState: (state, auxCodeId) => cloud.supervisorState(state, auxCodeId) as unknown as void,
        remoteLogout: () => cloud.remoteLogout() as unknown as void,
        dropConnection: () => cloud.drop() as unknown as void,
        // The network is back: the SDK reconnects on its own schedule (it retries every 5 s), so the drive
        // waits for its new socket before the suite goes on.
        restoreConnection: (async () => {
          await cloud.restore();
          await until(async () => (await cloud.state()).sockets > 0, 8000, 'the SDK to reconnect');
        }) as unknown as () => void,
        failNext: (action, message) => cloud.refuse(action, message) as unknown as void,
        // As a host page signing out: deregister its instance; then the next test starts from a clean tenant.
        dispose: (async () => {
          await webex.cc?.deregister().catch(() => undefined);
          await cloud.reset();
        }) as unknown as () => void,
      };
      return { backend, drive };
    },
    { loginOption },
  );
}

describe('webex on the real SDK, beyond the contract (loopback Webex cloud)', () => {
  let ctx: { cloud: Cloud; webex: WebexInstance; backend: WebexBackend; events: BackendEvent[] };
  beforeEach(async () => {
    const { cloud, webex } = await hostPage();
    const backend = new WebexBackend({ webex });
    const events: BackendEvent[] = [];
    backend.subscribe((e) => events.push(e));
    await backend.connect({ accessToken: cloud.tenant.token });
    await backend.register();
    ctx = { cloud, webex, backend, events };
  });
  afterEach(async () => {
    ctx.backend.dispose();
    await ctx.webex.cc?.deregister().catch(() => undefined);
    await ctx.cloud.reset();
  });

  it('checks an AGENT_DN number as the SDK does (its dial plan), and a number it refuses never reaches Webex', async () => {
    const rule = (await ctx.backend.register()).dialRules.AGENT_DN!;
    const whole = new RegExp(`^(?:${rule.pattern})$`);
    for (const ok of ['+14155550199', '442071838750']) expect(whole.test(ok), ok).to.equal(true);
    for (const bad of ['12345', 'call me']) expect(whole.test(bad), bad).to.equal(false);
    const error = await ctx.backend.stationLogin({ teamId: 'team-support', loginOption: 'AGENT_DN', dialNumber: '12345' }).then(
      () => null,
      (e: CcError) => e,
    );
    expect(error?.code).to.equal('invalid-dial-number');
    expect((await ctx.cloud.state()).calls.filter((c) => c.includes('/v1/agents/login'))).to.have.length(0);
  });

  it('changes station with updateAgentProfile: the page hears the new station, never a logout', async () => {
    await ctx.backend.stationLogin({ teamId: 'team-support', loginOption: 'AGENT_DN', dialNumber: '+14155550199' });
    ctx.events.length = 0;
    await ctx.backend.stationLogin({ teamId: 'team-billing', loginOption: 'EXTENSION', dialNumber: '1042' });
    expect(ctx.events.map((e) => e.type)).to.not.include('station-logout');
    expect(ctx.events.filter((e) => e.type === 'station-login').at(-1)).to.deep.include({
      station: { teamId: 'team-billing', loginOption: 'EXTENSION', dialNumber: '1042' },
    });
    const state = await ctx.cloud.state();
    expect(state.agent).to.include({ teamId: 'team-billing', deviceType: 'EXTENSION', dn: '1042' });
    expect(state.calls.filter((c) => /agents\/(login|logout)/.test(c))).to.deep.equal(['POST /v1/agents/login', 'POST /v1/agents/logout', 'POST /v1/agents/login']);
  });

  it('cancels a queue consult while it waits in the queue, and ends one a queue agent has taken', async () => {
    const { backend, events, cloud } = ctx;
    await backend.stationLogin({ teamId: 'team-support', loginOption: 'EXTENSION', dialNumber: '1042' });
    await backend.setAgentState({ state: 'Available', auxCodeId: '0' });
    const id = await cloud.offer();
    await until(async () => events.some((e) => e.type === 'task-offered'), 3000, 'the offer');
    await cloud.answer(id);
    await until(async () => events.some((e) => e.type === 'task-assigned'), 3000, 'the call');
    const consult = () => [...events].reverse().find((e): e is Extract<BackendEvent, { type: 'task-updated' }> => e.type === 'task-updated')?.task.consult;

    // The SDK's consult to a queue resolves only once a queue agent takes it (webex-sdk.md #4): the desk shows
    // it waiting at once, and it can be cancelled while it waits.
    await backend.consult(id, { type: 'queue', to: 'queue-billing' });
    expect(consult()).to.deep.include({ state: 'ringing' });
    await backend.endConsult(id);
    await until(async () => consult() === null, 3000, 'the consult cancelled');

    await backend.consult(id, { type: 'queue', to: 'queue-billing' });
    await cloud.answerConsult(id);
    await until(async () => consult()?.state === 'connected', 3000, 'a queue agent to take it');
    await backend.endConsult(id);
    await until(async () => consult() === null, 3000, 'the consult ended');
    expect((await cloud.state()).calls.filter((c) => c.endsWith('/consult/end'))).to.have.length(2);
    await cloud.hangup(id);
  });
});
