// The sample CRM page. It integrates with the agent desk through outcome events only:
// a screen pop on `cc-task-incoming` and call logging on `cc-task-wrapup`.
import '../define/all.js';
import './simulator-panel.js';
import { applyChoice, savedChoice } from './backend-switch.js';
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
const dialog = $<HTMLDialogElement>('#wrapup-dialog');
const reopen = $<HTMLButtonElement>('#wrapup-reopen');
// The backend chosen in the page's backend form (the simulator unless the visitor picked Webex).
const choice = savedChoice();
if (choice.backend !== 'simulator') applyChoice(choice, sdk, sdk.querySelector('cc-auth'));

const MEDIA_NAMES: Record<string, string> = { telephony: 'Call', chat: 'Chat', email: 'Email', social: 'Social message' };

let current: Customer | null = null;
let wrapupCodes: readonly AuxCode[] = [];
const owed = new Set<string>();
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

function syncWrapupDialog(): void {
  reopen.hidden = owed.size === 0 || dialog.open;
  if (owed.size === 0 && dialog.open) dialog.close();
}

function owe(task: TaskSnapshot): void {
  owed.add(task.id);
  // Not over a ringing offer: the agent answers it first, then reopens the wrap-up from the header.
  if (!dialog.open && !sdk.state.tasks.some((t) => t.state === 'offered')) dialog.showModal();
  syncWrapupDialog();
}

// ---- integration: outcome events from <cc-sdk> ----------------------------------------------------

sdk.addEventListener('cc-registered', (e) => {
  wrapupCodes = e.detail.profile.wrapupCodes;
});

sdk.addEventListener('cc-task-incoming', (e) => {
  const { task } = e.detail;
  const customer = match(task);
  const who = customer?.name ?? task.customerName ?? task.ani;
  $('#screen-pop').textContent = `${MEDIA_NAMES[task.mediaType]} from ${who}${customer ? ': record opened.' : ' (no matching record).'}`;
  if (customer) openRecord(customer);
  // A ringing offer comes first: the wrap-up waits behind the header's "Wrap-up owed" button.
  if (dialog.open) {
    dialog.close();
    syncWrapupDialog();
  }
});

sdk.addEventListener('cc-task-hydrate', (e) => {
  const { task } = e.detail;
  const customer = match(task);
  if (customer && !current) openRecord(customer);
  if (task.state === 'wrapup') owe(task);
});

sdk.addEventListener('cc-task-end', (e) => {
  if (e.detail.wrapupRequired) owe(e.detail.task);
});

sdk.addEventListener('cc-task-wrapup', (e) => {
  const { task, auxCodeId, notes } = e.detail;
  owed.delete(task.id);
  const customer = match(task);
  const code = wrapupCodes.find((c) => c.id === auxCodeId)?.name ?? auxCodeId;
  const seconds = task.connectedAt && task.endedAt ? Math.round((task.endedAt - task.connectedAt) / 1000) : 0;
  const who = customer?.name ?? task.customerName ?? task.ani;
  activities.push({
    customerId: customer?.id ?? null,
    title: `${MEDIA_NAMES[task.mediaType]} with ${who} · ${code}`,
    detail: `${notes || 'No notes.'} (${Math.floor(seconds / 60)} min ${seconds % 60} s, ${task.queue?.name ?? 'no queue'})`,
    at: Date.now(),
  });
  sessionStorage.setItem(TIMELINE_KEY, JSON.stringify(activities));
  renderTimeline();
  syncWrapupDialog();
});

sdk.addEventListener('cc-signed-out', () => {
  owed.clear();
  syncWrapupDialog();
});

// ---- the page's own controls ----------------------------------------------------------------------

$('#wrapup-later').addEventListener('click', () => {
  dialog.close();
  syncWrapupDialog();
});
dialog.addEventListener('close', syncWrapupDialog);
reopen.addEventListener('click', () => {
  dialog.showModal();
  syncWrapupDialog();
});

if (new URLSearchParams(location.search).get('theme') === 'dark') document.documentElement.classList.add('dark');

openRecord(customers[0]);
