#!/usr/bin/env node
// Photographs every widget in a language, in the states of test/locales/screens/page.ts, with the real
// Chromium: one PNG per widget per desk, and one of the whole page, in a folder it prints. Look at them: a
// right-to-left language must mirror (labels and controls start on the right, the trend runs right to left).
//
//   node scripts/locale-screenshots.mjs ar [outDir]      # any bundled language: fr, de, es, pt-BR, ja, zh-CN, ar
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { chromiumPath, CHROMIUM_ARGS } from './chromium.mjs';
import { startSamplePage } from './sample-server.mjs';

const locale = process.argv[2] ?? 'ar';
const outDir = resolve(process.argv[3] ?? `screenshots/${locale}`);
mkdirSync(outDir, { recursive: true });

const { server, origin } = await startSamplePage({ port: 0, hostname: '127.0.0.1' });
const browser = await puppeteer.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1200, height: 900, deviceScaleFactor: 1 });
  page.on('pageerror', (err) => console.error('page error:', err.message));
  await page.goto(`${origin}/test/locales/screens/index.html?locale=${encodeURIComponent(locale)}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  await new Promise((r) => setTimeout(r, 300));
  const shots = [];
  for (const desk of await page.$$('section[data-desk]')) {
    const name = await desk.evaluate((el) => el.dataset.desk);
    for (const widget of await desk.$$('cc-sdk > *')) {
      const tag = await widget.evaluate((el) => el.localName);
      const box = await widget.boundingBox();
      if (!box || box.height < 2) continue;
      const file = join(outDir, `${name}-${tag}.png`);
      await widget.screenshot({ path: file });
      shots.push(file);
    }
  }
  const whole = join(outDir, 'page.png');
  await page.screenshot({ path: whole, fullPage: true });
  shots.push(whole);
  console.log(`${shots.length} screenshots in ${outDir}:\n${shots.map((f) => `  ${f}`).join('\n')}`);
} finally {
  await browser.close();
  await server.stop();
}
