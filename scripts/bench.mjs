// `npm run bench`: runs the benchmarks in headless Chromium and prints their figures.
// These are measurements, not tests: nothing here passes or fails on a threshold.
import { build } from 'esbuild';
import { mkdirSync, rmSync, writeFileSync, copyFileSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import puppeteer from 'puppeteer-core';
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromiumPath, CHROMIUM_ARGS } from './chromium.mjs';

const only = process.argv.slice(2);
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/**
 * The CDN build as a page would load it (static files, gzip, cache off), on a bare page and on a page with every
 * tag: from navigation start to every tag defined (kit page minus bare page, median of LOADS alternated loads),
 * to the desk's backend ready and to the desk interactive (the sign-in field on screen) (without and with
 * `<link rel="modulepreload">` of simulator.js in the page; the entry itself asks for its backend's files), the
 * difference of the fastest loads too (the machine's other work inflates the medians), and the bytes
 * and files a simulator page and a Webex page download.
 */
async function benchCdn(browser) {
  const { ensureCdnBuild } = await import('./ensure-cdn.mjs');
  await ensureCdnBuild();
  const LOADS = 21;
  const TAGS = ['cc-sdk', 'cc-auth', 'cc-station-login', 'cc-state-select', 'cc-task-panel', 'cc-wrapup'];
  const widgets = (backend) =>
    `<cc-sdk${backend ? ` backend="${backend}"` : ''}><cc-auth></cc-auth><cc-station-login></cc-station-login><cc-state-select></cc-state-select><cc-task-panel></cc-task-panel><cc-wrapup></cc-wrapup></cc-sdk>`;
  const page = (head, body, script) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>${head}</head><body><h1>A CRM</h1>${body}<script type="module">${script}</script></body></html>`;
  const whenDefined = `Promise.all(${JSON.stringify(TAGS)}.map((t) => customElements.whenDefined(t))).then(() => {
      window.__defined = performance.now();
      window.__fetched = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/cc-elements.js'))?.responseEnd;
    });
    // Desk ready: the backend is attached (heard from the store, not polled). Desk interactive: ready, and
    // <cc-auth>'s sign-in field is on screen (an agent can sign in).
    const sdk = document.querySelector('cc-sdk');
    const check = () => {
      if (window.__ready === undefined && sdk.desk?.backend) window.__ready = performance.now();
      if (window.__ready !== undefined && window.__interactive === undefined && document.querySelector('cc-auth')?.shadowRoot?.querySelector('input')) window.__interactive = performance.now();
    };
    // The desk's store exists once <cc-sdk> has its code (a CDN page: once the body chunk has come).
    customElements.whenDefined('cc-sdk').then(() => sdk.updateComplete).then(() => { check(); sdk.desk.subscribe(check); });
    customElements.whenDefined('cc-auth').then(() => document.querySelector('cc-auth').updateComplete.then(check));`;
  const entry = '<script type="module" src="/dist/cdn/cc-elements.js"></script>';
  const pages = {
    '/bare.html': page('', widgets(''), 'window.__defined = window.__ready = window.__interactive = performance.now();'),
    '/kit.html': page(entry, widgets(''), whenDefined),
    '/kit-preload.html': page(`${entry}<link rel="modulepreload" href="/dist/cdn/simulator.js">`, widgets(''), whenDefined),
    '/webex.html': page(entry, widgets('webex'), whenDefined),
  };
  const { createServer: createHttpServer } = await import('node:http');
  // Compressed once, as a CDN serves its files: gzipping 160 kB on every request took 10 to 40 ms of this
  // machine's CPU, inside the measured time (and more than the kit's own work on a busy machine).
  const zipped = new Map();
  const gzipped = (path) => {
    if (!zipped.has(path)) {
      const body = pages[path] ?? (path.startsWith('/dist/cdn/') ? readFileSync(`.${path}`) : null);
      zipped.set(path, body === null ? null : gzipSync(body));
    }
    return zipped.get(path);
  };
  const statics = createHttpServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    try {
      const body = gzipped(path);
      if (body === null) throw new Error('not found');
      res.writeHead(200, { 'content-type': path.endsWith('.html') ? 'text/html' : 'text/javascript', 'content-encoding': 'gzip' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => statics.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${statics.address().port}`;
  const tab = await browser.newPage();
  const cdp = await tab.createCDPSession();
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const urls = new Map();
  let files = [];
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
  cdp.on('Network.loadingFinished', (e) => files.push({ path: new URL(urls.get(e.requestId)).pathname, bytes: e.encodedDataLength }));
  const load = async (path) => {
    files = [];
    await tab.goto(`${origin}${path}`);
    await tab.waitForFunction(() => window.__defined !== undefined && window.__interactive !== undefined, { timeout: 30_000 });
    const timing = await tab.evaluate(() => ({ defined: window.__defined, ready: window.__ready, interactive: window.__interactive, fetched: window.__fetched ?? 0 }));
    await new Promise((r) => setTimeout(r, 100));
    return { ...timing, files: [...files] };
  };
  const runs = { '/bare.html': [], '/kit.html': [], '/kit-preload.html': [] };
  // Warm up (compile caches of the browser itself), then alternate so drift hits every page alike.
  for (const path of Object.keys(runs)) await load(path);
  for (let i = 0; i < LOADS; i++) for (const path of Object.keys(runs)) runs[path].push(await load(path));
  const webex = await load('/webex.html');
  await tab.close();
  statics.close();
  const med = (path, key) => median(runs[path].map((r) => r[key]));
  const least = (path, key) => Math.min(...runs[path].map((r) => r[key]));
  const scripts = (files) => files.filter((f) => f.path.startsWith('/dist/cdn/'));
  const sim = scripts(runs['/kit.html'][0].files);
  const wx = scripts(webex.files);
  const sum = (list) => list.reduce((total, f) => total + f.bytes, 0);
  const { chunks } = JSON.parse(readFileSync(new URL('../dist/cdn/manifest.json', import.meta.url), 'utf8'));
  const webexChunks = new Set([chunks['webex-backend'], chunks['webex-sdk']].filter(Boolean));
  return {
    loads_each: LOADS,
    bare_page_to_first_module_script_ms: med('/bare.html', 'defined').toFixed(1),
    kit_page_to_every_tag_defined_ms: med('/kit.html', 'defined').toFixed(1),
    kit_added_ms_to_every_tag_defined: (med('/kit.html', 'defined') - med('/bare.html', 'defined')).toFixed(1),
    // The fastest load of each: what the kit costs when the machine is not busy with anything else.
    kit_added_ms_fastest_loads: (least('/kit.html', 'defined') - least('/bare.html', 'defined')).toFixed(1),
    load_average_during_run: (await import('node:os')).loadavg()[0].toFixed(1),
    kit_page_entry_downloaded_ms: med('/kit.html', 'fetched').toFixed(1),
    kit_page_to_desk_ready_ms: med('/kit.html', 'ready').toFixed(1),
    kit_page_with_modulepreload_to_desk_ready_ms: med('/kit-preload.html', 'ready').toFixed(1),
    // The agent can sign in: the backend attached and <cc-auth>'s field rendered (kit page minus bare page).
    kit_added_ms_to_desk_interactive: (med('/kit.html', 'interactive') - med('/bare.html', 'interactive')).toFixed(1),
    kit_added_ms_to_desk_interactive_with_modulepreload: (med('/kit-preload.html', 'interactive') - med('/bare.html', 'interactive')).toFixed(1),
    simulator_page_files: sim.map((f) => f.path.replace('/dist/cdn/', '')).join(', '),
    simulator_page_kit_bytes_gzipped: sum(sim),
    // Webex's own files (the adapter and the SDK, named in the manifest); chunks shared with other backends
    // (the toolkit's) and the task panel's forms are not Webex's.
    simulator_page_webex_files: sim.filter((f) => webexChunks.has(f.path.replace('/dist/cdn/', ''))).length,
    webex_page_files_before_sign_in: wx.map((f) => f.path.replace('/dist/cdn/', '')).join(', '),
    webex_page_kit_bytes_gzipped: sum(wx),
    webex_page_simulator_files: wx.filter((f) => f.path.includes('simulator')).length,
  };
}
const want = (name) => only.length === 0 || only.includes(name);
const results = {};
const log = (title, figures) => {
  results[title] = figures;
  console.log(`\n${title}`);
  for (const [k, v] of Object.entries(figures)) console.log(`  ${k.padEnd(36)} ${v}`);
};

// A production-like build of the sample page: bundled, minified, lazily loaded backends split out.
const DEMO_OUT = 'bench/.demo-build';
async function buildDemo() {
  rmSync(DEMO_OUT, { recursive: true, force: true });
  mkdirSync(DEMO_OUT, { recursive: true });
  await build({
    entryPoints: ['demo/crm.ts'],
    bundle: true,
    minify: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    outdir: DEMO_OUT,
    tsconfig: 'tsconfig.json',
    // The SDK sits behind the Webex backend's lazy import, which a simulator page never reaches.
    external: ['@webex/*'],
    conditions: ['production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  writeFileSync(`${DEMO_OUT}/index.html`, readFileSync('demo/index.html', 'utf8').replace('./crm.ts', './crm.js'));
  copyFileSync('demo/crm.css', `${DEMO_OUT}/crm.css`);
}

const { createServer } = await import('node:net');
const freePort = await new Promise((resolve) => {
  const probe = createServer().listen(0, () => {
    const { port } = probe.address();
    probe.close(() => resolve(port));
  });
});
const server = await startDevServer({
  config: {
    rootDir: '.',
    port: freePort,
    nodeResolve: { exportConditions: ['production'] },
    watch: false,
    plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' })],
  },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});
const base = `http://localhost:${freePort}`;
const browser = await puppeteer.launch({
  executablePath: chromiumPath(),
  headless: true,
  protocolTimeout: 600_000,
  args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc', '--enable-precise-memory-info'],
});

try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  page.on('console', (m) => process.env.BENCH_DEBUG && console.log('page:', m.text()));
  const cdp = await page.createCDPSession();
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const counters = await cdp.send('Memory.getDOMCounters');
    return { usedSize, ...counters };
  };
  await page.goto(`${base}/bench/bench.html`);
  await page.waitForFunction(() => document.title === 'bench ready', { timeout: 60_000 });

  if (want('offer')) log('Offer to visible (500 offers; simulator offer → offer card painted)', await page.evaluate(() => window.bench.offerToVisible(500)));
  if (want('update')) log('One task update with 50 tasks at once', await page.evaluate(() => window.bench.oneUpdateAmong50()));
  if (want('heap')) {
    await page.evaluate(() => window.bench.lifecycles(5000));
    const before = await heap();
    const run = await page.evaluate(() => window.lifecycleRun.run(5000));
    const after = await heap();
    // A leak grows with every lifecycle; a one-time cost (compiled code, caches) does not grow again.
    await page.evaluate(() => window.lifecycleRun.run(5000));
    const again = await heap();
    log('Heap after 5,000 full task lifecycles (after GC)', {
      ...run,
      heap_before_kb: Math.round(before.usedSize / 1024),
      heap_after_kb: Math.round(after.usedSize / 1024),
      heap_growth_kb: Math.round((after.usedSize - before.usedSize) / 1024),
      heap_growth_next_5000_kb: Math.round((again.usedSize - after.usedSize) / 1024),
      js_event_listeners_before: before.jsEventListeners,
      js_event_listeners_after: after.jsEventListeners,
      js_event_listeners_after_10000: again.jsEventListeners,
      dom_nodes_before: before.nodes,
      dom_nodes_after: after.nodes,
    });
  }
  if (want('burst')) log('Burst: 1,000 backend events in about one second', await page.evaluate(() => window.bench.burst()));

  if (want('page')) {
    await buildDemo();
    // Served as a CDN would: static files, gzip, nothing rewritten.
    const { createServer: createHttpServer } = await import('node:http');
    const types = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html' };
    const statics = createHttpServer((req, res) => {
      const path = `${DEMO_OUT}${new URL(req.url, 'http://x').pathname}`;
      try {
        const body = gzipSync(readFileSync(path.endsWith('/') ? `${path}index.html` : path));
        res.writeHead(200, { 'content-type': types[path.slice(path.lastIndexOf('.'))] ?? 'application/octet-stream', 'content-encoding': 'gzip' });
        res.end(body);
      } catch {
        res.writeHead(404).end();
      }
    });
    await new Promise((resolve) => statics.listen(0, '127.0.0.1', resolve));
    const staticBase = `http://127.0.0.1:${statics.address().port}`;
    const demo = await browser.newPage();
    const dcdp = await demo.createCDPSession();
    await dcdp.send('Network.enable');
    await dcdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const urls = new Map();
    dcdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
    let bytes = 0;
    const loaded = [];
    const sizes = [];
    dcdp.on('Network.loadingFinished', (e) => {
      bytes += e.encodedDataLength;
      loaded.push(urls.get(e.requestId));
      sizes.push(`${urls.get(e.requestId)} ${e.encodedDataLength}`);
    });
    await demo.goto(`${staticBase}/index.html`);
    // Interactive: the sign-in form is rendered and its field can take focus.
    const interactive = await demo.evaluate(
      () =>
        new Promise((resolve) => {
          const check = () => {
            const input = document.querySelector('cc-auth')?.shadowRoot?.querySelector('input');
            if (input) {
              input.focus();
              resolve(performance.now());
            } else requestAnimationFrame(check);
          };
          check();
        }),
    );
    await new Promise((r) => setTimeout(r, 500));
    const scripts = loaded.filter((u) => /\.js($|\?)/.test(u));
    const jsBytes = scripts.reduce((sum, u) => sum + gzipSync(readFileSync(`${DEMO_OUT}${new URL(u).pathname}`)).length, 0);
    log('Sample page (production build, simulator backend)', {
      navigation_to_interactive_desk_ms: Math.round(interactive),
      requests: loaded.length,
      bytes_transferred: bytes,
      javascript_gzipped_bytes: jsBytes,
      webex_requests: loaded.filter((u) => /webex|contact-center/i.test(u)).length,
    });
    if (process.env.BENCH_DEBUG) console.log(sizes.join('\n'));
    await demo.close();
    statics.close();
  }
  if (want('cdn')) log('CDN build: time to every tag defined, and what each kind of page downloads', await benchCdn(browser));
} finally {
  await browser.close();
  await server.stop();
}
if (want('size')) {
  // Bundle sizes: the CDN file without the SDK, each define entry, the SDK chunk (builds first if needed).
  const { existsSync } = await import('node:fs');
  const { execSync } = await import('node:child_process');
  if (!existsSync('dist/cdn/manifest.json')) execSync('npm run build', { stdio: 'inherit' });
  console.log('\nBundle sizes (node scripts/bench-size.mjs)');
  execSync('node scripts/bench-size.mjs', { stdio: 'inherit' });
}

writeFileSync('bench-results.json', JSON.stringify(results, null, 2));
console.log('\nFigures written to bench-results.json');
