import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import { deskIn, readyDeskIn, textIn, typeInto, until, type StoryDesk } from './support/desk.js';
import { playgroundArgs, playgroundArgTypes, renderElement } from './support/playground.js';
import { themed } from './support/theme.js';

const meta = {
  title: 'Widgets/cc-task-panel',
  component: 'cc-task-panel',
  render: () => html`<cc-task-panel></cc-task-panel>`,
} satisfies Meta;
export default meta;

type Story = StoryObj;

const panel = (desk: StoryDesk) => desk.widget('cc-task-panel');
const $ = <E extends Element = HTMLElement>(desk: StoryDesk, selector: string) => panel(desk).shadowRoot!.querySelector<E>(selector);
const $$ = (desk: StoryDesk, selector: string) => [...panel(desk).shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
/** The status badges of the selected task ("On hold 0:30", "Recording", …). */
const badges = (desk: StoryDesk) => $$(desk, '[part~="status"] .badge').map((b) => squash(b.textContent));
/** Presses a control of the selected task by its `data-action`. */
async function press(desk: StoryDesk, action: string): Promise<void> {
  const button = $(desk, `[part~="task"] [data-action="${action}"]`);
  if (!button) throw new Error(`No ${action} control.`);
  button.click();
  await desk.settle();
}

/** Opens New call and types `number` into its field. */
async function newCall(desk: StoryDesk, number: string): Promise<void> {
  $(desk, '[part~="outdial"] [data-action="outdial"]')!.click();
  await desk.settle();
  typeInto($<HTMLInputElement>(desk, '#outdial-number')!, number);
}

/** A call from a known customer, with the data the IVR collected. */
const call = { mediaType: 'telephony', cad: { orderNumber: 'SO-58213', ivr_reason: 'Delivery status' } } as const;

/** Every property, CSS custom property and event, on a connected call. */
export const Playground: Story = {
  args: playgroundArgs('cc-task-panel'),
  argTypes: playgroundArgTypes('cc-task-panel'),
  render: (args) => renderElement('cc-task-panel', args),
  play: async ({ canvasElement }) => {
    const desk = await readyDeskIn(canvasElement);
    await desk.connect(call);
  },
};

/** Before station login. */
export const NotLoggedIn: Story = {
  play: async ({ canvasElement }) => {
    const desk = await deskIn(canvasElement);
    await desk.signIn();
    await expect(textIn(panel(desk), '[part="empty"]')).toBe('Log in to a station to receive tasks.');
  },
};

/** Logged in and Available, nothing yet. */
export const Empty: Story = {
  play: async ({ canvasElement }) => {
    const desk = await readyDeskIn(canvasElement);
    await expect(textIn(panel(desk), '[part="empty"]')).toBe(
      'No tasks yet. New calls, chats and emails appear here when you are Available.',
    );
  },
};

/** A call rings: who, from which queue, Accept and Decline, and 15 seconds left before it is withdrawn. */
export const RingingCall: Story = {
  play: async ({ canvasElement }) => {
    const desk = await readyDeskIn(canvasElement);
    await desk.offer(call);
    await desk.advance(5_000);
    await expect(textIn(panel(desk), '[part~="offer"] .who')).toBe('Priya Raman');
    await expect(textIn(panel(desk), '[part~="offer"] [part~="timer"]')).toBe('0:15');
  },
};

/** A chat and an email ring at once. */
export const RingingChatAndEmail: Story = {
  play: async ({ canvasElement }) => {
    const desk = await readyDeskIn(canvasElement);
    await desk.offer({ mediaType: 'chat' });
    await desk.offer({ mediaType: 'email' });
    await expect($$(desk, '[part~="offer"] .media-label').map((e) => e.textContent)).toEqual(['Chat', 'Email']);
  },
};

/** On a call for 2:05: hold, mute, recording, consult, transfer, end, and the call-associated data. */
export const ConnectedCall: Story = {
  play: async ({ canvasElement }) => {
    const desk = await readyDeskIn(canvasElement);
    await desk.connect(call);
    await desk.advance(125_000);
    await expect(textIn(panel(desk), '[part~="task"] [data-timer="duration"]')).toBe('2:05');
    await expect(badges(desk)).toEqual(['Recording']);
    await expect($$(desk, '[part~="cad"] dt').map((e) => e.textContent)).toEqual(['Account number', 'Order number', 'Ivr reason']);
  },
};

/** The customer has been on hold for 30 seconds. */
export const OnHold: Story = {
  play: async ({ canvasElement }) => {
    const desk = await readyDeskIn(canvasElement);
    const taskId = await desk.connect(call);
    await desk.request('cc-task-hold-request', { taskId });
    await desk.advance(30_000);
    await expect(badges(desk)).toEqual(['On hold 0:30', 'Recording']);
  },
};

/** The agent's microphone is muted (browser login). */
export const Muted: Story = {
  play: async ({ canvasElement }) => {
    const desk = await readyDeskIn(canvasElement);
    await desk.connect(call);
    await press(desk, 'mute');
    await expect(badges(desk)).toEqual(['Muted', 'Recording']);
  },
};

/** The recording is paused (a card number is read out, say). */
export const RecordingPaused: Story = {
  play: async ({ canvasElement }) => {
    const desk = await readyDeskIn(canvasElement);
    const taskId = await desk.connect(call);
    await desk.request('cc-task-recording-pause-request', { taskId });
    await expect(badges(desk)).toEqual(['Recording paused']);
  },
};

/** Consult pressed: who to consult (an available agent, a queue or a number). */
export const ConsultForm: Story = {
  play: async ({ canvasElement }) => {
    const desk = await readyDeskIn(canvasElement);
    await desk.connect(call);
    await press(desk, 'consult');
    await until(() => $$(desk, '#destination option').length > 1, 'the agents to load');
    await desk.settle();
    await expect($$(desk, '#destination option').map((o) => squash(o.textContent))).toEqual([
      'Choose an agent',
      'Sam Okafor (Customer Support)',
      'Inés Moreau (Billing)',
    ]);
  },
};

/** Consulting Sam Okafor, who has not answered yet; the customer waits on hold. */
export const ConsultRinging: Story = {
  play: async ({ canvasElement }) => {
    const desk = await readyDeskIn(canvasElement);
    const taskId = await desk.connect(call);
    await desk.request('cc-task-consult-request', { taskId, destination: { type: 'agent', to: 'agent-sam' } });
    await expect(textIn(panel(desk), '[data-status="consult"]')).toBe('Consulting Sam Okafor: ringing…');
    await expect($(desk, '[data-action="consult-transfer"]')!.getAttribute('aria-disabled')).toBe('true');
  },
};

/** Sam answered: End consult, or Complete transfer to hand the customer over. */
export const ConsultConnected: Story = {
  play: async ({ canvasElement }) => {
    const desk = await readyDeskIn(canvasElement);
    const taskId = await desk.connect(call);
    await desk.request('cc-task-consult-request', { taskId, destination: { type: 'agent', to: 'agent-sam' } });
    await desk.advance(desk.server.timing.consultAnswerMs);
    await expect(textIn(panel(desk), '[data-status="consult"]')).toBe('Consulting Sam Okafor: connected');
    await expect($(desk, '[data-action="consult-transfer"]')!.hasAttribute('aria-disabled')).toBe(false);
  },
};

/** A task control of the selected task by its visible label ("Conference", "Leave conference", …). */
const control = (desk: StoryDesk, label: string) =>
  $$(desk, '[part~="actions"] button').find((b) => squash(b.querySelector('.label')?.textContent) === label);

/** Sam answered the consult and the agent joined everyone into a conference. */
async function inConference(canvasElement: HTMLElement): Promise<StoryDesk> {
  const desk = await readyDeskIn(canvasElement);
  const taskId = await desk.connect(call);
  await desk.request('cc-task-consult-request', { taskId, destination: { type: 'agent', to: 'agent-sam' } });
  await desk.advance(desk.server.timing.consultAnswerMs);
  control(desk, 'Conference')!.click();
  await desk.settle();
  return desk;
}

/** Three on the call: the customer, the agent (You) and Sam; Leave conference and Transfer conference offered. */
export const Conference: Story = {
  play: async ({ canvasElement }) => {
    const desk = await inConference(canvasElement);
    await expect(textIn(panel(desk), '.participants .label')).toBe('On the call (3)');
    await expect($$(desk, '[part~="participant"]').map((li) => li.dataset.role)).toEqual(['customer', 'agent', 'consulted']);
    await expect(control(desk, 'Leave conference')).toBeTruthy();
    await expect(control(desk, 'Transfer conference')).toBeTruthy();
  },
};

/** Leave conference pressed, the contact center has not answered yet: the control shows progress. */
export const ConferenceLeaving: Story = {
  play: async ({ canvasElement }) => {
    const desk = await inConference(canvasElement);
    desk.holdBack('leaveConference');
    control(desk, 'Leave conference')!.click();
    await until(() => control(desk, 'Leave conference')?.getAttribute('aria-disabled') === 'true', 'Leave conference pending');
    await expect(squash(control(desk, 'Leave conference')!.textContent)).toContain('Working…');
  },
};

/** The contact center refused to let the agent leave: the reason next to the controls, the conference goes on. */
export const ConferenceLeaveRefused: Story = {
  play: async ({ canvasElement }) => {
    const desk = await inConference(canvasElement);
    desk.failNext({ action: 'leaveConference', code: 'rejected', message: 'Leaving is not allowed while recording.' });
    control(desk, 'Leave conference')!.click();
    await desk.settle();
    await expect(textIn(panel(desk), '[part~="error"]')).toBe('Leaving is not allowed while recording.');
    await expect(textIn(panel(desk), '.participants .label')).toBe('On the call (3)');
  },
};

/** The keypad of a connected call, open, after the caller's IVR asked for 1, 2 and #. */
export const Keypad: Story = {
  play: async ({ canvasElement }) => {
    const desk = await readyDeskIn(canvasElement);
    await desk.connect(call);
    $(desk, '[data-action="dtmf"]')!.click();
    await desk.settle();
    for (const key of ['1', '2', '#']) {
      $(desk, `[part~="keypad"] button[data-key="${key}"]`)!.click();
      await desk.settle();
    }
    await expect(textIn(panel(desk), '.keys-sent')).toContain('12#');
    await expect($$(desk, '[part~="keypad"] button[data-key]').length).toBe(12);
  },
};

/** Transfer to a number that is not one: refused in the form before anything is sent. */
export const TransferBadNumber: Story = {
  play: async ({ canvasElement }) => {
    const desk = await readyDeskIn(canvasElement);
    await desk.connect(call);
    await press(desk, 'transfer');
    $<HTMLInputElement>(desk, 'input[name="destination-type"][value="dialNumber"]')!.click();
    await desk.settle();
    typeInto($<HTMLInputElement>(desk, '#dial')!, 'call me back');
    $(desk, '[data-action="send"]')!.click();
    await desk.settle();
    await expect(textIn(panel(desk), '#dial-problem')).toBe('call me back is not a dial number: only digits, spaces, dashes, brackets and a leading + are allowed. Use 3 to 15 digits, with an optional leading +.');
  },
};

/** Transfer to an entry point: the backend's entry points, listed when the agent picks that type. */
export const TransferToEntryPoint: Story = {
  play: async ({ canvasElement }) => {
    const desk = await readyDeskIn(canvasElement);
    await desk.connect(call);
    await press(desk, 'transfer');
    $<HTMLInputElement>(desk, 'input[name="destination-type"][value="entryPoint"]')!.click();
    await desk.settle();
    const names = [...panel(desk).shadowRoot!.querySelectorAll<HTMLOptionElement>('#destination option')].filter((o) => o.value).map((o) => o.textContent!.trim());
    await expect(names).toEqual(['After-hours line', 'Satisfaction survey']);
  },
};

/** Consult from the address book: named numbers, sent as a dial number with its name. */
export const ConsultFromAddressBook: Story = {
  play: async ({ canvasElement }) => {
    const desk = await readyDeskIn(canvasElement);
    await desk.connect(call);
    await press(desk, 'consult');
    $<HTMLInputElement>(desk, 'input[name="destination-type"][value="addressBook"]')!.click();
    await desk.settle();
    const select = $<HTMLSelectElement>(desk, '#destination')!;
    select.value = '+14155550188';
    select.dispatchEvent(new Event('change'));
    $(desk, '[data-action="send"]')!.click();
    await desk.settle();
    await expect(textIn(panel(desk), '[data-status="consult"]')).toBe('Consulting Legal desk: ringing…');
  },
};

/** A chat: no hold, mute or recording; its first line as the subject. */
export const Chat: Story = {
  play: async ({ canvasElement }) => {
    const desk = await readyDeskIn(canvasElement);
    await desk.connect({ mediaType: 'chat' });
    await expect(textIn(panel(desk), '[part~="header"] .subject')).toBe('Hi, my order has not arrived yet');
    await expect($(desk, '[data-action="hold"]')).toBeNull();
  },
};

/** An email, with its subject. */
export const Email: Story = {
  play: async ({ canvasElement }) => {
    const desk = await readyDeskIn(canvasElement);
    await desk.connect({ mediaType: 'email' });
    await expect(textIn(panel(desk), '[part~="header"] .meta')).toBe('Email · priya.raman@example.org · Queue: Support queue · Inbound');
  },
};

/** An outbound call the agent placed. */
export const OutboundCall: Story = {
  play: async ({ canvasElement }) => {
    const desk = await readyDeskIn(canvasElement);
    await desk.request('cc-outdial-request', { number: '+442071838750' });
    await expect(textIn(panel(desk), '[part~="header"] .meta')).toBe('Call · +442071838750 · Queue: Support queue · Outbound');
  },
};

/** New call pressed: the number to call, with an example; Call or Cancel (Escape). */
export const OutdialForm: Story = {
  play: async ({ canvasElement }) => {
    const desk = await readyDeskIn(canvasElement);
    await newCall(desk, '+14155550123');
    await desk.settle();
    await expect(textIn(panel(desk), 'label[for="outdial-number"]')).toBe('Number to call');
    await expect(textIn(panel(desk), '#outdial-hint')).toBe('For example +14155550123.');
    await expect($(desk, '[data-action="outdial"]')!.getAttribute('aria-expanded')).toBe('true');
  },
};


/** New call with a choice of Caller ID: the numbers the contact center lets this call show, the default first. */
export const OutdialCallerId: Story = {
  play: async ({ canvasElement }) => {
    const desk = await readyDeskIn(canvasElement);
    $(desk, '[part~="outdial"] [data-action="outdial"]')!.click();
    await until(() => !!$(desk, '#outdial-origin'), 'the Caller ID choice');
    const select = $<HTMLSelectElement>(desk, '#outdial-origin')!;
    await expect(textIn(panel(desk), 'label[for="outdial-origin"]')).toBe('Caller ID');
    await expect([...select.options].map((o) => o.value)).toEqual(['+18005550100', '+18005550199']);
    select.value = '+18005550199';
    select.dispatchEvent(new Event('change'));
    await desk.settle();
    await expect(select.value).toBe('+18005550199');
  },
};
/** The contact center refused the call: the reason shows by the form, which keeps the number to try again. */
export const OutdialRefused: Story = {
  play: async ({ canvasElement }) => {
    const desk = await readyDeskIn(canvasElement);
    await newCall(desk, '+14155550123');
    desk.failNext({ action: 'outdial', code: 'rejected', message: 'Outbound calls are not allowed from this team.' });
    $(desk, '[part~="outdial"] [data-action="place-call"]')!.click();
    await desk.settle();
    await expect(textIn(panel(desk), '[part~="outdial"] [part~="error"]')).toBe('Outbound calls are not allowed from this team.');
    await expect($<HTMLInputElement>(desk, '#outdial-number')!.value).toBe('+14155550123');
    await expect($$(desk, '[role="tab"]')).toEqual([]);
  },
};

/** A call, two chats and an email at once, and a new chat ringing: a tab per task, the latest selected. */
export const SeveralTasks: Story = {
  play: async ({ canvasElement }) => {
    const desk = await readyDeskIn(canvasElement);
    await desk.connect({ mediaType: 'chat' });
    await desk.connect({ mediaType: 'email' });
    await desk.connect({ mediaType: 'chat' });
    await desk.advance(40_000);
    await desk.connect(call);
    await desk.offer({ mediaType: 'chat', customerName: 'Ada Quist', ani: '@ada' });
    await expect($$(desk, '[role="tab"] .who').map((e) => e.textContent)).toEqual([
      'Priya Raman',
      'Marcus Oyelaran',
      'Lena Fischer',
      'Tomás Álvarez',
    ]);
    await expect(textIn(panel(desk), '[role="tab"][aria-selected="true"] .who')).toBe('Tomás Álvarez');
    await expect(textIn(panel(desk), '[part~="offer"] .who')).toBe('Ada Quist');
  },
};

/** A call ended: it stays listed, in wrap-up, until its wrap-up is done (in `<cc-wrapup>`). */
export const WrapupListed: Story = {
  play: async ({ canvasElement }) => {
    const desk = await readyDeskIn(canvasElement);
    const taskId = await desk.connect(call);
    await desk.advance(61_000);
    await desk.end(taskId);
    await expect(textIn(panel(desk), '[role="tab"] .tab-state')).toBe('Call · Wrap-up');
    await expect(textIn(panel(desk), '[part~="task"] .hint')).toBe('This task has ended. Complete its wrap-up to finish it.');
  },
};

/** Hold refused by the contact center: the reason appears by the controls, and the call is as it was. */
export const ActionRefused: Story = {
  play: async ({ canvasElement }) => {
    const desk = await readyDeskIn(canvasElement);
    await desk.connect(call);
    desk.failNext({ action: 'hold', code: 'rejected', message: 'Hold is not allowed on this queue.' });
    await press(desk, 'hold');
    await expect(textIn(panel(desk), '[part~="error"]')).toBe('Hold is not allowed on this queue.');
    await expect(badges(desk)).toEqual(['Recording']);
  },
};

/** Hold pressed, the contact center has not answered yet: the button shows progress and takes no second press. */
export const PendingAction: Story = {
  play: async ({ canvasElement }) => {
    const desk = await readyDeskIn(canvasElement);
    await desk.connect(call);
    desk.holdBack('hold');
    await press(desk, 'hold');
    const hold = $(desk, '[part~="task"] [data-action="hold"]')!;
    await expect(hold.getAttribute('aria-disabled')).toBe('true');
    await expect(hold.querySelector('.spinner')).not.toBeNull();
  },
};

/** Consult pressed while the list of agents is still on its way. */
export const DestinationsLoading: Story = {
  play: async ({ canvasElement }) => {
    const desk = await readyDeskIn(canvasElement);
    await desk.connect(call);
    desk.holdBack('destinations');
    await press(desk, 'consult');
    await expect(textIn(panel(desk), '#destination-loading')).toBe('Loading available agents…');
    await expect($(desk, '#destination')!.getAttribute('aria-busy')).toBe('true');
  },
};

/** The list of agents could not be loaded: the reason, and Try again. */
export const DestinationsFailed: Story = {
  play: async ({ canvasElement }) => {
    const desk = await readyDeskIn(canvasElement);
    await desk.connect(call);
    desk.failNext({ action: 'destinations', code: 'backend-error', message: 'The directory is not answering.' });
    await press(desk, 'consult');
    await until(() => $(desk, '[data-action="reload"]'), 'Try again');
    await desk.settle();
    await expect(textIn(panel(desk), '[role="alert"]')).toBe('The list could not be loaded: The directory is not answering.');
  },
};

/** No other agent is available: the list says so. */
export const DestinationsEmpty: Story = {
  play: async ({ canvasElement }) => {
    const desk = await readyDeskIn(canvasElement);
    await desk.connect(call);
    desk.answer('destinations', []);
    await press(desk, 'consult');
    await until(() => $(desk, '#destination')?.getAttribute('aria-busy') === 'false', 'the list');
    await desk.settle();
    await expect(textIn(panel(desk), '#destination ~ .hint')).toBe('No other agent is available right now.');
    await expect($$(desk, '#destination option').length).toBe(1);
  },
};

/** A social message (a direct message on a social network): no hold, mute or recording. */
export const Social: Story = {
  play: async ({ canvasElement }) => {
    const desk = await readyDeskIn(canvasElement);
    await desk.connect({ mediaType: 'social' });
    await expect(textIn(panel(desk), '[role="tab"][aria-selected="true"] .tab-state')).toContain('Social');
    await expect($(desk, '[data-action="hold"]')).toBeNull();
  },
};

/** On a call when the network drops: the desk is reconnecting (and stays so in this story). */
export const Reconnecting: Story = {
  play: async ({ canvasElement }) => {
    const desk = await readyDeskIn(canvasElement);
    await desk.connect(call);
    await desk.dropConnection();
    await expect(desk.sdk.state.connection).toBe('reconnecting');
    await expect(textIn(panel(desk), '[part~="header"] .who')).toBe('Priya Raman');
  },
};

/** The network came back after the drop: the desk re-synced and the call is as it was. */
export const BackOnline: Story = {
  play: async ({ canvasElement }) => {
    const desk = await readyDeskIn(canvasElement);
    await desk.connect(call);
    await desk.dropConnection();
    desk.server.restoreConnection();
    await desk.settle();
    await expect(desk.sdk.state.connection).toBe('connected');
    await expect(textIn(panel(desk), '[part~="header"] .who')).toBe('Priya Raman');
  },
};

/** Tokens (`--cc-task-panel-*`, global colors) and `::part(offer)`, `::part(header)`, `::part(timer)`; and dark. */
export const Theming: Story = {
  render: () =>
    themed(
      () => html`<cc-task-panel></cc-task-panel>`,
      `
      .cc-story-brand cc-task-panel { --cc-task-panel-offer-accent: #d97706; --cc-task-panel-held-color: #8a3b00; --cc-task-panel-gap: 12px; }
      cc-task-panel::part(offer) { border-radius: 16px; }
      cc-task-panel::part(header) { border-block-end: 2px solid var(--cc-color-accent, currentColor); padding-block-end: 6px; }
      cc-task-panel::part(timer) { font-weight: 700; }
      `,
    ),
  play: async ({ canvasElement }) => {
    const desk = await readyDeskIn(canvasElement);
    const taskId = await desk.connect(call);
    await desk.request('cc-task-hold-request', { taskId });
    await desk.advance(12_000);
    await desk.offer({ mediaType: 'chat' });
  },
};

/**
 * Offers and connections are announced; tasks are tabs (arrow keys move between them, selection follows);
 * the controls are a labelled group; focus lands on the selected task when the focused control goes away.
 */
export const Accessibility: Story = {
  play: async ({ canvasElement }) => {
    const desk = await readyDeskIn(canvasElement);
    await desk.offer({ mediaType: 'chat' });
    await expect(textIn(panel(desk), '[role="status"]')).toBe('Incoming chat from Priya Raman.');
    const accept = $(desk, '[part~="offer"] [data-action="accept"]')!;
    accept.focus();
    accept.click();
    await desk.settle();
    await expect(textIn(panel(desk), '[role="status"]')).toBe('Connected to Priya Raman.');
    const tab = $(desk, '[role="tab"][aria-selected="true"]')!;
    await expect(panel(desk).shadowRoot!.activeElement).toBe(tab);
    await desk.connect({ mediaType: 'email' });
    const first = $$(desk, '[role="tab"]')[0];
    first.focus();
    first.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true, composed: true }));
    await desk.settle();
    await expect(textIn(panel(desk), '[role="tab"][aria-selected="true"] .who')).toBe('Marcus Oyelaran');
    await expect(panel(desk).shadowRoot!.activeElement?.getAttribute('aria-selected')).toBe('true');
    await expect($(desk, '[part~="actions"][role="group"]')!.getAttribute('aria-label')).toBe('Task controls');
  },
};
