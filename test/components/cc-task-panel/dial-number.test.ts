// Every message about a consult, transfer or outbound dial number states the rule (3 to 15 digits, an optional
// leading +): in the task panel's own check, in the Desk's check of a request, and in the simulator's.
import { expect, html } from '@open-wc/testing';
import '../../../define/cc-task-panel.js';
import { deskRig, readyAgent, sdkFixture } from '../../helpers.js';
import type { CcTaskPanel } from '../../../components/cc-task-panel/cc-task-panel.js';
import { dialNumberMessage, dialNumberProblem } from '../../../src/core/dial.js';
import { CcError } from '../../../src/core/errors.js';

const RULE = 'Use 3 to 15 digits, with an optional leading +.';
const squash = (t: string | null | undefined) => (t ?? '').replace(/\s+/g, ' ').trim();

describe('dial numbers for consult, transfer and New call', () => {
  it('names what is wrong and the rule: too short, too long, letters', () => {
    expect(dialNumberProblem('12')).to.equal('short');
    expect(dialNumberProblem('1234567890123456')).to.equal('long');
    expect(dialNumberProblem('12ab')).to.equal('characters');
    expect(dialNumberProblem('+1 (415) 555-0123')).to.equal(null);
    expect(dialNumberProblem('123')).to.equal(null);
    expect(dialNumberProblem('+123456789012345')).to.equal(null);
    expect(dialNumberMessage('12')).to.equal(`12 is too short for a dial number (2 digits). ${RULE}`);
    expect(dialNumberMessage('1234567890123456')).to.equal(`1234567890123456 is too long for a dial number (16 digits). ${RULE}`);
    expect(dialNumberMessage('12ab')).to.equal(
      `12ab is not a dial number: only digits, spaces, dashes, brackets and a leading + are allowed. ${RULE}`,
    );
    // A pasted page is not repeated back.
    expect(dialNumberMessage('9'.repeat(100_000))!.length).to.be.below(200);
  });

  it('the Desk refuses a transfer, a consult and an outbound call with the rule in the message', async () => {
    const { run, server, desk } = deskRig();
    await readyAgent(run);
    server.offer();
    const taskId = server.tasks[0].id;
    await run('cc-task-accept-request', { taskId });
    await run('cc-task-transfer-request', { taskId, destination: { type: 'dialNumber', to: '12' } });
    expect(desk.state.errors[`cc-task-transfer-request:${taskId}`].message).to.equal(`12 is too short for a dial number (2 digits). ${RULE}`);
    await run('cc-task-consult-request', { taskId, destination: { type: 'dialNumber', to: '+44 20 7183 8750 1234 56' } });
    expect(desk.state.errors[`cc-task-consult-request:${taskId}`].message).to.equal(
      `+44 20 7183 8750 1234 56 is too long for a dial number (18 digits). ${RULE}`,
    );
  });

  it('the Desk refuses an outbound number with letters with the rule', async () => {
    const { run, desk } = deskRig();
    await run('cc-sign-in-request', { accessToken: 't' });
    await run('cc-station-login-request', { teamId: 'team-support', loginOption: 'BROWSER' });
    await run('cc-outdial-request', { number: '555-CALL-ME' });
    expect(desk.state.errors['cc-outdial-request'].message).to.equal(
      `555-CALL-ME is not a dial number: only digits, spaces, dashes, brackets and a leading + are allowed. ${RULE}`,
    );
  });

  it('the simulator states the rule when it refuses a number itself', async () => {
    const { run, server } = deskRig();
    await readyAgent(run);
    server.offer();
    const taskId = server.tasks[0].id;
    server.accept(taskId);
    const refusal = (fn: () => void) => {
      try {
        fn();
        return 'accepted';
      } catch (e) {
        return (e as CcError).message;
      }
    };
    expect(refusal(() => server.transfer(taskId, { type: 'dialNumber', to: '12' }))).to.equal(`12 is too short for a dial number (2 digits). ${RULE}`);
    expect(refusal(() => server.consult(taskId, { type: 'dialNumber', to: 'twelve' }))).to.contain(RULE);
    server.end(taskId);
    expect(refusal(() => server.outdial('1234567890123456'))).to.equal(`1234567890123456 is too long for a dial number (16 digits). ${RULE}`);
  });

  it('the task panel says the rule next to the field: transfer to 12, New call with letters or too many digits', async () => {
    const rig = await sdkFixture(html`<cc-sdk><cc-task-panel></cc-task-panel></cc-sdk>`);
    const el = rig.sdk.querySelector('cc-task-panel') as CcTaskPanel;
    const $ = <E extends Element = HTMLElement>(s: string) => el.shadowRoot!.querySelector<E>(s);
    const click = async (label: string) => {
      const b = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((x) => squash(x.querySelector('.label')?.textContent) === label);
      if (!b) throw new Error(`no button ${label}`);
      b.click();
      await el.updateComplete;
      await el.updateComplete;
    };
    const type = async (selector: string, value: string) => {
      const input = $<HTMLInputElement>(selector)!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
      await el.updateComplete;
    };
    const transfers: unknown[] = [];
    el.addEventListener('cc-task-transfer-request', (e) => transfers.push(e.detail));
    await rig.sdk.request('cc-sign-in-request', { accessToken: 't' });
    await rig.sdk.request('cc-station-login-request', { teamId: 'team-support', loginOption: 'BROWSER' });

    // New call, before any call.
    await click('New call');
    await type('#outdial-number', '+1 415 CALL');
    await click('Call');
    expect(squash($('#outdial-problem')?.textContent)).to.equal(
      `+1 415 CALL is not a dial number: only digits, spaces, dashes, brackets and a leading + are allowed. ${RULE}`,
    );
    await type('#outdial-number', '+1 415 555 0123 45678');
    await click('Call');
    expect(squash($('#outdial-problem')?.textContent)).to.equal(`+1 415 555 0123 45678 is too long for a dial number (16 digits). ${RULE}`);
    await click('Cancel');

    await rig.sdk.request('cc-agent-state-request', { state: 'Available', auxCodeId: '0' });
    rig.server.offer();
    await el.updateComplete;
    await click('Accept');
    await click('Transfer');
    $<HTMLInputElement>('input[value="dialNumber"]')!.click();
    await el.updateComplete;
    await type('#dial', '12');
    await click('Transfer now');
    expect(squash($('#dial-problem')?.textContent)).to.equal(`12 is too short for a dial number (2 digits). ${RULE}`);
    expect($('#dial')!.getAttribute('aria-invalid')).to.equal('true');
    expect(transfers).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });
});
