#!/usr/bin/env node
// Where the first load of the CDN build spends its time: loads a page with every tag (the entry alone, as
// `npm run bench cdn` does, served precompressed) in headless Chromium with tracing on, and splits the time
// from navigation start to every tag defined into phases, median of several loads:
//
//   html         navigation start → the HTML has arrived (the bare page pays this too)
//   wait entry   the entry requested → its last byte (download, loopback: the server and the machine's load)
//   parse        the entry compiled off the main thread (V8's background parse, after the last byte here)
//   evaluate     the entry's module evaluated: classes defined, tags upgraded, elements constructed
//   first render the microtasks right after: every widget's first Lit render (templates, style sheets)
//   main thread  every main-thread task of the page in that span (what a busy machine delays most)
//
// It also prints what the main thread spends on the kit's own functions (the JS profiler's self time), the
// heaviest first. Figures depend on the machine's load (printed): compare runs made at the same load.
//
//   npm run build && node scripts/bench-profile.mjs [loads]
import puppeteer from 'puppeteer-core';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import { createServer } from 'node:http';
import { chromiumPath, CHROMIUM_ARGS } from './chromium.mjs';
import { ensureCdnBuild } from './ensure-cdn.mjs';

const LOADS = Number(process.argv[2] ?? 11);
const TAGS = ['cc-sdk', 'cc-auth', 'cc-station-login', 'cc-state-select', 'cc-task-panel', 'cc-wrapup'];
const DESK = `<cc-sdk><cc-auth></cc-auth><cc-station-login></cc-station-login><cc-state-select></cc-state-select><cc-task-panel></cc-task-panel><cc-wrapup></cc-wrapup></cc-sdk>`;
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>profile</title><script type="module" src="/dist/cdn/cc-elements.js"></script></head><body><h1>A CRM</h1>${DESK}<script type="module">Promise.all(${JSON.stringify(TAGS)}.map((t) => customElements.whenDefined(t))).then(() => { window.__defined = performance.now(); performance.mark('cc-defined'); });</script></body></html>`;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

await ensureCdnBuild();
// Compressed once, as a CDN serves its files.
const zipped = new Map();
const server = createServer((req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  try {
    if (!zipped.has(path)) zipped.set(path, gzipSync(path === '/kit.html' ? PAGE : readFileSync(`.${path}`)));
    res.writeHead(200, { 'content-type': path.endsWith('.html') ? 'text/html' : 'text/javascript', 'content-encoding': 'gzip' });
    res.end(zipped.get(path));
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/kit.html`;
const browser = await puppeteer.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
const load0 = loadavg()[0];
try {
  const tab = await browser.newPage();
  const cdp = await tab.createCDPSession();
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  // Warm up the browser's own caches.
  for (let i = 0; i < 3; i++) {
    await tab.goto(url);
    await tab.waitForFunction(() => window.__defined);
  }

  const phases = { html: [], 'wait entry': [], parse: [], evaluate: [], 'first render': [], 'main thread': [], defined: [] };
  for (let i = 0; i < LOADS; i++) {
    await tab.tracing.start({ categories: ['devtools.timeline', 'v8', 'v8.execute', 'blink.user_timing', 'loading', 'disabled-by-default-devtools.timeline'] });
    await tab.goto(url);
    await tab.waitForFunction(() => window.__defined);
    const timing = await tab.evaluate(() => {
      const entry = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/cc-elements.js'));
      const nav = performance.getEntriesByType('navigation')[0];
      return { defined: window.__defined, htmlEnd: nav.responseEnd, entryStart: entry.startTime, entryEnd: entry.responseEnd };
    });
    const { traceEvents } = JSON.parse(Buffer.from(await tab.tracing.stop()).toString());
    const nav = traceEvents.find((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame && e.args?.data?.documentLoaderURL?.endsWith('/kit.html'));
    const start = nav.ts;
    const end = start + timing.defined * 1000;
    const main = { pid: nav.pid, tid: nav.tid };
    const within = (e) => e.ph === 'X' && e.ts >= start && e.ts <= end;
    const onMain = (e) => e.pid === main.pid && e.tid === main.tid;
    const sum = (filter) => traceEvents.filter((e) => within(e) && filter(e)).reduce((total, e) => total + (e.dur ?? 0) / 1000, 0);
    const evaluate = traceEvents.filter((e) => within(e) && onMain(e) && e.name === 'v8.evaluateModule').sort((a, b) => b.dur - a.dur)[0];
    const renderAfter = evaluate ? traceEvents.find((e) => within(e) && onMain(e) && e.name === 'RunMicrotasks' && e.ts >= evaluate.ts + evaluate.dur) : null;
    phases.html.push(timing.htmlEnd);
    phases['wait entry'].push(timing.entryEnd - timing.entryStart);
    phases.parse.push(sum((e) => /v8\.parseOnBackground$|v8\.compileModule/.test(e.name) && JSON.stringify(e.args ?? {}).includes('cc-elements.js')));
    phases.evaluate.push((evaluate?.dur ?? 0) / 1000);
    phases['first render'].push((renderAfter?.dur ?? 0) / 1000);
    phases['main thread'].push(sum((e) => onMain(e) && e.name === 'RunTask'));
    phases.defined.push(timing.defined);
  }

  console.log(`CDN entry, every tag on the page: ${LOADS} loads, medians (ms), load average ${load0.toFixed(1)} → ${loadavg()[0].toFixed(1)}`);
  for (const [name, values] of Object.entries(phases)) console.log(`  ${name.padEnd(14)} ${median(values).toFixed(1).padStart(7)}`);

  // The kit's own functions on the main thread, by self time (JS profiler, 50 µs samples).
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  const self = new Map();
  for (let i = 0; i < LOADS; i++) {
    await cdp.send('Profiler.start');
    await tab.goto(url);
    await tab.waitForFunction(() => window.__defined);
    const { profile } = await cdp.send('Profiler.stop');
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    profile.samples.forEach((id, k) => {
      const { functionName, url: file, lineNumber, columnNumber } = nodes.get(id).callFrame;
      if (!file.includes('/dist/cdn/') && !/^[A-Za-z]+$/.test(functionName)) return;
      const key = file.includes('/dist/cdn/') ? `${functionName || '(anonymous)'} ${file.split('/').pop()}:${lineNumber + 1}:${columnNumber + 1}` : `${functionName} (browser)`;
      self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[k] ?? 0) / 1000 / LOADS);
    });
  }
  const kit = [...self.entries()].filter(([k]) => !k.endsWith('(browser)')).reduce((total, [, v]) => total + v, 0);
  console.log(`\nThe kit's JavaScript on the main thread, per load: ${kit.toFixed(1)} ms (self time; heaviest below, minified names: see the source map)`);
  for (const [k, v] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${v.toFixed(2).padStart(6)}  ${k}`);
} finally {
  await browser.close();
  server.close();
}
