// The sample CRM page. It integrates with the agent desk through outcome events only: a screen pop on
// `cc-task-incoming` (an offer), `cc-task-assigned` (connected, outbound calls included) and `cc-task-hydrate`
// (after a reload), kept true on `cc-task-rejected` and `cc-signed-out`; call logging on `cc-task-wrapup`.
import '../define/all.js';
import './simulator-panel.js';
import { applyChoice, savedChoice, statsEndpoint } from './backend-switch.js';
import { simulatorCustomers } from '../src/backends/simulator/data.js';
import type { AuxCode, TaskSnapshot } from '../src/core/types.js';

interface Customer {
  id: string;
  name: string;
  phone: string;
  email: string;
  handle: string;
  account: string;
  plan: string;
  city: string;
  since: string;
}

interface Activity {
  customerId: string | null;
  title: string;
  detail: string;
  at: number;
}

const PLANS = ['Business Plus', 'Starter', 'Enterprise', 'Business'];
const CITIES = ['San Francisco', 'London', 'Berlin', 'Madrid'];

// The CRM's own records; the simulator's callers are among them.
const customers: Customer[] = simulatorCustomers.map((c, i) => ({
  id: c.account,
  name: c.name,
  phone: c.phone,
  email: c.email,
  handle: c.handle,
  account: c.account,
  plan: PLANS[i % PLANS.length],
  city: CITIES[i % CITIES.length],
  since: `20${18 + i}`,
}));

const $ = <T extends Element>(selector: string) => document.querySelector(selector) as T;
const sdk = $('#desk') as HTMLElementTagNameMap['cc-sdk'];
const wrapupArea = $<HTMLElement>('#wrapup-area');
const reopen = $<HTMLButtonElement>('#wrapup-reopen');
const popBar = $<HTMLElement>('#screen-pop-bar');
const popText = $<HTMLElement>('#screen-pop');
const popOpen = $<HTMLButtonElement>('#screen-pop-open');
// The backend chosen in the page's backend form (the simulator unless the visitor picked Webex).
const choice = savedChoice();
if (choice.backend !== 'simulator') applyChoice(choice, sdk, sdk.querySelector('cc-auth'));

// Signed in on Webex through the server companion, or on TCCC: the statistics widgets poll the companion's
// statistics route (neither backend reports figures of its own); signed out, they go back to the desk's (and say
// "Sign in").
const endpoint = statsEndpoint(choice);
if (endpoint) {
  const widgets = () => document.querySelectorAll('cc-queue-stats, cc-agent-stats');
  sdk.addEventListener('cc-ready', () => {
    for (const widget of widgets()) {
      widget.setAttribute('poll-interval', '5');
      widget.setAttribute('stats-endpoint', endpoint);
    }
  });
  sdk.addEventListener('cc-signed-out', () => widgets().forEach((w) => w.removeAttribute('stats-endpoint')));
}

const MEDIA_NAMES: Record<string, string> = { telephony: 'Call', chat: 'Chat', email: 'Email', social: 'Social message' };
const REJECTED: Record<string, string> = {
  declined: 'was declined',
  rona: 'was not answered in time and went back to the queue',
  cancelled: 'ended before it was answered',
};

let current: Customer | null = null;
let wrapupCodes: readonly AuxCode[] = [];
/** The task the screen-pop banner is about. */
let poppedTaskId: string | null = null;
/** The task whose record the desk last brought up (a connected task, or the wrap-up in view). */
let recordTaskId: string | null = null;
const TIMELINE_KEY = 'northwind-crm-timeline';
const activities: Activity[] = JSON.parse(sessionStorage.getItem(TIMELINE_KEY) ?? '[]');

function match(task: TaskSnapshot): Customer | undefined {
  const ani = task.ani.toLowerCase();
  return customers.find((c) => [c.phone, c.email.toLowerCase(), c.handle.toLowerCase()].includes(ani));
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, attrs: Record<string, string> = {}) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text; // network text is always text, never HTML
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

function renderCustomers(): void {
  const list = $('#customer-list');
  list.replaceChildren(
    ...customers.map((c) => {
      const item = el('li');
      const button = el('button', c.name, { type: 'button', 'aria-current': String(c === current) });
      button.addEventListener('click', () => openRecord(c));
      item.append(button);
      return item;
    }),
  );
}

function openRecord(customer: Customer): void {
  current = customer;
  $('#record-title').textContent = customer.name;
  const fields: [string, string][] = [
    ['Account', customer.account],
    ['Phone', customer.phone],
    ['Email', customer.email],
    ['Social', customer.handle],
    ['Plan', customer.plan],
    ['City', customer.city],
    ['Customer since', customer.since],
  ];
  $('#record-fields').replaceChildren(...fields.flatMap(([k, v]) => [el('dt', k), el('dd', v)]));
  renderCustomers();
  renderTimeline();
}

function renderTimeline(): void {
  const mine = activities.filter((a) => !current || a.customerId === current.id || a.customerId === null).slice().reverse();
  const items = mine.map((a) => {
    const li = el('li');
    li.append(el('strong', a.title), el('div', a.detail), el('div', new Date(a.at).toLocaleString(), { class: 'meta' }));
    return li;
  });
  $('#timeline').replaceChildren(...(items.length ? items : [el('li', 'No activity yet.', { class: 'meta' })]));
}

const who = (task: TaskSnapshot, customer = match(task)) => customer?.name ?? task.customerName ?? task.ani;
const isLive = (t: TaskSnapshot) => t.state === 'connected';

/** The banner above the record: what the desk just did to it. `offer` adds a button that opens that record. */
function showPop(task: TaskSnapshot | null, text: string, offer?: Customer): void {
  poppedTaskId = task?.id ?? null;
  popText.textContent = text; // network text (a customer's name) is set as text, never HTML
  popOpen.hidden = !offer;
  popOpen.textContent = offer ? `Open ${offer.name}'s record` : '';
  popOpen.onclick = offer
    ? () => {
        openRecord(offer);
        showPop(task, `${MEDIA_NAMES[task!.mediaType]} from ${offer.name}: record opened.`);
      }
    : null;
  popBar.hidden = !text;
}

/** Opens the record of the customer the desk is dealing with on `task`; says so in the banner. */
function popRecord(task: TaskSnapshot, text: (name: string, found: boolean) => string): void {
  const customer = match(task);
  if (customer) openRecord(customer);
  recordTaskId = task.id;
  showPop(task, text(who(task, customer), Boolean(customer)));
}

const opened = (found: boolean) => (found ? ': record opened.' : ' (no matching record).');

/**
 * The wrap-ups owed, the first in line (the one `<cc-wrapup>` shows) first. Shown beside the task panel while
 * any is owed; when the agent is on no call, the record follows the wrap-up in view, so the page and the
 * wrap-up always name the same customer.
 */
function syncWrapup(): void {
  const owed = sdk.state.tasks.filter((t) => t.state === 'wrapup').sort((a, b) => (a.endedAt ?? 0) - (b.endedAt ?? 0));
  wrapupArea.hidden = owed.length === 0;
  reopen.hidden = owed.length === 0;
  reopen.textContent = owed.length > 1 ? `${owed.length} wrap-ups owed` : 'Wrap-up owed';
  const first = owed[0];
  if (first && !sdk.state.tasks.some(isLive) && recordTaskId !== first.id) {
    popRecord(first, (name, found) => `Wrap-up of the ${MEDIA_NAMES[first.mediaType].toLowerCase()} with ${name}${opened(found)}`);
  }
}

// ---- integration: outcome events from <cc-sdk> ----------------------------------------------------

sdk.addEventListener('cc-registered', (e) => {
  wrapupCodes = e.detail.profile.wrapupCodes;
});

sdk.addEventListener('cc-task-incoming', (e) => {
  const { task } = e.detail;
  const customer = match(task);
  const onCall = sdk.state.tasks.find((t) => isLive(t) && t.id !== task.id);
  if (onCall && current) {
    // The agent is talking to someone: the offer never takes their record away; one click opens it.
    const talkingTo = match(onCall)?.name ?? current.name;
    showPop(
      task,
      `${MEDIA_NAMES[task.mediaType]} from ${who(task, customer)} is waiting${customer ? '' : ' (no matching record)'}. You are still on ${talkingTo}'s record.`,
      customer && customer !== current ? customer : undefined,
    );
    return;
  }
  popRecord(task, (name, found) => `${MEDIA_NAMES[task.mediaType]} from ${name}${opened(found)}`);
});

sdk.addEventListener('cc-task-assigned', (e) => {
  const { task } = e.detail;
  // Outbound calls have no offer: this is their screen pop. An accepted offer brings its record up too.
  popRecord(task, (name, found) =>
    task.direction === 'outbound'
      ? `Outbound ${MEDIA_NAMES[task.mediaType].toLowerCase()} to ${name}${opened(found)}`
      : `${MEDIA_NAMES[task.mediaType]} with ${name}${opened(found)}`,
  );
});

const HYDRATE_RANK: Record<string, number> = { connected: 3, wrapup: 2, offered: 1 };
let hydratedRank = 0;
sdk.addEventListener('cc-task-hydrate', (e) => {
  const { task } = e.detail;
  // After a reload: the record of the task the agent is on, else of the wrap-up being done, else of the offer.
  const rank = HYDRATE_RANK[task.state] ?? 0;
  if (rank > hydratedRank) {
    hydratedRank = rank;
    const doing = task.state === 'wrapup' ? 'Wrap-up of the' : task.state === 'offered' ? 'Ringing:' : 'Back on the';
    popRecord(task, (name, found) => `${doing} ${MEDIA_NAMES[task.mediaType].toLowerCase()} ${task.state === 'offered' ? 'from' : 'with'} ${name}${opened(found)}`);
  }
  queueMicrotask(() => (hydratedRank = 0));
  syncWrapup();
});

sdk.addEventListener('cc-task-rejected', (e) => {
  const { task, reason } = e.detail;
  if (poppedTaskId === task.id) showPop(task, `${MEDIA_NAMES[task.mediaType]} from ${who(task)} ${REJECTED[reason] ?? 'was withdrawn'}.`);
  if (recordTaskId === task.id) recordTaskId = null;
});

sdk.addEventListener('cc-task-end', (e) => {
  const { task, wrapupRequired } = e.detail;
  // Finished with nothing owed: a banner about it would be stale.
  if (!wrapupRequired && poppedTaskId === task.id) showPop(null, '');
  syncWrapup();
});

/** Each conversation's messages as the desk announced them (`cc-message`, once each): logged with the wrap-up. */
const transcripts = new Map<string, string[]>();
sdk.addEventListener('cc-message', (e) => {
  const { task, message } = e.detail;
  const line = `${message.from === 'agent' ? 'Agent' : message.from === 'system' ? 'System' : (message.author ?? 'Customer')}: ${message.text}`;
  transcripts.set(task.id, [...(transcripts.get(task.id) ?? []), line]);
});

sdk.addEventListener('cc-task-wrapup', (e) => {
  const { task, auxCodeId, notes } = e.detail;
  const transcript = transcripts.get(task.id) ?? [];
  transcripts.delete(task.id);
  const customer = match(task);
  const code = wrapupCodes.find((c) => c.id === auxCodeId)?.name ?? auxCodeId;
  const seconds = task.connectedAt && task.endedAt ? Math.round((task.endedAt - task.connectedAt) / 1000) : 0;
  activities.push({
    customerId: customer?.id ?? null,
    title: `${MEDIA_NAMES[task.mediaType]} with ${who(task, customer)} · ${code}`,
    detail: `${notes || 'No notes.'} (${Math.floor(seconds / 60)} min ${seconds % 60} s, ${task.queue?.name ?? 'no queue'})${
      transcript.length ? ` · transcript of ${transcript.length} message${transcript.length === 1 ? '' : 's'} logged; last: “${transcript.at(-1)!.slice(0, 80)}”` : ''
    }`,
    at: Date.now(),
  });
  sessionStorage.setItem(TIMELINE_KEY, JSON.stringify(activities));
  renderTimeline();
  // The task is finished: a banner about it would be stale.
  if (poppedTaskId === task.id) showPop(null, '');
  if (recordTaskId === task.id) recordTaskId = null;
  syncWrapup();
});

sdk.addEventListener('cc-signed-out', () => {
  showPop(null, '');
  recordTaskId = null;
  syncWrapup();
});

// ---- this tab's part in the session ---------------------------------------------------------------

// Open the page in a second tab: one tab leads (it holds the session, the connection and the call audio), the
// others follow it, and when the leader closes another takes over. Every tab hears every outcome (each one's
// screen pop works); a CRM that writes to its server would do so where `e.detail.leader` holds, once.
const ROLE_TEXT = { leader: 'Leader tab', follower: 'Follower tab', independent: 'Own session' } as const;
const ROLE_TITLE = {
  leader: 'This tab holds the agent session, the connection and the call audio; other tabs of this page mirror it.',
  follower: 'This tab mirrors the leader tab and sends your actions there; it takes over if the leader closes.',
  independent: 'This tab has an agent session of its own.',
} as const;
const roleBadge = $<HTMLElement>('#tab-role');
const showRole = () => {
  const role = sdk.role;
  roleBadge.hidden = !role;
  roleBadge.textContent = role ? ROLE_TEXT[role] : '';
  roleBadge.title = role ? ROLE_TITLE[role] : '';
  roleBadge.dataset.role = role ?? '';
};
sdk.addEventListener('cc-tab-role', showRole);
showRole();

// ---- the page's own controls ----------------------------------------------------------------------

// "Wrap-up owed" in the header brings the wrap-up into view (it is below the fold on a small screen).
reopen.addEventListener('click', () => {
  wrapupArea.scrollIntoView({ block: 'nearest' });
  wrapupArea.focus();
});

if (new URLSearchParams(location.search).get('theme') === 'dark') document.documentElement.classList.add('dark');

showPop(null, '');
openRecord(customers[0]);

// Preflight: "Check this computer" shows the checks and runs them (again on every press).
const preflightOpen = document.querySelector<HTMLButtonElement>('#preflight-open');
const preflightArea = document.querySelector<HTMLElement>('#preflight-area');
preflightOpen?.addEventListener('click', () => {
  if (!preflightArea) return;
  preflightArea.hidden = false;
  preflightOpen.setAttribute('aria-expanded', 'true');
  void preflightArea.querySelector('cc-preflight')?.run();
});
