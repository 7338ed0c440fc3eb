#!/usr/bin/env node
// Prints what a page downloads, gzipped: the CDN entry with what it imports statically (what defines every
// tag, with light classes), the body and the rest of the desk (the widgets' code, which the entry asks for at
// once: the body is what the sign-in form needs, the rest the other widgets and the API), the simulator
// chunk, the Webex adapter chunk and the Webex SDK chunk (each loaded only when used),
// what a simulator page and a Webex page download in all, and each define entry of the npm build. It also checks, and prints as
// a figure (it never fails), that the CDN entry does not statically import the SDK chunk: a page on the
// simulator must load no SDK byte.
//
//   npm run build && node scripts/bench-size.mjs
//   node scripts/bench-size.mjs --full /path/to/dir   # also bundle the full `webex` package installed in
//                                                     # that dir (npm i webex) the same way, to compare
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve as resolvePath } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = resolvePath(dirname(new URL(import.meta.url).pathname), '..');
const cdn = join(root, 'dist/cdn');
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const row = (label, raw, zipped, note = '') =>
  console.log(`${label.padEnd(44)} ${(raw === null ? '' : kb(raw)).padStart(11)} ${kb(zipped).padStart(11)} gz${note ? `  ${note}` : ''}`);

if (!existsSync(join(cdn, 'cc-elements.js'))) {
  console.error('No dist/cdn/cc-elements.js: run `npm run build` first.');
  process.exit(1);
}

/** Static imports of an ES module (`import … from "x"`, `import "x"`, `export … from "x"`), not `import()`. */
function staticImports(code) {
  const found = new Set();
  const re = /(?:^|[;{}\s])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["']([^"']+)["']/g;
  for (let m; (m = re.exec(code)); ) found.add(m[1]);
  return [...found];
}
const dynamicImports = (code) => [...code.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);

/** A file and every file it statically imports, transitively (relative imports only; bare ones are external). */
function closure(file) {
  const seen = new Set();
  const walk = (f) => {
    if (seen.has(f) || !existsSync(f)) return;
    seen.add(f);
    for (const spec of staticImports(readFileSync(f, 'utf8'))) if (spec.startsWith('.')) walk(join(dirname(f), spec));
  };
  walk(file);
  return [...seen];
}
const sizeOf = (files) => {
  const all = Buffer.concat(files.map((f) => readFileSync(f)));
  return [all.length, gz(all)];
};

const manifest = existsSync(join(cdn, 'manifest.json')) ? JSON.parse(readFileSync(join(cdn, 'manifest.json'), 'utf8')) : { chunks: {} };
const sdkChunk = manifest.chunks['webex-sdk'] ? join(cdn, manifest.chunks['webex-sdk']) : null;
const adapterChunk = manifest.chunks['webex-backend'] ? join(cdn, manifest.chunks['webex-backend']) : null;
const simulatorChunk = manifest.chunks.simulator ? join(cdn, manifest.chunks.simulator) : null;
const bodyChunk = manifest.chunks.body ? join(cdn, manifest.chunks.body) : null;
const panelsChunk = manifest.chunks.panels ? join(cdn, manifest.chunks.panels) : null;

console.log(`${'file'.padEnd(44)} ${'raw'.padStart(11)} ${'gzipped'.padStart(14)}`);
const entry = join(cdn, 'cc-elements.js');
const entryClosure = closure(entry);
const [entryRaw, entryGz] = sizeOf(entryClosure);
row('CDN entry + static imports (cc-elements.js)', entryRaw, entryGz, entryClosure.length > 1 ? `${entryClosure.length - 1} static chunk(s): a second request before any tag` : 'one file: defines every tag');
// Every page's: the widgets, the store and the request runner (the entry asks for it at once, beside the backend).
const bodyOnly = bodyChunk ? closure(bodyChunk).filter((f) => !entryClosure.includes(f)) : [];
if (bodyChunk) row(`CDN ${relative(cdn, bodyChunk)} (body)`, ...sizeOf(bodyOnly), 'Lit, core, <cc-sdk>, <cc-auth>: asked for at once');
const panelsOnly = panelsChunk ? closure(panelsChunk).filter((f) => !entryClosure.includes(f) && !bodyOnly.includes(f)) : [];
if (panelsChunk) row(`CDN ${relative(cdn, panelsChunk)} (rest of the desk)`, ...sizeOf(panelsOnly), 'the other widgets, the API: asked for at once');
const bodyClosure = [...bodyOnly, ...panelsOnly];
const shared = new Set([...entryClosure, ...bodyClosure]);
if (simulatorChunk) row(`CDN ${relative(cdn, simulatorChunk)} (simulator)`, ...sizeOf(closure(simulatorChunk).filter((f) => !shared.has(f))), 'loaded when backend="simulator"');
if (adapterChunk) row(`CDN ${relative(cdn, adapterChunk)} (Webex adapter)`, ...sizeOf(closure(adapterChunk).filter((f) => !shared.has(f))), 'loaded on backend="webex"');
if (sdkChunk) row(`CDN ${relative(cdn, sdkChunk)} (Webex SDK)`, ...sizeOf([sdkChunk]), 'loaded on sign-in, own instance only');
// What a page downloads before its desk can sign in, by backend.
const pageBytes = (...chunks) => sizeOf([...new Set([...entryClosure, ...bodyClosure, ...chunks.filter(Boolean).flatMap((c) => closure(c))])])[1];
if (simulatorChunk) row('a simulator page: entry + body + rest + simulator', null, pageBytes(simulatorChunk));
if (adapterChunk) row('a Webex page before sign-in: entry + body + rest + adapter', null, pageBytes(adapterChunk));
// The other backends (XuC, TCCC…): their chunk, and whether a page on them would download any simulator byte.
const otherBackends = Object.entries(manifest.chunks)
  .filter(([key]) => key.endsWith('-backend') && key !== 'webex-backend')
  .map(([key, file]) => ({ name: key.replace(/-backend$/, ''), chunk: join(cdn, file) }));
for (const { name, chunk } of otherBackends) row(`a ${name} page: entry + body + rest + ${relative(cdn, chunk)} + its chunks`, null, pageBytes(chunk));

const defineDir = join(root, 'dist/define');
if (existsSync(defineDir)) {
  for (const f of readdirSync(defineDir).filter((n) => n.endsWith('.js')).sort()) {
    const files = closure(join(defineDir, f));
    row(`npm dist/define/${f} (+ imports, lit external)`, ...sizeOf(files), `${files.length} modules`);
  }
}

// The figure: the SDK chunk must not be reachable from the entry without a dynamic import.
const sdkStatic = sdkChunk ? entryClosure.includes(sdkChunk) : false;
const simulatorStatic = simulatorChunk ? entryClosure.includes(simulatorChunk) : false;
const simulatorInWebex = simulatorChunk && adapterChunk ? closure(adapterChunk).includes(simulatorChunk) || closure(sdkChunk ?? adapterChunk).includes(simulatorChunk) : false;
const webexInSimulator = simulatorChunk && adapterChunk ? closure(simulatorChunk).some((f) => f === adapterChunk || f === sdkChunk) : false;
const adapterStatic = adapterChunk ? entryClosure.includes(adapterChunk) : false;
console.log('');
console.log(`SDK chunk statically imported by the CDN entry: ${sdkStatic ? 'YES (a simulator page would download the SDK)' : 'no'}`);
console.log(`Webex adapter chunk statically imported by the CDN entry: ${adapterStatic ? 'yes' : 'no'}`);
console.log(`Simulator chunk statically imported by the CDN entry: ${simulatorStatic ? 'YES (a Webex page would download it)' : 'no'}`);
console.log(`Simulator bytes on a Webex page: ${simulatorInWebex ? 'YES' : 'none'}; Webex bytes on a simulator page: ${webexInSimulator ? 'YES' : 'none'}`);
for (const { name, chunk } of otherBackends) {
  const files = closure(chunk);
  const simulatorIn = simulatorChunk ? files.includes(simulatorChunk) : false;
  const webexIn = files.some((f) => f === adapterChunk || f === sdkChunk);
  console.log(`Simulator bytes on a ${name} page: ${simulatorIn ? 'YES' : 'none'}; Webex bytes: ${webexIn ? 'YES' : 'none'}`);
}
console.log(`Entry + static imports: ${kb(entryGz)} gzipped (budget 25.0 kB: ${entryGz <= 25 * 1024 ? 'within' : 'OVER'})`);
console.log(`Dynamic imports in the CDN entry: ${dynamicImports(readFileSync(entry, 'utf8')).join(', ') || 'none'}`);
if (adapterChunk) console.log(`Dynamic imports in the Webex adapter chunk: ${dynamicImports(readFileSync(adapterChunk, 'utf8')).join(', ') || 'none'}`);
if (!sdkChunk) console.log('No webex-sdk chunk in dist/cdn/manifest.json: the SDK was not bundled.');

// Optional: the full `webex` package, bundled with the same plugins, to compare with the lean build.
const fullAt = process.argv.indexOf('--full');
if (fullAt > 0) {
  const dir = resolvePath(process.argv[fullAt + 1] ?? '.');
  const { rollup } = await import('rollup');
  const { webexSdkForBrowsers } = await import(join(root, 'rollup.config.mjs'));
  const { minify } = await import('rollup-plugin-esbuild');
  const { writeFileSync, mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const work = mkdtempSync(join(tmpdir(), 'cc-webex-full-'));
  const input = join(dir, '__cc_measure_entry.mjs');
  writeFileSync(input, "export { default } from 'webex';\n");
  const started = Date.now();
  const bundle = await rollup({
    input,
    onwarn: () => undefined,
    plugins: [...webexSdkForBrowsers(), minify({ target: 'es2022', legalComments: 'none' })],
  });
  const { output } = await bundle.generate({ format: 'es', inlineDynamicImports: true });
  await bundle.close();
  const code = Buffer.from(output[0].code);
  writeFileSync(join(work, 'webex-full.js'), code);
  console.log('');
  row('full `webex` package, same plugins', code.length, gz(code), `built in ${Math.round((Date.now() - started) / 1000)} s`);
  if (sdkChunk) {
    const lean = readFileSync(sdkChunk);
    console.log(`lean @webex/contact-center / full webex (gzipped): ${(gz(lean) / gz(code)).toFixed(2)}`);
  }
}
