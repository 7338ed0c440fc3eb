import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import '../demo/simulator-panel.js';
import { deskIn, midShift, textIn } from './support/desk.js';

const meta = {
  title: 'Desk',
  parameters: { layout: 'fullscreen' },
} satisfies Meta;
export default meta;

type Story = StoryObj;

const layout = `
  .story-desk { display: grid; gap: 12px; padding: 16px; max-width: 1100px; }
  .story-desk header { display: flex; align-items: center; justify-content: space-between; gap: 12px; }
  .story-desk header h2 { font: 600 1rem system-ui, sans-serif; margin: 0; }
  .story-desk .columns { display: grid; gap: 12px; grid-template-columns: minmax(260px, 1fr) minmax(340px, 2fr); align-items: start; }
  .story-desk .column { display: grid; gap: 12px; }
  .story-desk.dark { --cc-color-scheme: dark; color-scheme: dark; background: #15171b; color: #e9e7e2; }
`;

/** All five widgets in one `<cc-sdk>`, laid out as an agent desk. */
const wholeDesk = (dark = false) => html`<style .textContent=${layout}></style>
  <div class="story-desk ${dark ? 'dark' : ''}">
    <header>
      <h2>Agent desk</h2>
      <cc-state-select></cc-state-select>
    </header>
    <div class="columns">
      <div class="column">
        <cc-auth></cc-auth>
        <cc-station-login></cc-station-login>
      </div>
      <div class="column">
        <cc-wrapup></cc-wrapup>
        <cc-task-panel></cc-task-panel>
      </div>
    </div>
  </div>`;

/**
 * Mid-shift needs offers while a wrap-up is owed: a profile that routes during wrap-up (the simulator's default
 * holds offers until the wrap-up is done, as most contact centers do).
 */
const routesDuringWrapup = { desk: { profile: { routeDuringWrapup: true } } };

/** The whole desk, mid-shift, on a manual clock (the same picture on every run). */
export const WholeDesk: Story = {
  render: () => wholeDesk(),
  parameters: routesDuringWrapup,
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    await midShift(desk);
    await expect(textIn(desk.widget('cc-wrapup'), '.title')).toBe('Wrap up: Email with Priya Raman');
    await expect(textIn(desk.widget('cc-task-panel'), '[role="tab"][aria-selected="true"] .who')).toBe('Lena Fischer');
    await expect(textIn(desk.widget('cc-task-panel'), '[part~="offer"] .who')).toBe('Ada Quist');
  },
};

/** The whole desk mid-shift with the dark scheme forced on an ancestor: `--cc-color-scheme: dark`. */
export const WholeDeskDark: Story = {
  render: () => wholeDesk(true),
  parameters: { ...routesDuringWrapup, backgrounds: { value: 'dark' } },
  play: async ({ canvasElement }) => {
    await midShift(await deskIn(canvasElement));
  },
};

/**
 * The desk on the real clock with the sample page's simulator controls: sign in with any token, log in, go
 * Available, then make a call, chat or email arrive, act as a supervisor, drop the network or fail an action.
 */
export const Live: Story = {
  parameters: { desk: { wrap: false, clock: 'real' } },
  render: () => html`<style .textContent=${layout}></style>
    <div class="story-desk">
      <cc-sdk id="live-desk" backend="simulator" latency="250">
        <div class="columns">
          <div class="column">
            <cc-state-select></cc-state-select>
            <cc-auth></cc-auth>
            <cc-station-login></cc-station-login>
            <demo-simulator-panel sdk="live-desk"></demo-simulator-panel>
          </div>
          <div class="column">
            <cc-wrapup></cc-wrapup>
            <cc-task-panel></cc-task-panel>
          </div>
        </div>
      </cc-sdk>
    </div>`,
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    await expect(desk.sdk.simulator).not.toBeNull();
  },
};
