/**
 * The kit's refusals in the agent's language: a refusal the core or the simulated contact center makes is
 * shown next to its control in the language of `<cc-sdk locale>` (with the words of the action and the media
 * it names, and the plural its language needs), while the page's `cc-error` keeps its English message. The
 * page's `setLocaleStrings('messages', …)` wins over the bundle; a key the bundle lacks is reported and the
 * whole message shows in English.
 */
import { expect, html } from '@open-wc/testing';
import '../../define/all.js';
import { setLocaleStrings } from '../../src/base/cc-widget.js';
import { REFUSALS } from '../../src/core/actions.js';
import type { CcErrorInfo } from '../../src/core/errors.js';
import { loadBundle, onMissingString } from '../../src/locales/index.js';
import type { CcSdk } from '../../components/cc-sdk/cc-sdk.js';
import { detailsOf, sdkFixture, until } from '../helpers.js';

const WIDGETS = ['cc-station-login', 'cc-task-panel'];
/** Visible text, with the Unicode isolates a right-to-left widget puts around numbers taken out. */
const squash = (text: string | null | undefined) => text?.replace(/[\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim() ?? '';

async function desk(locale: string) {
  const sdkEl = document.createElement('cc-sdk');
  sdkEl.setAttribute('locale', locale);
  for (const tag of WIDGETS) sdkEl.append(document.createElement(tag));
  const rig = await sdkFixture(html`${sdkEl}`);
  const root = (tag: string) => (rig.sdk.querySelector(tag) as HTMLElement).shadowRoot!;
  const settle = async () => {
    await until(() => Object.keys(rig.sdk.state.pending).length === 0, 3000, 'no pending request');
    for (const tag of WIDGETS) await (rig.sdk.querySelector(tag) as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete;
  };
  await ready(rig.sdk);
  await settle();
  return { ...rig, root, settle };
}

async function ready(sdk: CcSdk) {
  await sdk.request('cc-sign-in-request', { accessToken: 'token' });
  await sdk.request('cc-station-login-request', { teamId: 'team-support', loginOption: 'BROWSER' });
  await sdk.request('cc-agent-state-request', { state: 'Available', auxCodeId: '0' });
}

/** A connected call whose customer waits on hold while the agent consults a colleague. */
async function consulting(r: Awaited<ReturnType<typeof desk>>): Promise<string> {
  r.server.offer({ mediaType: 'telephony' });
  const taskId = r.sdk.state.tasks[0].id;
  await r.sdk.request('cc-task-accept-request', { taskId });
  await r.sdk.request('cc-task-consult-request', { taskId, destination: { type: 'agent', to: 'agent-sam' } });
  await r.settle();
  return taskId;
}

/** The messages shown under the task panel's controls. */
const panelErrors = (r: Awaited<ReturnType<typeof desk>>) => [...r.root('cc-task-panel').querySelectorAll('[part~="error"]')].map((e) => squash(e.textContent));

const lastError = (r: Awaited<ReturnType<typeof desk>>) => detailsOf(r.events, 'cc-error').at(-1) as CcErrorInfo;

describe('refusals in the agent’s language', () => {
  it('shows a refusal next to its control in French, and cc-error keeps the English message', async () => {
    const missing: string[] = [];
    const off = onMissingString((tag, key, bundle) => missing.push(`${tag} → ${key} (${bundle})`));
    try {
      const r = await desk('fr');
      const taskId = await consulting(r);

      // Resume during a consult: refused by the core, shown under the call's controls.
      await r.sdk.request('cc-task-resume-request', { taskId });
      await r.settle();
      expect(panelErrors(r)).to.include('Terminez la consultation avant de reprendre le client.');
      expect(lastError(r)).to.deep.equal({ action: 'task-resume', code: 'invalid-state', message: 'End the consult before resuming the customer.' });

      // Log out with a call open: shown by the station login's Log out button.
      await r.sdk.request('cc-station-logout-request', {});
      await r.settle();
      expect(squash(r.root('cc-station-login').querySelector('#logout-error')?.textContent)).to.equal(
        'Vous ne pouvez pas fermer la session du poste tant qu’une tâche ou un post-appel est ouvert.',
      );
      expect(lastError(r).message).to.equal(REFUSALS.logoutWithTasks.message);

      // A refusal that names the action and the media: both in French.
      r.server.offer({ mediaType: 'chat' });
      const chat = r.sdk.state.tasks.find((t) => t.mediaType === 'chat')!.id;
      await r.sdk.request('cc-task-accept-request', { taskId: chat });
      await r.sdk.request('cc-task-hold-request', { taskId: chat });
      await r.settle();
      expect(panelErrors(r)).to.include('Action impossible (mise en attente) sur une tâche de type chat.');
      expect(lastError(r).message).to.equal('Cannot hold a chat task.');
    } finally {
      off();
    }
    expect(missing, 'messages shown in English because the French bundle lacks them').to.deep.equal([]);
  });

  it('shows the same refusals in Arabic, right to left, with the dual of a count', async () => {
    const r = await desk('ar');
    const taskId = await consulting(r);
    await r.sdk.request('cc-task-resume-request', { taskId });
    await r.settle();
    expect(panelErrors(r)).to.include('أنهِ الاستشارة قبل العودة إلى العميل.');
    expect(lastError(r).message).to.equal('End the consult before resuming the customer.');
    expect(getComputedStyle(r.root('cc-task-panel').querySelector('[part~="error"]')!).direction).to.equal('rtl');

    // A dial number of two digits: Arabic's dual ("رقمان"), the number itself kept left to right.
    await r.sdk.request('cc-task-consult-end-request', { taskId });
    await r.sdk.request('cc-task-transfer-request', { taskId, destination: { type: 'dialNumber', to: '12' } });
    await r.settle();
    const shown = [...r.root('cc-task-panel').querySelectorAll('[part~="error"]')].map((e) => e.textContent ?? '');
    const dial = shown.find((text) => text.includes('رقم اتصال'));
    expect(dial, `the refused number among ${JSON.stringify(shown)}`).to.not.equal(undefined);
    expect(dial).to.contain('(رقمان)');
    expect(dial).to.contain('\u206612\u2069');
    expect(lastError(r).message).to.equal('12 is too short for a dial number (2 digits). Use 3 to 15 digits, with an optional leading +.');
  });

  it('shows text from the network as it came, and the page’s own words over the bundle', async () => {
    const r = await desk('fr');
    const taskId = await consulting(r);
    // A contact center's own reason has no key: shown as sent.
    r.server.failNext({ action: 'hold', code: 'rejected', message: 'Hold is not allowed right now.' });
    await r.sdk.request('cc-task-consult-end-request', { taskId });
    await r.sdk.request('cc-task-resume-request', { taskId });
    await r.sdk.request('cc-task-hold-request', { taskId });
    await r.settle();
    expect(panelErrors(r)).to.include('Hold is not allowed right now.');

    setLocaleStrings('messages', { alreadyHeld: 'Déjà en attente, voyons !' });
    try {
      await r.sdk.request('cc-task-consult-request', { taskId, destination: { type: 'agent', to: 'agent-sam' } });
      await r.sdk.request('cc-task-hold-request', { taskId });
      await r.settle();
      await until(() => panelErrors(r).includes('Déjà en attente, voyons !'), 2000, 'the page’s words');
      expect(lastError(r).message).to.equal('The call is already on hold.');
    } finally {
      setLocaleStrings('messages', { alreadyHeld: undefined as unknown as string });
    }
  });

  it('reports a message key the bundle lacks, and shows that message in English', async () => {
    const bundle = (await loadBundle('fr')) as unknown as Record<string, Record<string, string>>;
    const saved = bundle.messages['verb:task-hold'];
    delete bundle.messages['verb:task-hold'];
    const missing: string[] = [];
    const off = onMissingString((tag, key, locale) => missing.push(`${tag} ${key} ${locale}`));
    try {
      const r = await desk('fr');
      r.server.offer({ mediaType: 'chat' });
      const chat = r.sdk.state.tasks[0].id;
      await r.sdk.request('cc-task-accept-request', { taskId: chat });
      await r.sdk.request('cc-task-hold-request', { taskId: chat });
      await r.settle();
      expect(panelErrors(r)).to.include('Cannot hold a chat task.');
      expect(missing).to.include('messages verb:task-hold fr');
    } finally {
      off();
      bundle.messages['verb:task-hold'] = saved;
    }
  });

  it('shows a backend’s own error in French next to the sign-in form, and cc-error keeps the English message', async () => {
    const missing: string[] = [];
    const off = onMissingString((tag, key, bundle) => missing.push(`${tag} → ${key} (${bundle})`));
    try {
      const sdkEl = document.createElement('cc-sdk');
      sdkEl.setAttribute('locale', 'fr');
      sdkEl.append(document.createElement('cc-auth'));
      const r = await sdkFixture(html`${sdkEl}`);
      const auth = r.sdk.querySelector('cc-auth') as HTMLElement & { updateComplete: Promise<boolean> };
      // The simulated contact center's network is down: its backend refuses the sign-in in its own words.
      r.server.dropConnection(null);
      await r.sdk.request('cc-sign-in-request', { accessToken: 'token' });
      await until(() => Object.keys(r.sdk.state.pending).length === 0, 3000, 'the sign-in settles');
      await auth.updateComplete;
      expect(squash(auth.shadowRoot!.querySelector('#token-error')?.textContent)).to.equal('Le centre de contact est injoignable.');
      expect(auth.shadowRoot!.querySelector('[part="input"]')!.getAttribute('aria-describedby')).to.equal('token-error');
      expect(lastError(r as unknown as Awaited<ReturnType<typeof desk>>)).to.deep.equal({
        action: 'sign-in',
        code: 'offline',
        message: 'The contact center cannot be reached.',
      });
    } finally {
      off();
    }
    expect(missing, 'messages shown in English because the French bundle lacks them').to.deep.equal([]);
  });
});
