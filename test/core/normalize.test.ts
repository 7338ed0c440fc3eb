// Data from the network: whatever shape a backend's task has (numbers for names, objects for CAD values, a
// media type such as 'constructor', keys like __proto__), the store holds text and known media, the panel
// renders every task, and one malformed task never hides the others.
import { expect, html } from '@open-wc/testing';
import '../../define/cc-task-panel.js';
import { sdkFixture, until, detailsOf } from '../helpers.js';
import type { CcTaskPanel } from '../../components/cc-task-panel/cc-task-panel.js';
import type { BackendEvent } from '../../src/core/backend.js';
import { normalizeEvent, normalizeTask } from '../../src/core/normalize.js';
import type { TaskSnapshot } from '../../src/core/types.js';

const squash = (t: string | null | undefined) => (t ?? '').replace(/\s+/g, ' ').trim();

/** A task as a careless or hostile backend might send it. */
function hostileTask(id: unknown, overrides: Record<string, unknown> = {}): TaskSnapshot {
  return {
    id,
    mediaType: 'constructor',
    direction: 7,
    state: 'offered',
    ani: { number: '+14155550100' },
    customerName: 42,
    subject: ['a', 'b'],
    queue: { id: 3, name: { label: 'VIP' } },
    offeredAt: 'yesterday',
    ronaAt: 'soon',
    connectedAt: null,
    endedAt: null,
    held: 'yes',
    heldAt: null,
    muted: 1,
    recording: false,
    recordingPaused: false,
    consult: { destination: { type: 'agent', to: 5, name: { n: 1 } }, state: 'weird', startedAt: 'x' },
    wrapupRequired: 'true',
    autoWrapupAt: Infinity,
    cad: JSON.parse('{"__proto__": "proto value", "constructor": {"deep": [1, 2]}, "toString": 12, "vip": true, "none": null}'),
    ...overrides,
  } as unknown as TaskSnapshot;
}

/** The CAD as the agent reads it: "Key value" per row. */
const cadRows = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll('[part="cad"] > div')].map((row) =>
    squash(`${row.querySelector('dt')?.textContent} ${row.querySelector('dd')?.textContent}`),
  );

async function panelDesk() {
  const rig = await sdkFixture(html`<cc-sdk><cc-task-panel></cc-task-panel></cc-sdk>`);
  const el = rig.sdk.querySelector('cc-task-panel') as CcTaskPanel;
  await rig.sdk.request('cc-sign-in-request', { accessToken: 't' });
  await rig.sdk.request('cc-station-login-request', { teamId: 'team-support', loginOption: 'BROWSER' });
  await rig.sdk.request('cc-agent-state-request', { state: 'Available', auxCodeId: '0' });
  await el.updateComplete;
  const send = async (event: unknown) => {
    rig.backend.deliver(event as BackendEvent);
    await el.updateComplete;
  };
  const offers = () => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="offer"]')].map((o) => squash(o.textContent));
  return { ...rig, el, send, offers };
}

describe('data from the network is normalised where it enters', () => {
  it('turns every field into the shape of a task snapshot', () => {
    const task = normalizeTask(hostileTask(101))!;
    expect(task.id).to.equal('101');
    expect(task.mediaType).to.equal('other');
    expect(task.direction).to.equal('inbound');
    expect(task.ani).to.equal('{"number":"+14155550100"}');
    expect(task.customerName).to.equal('42');
    expect(task.subject).to.equal('["a","b"]');
    expect(task.queue).to.deep.equal({ id: '3', name: '{"label":"VIP"}' });
    expect([task.offeredAt, task.ronaAt, task.autoWrapupAt]).to.deep.equal([0, null, null]);
    expect([task.held, task.muted, task.wrapupRequired]).to.deep.equal([false, false, false]);
    expect(task.consult).to.deep.equal({ destination: { type: 'agent', to: '5', name: '{"n":1}' }, state: 'ringing', startedAt: 0 });
    expect(Object.getPrototypeOf(task.cad)).to.equal(Object.prototype);
    expect(Object.keys(task.cad)).to.deep.equal(['__proto__', 'constructor', 'toString', 'vip', 'none']);
    expect(Object.values(task.cad)).to.deep.equal(['proto value', '{"deep":[1,2]}', '12', 'true', '']);
    for (const value of Object.values(task.cad)) expect(value).to.be.a('string');
  });

  it('drops what cannot be identified, and unknown event types', () => {
    expect(normalizeTask(hostileTask(undefined))).to.equal(null);
    expect(normalizeTask(hostileTask({ id: 1 }))).to.equal(null);
    expect(normalizeTask(hostileTask('t1', { state: 'constructor' }))).to.equal(null);
    expect(normalizeTask('a string')).to.equal(null);
    expect('dropped' in normalizeEvent({ type: 'toString' } as unknown as BackendEvent)).to.equal(true);
    expect('dropped' in normalizeEvent(null as unknown as BackendEvent)).to.equal(true);
  });

  it('shows a hostile offer beside a normal one: both visible, every value as text, media shown as a task', async () => {
    const d = await panelDesk();
    const incoming: string[] = [];
    d.sdk.addEventListener('cc-task-incoming', (e) => incoming.push(e.detail.task.mediaType));
    await d.send({ type: 'task-offered', task: hostileTask('evil-1') });
    // A well-formed offer from the simulator's own stream, after the hostile one.
    d.server.offer();
    await d.el.updateComplete;
    const offers = d.offers();
    expect(offers.length).to.equal(2);
    expect(offers[0]).to.contain('Task').and.contain('42').and.contain('Queue: {"label":"VIP"}');
    expect(offers[1]).to.contain('Call').and.contain('Queue: Support queue');
    expect(incoming).to.deep.equal(['other', 'telephony']);
    const card = d.el.shadowRoot!.querySelector('[part~="offer"][data-task="evil-1"]')!;
    expect(card.querySelector('svg[part="media-icon"]')).to.not.equal(null);
    await expect(d.el).to.be.accessible();

    // Accepted, the simulator's call works as usual.
    const simId = d.server.tasks.at(-1)!.id;
    const accept = d.el.shadowRoot!.querySelector<HTMLButtonElement>(`[part~="offer"][data-task="${simId}"] [data-action="accept"]`)!;
    accept.click();
    await until(() => d.sdk.state.tasks.find((t) => t.id === simId)?.state === 'connected');
    await d.el.updateComplete;
    expect(cadRows(d.el).length).to.equal(1);
    // The hostile offer is still there, beside the call.
    expect(d.offers().length).to.equal(1);
  });

  it('shows the CAD of a hostile connected task, keys like constructor and __proto__ included', async () => {
    const d = await panelDesk();
    await d.send({ type: 'task-assigned', task: hostileTask('evil-2', { state: 'connected', connectedAt: 0 }) });
    expect(cadRows(d.el)).to.deep.equal(['Proto proto value', 'Constructor {"deep":[1,2]}', 'To string 12', 'Vip true', 'None']);
    expect(squash(d.el.shadowRoot!.querySelector('[data-action="end"] .label')?.textContent)).to.equal('End task');
    await expect(d.el).to.be.accessible();
  });

  it('reports a task without an id as a cc-error and keeps every other offer on screen', async () => {
    const d = await panelDesk();
    d.server.offer();
    await d.el.updateComplete;
    await d.send({ type: 'task-offered', task: hostileTask(undefined) });
    await d.send({ type: 'task-offered', task: null });
    await d.send({ type: 'constructor' });
    expect(d.offers().length).to.equal(1);
    expect(detailsOf(d.events, 'cc-error').map((e) => e.code)).to.deep.equal(['backend-error', 'backend-error', 'backend-error']);
    expect(d.sdk.state.tasks.length).to.equal(1);
  });

  it('renders each task on its own: one whose template fails shows a notice, the others still ring', async () => {
    const d = await panelDesk();
    // A string that throws when read breaks the rendering of "other" media tasks only.
    d.el.strings = Object.defineProperty({}, 'mediaOther', { get: () => { throw new Error('boom'); }, enumerable: true });
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      d.server.offer();
      await d.send({ type: 'task-offered', task: hostileTask('evil-3') });
      d.server.offer({ mediaType: 'chat' });
      await d.el.updateComplete;
    } finally {
      console.error = original;
    }
    const offers = d.offers();
    expect(offers.length).to.equal(3);
    expect(offers[0]).to.contain('Call');
    expect(offers[1]).to.equal('A task could not be shown (its data is malformed).');
    expect(offers[2]).to.contain('Chat');
    expect(errors.length).to.be.greaterThan(0);
  });
});
