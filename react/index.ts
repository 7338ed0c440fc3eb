// React wrappers for the kit's elements (`cc-elements/react`), made with @lit/react: properties are set as
// properties (a Backend object, `strings`), and every event of an element is an `onX` prop, typed with its
// event class: `<CcSdk onCcTaskIncoming={(e) => openRecord(e.detail.task)} />`.
// Importing this module defines the ten tags. React comes from the app; @lit/react is a dependency of the kit.
import { createComponent, type EventName, type ReactWebComponent } from '@lit/react';
import * as React from 'react';
import { CcAuth as CcAuthElement } from '../define/cc-auth.js';
import { CcSdk as CcSdkElement } from '../define/cc-sdk.js';
import { CcStateSelect as CcStateSelectElement } from '../define/cc-state-select.js';
import { CcStationLogin as CcStationLoginElement } from '../define/cc-station-login.js';
import { CcTaskPanel as CcTaskPanelElement } from '../define/cc-task-panel.js';
import { CcWrapup as CcWrapupElement } from '../define/cc-wrapup.js';
import { CcQueueStats as CcQueueStatsElement } from '../define/cc-queue-stats.js';
import { CcAgentStats as CcAgentStatsElement } from '../define/cc-agent-stats.js';
import { CcConversation as CcConversationElement } from '../define/cc-conversation.js';
import { CcPreflight as CcPreflightElement } from '../define/cc-preflight.js';
import { requestsOf } from '../src/core/actions.js';
import { outcomeEvents, requestEvents } from '../src/events/catalog.js';
import type { CcEventMap } from '../src/events/events.js';

type CcEventName = keyof CcEventMap;

/** `cc-task-incoming` → `CcTaskIncoming`. */
type Pascal<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Capitalize<Head>}${Pascal<Tail>}` : Capitalize<S>;

/** The prop of an event: `cc-task-incoming` → `onCcTaskIncoming`. */
export type EventProp<N extends string> = `on${Pascal<N>}`;

/** The `events` option of `createComponent` for these events: each prop typed with its event class. */
export type EventProps<N extends CcEventName> = { [K in N as EventProp<K>]: EventName<CcEventMap[K]> };

/** `cc-task-incoming` → `onCcTaskIncoming`. */
export const eventProp = <N extends string>(name: N): EventProp<N> =>
  `on${name.replace(/(^|-)([a-z])/g, (_m, _dash: string, c: string) => c.toUpperCase())}` as EventProp<N>;

function eventProps<N extends CcEventName>(names: readonly N[]): EventProps<N> {
  return Object.fromEntries(names.map((name) => [eventProp(name), name])) as unknown as EventProps<N>;
}

// Each widget's requests are the ones the action table says it offers (`offeredBy`).
const authEvents = eventProps(requestsOf('cc-auth'));
const stationLoginEvents = eventProps(requestsOf('cc-station-login'));
const stateSelectEvents = eventProps(requestsOf('cc-state-select'));
const taskPanelEvents = eventProps(requestsOf('cc-task-panel'));
const wrapupEvents = eventProps(requestsOf('cc-wrapup'));
const conversationEvents = eventProps(requestsOf('cc-conversation'));
/**
 * `<cc-sdk>` announces every outcome; every widget's request bubbles up to it too, so a page can veto any
 * request in one place (`onCcWrapupRequest={(e) => e.detail.notes || e.preventDefault()}`).
 */
const sdkEvents = eventProps<CcEventName>([...outcomeEvents, ...requestEvents]);

/** Each tag's event props, from the event catalog and the action table (checked against the manifest in the tests). */
export const reactEvents = {
  'cc-sdk': sdkEvents,
  'cc-auth': authEvents,
  'cc-station-login': stationLoginEvents,
  'cc-state-select': stateSelectEvents,
  'cc-task-panel': taskPanelEvents,
  'cc-wrapup': wrapupEvents,
  'cc-queue-stats': {},
  'cc-agent-stats': {},
  'cc-conversation': conversationEvents,
  'cc-preflight': {},
} as const;

/** `<cc-sdk>`: the backend, the store and every outcome event (`onCcTaskIncoming`, `onCcTaskWrapup`, …). */
export const CcSdk: ReactWebComponent<CcSdkElement, typeof sdkEvents> = createComponent({
  react: React,
  tagName: 'cc-sdk',
  elementClass: CcSdkElement,
  events: sdkEvents,
  displayName: 'CcSdk',
});

/** `<cc-auth>`: sign-in and sign-out. */
export const CcAuth: ReactWebComponent<CcAuthElement, typeof authEvents> = createComponent({
  react: React,
  tagName: 'cc-auth',
  elementClass: CcAuthElement,
  events: authEvents,
  displayName: 'CcAuth',
});

/** `<cc-station-login>`: team, login option and dial number. */
export const CcStationLogin: ReactWebComponent<CcStationLoginElement, typeof stationLoginEvents> = createComponent({
  react: React,
  tagName: 'cc-station-login',
  elementClass: CcStationLoginElement,
  events: stationLoginEvents,
  displayName: 'CcStationLogin',
});

/** `<cc-state-select>`: Available or Idle with a reason. */
export const CcStateSelect: ReactWebComponent<CcStateSelectElement, typeof stateSelectEvents> = createComponent({
  react: React,
  tagName: 'cc-state-select',
  elementClass: CcStateSelectElement,
  events: stateSelectEvents,
  displayName: 'CcStateSelect',
});

/** `<cc-task-panel>`: offers, tasks and their controls. */
export const CcTaskPanel: ReactWebComponent<CcTaskPanelElement, typeof taskPanelEvents> = createComponent({
  react: React,
  tagName: 'cc-task-panel',
  elementClass: CcTaskPanelElement,
  events: taskPanelEvents,
  displayName: 'CcTaskPanel',
});

/** `<cc-wrapup>`: wrap-up code and notes. */
export const CcWrapup: ReactWebComponent<CcWrapupElement, typeof wrapupEvents> = createComponent({
  react: React,
  tagName: 'cc-wrapup',
  elementClass: CcWrapupElement,
  events: wrapupEvents,
  displayName: 'CcWrapup',
});

/** `<cc-queue-stats>`: each queue's figures, the service-level warning and an hour's trend (it sends no events). */
export const CcQueueStats: ReactWebComponent<CcQueueStatsElement> = createComponent({
  react: React,
  tagName: 'cc-queue-stats',
  elementClass: CcQueueStatsElement,
  displayName: 'CcQueueStats',
});

/** `<cc-agent-stats>`: the agent's handled contacts and time in each state (it sends no events). */
export const CcAgentStats: ReactWebComponent<CcAgentStatsElement> = createComponent({
  react: React,
  tagName: 'cc-agent-stats',
  elementClass: CcAgentStatsElement,
  displayName: 'CcAgentStats',
});

/** `<cc-conversation>`: the transcript and the reply of a chat, social or email task. */
export const CcConversation: ReactWebComponent<CcConversationElement, typeof conversationEvents> = createComponent({
  react: React,
  tagName: 'cc-conversation',
  elementClass: CcConversationElement,
  events: conversationEvents,
  displayName: 'CcConversation',
});

/** `<cc-preflight>`: the checks before a shift (its result is `<cc-sdk>`'s `cc-preflight` outcome: `onCcPreflight`). */
export const CcPreflight: ReactWebComponent<CcPreflightElement> = createComponent({
  react: React,
  tagName: 'cc-preflight',
  elementClass: CcPreflightElement,
  displayName: 'CcPreflight',
});

/** The element classes, for refs: `useRef<CcSdkElement>(null)`, then `ref.current.simulator`. */
export type {
  CcAgentStatsElement,
  CcAuthElement,
  CcConversationElement,
  CcPreflightElement,
  CcQueueStatsElement,
  CcSdkElement,
  CcStateSelectElement,
  CcStationLoginElement,
  CcTaskPanelElement,
  CcWrapupElement,
};
