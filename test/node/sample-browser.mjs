// A headless Chromium for the Node tests of the sample page's start scripts (`start:webex-local`,
// `start:xuc-local`, `start:tccc-local`): they boot the script's servers on run-time ports, open the address it
// prints, and act as the visitor would. Chromium is the one the browser tests use (scripts/chromium.mjs).
import puppeteer from 'puppeteer-core';
import { chromiumPath, CHROMIUM_ARGS } from '../../scripts/chromium.mjs';

/** Opens a browser and one page; `close()` ends it. Console errors and failed requests are kept for the test. */
export async function openPage() {
  const browser = await puppeteer.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`${res.status()} ${res.request().method()} ${new URL(res.url()).pathname}`);
  });
  /** The visible text of an element's shadow root (`tag` a selector in the page). */
  const text = (tag) => page.evaluate((t) => document.querySelector(t)?.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '', tag);
  /** Waits until `check(document)` (run in the page) is true. */
  const until = (check, what, timeout = 20_000, ...args) =>
    page.waitForFunction(check, { timeout }, ...args).catch((err) => {
      throw new Error(`${what}: ${err.message}`);
    });
  /** Clicks the button of `tag`'s shadow root whose text is `name` (a regular expression source). */
  const click = (tag, name) =>
    page.evaluate(
      (t, n) => {
        const button = [...document.querySelector(t).shadowRoot.querySelectorAll('button')].find((b) => new RegExp(n).test(b.textContent.replace(/\s+/g, ' ').trim()));
        if (!button) throw new Error(`no button ${n} in <${t}>`);
        button.click();
      },
      tag,
      name,
    );
  /** Types into an input of `tag`'s shadow root, as a person would (input events). */
  const fill = async (tag, selector, value) => {
    const field = await page.evaluateHandle((t, s) => document.querySelector(t).shadowRoot.querySelector(s), tag, selector);
    await field.asElement().click();
    await field.asElement().type(value);
  };
  return { browser, page, problems, text, until, click, fill, close: () => browser.close() };
}
