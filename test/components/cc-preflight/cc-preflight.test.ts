/**
 * `<cc-preflight>` in a real browser (Chromium with a fake microphone, allowed without a prompt): the checks the
 * backend declares run one by one with their progress on screen, each ends passed, warning or failed with its
 * fix in words, the result is announced and `<cc-sdk>` offers it as `cc-preflight` (no secret in it). The
 * simulator answers the reachability and clock checks itself and forces any finding; a refused microphone is a
 * getUserMedia stubbed to reject.
 */
import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../define/cc-preflight.js';
import type { CcPreflight } from '../../../components/cc-preflight/cc-preflight.js';
import { ManualClock } from '../../../src/core/clock.js';
import { PREFLIGHT_CHECKS, PREFLIGHT_CODES, type PreflightCode, type PreflightReport } from '../../../src/core/preflight.js';
import { defaultStrings } from '../../../components/cc-preflight/cc-preflight.strings.js';
import { detailsOf, sdkFixture, until } from '../../helpers.js';

async function page(template = html`<cc-sdk><cc-preflight></cc-preflight></cc-sdk>`) {
  const rig = await sdkFixture(template);
  const el = rig.root.querySelector('cc-preflight') as CcPreflight;
  await el.updateComplete;
  const shadow = () => el.shadowRoot!;
  const text = (selector: string) => shadow().querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const row = (check: string) => shadow().querySelector<HTMLElement>(`[part="check"][data-check="${check}"]`);
  const status = (check: string) => row(check)?.dataset.status;
  const fix = (check: string) => row(check)?.querySelector('[part="fix"]')?.textContent?.trim() ?? '';
  const button = () => shadow().querySelector<HTMLButtonElement>('[part="run"]')!;
  const live = () => shadow().querySelector('[role="status"]')?.textContent?.trim() ?? '';
  const reports = () => detailsOf(rig.events, 'cc-preflight');
  /** Presses the button and waits for the run's `cc-preflight`. */
  const runAndWait = async () => {
    const before = reports().length;
    button().click();
    await until(() => reports().length > before, 10000, 'cc-preflight');
    await el.updateComplete;
    return reports().at(-1)!;
  };
  return { ...rig, el, text, row, status, fix, button, live, reports, runAndWait };
}

/** `getUserMedia` replaced for one test; put back by the returned function. */
function stubGetUserMedia(impl: MediaDevices['getUserMedia']): () => void {
  const media = navigator.mediaDevices;
  const own = Object.getOwnPropertyDescriptor(media, 'getUserMedia');
  Object.defineProperty(media, 'getUserMedia', { configurable: true, writable: true, value: impl });
  return () => {
    if (own) Object.defineProperty(media, 'getUserMedia', own);
    else delete (media as { getUserMedia?: unknown }).getUserMedia;
  };
}

describe('<cc-preflight>', () => {
  it('runs every check the simulator declares, and passes on this browser with its fake microphone', async () => {
    const { el, text, status, fix, runAndWait, events } = await page();
    expect(text('[part="summary"]')).to.equal('Check that this computer is ready to take calls.');
    await expect(el).to.be.accessible();
    const report = await runAndWait();
    expect(report.checks.map((c) => c.check)).to.deep.equal([...PREFLIGHT_CHECKS]);
    expect(report.backend).to.equal('simulator');
    for (const check of PREFLIGHT_CHECKS) expect(status(check), check).to.equal('pass');
    expect(report.outcome).to.equal('pass');
    expect(text('[part="summary"]')).to.equal('Ready: all 5 checks passed.');
    expect(fix('browser')).to.equal('This browser has everything the contact center needs.');
    expect(fix('microphone')).to.match(/^Your microphone \(.+\) is allowed and picks up sound\.$/);
    expect(fix('reach')).to.match(/^The contact center \(simulator\) answered in \d+ ms\.$/);
    expect(fix('clock')).to.equal("Your computer's clock is right (within 0 s).");
    // What the page gets is what the agent reads.
    expect(report.checks.find((c) => c.check === 'microphone')!.message).to.equal(fix('microphone'));
    expect(events.filter((e) => e.type === 'cc-preflight')).to.have.length(1);
    expect(text('[part="run"]')).to.equal('Run checks again');
    await expect(el).to.be.accessible();
  });

  it('shows each check waiting, then checking, while the microphone is measured on its clock', async () => {
    const { el, status, row, button, text, reports } = await page();
    const clock = new ManualClock(Date.now());
    el.clock = clock;
    el.listenMs = 1000;
    button().click();
    await until(() => status('microphone') === 'checking', 5000, 'the microphone is being checked');
    expect(status('browser')).to.equal('pass');
    expect(status('output')).to.equal('waiting');
    expect(text('[part="summary"]')).to.equal('Checking 2 of 5…');
    expect(button().getAttribute('aria-disabled')).to.equal('true');
    expect(row('microphone')!.querySelector('[part="icon"] .spinner')?.getAttribute('aria-label')).to.equal('Checking…');
    await expect(el).to.be.accessible();
    // The level is measured for 1000 ms of the widget's clock: nothing ends until it moves.
    await new Promise((r) => setTimeout(r, 400));
    expect(status('microphone')).to.equal('checking');
    for (let i = 0; i < 20 && status('microphone') === 'checking'; i++) {
      clock.advance(100);
      await new Promise((r) => setTimeout(r, 30));
    }
    await until(() => reports().length === 1, 5000, 'the run ends');
    expect(status('microphone')).to.equal('pass');
  });

  it('says the browser blocks the microphone, with the fix, when getUserMedia is refused', async () => {
    const restore = stubGetUserMedia(() => Promise.reject(new DOMException('Permission denied', 'NotAllowedError')));
    try {
      const { el, status, fix, runAndWait, text, live } = await page();
      const report = await runAndWait();
      expect(status('microphone')).to.equal('failure');
      expect(fix('microphone')).to.equal(defaultStrings.micDenied);
      expect(report.outcome).to.equal('failure');
      expect(report.checks.find((c) => c.check === 'microphone')).to.deep.equal({
        check: 'microphone',
        status: 'failure',
        code: 'micDenied',
        message: defaultStrings.micDenied,
      });
      expect(text('[part="summary"]')).to.equal('Not ready: fix what failed below, then run the checks again.');
      await until(() => live().includes('Microphone: Failed.'), 2000, 'the announcement');
      expect(live()).to.equal(`Not ready: fix what failed below, then run the checks again. Microphone: Failed. ${defaultStrings.micDenied}`);
      await expect(el).to.be.accessible();
    } finally {
      restore();
    }
  });

  it('tells a missing microphone and a busy one apart', async () => {
    for (const [name, code] of [
      ['NotFoundError', 'micMissing'],
      ['NotReadableError', 'micBusy'],
    ] as const) {
      const restore = stubGetUserMedia(() => Promise.reject(new DOMException('no', name)));
      try {
        const { fix, runAndWait } = await page();
        const report = await runAndWait();
        expect(report.checks.find((c) => c.check === 'microphone')!.code, name).to.equal(code);
        expect(fix('microphone')).to.equal(defaultStrings[code]);
      } finally {
        restore();
      }
    }
  });

  it('warns about a microphone that hears nothing', async () => {
    // A real, allowed stream of silence: a muted oscillator.
    const context = new AudioContext();
    const restore = stubGetUserMedia(async () => {
      const gain = context.createGain();
      gain.gain.value = 0;
      const oscillator = context.createOscillator();
      const sink = context.createMediaStreamDestination();
      oscillator.connect(gain).connect(sink);
      oscillator.start();
      return sink.stream;
    });
    try {
      const { status, fix, runAndWait } = await page();
      const report = await runAndWait();
      expect(status('microphone')).to.equal('warning');
      expect(fix('microphone')).to.match(/hears nothing\. Check that it is not muted/);
      expect(report.outcome).to.equal('warning');
    } finally {
      restore();
      await context.close();
    }
  });

  it('fails the reachability check while the simulated contact center is unreachable', async () => {
    const { server, status, fix, runAndWait } = await page();
    server.dropConnection(null);
    const report = await runAndWait();
    expect(status('reach')).to.equal('failure');
    expect(fix('reach')).to.equal(
      'The contact center (simulator) cannot be reached. Check your network; if other sites work, ask IT to allow simulator through the firewall or proxy.',
    );
    expect(report.outcome).to.equal('failure');
  });

  it("warns, then fails, as the computer's clock drifts from the contact center's", async () => {
    const { server, status, fix, runAndWait } = await page();
    server.setPreflight({ clockSkewMs: 3 * 60_000 });
    await runAndWait();
    expect(status('clock')).to.equal('warning');
    expect(fix('clock')).to.equal("Your computer's clock is 3 min off: sign-in may end early. Set the date and time to update automatically.");
    server.setPreflight({ clockSkewMs: -20 * 60_000 });
    await runAndWait();
    expect(status('clock')).to.equal('failure');
    expect(fix('clock')).to.match(/^Your computer's clock is 20 min off: sign-in will fail/);
  });

  it('shows every finding the simulator forces, with its status and words', async () => {
    const { server, status, fix, runAndWait, el } = await page();
    const codes = Object.keys(PREFLIGHT_CODES) as PreflightCode[];
    // Round n forces the n-th finding of every check at once.
    const byCheck = PREFLIGHT_CHECKS.map((check) => codes.filter((code) => PREFLIGHT_CODES[code].check === check));
    const rounds = Math.max(...byCheck.map((c) => c.length));
    const seen = new Set<string>();
    for (let n = 0; n < rounds; n++) {
      const forced = Object.fromEntries(byCheck.map((c) => c[Math.min(n, c.length - 1)]).map((code) => [PREFLIGHT_CODES[code].check, code]));
      server.setPreflight({ forced });
      const report = await runAndWait();
      for (const [check, code] of Object.entries(forced) as [string, PreflightCode][]) {
        expect(status(check), code).to.equal(PREFLIGHT_CODES[code].status);
        expect(fix(check), code).to.not.equal('');
        expect(fix(check), code).to.not.match(/\{\w+\}/);
        expect(report.checks.find((c) => c.check === check)!.code).to.equal(code);
        seen.add(code);
      }
      await expect(el).to.be.accessible();
    }
    expect([...seen].sort()).to.deep.equal([...codes].sort());
  });

  it('refuses a finding the simulator does not have, changing nothing', async () => {
    const { server } = await page();
    server.setPreflight({ forced: { clock: 'clockWrong' } });
    expect(() => server.setPreflight({ forced: { clock: 'micDenied' } })).to.throw(/not a finding of the clock check/);
    expect(() => server.setPreflight({ forced: { speaker: 'outputOk' } as never })).to.throw(/not a preflight check/);
    expect(server.preflight.forced).to.deep.equal({ clock: 'clockWrong' });
  });

  it('runs from the keyboard, and the button keeps focus while it runs', async () => {
    const { el, button, reports } = await page();
    button().focus();
    await sendKeys({ press: 'Enter' });
    await until(() => button().getAttribute('aria-disabled') === 'true', 2000, 'the run starts');
    expect(el.shadowRoot!.activeElement).to.equal(button());
    // A second press while it runs starts nothing.
    await sendKeys({ press: 'Space' });
    await until(() => reports().length === 1, 10000, 'cc-preflight');
    await new Promise((r) => setTimeout(r, 100));
    expect(reports()).to.have.length(1);
    expect(el.shadowRoot!.activeElement).to.equal(button());
  });

  it('runs by itself before sign-in with `auto`, and never puts a token in what it reports', async () => {
    const { sdk, reports, el } = await page(html`<cc-sdk><cc-preflight auto></cc-preflight></cc-sdk>`);
    await until(() => reports().length === 1, 10000, 'the automatic run');
    expect(sdk.state.session.status).to.equal('signed-out');
    await sdk.request('cc-sign-in-request', { accessToken: 'secret-token-4242' });
    const again = (await el.run()) as PreflightReport;
    expect(JSON.stringify(again)).to.not.include('secret-token-4242');
    expect(JSON.stringify(reports())).to.not.include('secret-token-4242');
  });

  it('says what it waits for when no backend is chosen yet, and its strings can be replaced', async () => {
    const { el, text } = await page();
    el.strings = { title: 'Avant votre journée', run: 'Lancer les vérifications' };
    await el.updateComplete;
    expect(text('.title')).to.equal('Avant votre journée');
    expect(text('[part="run"]')).to.equal('Lancer les vérifications');
  });
});
