import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { expect } from 'storybook/test';
import { outcomeEvents } from '../src/events/catalog.js';
import type { CcOutcomeEvent } from '../src/events/events.js';
import { oneCallOutcomes } from '../test/fixtures/one-call-outcomes.js';
import type { Rig } from './support/desk.js';
import { deskIn, keepRig, readyDeskIn, textIn } from './support/desk.js';
import { playgroundArgTypes, renderElement } from './support/playground.js';

const meta = {
  title: 'Elements/cc-sdk',
  component: 'cc-sdk',
  // These stories render their own <cc-sdk>.
  parameters: { desk: { wrap: false } },
} satisfies Meta;
export default meta;

type Story = StoryObj;

const widgets = html`<cc-auth></cc-auth>
  <cc-station-login></cc-station-login>
  <cc-state-select></cc-state-select>
  <cc-task-panel></cc-task-panel>
  <cc-wrapup></cc-wrapup>`;

/**
 * `<cc-sdk>` with the five widgets, on the simulator and the real clock. Every outcome event shows in the
 * Actions panel. Try `scenario: first-call` (a call 1.5 s after you are Available) and `latency: 400`.
 */
export const Playground: Story = {
  parameters: { desk: { wrap: false, clock: 'real' } },
  args: { backend: 'simulator', scenario: '', latency: 0, persist: '' },
  argTypes: {
    ...playgroundArgTypes('cc-sdk'),
    backend: { control: 'select', options: ['simulator', 'webex'] },
    scenario: { control: 'select', options: ['', 'first-call', 'busy-hour'] },
  },
  render: (args) => renderElement('cc-sdk', args, widgets),
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    await expect(desk.sdk.state.session.status).toBe('signed-out');
  },
};

/**
 * The host page's integration surface: every outcome event `<cc-sdk>` dispatched during a call's life, from
 * sign-in to wrap-up, with its `detail`.
 */
export const OutcomeEvents: Story = {
  render: (_args, { loaded }) => {
    const rig = loaded.rig as Rig;
    const log = (event: Event) => {
      const list = (event.currentTarget as HTMLElement).parentElement!.querySelector('ol')!;
      const item = document.createElement('li');
      const { detail } = event as CcOutcomeEvent;
      const summary = JSON.stringify(detail, (key, value) => (key === 'task' ? `${value.id} (${value.state})` : key === 'profile' ? value.agentName : value));
      item.innerHTML = '<code></code> <span></span>';
      item.firstElementChild!.textContent = event.type;
      item.lastElementChild!.textContent = summary;
      list.append(item);
    };
    return html`<div style="font-family: system-ui, sans-serif">
      <cc-sdk
        ${keepRig(rig)}
        ${ref((el) => {
          if (!el || (el as HTMLElement).dataset.logging) return;
          (el as HTMLElement).dataset.logging = 'on';
          for (const name of outcomeEvents) el.addEventListener(name, log);
        })}
      >
        <cc-task-panel></cc-task-panel>
      </cc-sdk>
      <h3>Outcome events</h3>
      <ol class="event-log" aria-label="Outcome events"></ol>
    </div>`;
  },
  play: async ({ canvasElement }) => {
    const desk = await readyDeskIn(canvasElement);
    const taskId = await desk.connect({ mediaType: 'telephony' });
    await desk.request('cc-task-hold-request', { taskId });
    await desk.request('cc-task-resume-request', { taskId });
    await desk.end(taskId);
    await desk.request('cc-wrapup-request', { taskId, auxCodeId: 'wrap-resolved', notes: 'Order re-sent.' });
    const names = [...canvasElement.querySelectorAll('.event-log code')].map((c) => c.textContent);
    // This story's desk runs on a backend object: a session of its own (see the README's Tabs).
    await expect(names).toEqual(['cc-tab-role', ...oneCallOutcomes]);
  },
};

/** A widget outside `<cc-sdk>` (in a page header, say) finds it by `sdk="<id>"` and shows the same desk. */
export const WidgetOutsideTheSdk: Story = {
  render: (_args, { loaded }) => html`
    <header style="display:flex;justify-content:flex-end;padding-block-end:8px">
      <cc-state-select sdk="story-desk"></cc-state-select>
    </header>
    <cc-sdk id="story-desk" ${keepRig(loaded.rig as Rig)}>
      <cc-station-login></cc-station-login>
    </cc-sdk>
  `,
  play: async ({ canvasElement }) => {
    const desk = await readyDeskIn(canvasElement);
    const select = desk.widget('cc-state-select').shadowRoot!.querySelector('select')!;
    await expect(select.selectedOptions[0].textContent?.trim()).toBe('Available');
    await expect(textIn(desk.widget('cc-station-login'), '[part="summary"] dd')).toBe('Customer Support');
  },
};
