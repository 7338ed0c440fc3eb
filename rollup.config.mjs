import resolve from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import json from '@rollup/plugin-json';
import replace from '@rollup/plugin-replace';
import nodePolyfills from 'rollup-plugin-polyfill-node';
import esbuild from 'rollup-plugin-esbuild';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

const defines = Object.fromEntries(
  readdirSync('define')
    .filter((f) => f.endsWith('.ts'))
    .map((f) => [`define/${f.replace(/\.ts$/, '')}`, `define/${f}`]),
);

const ts = (extra = {}) => esbuild({ tsconfig: 'tsconfig.json', target: 'es2022', ...extra });

/** The Webex SDK: an optional peer the npm build leaves to the app's bundler. */
const WEBEX = [/^@webex\//, /^webex(\/|$)/];

/**
 * Node built-ins the Webex SDK requires that must be an EMPTY module in a browser: a polyfilled `crypto` makes
 * node-jose fail (`nodeCrypto.getHashes is not a function`); it falls back to WebCrypto when it finds none.
 */
const EMPTY = new Set(['crypto', 'fs', 'os', 'node:crypto', 'node:fs', 'node:os']);
const emptyBuiltins = {
  name: 'empty-node-builtins',
  resolveId(id) {
    return EMPTY.has(id) ? `\0empty:${id}` : null;
  },
  load(id) {
    return id.startsWith('\0empty:') ? 'export default {};' : null;
  },
};

/**
 * The `browser` field of a package, for relative requires inside it (`require('./request')` in
 * @webex/http-core must become its XHR shim, not the Node `request` library and its 700 kB of dependencies).
 * node-resolve does not apply it to those requires once CommonJS has rewritten them.
 */
const packages = new Map();
function packageFor(dir) {
  for (let d = dir; d !== dirname(d); d = dirname(d)) {
    if (packages.has(d)) return packages.get(d);
    const file = join(d, 'package.json');
    if (existsSync(file)) {
      const json = JSON.parse(readFileSync(file, 'utf8'));
      if (!json.name) continue;
      const pkg = { dir: d, browser: json.browser && typeof json.browser === 'object' ? json.browser : null };
      packages.set(d, pkg);
      return pkg;
    }
  }
  return null;
}
const browserField = {
  name: 'browser-field',
  resolveId(source, importer) {
    if (!importer || !source.startsWith('.') || !importer.includes('node_modules')) return null;
    const from = importer.replace(/^\0/, '').replace(/\?.*$/, '');
    const pkg = packageFor(dirname(from));
    if (!pkg?.browser) return null;
    const base = join(dirname(from), source);
    for (const candidate of [base, `${base}.js`, join(base, 'index.js')]) {
      const key = `./${relative(pkg.dir, candidate).split(sep).join('/')}`;
      if (!(key in pkg.browser)) continue;
      const to = pkg.browser[key];
      return to === false ? `\0empty:${key}` : join(pkg.dir, to);
    }
    return null;
  },
};

/** What the browser bundle of the SDK (a CommonJS package tree written for Node and browserify) needs. */
export const webexSdkForBrowsers = () => [
  emptyBuiltins,
  browserField,
  replace({
    preventAssignment: true,
    values: { 'process.env.NODE_ENV': JSON.stringify('production') },
  }),
  replace({
    include: /node_modules/,
    delimiters: ['', ''],
    preventAssignment: false,
    values: {
      // file-type's Node-only stream reader; a direct eval would keep the whole chunk from being minified.
      "eval('require')": '(function(){throw new Error("require() is not available in a browser")})',
      // `platform` is CommonJS: its namespace has only a default export.
      "import * as platform from 'platform';": "import platform from 'platform';",
    },
  }),
  json(),
  // CommonJS first, so that the polyfills' injected imports land in modules that are already ES modules.
  commonjs({ include: /node_modules/, transformMixedEsModules: true, requireReturnsDefault: 'preferred', ignoreTryCatch: true }),
  // Polyfills the other built-ins (events, util, url, querystring, buffer, stream…) and the globals
  // `process`, `Buffer` and `global`, in the SDK's code only.
  nodePolyfills({ include: ['node_modules/**/*.js', /\0/] }),
  resolve({ browser: true, preferBuiltins: false, exportConditions: ['browser', 'import', 'module', 'default'] }),
];

/** Empties an output folder before writing, so chunks of earlier builds do not pile up. */
const cleanDir = (dir) => ({
  name: 'clean-dir',
  renderStart() {
    rmSync(dir, { recursive: true, force: true });
  },
});

/** Writes `manifest.json` next to the CDN entry: which chunk is which (each backend's, the Webex SDK, the forms…). */
const manifest = {
  name: 'cdn-manifest',
  generateBundle(_options, bundle) {
    const chunks = {};
    for (const file of Object.values(bundle)) {
      if (file.type !== 'chunk' || file.isEntry) continue;
      const facade = file.facadeModuleId ?? '';
      const backend = /[\\/]src[\\/]backends[\\/]([\w-]+)[\\/]index\.ts$/.exec(facade)?.[1];
      const key = file.moduleIds.some((id) => /@webex[\\/]contact-center[\\/]dist[\\/]webex\.js$/.test(id))
        ? 'webex-sdk'
        : /[\\/]src[\\/]backends[\\/]webex[\\/]/.test(facade)
          ? 'webex-backend'
          : /[\\/]src[\\/]backends[\\/]simulator[\\/]/.test(facade)
            ? 'simulator'
            : backend
              ? `${backend}-backend`
              : (partOf(file.moduleIds) ?? file.name);
      chunks[key] = file.fileName;
    }
    const entry = Object.values(bundle).find((f) => f.type === 'chunk' && f.isEntry)?.fileName;
    this.emitFile({ type: 'asset', fileName: 'manifest.json', source: `${JSON.stringify({ entry, chunks }, null, 2)}\n` });
  },
};

/**
 * Tells the CDN entry which files the body (src/cdn/body.ts), each backend and each language bundle need (see src/cdn/preload.ts): its
 * chunk and every chunk it imports statically, by their final names. The entry's marker is widened to a fixed-width string
 * first, then filled (padded with spaces, which JSON.parse ignores) once the names are known: the entry keeps
 * its length, so its source map stays right.
 */
const MARKER = '__CC_BACKEND_CHUNKS__';
/**
 * The CDN build's parts of the widgets' code, which the entry asks for at once: the body (src/cdn/body.ts) and
 * the rest of the desk (panels.ts). The name of the part a chunk holds, or null.
 */
const partOf = (moduleIds) => {
  for (const id of moduleIds) {
    const part = /[\\/]src[\\/]cdn[\\/](body|panels)\.ts$/.exec(id)?.[1];
    if (part) return part;
  }
  return null;
};
const MARKER_WIDTH = 2048;
const PADDED_MARKER = MARKER.padEnd(MARKER_WIDTH, '_');
const backendChunks = {
  name: 'backend-chunks',
  transform(code, id) {
    if (!/[\\/]src[\\/]cdn[\\/]preload\.ts$/.test(id)) return null;
    if (!code.includes(`'${MARKER}'`)) this.error('src/cdn/preload.ts has lost its marker');
    // Only the marker's own line changes (its text grows in place): the map of every other line holds.
    return { code: code.replace(`'${MARKER}'`, `'${PADDED_MARKER}'`), map: null };
  },
  generateBundle(_options, bundle) {
    const entry = Object.values(bundle).find((f) => f.type === 'chunk' && f.isEntry);
    if (!entry?.code.includes(PADDED_MARKER)) return;
    // The entry awaits the body (top-level await): a chunk that imported the entry would never finish loading.
    for (const file of Object.values(bundle)) {
      if (file.type === 'chunk' && (file.imports.includes(entry.fileName) || file.dynamicImports.includes(entry.fileName))) {
        this.error(`${file.fileName} imports the CDN entry: a module of src/cdn/cc-elements.ts's own is shared with the body (see src/cdn/light.ts).`);
      }
    }
    const chunks = Object.fromEntries(Object.values(bundle).filter((f) => f.type === 'chunk').map((f) => [f.fileName, f]));
    const needs = {};
    for (const file of Object.values(chunks)) {
      const facade = file.facadeModuleId ?? '';
      const locale = /[\\/]src[\\/]locales[\\/]bundles[\\/]([\w-]+)\.ts$/.exec(facade)?.[1];
      // A part may have been merged with the chunk of what it shares with the lazy chunks: no facade then.
      const name = partOf(file.moduleIds) ?? (locale ? `locale:${locale}` : /[\\/]src[\\/]backends[\\/]([\w-]+)[\\/]index\.ts$/.exec(facade)?.[1]);
      if (!name || file.isEntry) continue;
      const files = [];
      const walk = (f) => {
        if (f === entry.fileName || files.includes(f) || !chunks[f]) return;
        files.push(f);
        chunks[f].imports.forEach(walk);
      };
      walk(file.fileName);
      needs[name] = files;
    }
    // The JSON goes inside the minifier's string literal: escape its quote character.
    const at = entry.code.indexOf(PADDED_MARKER);
    const quote = entry.code[at - 1];
    const text = JSON.stringify(needs).replaceAll('\\', '\\\\').replaceAll(quote, `\\${quote}`);
    if (text.length > MARKER_WIDTH) this.error(`The backends' chunk list (${text.length} characters) is wider than its marker (${MARKER_WIDTH}).`);
    entry.code = entry.code.slice(0, at) + text.padEnd(MARKER_WIDTH, ' ') + entry.code.slice(at + MARKER_WIDTH);
  },
};

export default [
  // npm: one ES module per source module, lit external, so apps dedupe lit and tree-shake. The Webex SDK
  // stays a bare `import('@webex/contact-center')` for the app's bundler (it is an optional peer).
  {
    input: { index: 'index.ts', 'react/index': 'react/index.ts', 'testing/index': 'testing/index.ts', 'server/index': 'server/index.ts', 'src/backends/kit/index': 'src/backends/kit/index.ts', ...defines },
    // The server companion (cc-elements/server) runs in Node: its built-ins and the TCCC cloud SDK stay imports.
    external: [/^lit(\/|$)/, /^@lit\//, /^react(\/|$)/, ...WEBEX, /^node:/, /^tencentcloud-sdk-nodejs(\/|$)/],
    output: { dir: 'dist', format: 'es', preserveModules: true, preserveModulesRoot: '.', sourcemap: true },
    plugins: [resolve(), ts()],
  },
  // CDN: one file that defines every tag, lit included, minified. Lazily loaded backends become chunks: the
  // Webex adapter is a small chunk, and the SDK it imports on demand a large one of its own.
  {
    input: { 'cc-elements': 'src/cdn/cc-elements.ts' },
    // Chunks may import the entry's internals straight from cc-elements.js: no facade, no second request.
    preserveEntrySignatures: 'allow-extension',
    output: {
      dir: 'dist/cdn',
      format: 'es',
      entryFileNames: '[name].js',
      // The simulator's chunk has a name a page can preload (`<link rel="modulepreload">`) next to the entry;
      // the CDN path carries the version, so the name needs no hash.
      chunkFileNames: (chunk) =>
        chunk.facadeModuleId && /[\\/]src[\\/]backends[\\/]simulator[\\/]index\.ts$/.test(chunk.facadeModuleId)
          ? 'simulator.js'
          : partOf(chunk.moduleIds)
            ? `chunks/${partOf(chunk.moduleIds)}-[hash].js`
            : 'chunks/[name]-[hash].js',
      // The body holds Lit, the core, the shared styles and the backends' toolkit, which the lazy chunks share (a page that needs any of
      // them has the body): no module of theirs may end up in the entry, which the body's chunks cannot import
      // (see backend-chunks), nor in small chunks of their own (extra requests).
      manualChunks: (id) =>
        /[\\/]src[\\/](cdn[\\/]body\.ts$|core[\\/]|styles[\\/]|backends[\\/]kit[\\/])|[\\/]node_modules[\\/](lit|lit-html|lit-element|@lit[\\/][\w-]+)[\\/]/.test(id) ? 'body' : undefined,
      // Other tiny modules shared by lazy chunks go into a chunk that is loaded with them: no extra request.
      experimentalMinChunkSize: 2048,
      sourcemap: true,
    },
    onwarn(warning, warn) {
      // The SDK's CommonJS tree is full of these; none matters in a browser.
      if (['CIRCULAR_DEPENDENCY', 'THIS_IS_UNDEFINED', 'EVAL', 'SOURCEMAP_ERROR', 'MODULE_LEVEL_DIRECTIVE'].includes(warning.code)) return;
      warn(warning);
    },
    plugins: [cleanDir('dist/cdn'), backendChunks, ...webexSdkForBrowsers(), ts({ minify: true, legalComments: 'none' }), manifest],
  },
];
