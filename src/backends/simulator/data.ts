import type { DestinationOption, MediaType, OutdialOrigin, Profile } from '../../core/types.js';

/** The simulated agent's profile: what `register()` returns. */
export const simulatorProfile: Profile = {
  agentId: 'agent-dana',
  agentName: 'Dana Whitfield',
  email: 'dana.whitfield@example.com',
  teams: [
    { id: 'team-support', name: 'Customer Support' },
    { id: 'team-billing', name: 'Billing' },
    { id: 'team-sales', name: 'Sales' },
  ],
  loginOptions: ['BROWSER', 'AGENT_DN', 'EXTENSION'],
  dialRules: {
    AGENT_DN: { pattern: '\\+[1-9][0-9]{7,14}', example: '+14155550123' },
    EXTENSION: { pattern: '[0-9]{4}', example: '1042' },
  },
  defaultDialNumber: '+14155550123',
  idleCodes: [
    { id: 'idle-break', name: 'Break', isDefault: true },
    { id: 'idle-lunch', name: 'Lunch' },
    { id: 'idle-meeting', name: 'Meeting' },
    { id: 'idle-training', name: 'Training' },
    { id: 'idle-admin', name: 'Admin work' },
  ],
  wrapupCodes: [
    { id: 'wrap-resolved', name: 'Resolved', isDefault: true },
    { id: 'wrap-followup', name: 'Follow-up needed' },
    { id: 'wrap-escalated', name: 'Escalated' },
    { id: 'wrap-sale', name: 'Sale made' },
    { id: 'wrap-wrong-number', name: 'Wrong number' },
  ],
  autoWrapupSeconds: null,
};

export interface SimCustomer {
  readonly name: string;
  readonly phone: string;
  readonly email: string;
  readonly handle: string;
  readonly account: string;
}

/** The customers the simulator's offers come from; the sample CRM page has the same records. */
export const simulatorCustomers: readonly SimCustomer[] = [
  { name: 'Priya Raman', phone: '+14155550142', email: 'priya.raman@example.org', handle: '@priya', account: 'AC-10442' },
  { name: 'Marcus Oyelaran', phone: '+442071838750', email: 'marcus@oyelaran.example', handle: '@marcus.o', account: 'AC-20871' },
  { name: 'Lena Fischer', phone: '+4930123456789', email: 'lena.fischer@example.de', handle: '@lenaf', account: 'AC-31005' },
  { name: 'Tomás Álvarez', phone: '+34911234567', email: 'tomas.alvarez@example.es', handle: '@tomas', account: 'AC-40190' },
];

export const simulatorQueues: readonly DestinationOption[] = [
  { type: 'queue', to: 'queue-support', name: 'Support queue' },
  { type: 'queue', to: 'queue-billing', name: 'Billing queue' },
  { type: 'queue', to: 'queue-escalations', name: 'Escalations' },
];

/** Entry points a call may be consulted or transferred to (their flows take it on). */
export const simulatorEntryPoints: readonly DestinationOption[] = [
  { type: 'entryPoint', to: 'ep-after-hours', name: 'After-hours line' },
  { type: 'entryPoint', to: 'ep-survey', name: 'Satisfaction survey' },
];

/** The address book: named numbers a call may be consulted or transferred to. */
export const simulatorAddressBook: readonly DestinationOption[] = [
  { type: 'dialNumber', to: '+14155550188', name: 'Legal desk' },
  { type: 'dialNumber', to: '+442071838700', name: 'London office' },
];

/** The numbers an outbound call may show the customer, the default first. */
export const simulatorOutdialOrigins: readonly OutdialOrigin[] = [
  { number: '+18005550100', name: 'Main line' },
  { number: '+18005550199', name: 'Sales line' },
];

/** Other agents: those Available may be consulted or transferred to. */
export const simulatorBuddies: readonly (DestinationOption & { readonly available: boolean })[] = [
  { type: 'agent', to: 'agent-sam', name: 'Sam Okafor', detail: 'Customer Support', available: true },
  { type: 'agent', to: 'agent-ines', name: 'Inés Moreau', detail: 'Billing', available: true },
  { type: 'agent', to: 'agent-kai', name: 'Kai Nakamura', detail: 'Sales', available: false },
];

/** Extensions that exist in the simulated phone system. */
export const knownExtension = (ext: string): boolean => /^1[0-9]{3}$/.test(ext);

/** How many tasks of each media the agent may hold at once. */
export const channelCapacity: Readonly<Record<MediaType, number>> = { telephony: 1, chat: 3, email: 2, social: 2, other: 1 };
