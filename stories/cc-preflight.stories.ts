import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import type { CcPreflight } from '../components/cc-preflight/cc-preflight.js';
import type { PreflightCheckId, PreflightCode } from '../src/core/preflight.js';
import { deskIn, textIn, until, type StoryDesk } from './support/desk.js';

const meta = {
  title: 'Widgets/cc-preflight',
  component: 'cc-preflight',
  render: () => html`<cc-preflight listen-ms="300"></cc-preflight>`,
} satisfies Meta;
export default meta;

type Story = StoryObj;

const preflight = (desk: StoryDesk) => desk.widget('cc-preflight') as CcPreflight;

/** Forces these findings on the simulator, runs the checks, and checks each status on screen. */
async function runWith(desk: StoryDesk, forced: Partial<Record<PreflightCheckId, PreflightCode>>, expected: Partial<Record<PreflightCheckId, string>>) {
  desk.server.setPreflight({ forced });
  const el = preflight(desk);
  await el.run();
  await el.updateComplete;
  for (const [check, status] of Object.entries(expected)) {
    const row = el.shadowRoot!.querySelector<HTMLElement>(`[part="check"][data-check="${check}"]`);
    await expect(row?.dataset.status).toBe(status);
  }
}

/** Before the first run: what it will check, and the button. */
export const Idle: Story = {
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    await until(() => textIn(preflight(desk), '[part="summary"]') === 'Check that this computer is ready to take calls.', 'the intro');
  },
};

/** Every check passes. */
export const AllPassed: Story = {
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    await runWith(desk, { browser: 'browserOk', microphone: 'micOk', output: 'outputOk', reach: 'reachOk', clock: 'clockOk' }, { browser: 'pass', microphone: 'pass', output: 'pass', reach: 'pass', clock: 'pass' });
    await expect(textIn(preflight(desk), '[part="summary"]')).toBe('Ready: all 5 checks passed.');
  },
};

/** A warning from each check: an old browser, a silent microphone, a fixed speaker, a slow network, a skewed clock. */
export const Warnings: Story = {
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    await runWith(desk, { browser: 'browserPartial', microphone: 'micSilent', output: 'outputFixed', reach: 'reachSlow', clock: 'clockSkewed' }, { browser: 'warning', microphone: 'warning', output: 'warning', reach: 'warning', clock: 'warning' });
  },
};

/** A failure of each check: a missing feature, a blocked microphone, an unplugged headset, no network, a wrong clock. */
export const Failures: Story = {
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    await runWith(desk, { browser: 'browserMissing', microphone: 'micDenied', output: 'outputMissing', reach: 'reachFailed', clock: 'clockWrong' }, { browser: 'failure', microphone: 'failure', output: 'failure', reach: 'failure', clock: 'failure' });
    await expect(textIn(preflight(desk), '[part="summary"]')).toBe('Not ready: fix what failed below, then run the checks again.');
  },
};

/** The other microphone failures: none plugged in, busy in another app, not https, no API; its level untested before a click. */
export const MicrophoneProblems: Story = {
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    for (const code of ['micMissing', 'micBusy', 'micInsecure', 'micUnsupported'] as const) await runWith(desk, { microphone: code, browser: 'browserOk', output: 'outputOk', reach: 'reachOk', clock: 'clockOk' }, { microphone: 'failure' });
    await runWith(desk, { microphone: 'micUntested' }, { microphone: 'warning' });
  },
};

/** Findings that pass or warn without a fault: the default speaker, no speaker listed, no known address, no server time. */
export const OtherFindings: Story = {
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    await runWith(desk, { output: 'outputDefault', reach: 'reachUnknown', clock: 'clockUnknown', browser: 'browserOk', microphone: 'micOk' }, { output: 'pass', reach: 'warning', clock: 'warning' });
    await runWith(desk, { output: 'outputNone' }, { output: 'warning' });
  },
};

/** Theming: the marks' colours from tokens. */
export const Theming: Story = {
  render: () => html`<cc-preflight
    style="--cc-preflight-pass-color: #0b7a3b; --cc-preflight-warning-color: #8a4b00; --cc-preflight-failure-color: #a4161a; --cc-preflight-gap: 12px"
  ></cc-preflight>`,
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    await runWith(desk, { browser: 'browserOk', microphone: 'micSilent', output: 'outputMissing', reach: 'reachOk', clock: 'clockOk' }, { microphone: 'warning', output: 'failure' });
  },
};
