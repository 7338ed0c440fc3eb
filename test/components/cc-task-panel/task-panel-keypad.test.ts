/**
 * The task panel's keypad (keys sent as DTMF) and its Conference control, on the simulator: what the agent
 * sees and presses, and what the page receives.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { detailsOf, until } from '../../helpers.js';
import { panelFixture, type PanelFixtureOptions } from './panel-fixture.js';
import { SimulatorBackend } from '../../../src/backends/simulator/backend.js';

const squash = (text: string | null | undefined) => text?.replace(/\s+/g, ' ').trim();

async function panel(backend?: PanelFixtureOptions['backend']) {
  const rig = await panelFixture({ backend });
  const { $, settle } = rig;
  await rig.login('AGENT_DN');
  const taskId = await rig.offer({});
  await rig.sdk.request('cc-task-accept-request', { taskId });
  await settle();
  const keypadButton = () => $<HTMLButtonElement>('[data-action="dtmf"]');
  const key = (k: string) => $<HTMLButtonElement>(`[part~="keypad"] button[data-key="${k}"]`)!;
  const echo = () => squash($('[part~="keypad"] [role="status"]')?.textContent);
  return { ...rig, taskId, keypadButton, key, echo };
}

describe('<cc-task-panel> keypad', () => {
  it('opens a keypad of 0-9, * and #; each key sends DTMF, the keys sent are echoed, and it passes axe', async () => {
    const p = await panel();
    const sent = p.requests('cc-task-dtmf-request');
    const opener = p.keypadButton()!;
    expect(squash(opener.textContent)).to.equal('Keypad');
    expect(opener.getAttribute('aria-expanded')).to.equal('false');
    expect(p.$('[part~="keypad"]')).to.equal(null);
    opener.click();
    await p.el.updateComplete;
    expect(opener.getAttribute('aria-expanded')).to.equal('true');
    const pad = p.$('[part~="keypad"]')!;
    expect(opener.getAttribute('aria-controls')).to.equal(pad.id);
    expect(pad.getAttribute('role')).to.equal('group');
    expect(p.$$('[part~="keypad"] button').map((b) => squash(b.textContent))).to.deep.equal(['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#']);
    expect(p.echo()).to.equal('Press keys to send them on the call.');
    p.key('1').click();
    await p.settle();
    p.key('#').click();
    await p.settle();
    expect(sent).to.deep.equal([
      { taskId: p.taskId, digits: '1' },
      { taskId: p.taskId, digits: '#' },
    ]);
    expect(p.server.dtmfOf(p.taskId)).to.equal('1#');
    expect(p.echo()).to.equal('Sent: 1#');
    await expect(p.el).to.be.accessible();
  });

  it('works by keyboard alone: typed keys are pressed, Escape closes it and focus goes back to Keypad', async () => {
    const p = await panel();
    p.keypadButton()!.focus();
    await sendKeys({ press: 'Enter' });
    await p.el.updateComplete;
    expect(p.el.shadowRoot!.activeElement?.getAttribute('data-key')).to.equal('1');
    await sendKeys({ press: 'Enter' });
    await p.settle();
    await sendKeys({ type: '42*' });
    await until(() => p.server.dtmfOf(p.taskId) === '142*', 3000, 'every key sent');
    await p.settle();
    expect(p.echo()).to.equal('Sent: 142*');
    await sendKeys({ press: 'Escape' });
    await p.el.updateComplete;
    expect(p.$('[part~="keypad"]')).to.equal(null);
    expect(p.el.shadowRoot!.activeElement?.getAttribute('data-action')).to.equal('dtmf');
  });

  it('keeps keys pressed while a send is under way and sends them next, none lost', async () => {
    const p = await panel();
    let release!: () => void;
    const original = p.backend.sendDtmf.bind(p.backend);
    p.backend.sendDtmf = (taskId: string, digits: string) => new Promise<void>((r) => (release = r)).then(() => original(taskId, digits));
    const sent = p.requests('cc-task-dtmf-request');
    p.keypadButton()!.click();
    await p.el.updateComplete;
    p.key('5').click();
    p.key('6').click();
    p.key('7').click();
    await p.el.updateComplete;
    expect(p.echo()).to.contain('Sent: 567');
    release();
    await until(() => sent.length === 2, 3000, 'the kept keys sent');
    release();
    await p.settle();
    expect(sent.map((d) => d.digits)).to.deep.equal(['5', '67']);
    expect(p.server.dtmfOf(p.taskId)).to.equal('567');
  });

  it('is not offered by a backend without DTMF', async () => {
    class NoKeys extends SimulatorBackend {
      override readonly capabilities = { ...new SimulatorBackend().capabilities, dtmf: false };
    }
    const p = await panel((server) => new NoKeys({ server }));
    expect(p.keypadButton()).to.equal(null);
  });
});

describe('<cc-task-panel> conference', () => {
  it('shows Conference once the consult answers; joining shows the conference and announces it', async () => {
    const p = await panel();
    const joins = p.requests('cc-task-conference-request');
    const button = () => p.$$<HTMLButtonElement>('[part~="actions"] button').find((b) => squash(b.querySelector('.label')?.textContent) === 'Conference');
    expect(button()).to.equal(undefined);
    await p.sdk.request('cc-task-consult-request', { taskId: p.taskId, destination: { type: 'dialNumber', to: '+14155550111' } });
    await p.settle();
    expect(button(), 'not while the consult rings').to.equal(undefined);
    p.clock.advance(p.server.timing.consultAnswerMs);
    await p.el.updateComplete;
    expect(button()!.getAttribute('aria-describedby')).to.equal('consult-status');
    button()!.click();
    await p.settle();
    expect(joins).to.deep.equal([{ taskId: p.taskId }]);
    expect(p.sdk.state.tasks[0]).to.deep.include({ conference: true, consult: null, held: false });
    expect(squash(p.$('[data-status="conference"]')?.textContent)).to.equal('Conference');
    expect(button()).to.equal(undefined);
    const labels = p.$$('[part~="actions"] button').map((b) => squash(b.querySelector('.label')?.textContent));
    expect(labels).to.not.include('Consult');
    expect(labels).to.not.include('Transfer');
    await until(() => squash(p.$('[role="status"][aria-live]')?.textContent)?.includes('you are in a conference'), 3000, 'announced');
    expect(detailsOf(p.events, 'cc-task-change').map((d) => d.change)).to.include('conference-started');
    await expect(p.el).to.be.accessible();
  });
});
