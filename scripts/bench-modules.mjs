#!/usr/bin/env node
// What weighs what in the CDN entry (dist/cdn/cc-elements.js): bundles it as the CDN build does (in memory,
// nothing written), then minifies and gzips each module's part of the entry on its own, and prints them by
// folder and by module, heaviest first. A module gzipped alone compresses worse than inside the bundle, so
// the sum is larger than the entry's figure: read the shares, not the totals.
//
//   node scripts/bench-modules.mjs                 # the entry
//   node scripts/bench-modules.mjs --chunk body    # a chunk of the widgets' code instead (body, panels)
import { rollup } from 'rollup';
import { transform } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { relative } from 'node:path';
const chunkAt = process.argv.indexOf('--chunk');
const chunkName = chunkAt > 0 ? process.argv[chunkAt + 1] : null;
const dirArg = process.argv.slice(2).find((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--chunk');
process.chdir(dirArg ?? process.cwd());
const configs = (await import(process.cwd() + '/rollup.config.mjs')).default;
const cdn = configs[1];
const plugins = cdn.plugins.filter((p) => p && p.name !== 'clean-dir' && p.name !== 'cdn-manifest');
const bundle = await rollup({ ...cdn, plugins, onwarn: () => {} });
const { output } = await bundle.generate({ ...cdn.output, sourcemap: false });
const entry = output.find((c) => c.type === 'chunk' && (chunkName ? c.fileName.startsWith(`chunks/${chunkName}-`) : c.isEntry));
if (!entry) throw new Error(`No chunk named ${chunkName} in the CDN build.`);
const rows = [];
for (const [id, m] of Object.entries(entry.modules)) {
  if (!m.code) continue;
  const min = (await transform(m.code, { minify: true, target: 'es2022', loader: 'js' })).code;
  rows.push([relative(process.cwd(), id.replace(/^\0/, '')), min.length, gzipSync(min, { level: 9 }).length]);
}
rows.sort((a, b) => b[2] - a[2]);
let total = 0;
for (const r of rows) total += r[2];
const all = gzipSync(entry.code, { level: 9 }).length;
console.log(`entry ${entry.fileName}: ${(entry.code.length / 1024).toFixed(1)} kB min, ${(all / 1024).toFixed(1)} kB gz; sum of modules gz alone ${(total / 1024).toFixed(1)} kB`);
const groups = {};
for (const [id, raw, gz] of rows) {
  const g = id.includes('node_modules') ? 'node_modules/' + id.split('node_modules/')[1].split('/').slice(0, id.includes('@lit') ? 2 : 1).join('/') : id.split('/').slice(0, 2).join('/');
  groups[g] = (groups[g] ?? 0) + gz;
}
for (const [g, gz] of Object.entries(groups).sort((a, b) => b[1] - a[1])) console.log(`  ${g.padEnd(50)} ${(gz / 1024).toFixed(1)} kB  ${((gz / total) * 100).toFixed(0)} %`);
console.log('');
for (const [id, raw, gz] of rows) console.log(`${id.padEnd(60)} ${(raw / 1024).toFixed(1).padStart(6)} kB min ${(gz / 1024).toFixed(1).padStart(5)} kB gz`);
await bundle.close();
