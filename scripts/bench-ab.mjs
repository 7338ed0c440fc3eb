#!/usr/bin/env node
// Compares CDN builds on the same machine at the same moment: each build's page (every desk tag, the entry
// alone, then with the README's `<link rel="modulepreload">` of simulator.js) and a bare page are loaded in
// turn, LOADS times each, so whatever else the machine does weighs on all of them alike. Prints, kit page
// minus bare page (medians, ms): every tag defined, the desk's backend ready, and the desk interactive (ready,
// and <cc-auth>'s sign-in field on screen). Files are served precompressed, as a CDN serves them.
//
//   cp -r dist/cdn /tmp/cdn-before   # a build to compare with (say, from the commit before a change)
//   npm run build
//   node scripts/bench-ab.mjs before=/tmp/cdn-before after=dist/cdn [--loads 21]
import puppeteer from 'puppeteer-core';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createServer } from 'node:http';
import { chromiumPath, CHROMIUM_ARGS } from './chromium.mjs';

const args = process.argv.slice(2);
const loadsAt = args.indexOf('--loads');
const LOADS = loadsAt >= 0 ? Number(args[loadsAt + 1]) : 21;
const builds = Object.fromEntries(
  args.filter((a, i) => a.includes('=') && (loadsAt < 0 || i !== loadsAt + 1)).map((a) => [a.split('=')[0], resolve(a.slice(a.indexOf('=') + 1))]),
);
if (Object.keys(builds).length === 0) {
  console.error('Usage: node scripts/bench-ab.mjs name=dir [name=dir …] [--loads N]  (each dir a dist/cdn folder)');
  process.exit(1);
}

const TAGS = ['cc-sdk', 'cc-auth', 'cc-station-login', 'cc-state-select', 'cc-task-panel', 'cc-wrapup'];
const DESK = `<cc-sdk><cc-auth></cc-auth><cc-station-login></cc-station-login><cc-state-select></cc-state-select><cc-task-panel></cc-task-panel><cc-wrapup></cc-wrapup></cc-sdk>`;
const PROBE = `Promise.all(${JSON.stringify(TAGS)}.map((t) => customElements.whenDefined(t))).then(() => { window.__defined = performance.now(); });
  const sdk = document.querySelector('cc-sdk');
  const check = () => {
    if (window.__ready === undefined && sdk.desk?.backend) window.__ready = performance.now();
    if (window.__ready !== undefined && window.__interactive === undefined && document.querySelector('cc-auth')?.shadowRoot?.querySelector('input')) window.__interactive = performance.now();
  };
  // The desk's store exists once <cc-sdk> has its code (a CDN page: once the body chunk has come).
    customElements.whenDefined('cc-sdk').then(() => sdk.updateComplete).then(() => { check(); sdk.desk.subscribe(check); });
  customElements.whenDefined('cc-auth').then(() => document.querySelector('cc-auth').updateComplete.then(check));`;
const page = (head, script) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>${head}</head><body><h1>A CRM</h1>${DESK}<script type="module">${script}</script></body></html>`;
const pages = { '/bare.html': page('', 'window.__defined = window.__ready = window.__interactive = performance.now();') };
for (const name of Object.keys(builds)) {
  const entry = `<script type="module" src="/${name}/cc-elements.js"></script>`;
  pages[`/${name}.html`] = page(entry, PROBE);
  pages[`/${name}-preload.html`] = page(`${entry}<link rel="modulepreload" href="/${name}/simulator.js">`, PROBE);
}

const zipped = new Map();
const server = createServer((req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  try {
    if (!zipped.has(path)) {
      const [, name, ...rest] = path.split('/');
      zipped.set(path, gzipSync(pages[path] ?? readFileSync(join(builds[name], ...rest))));
    }
    res.writeHead(200, { 'content-type': path.endsWith('.html') ? 'text/html' : 'text/javascript', 'content-encoding': 'gzip' });
    res.end(zipped.get(path));
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await puppeteer.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
try {
  const tab = await browser.newPage();
  const cdp = await tab.createCDPSession();
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const load = async (path) => {
    await tab.goto(origin + path);
    await tab.waitForFunction(() => window.__defined !== undefined && window.__interactive !== undefined, { timeout: 30_000 });
    return tab.evaluate(() => ({ defined: window.__defined, ready: window.__ready, interactive: window.__interactive }));
  };
  const runs = Object.fromEntries(Object.keys(pages).map((p) => [p, []]));
  for (const path of Object.keys(pages)) await load(path);
  const before = loadavg()[0];
  for (let i = 0; i < LOADS; i++) for (const path of Object.keys(pages)) runs[path].push(await load(path));
  const med = (path, key) => [...runs[path].map((r) => r[key])].sort((a, b) => a - b)[Math.floor(LOADS / 2)];
  const added = (path, key) => (med(path, key) - med('/bare.html', key)).toFixed(1).padStart(7);
  console.log(`${LOADS} loads of each page, in turn; load average ${before.toFixed(1)} → ${loadavg()[0].toFixed(1)}; bare page's module script at ${med('/bare.html', 'defined').toFixed(1)} ms`);
  console.log(`${'kit page minus bare page, medians (ms)'.padEnd(40)} ${'defined'.padStart(7)} ${'ready'.padStart(7)} ${'interactive'.padStart(11)}`);
  for (const path of Object.keys(pages).slice(1)) console.log(`  ${path.slice(1, -5).padEnd(38)} ${added(path, 'defined')} ${added(path, 'ready')} ${added(path, 'interactive').padStart(11)}`);
} finally {
  await browser.close();
  server.close();
}
