/**
 * Languages on the simulator: `<cc-sdk locale>` (or `lang`, or the page's `<html lang>`) picks a bundle that
 * loads on first use; every widget then speaks it in every state, with no English left (a string missing from
 * the bundle is reported and fails here); the page's own strings still win; numbers, timers and plurals go
 * through Intl in that language.
 */
import { expect, html } from '@open-wc/testing';
import '../../define/all.js';
import { setLocaleStrings } from '../../src/base/cc-widget.js';
import { formatDuration, formatNumber, formatTime, pluralOf } from '../../src/base/format.js';
import { BUNDLED_LOCALES, bundleLocaleOf, directionOf, loadBundle, onMissingString, registerBundle, type Bundle } from '../../src/locales/index.js';
import { CcWidget } from '../../src/base/cc-widget.js';
import type { CcSdk } from '../../components/cc-sdk/cc-sdk.js';
import type { CcTaskPanel } from '../../components/cc-task-panel/cc-task-panel.js';
import { sdkFixture, until } from '../helpers.js';
import { englishTables } from '../../src/locales/english.js';

const WIDGETS = ['cc-auth', 'cc-station-login', 'cc-state-select', 'cc-task-panel', 'cc-conversation', 'cc-wrapup', 'cc-queue-stats', 'cc-agent-stats'];
const squash = (text: string | null | undefined) => text?.replace(/\s+/g, ' ').trim() ?? '';
const bundleFetched = () => performance.getEntriesByType('resource').some((e) => /\/src\/locales\/bundles\//.test(e.name));

/** Every widget of the kit inside one `<cc-sdk>` with these attributes. */
async function desk(attributes: Record<string, string>) {
  const sdkEl = document.createElement('cc-sdk');
  for (const [name, value] of Object.entries(attributes)) sdkEl.setAttribute(name, value);
  for (const tag of WIDGETS) sdkEl.append(document.createElement(tag));
  const rig = await sdkFixture(html`${sdkEl}`);
  const widget = (tag: string) => rig.sdk.querySelector(tag) as HTMLElement & { updateComplete: Promise<boolean>; shadowRoot: ShadowRoot };
  const settle = async () => {
    await until(() => Object.keys(rig.sdk.state.pending).length === 0, 3000, 'no pending request');
    for (const tag of WIDGETS) await widget(tag).updateComplete;
    for (const tag of WIDGETS) await widget(tag).updateComplete;
  };
  const text = (tag: string, selector = ':host') =>
    squash(selector === ':host' ? widget(tag).shadowRoot.textContent : widget(tag).shadowRoot.querySelector(selector)?.textContent);
  await settle();
  return { ...rig, widget, settle, text };
}

/** Signs in, logs in to a browser station and goes Available. */
async function ready(sdk: CcSdk) {
  await sdk.request('cc-sign-in-request', { accessToken: 'token' });
  await sdk.request('cc-station-login-request', { teamId: 'team-support', loginOption: 'BROWSER' });
  await sdk.request('cc-agent-state-request', { state: 'Available', auxCodeId: '0' });
}

/** The visible words of a shadow root (text and the labels a screen reader says), network text left out. */
function wordsOf(root: ShadowRoot): string[] {
  const words: string[] = [];
  const walk = (node: Node) => {
    if (node instanceof Element) {
      if (node.matches('bdi.net, .net, style, script, [hidden]')) return;
      for (const name of ['aria-label', 'title', 'placeholder']) {
        const value = node.getAttribute(name);
        if (value) words.push(value.trim());
      }
    }
    if (node.nodeType === Node.TEXT_NODE && node.nodeValue?.trim()) words.push(node.nodeValue.trim());
    for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return words;
}

/**
 * English pieces that must not show in another language: each English text's longest piece between
 * placeholders, when it is a word or more and the bundle does not use the same words (an "Agent" in French).
 */
async function englishPieces(locale: string): Promise<Map<string, string>> {
  const bundle = (await loadBundle(locale)) as unknown as Record<string, Record<string, string>>;
  const translated = new Set(Object.values(bundle).flatMap((table) => Object.values(table).map((t) => t.trim())));
  const pieces = new Map<string, string>();
  for (const [tag, table] of Object.entries(englishTables as unknown as Record<string, Record<string, string>>)) {
    for (const [key, text] of Object.entries(table)) {
      const piece = text
        .split(/\{\w+\}/)
        .map((p) => p.trim())
        .sort((a, b) => b.length - a.length)[0];
      if (!piece || piece.length < 4 || !/[a-z]{3}/i.test(piece) || [...translated].some((t) => t.includes(piece))) continue;
      pieces.set(piece, `${tag} → ${key}`);
    }
  }
  return pieces;
}

describe('languages', () => {
  // Each file runs in a page of its own: nothing before this test asked for a bundle.
  it('loads no bundle on an English page, and a language’s bundle only when a widget speaks it', async () => {
    const { text } = await desk({});
    expect(text('cc-task-panel')).to.contain('Log in to a station to receive tasks.');
    expect(bundleFetched(), 'a bundle was fetched on an English page').to.equal(false);
    const french = await desk({ locale: 'fr' });
    expect(french.text('cc-task-panel')).to.contain('Ouvrez une session sur un poste pour recevoir des tâches.');
    expect(bundleFetched()).to.equal(true);
  });

  it('picks the bundle from <cc-sdk locale>, from <cc-sdk lang>, or from <html lang>, and follows a change', async () => {
    const byLocale = await desk({ locale: 'fr-CA' });
    expect(byLocale.text('cc-auth', 'label[for="token"]')).to.equal('Jeton d’accès');
    expect(byLocale.widget('cc-auth').getAttribute('lang'), 'the host says its language').to.equal('fr-CA');
    const byLang = await desk({ lang: 'fr' });
    expect(byLang.text('cc-auth', 'label[for="token"]')).to.equal('Jeton d’accès');
    byLang.sdk.setAttribute('lang', 'en');
    await byLang.settle();
    expect(byLang.text('cc-auth', 'label[for="token"]')).to.equal('Access token');

    const html0 = document.documentElement.lang;
    try {
      const byPage = await desk({});
      expect(byPage.text('cc-auth', 'label[for="token"]')).to.equal('Access token');
      document.documentElement.lang = 'fr';
      await until(() => byPage.text('cc-auth', 'label[for="token"]') === 'Jeton d’accès', 2000, 'the page’s lang was followed');
      expect(byPage.widget('cc-auth').hasAttribute('lang'), 'no lang of its own when it speaks the page’s').to.equal(false);
      byPage.sdk.locale = 'en';
      await byPage.settle();
      expect(byPage.text('cc-auth', 'label[for="token"]')).to.equal('Access token');
    } finally {
      document.documentElement.lang = html0;
    }
  });

  it('shows English for a language without a bundle, with its numbers and timers still through Intl', async () => {
    expect(bundleLocaleOf('ko')).to.equal(null);
    expect(bundleLocaleOf('zh-TW'), 'Traditional Chinese is not served Simplified').to.equal(null);
    expect(bundleLocaleOf('zh')).to.equal('zh-CN');
    expect(bundleLocaleOf('zh-Hans-SG')).to.equal('zh-CN');
    expect(bundleLocaleOf('pt')).to.equal('pt-BR');
    expect(bundleLocaleOf('de-AT')).to.equal('de');
    expect(bundleLocaleOf('ar-EG')).to.equal('ar');
    const { text } = await desk({ locale: 'ko' });
    expect(text('cc-auth', 'label[for="token"]')).to.equal('Access token');
  });

  it('lets the page’s own strings win over the bundle: the strings property, then setLocaleStrings', async () => {
    const { sdk, server, widget, settle } = await desk({ locale: 'fr' });
    await ready(sdk);
    server.offer({ mediaType: 'telephony' });
    await settle();
    const panel = widget('cc-task-panel') as CcTaskPanel;
    const acceptLabel = () => squash(panel.shadowRoot!.querySelector('[part~="offer"] [data-action="accept"] .label')?.textContent);
    const declineLabel = () => squash(panel.shadowRoot!.querySelector('[part~="offer"] [data-action="decline"] .label')?.textContent);
    expect([acceptLabel(), declineLabel()]).to.deep.equal(['Accepter', 'Refuser']);
    setLocaleStrings('cc-task-panel', { decline: 'Rejeter' });
    panel.strings = { accept: 'Prendre' };
    await settle();
    expect([acceptLabel(), declineLabel()]).to.deep.equal(['Prendre', 'Rejeter']);
    setLocaleStrings('cc-task-panel', { decline: undefined as unknown as string });
  });

  it('writes numbers, timers and times the language’s way, and picks the plural its rules give', async () => {
    expect(formatNumber(1234, 'de')).to.equal('1.234');
    expect(formatDuration(75_000, 'fr')).to.equal('1:15');
    expect(formatDuration(3_725_000, 'ja')).to.equal('1:02:05');
    expect(formatDuration(75_000, 'ar-EG')).to.equal('١:١٥');
    expect(formatTime(Date.UTC(2026, 0, 5, 14, 7), 'fr')).to.match(/^\d\d:\d\d$/);
    expect(['zero', 'one', 'two', 'few', 'many', 'other'].map((_, i) => pluralOf([0, 1, 2, 3, 11, 100][i], 'ar'))).to.deep.equal([
      'zero',
      'one',
      'two',
      'few',
      'many',
      'other',
    ]);

    // On screen: the station login's message about a too-short number, one digit and two.
    const { sdk, widget, settle } = await desk({ locale: 'fr' });
    await sdk.request('cc-sign-in-request', { accessToken: 'token' });
    await settle();
    const station = widget('cc-station-login').shadowRoot;
    const option = station.querySelector<HTMLInputElement>('input[name="login-option"][value="AGENT_DN"]');
    expect(option, 'the desk-phone option').to.not.equal(null);
    option!.click();
    await settle();
    const input = station.querySelector<HTMLInputElement>('#dial')!;
    const submit = async (value: string) => {
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      station.querySelector<HTMLButtonElement>('[part="submit"]')!.click();
      await settle();
      return squash(station.querySelector('#dial-error')?.textContent);
    };
    expect(await submit('5')).to.contain('(1 chiffre)');
    expect(await submit('55')).to.contain('(2 chiffres)');
  });

  for (const locale of BUNDLED_LOCALES) {
    it(`has every widget speak ${locale} in every state, with no English left and no string missing from the bundle`, async () => {
      const missing: string[] = [];
      const off = onMissingString((tag, key, bundle) => missing.push(`${tag} → ${key} (bundle "${bundle}")`));
      const pieces = await englishPieces(locale);
      const leaks: string[] = [];
      const { sdk, server, clock, widget, settle } = await desk({ locale });
      const look = (state: string) => {
        for (const tag of WIDGETS) {
          for (const words of wordsOf(widget(tag).shadowRoot)) {
            for (const [piece, where] of pieces) if (words.includes(piece)) leaks.push(`${state}: <${tag}> shows "${words}" (English of ${where})`);
          }
        }
      };
      try {
        look('signed out');
        await sdk.request('cc-sign-in-request', { accessToken: 'token' });
        await settle();
        look('signed in');
        await sdk.request('cc-station-login-request', { teamId: 'team-support', loginOption: 'BROWSER' });
        await settle();
        look('logged in');
        await sdk.request('cc-agent-state-request', { state: 'Available', auxCodeId: '0' });
        server.offer({ mediaType: 'telephony' });
        await settle();
        look('ringing');
        const taskId = sdk.state.tasks[0].id;
        await sdk.request('cc-task-accept-request', { taskId });
        clock.advance(65_000);
        await sdk.request('cc-task-hold-request', { taskId });
        await settle();
        look('connected, on hold');
        const panel = widget('cc-task-panel').shadowRoot;
        panel.querySelector<HTMLButtonElement>('[data-action="consult"]')?.click();
        await until(() => !!panel.querySelector('form'), 3000, 'the consult form');
        await settle();
        look('consult form');
        await sdk.request('cc-task-end-request', { taskId });
        await settle();
        look('wrap-up');
        server.offer({ mediaType: 'chat' });
        await settle();
        look('a chat offer during wrap-up');
      } finally {
        off();
      }
      expect(missing, `Strings shown in English because the bundle lacks them:\n${[...new Set(missing)].join('\n')}\n`).to.deep.equal([]);
      expect(leaks, `English on screen in ${locale}:\n${[...new Set(leaks)].join('\n')}\n`).to.deep.equal([]);
    });
  }

  it('reports a string a widget shows that its bundle lacks, and shows the English meanwhile', async () => {
    const bundle = (await loadBundle('fr')) as unknown as Record<string, Record<string, string>>;
    const saved = bundle['cc-task-panel'].notLoggedIn;
    delete bundle['cc-task-panel'].notLoggedIn;
    const missing: string[] = [];
    const off = onMissingString((tag, key, locale) => missing.push(`${tag} ${key} ${locale}`));
    try {
      const { text } = await desk({ locale: 'fr' });
      expect(text('cc-task-panel')).to.contain('Log in to a station to receive tasks.');
      expect(missing).to.include('cc-task-panel notLoggedIn fr');
    } finally {
      off();
      bundle['cc-task-panel'].notLoggedIn = saved;
    }
  });

  it('takes a language the page adds with registerBundle, right to left when it is (Hebrew)', async () => {
    const fr = (await loadBundle('fr'))!;
    const he: Bundle = { ...fr, 'cc-task-panel': { ...fr['cc-task-panel'], notLoggedIn: 'התחברו לעמדה כדי לקבל משימות.' } };
    registerBundle('he', async () => ({ default: he }));
    expect(bundleLocaleOf('he-IL')).to.equal('he');
    const { widget, text } = await desk({ locale: 'he-IL' });
    expect(text('cc-task-panel')).to.contain('התחברו לעמדה כדי לקבל משימות.');
    expect(getComputedStyle(widget('cc-task-panel')).direction).to.equal('rtl');
  });

  it('shows English when a bundle is slow to come, then its language when it arrives', async () => {
    let arrive: (bundle: Bundle) => void = () => {};
    const fr = (await loadBundle('fr'))!;
    registerBundle('fy', () => new Promise<Bundle>((resolve) => (arrive = resolve)));
    const wait = CcWidget.bundleWaitMs;
    CcWidget.bundleWaitMs = 100;
    try {
      const started = performance.now();
      const { widget, text, settle } = await desk({ locale: 'fy' });
      await until(() => text('cc-task-panel').includes('Log in to a station to receive tasks.'), 3000, 'English meanwhile');
      expect(performance.now() - started).to.be.lessThan(2500);
      arrive(fr);
      await until(() => text('cc-task-panel').includes('Ouvrez une session sur un poste'), 3000, 'the bundle once it came');
      await settle();
      expect(widget('cc-task-panel').getAttribute('lang')).to.equal('fy');
    } finally {
      CcWidget.bundleWaitMs = wait;
    }
  });

  it('knows which languages are written right to left', () => {
    expect(['ar', 'ar-EG', 'he', 'fa', 'ur', 'fr', 'ja', 'zh-CN'].map(directionOf)).to.deep.equal(['rtl', 'rtl', 'rtl', 'rtl', 'rtl', 'ltr', 'ltr', 'ltr']);
  });
});
