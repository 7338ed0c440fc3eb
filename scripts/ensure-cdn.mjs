// Builds the CDN bundle (dist/cdn/) with rollup's JS API when it is missing or older than the sources, so the
// tests that load it (test/cdn/webex-bundle.test.ts and others that fetch /dist/cdn/) never skip. `npm test` calls
// it when a selected test file names dist/cdn; `node scripts/ensure-cdn.mjs` runs it alone.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './ensure-installed.mjs';

const SOURCES = ['components', 'src', 'define', 'index.ts', 'rollup.config.mjs', 'package-lock.json'];
const MARKER = join(ROOT, 'dist/cdn/manifest.json');

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/** Why the CDN build must be made again, or null when it is fresh. */
export function cdnStale() {
  if (!existsSync(MARKER)) return 'dist/cdn is missing';
  const built = statSync(MARKER).mtimeMs;
  const changed = SOURCES.find((s) => newest(join(ROOT, s)) > built);
  return changed ? `${changed} changed since dist/cdn was built` : null;
}

export async function ensureCdnBuild({ force = false } = {}) {
  const why = force ? 'asked to' : cdnStale();
  if (!why) return false;
  console.log(`[cc-elements] Building dist/cdn (${why})…`);
  const started = Date.now();
  const { rollup } = await import('rollup');
  const configs = (await import(pathToFileURL(join(ROOT, 'rollup.config.mjs')).href)).default;
  const cdn = configs.find((c) => String(c.output?.dir ?? '').endsWith('dist/cdn'));
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    const { output, ...input } = cdn;
    const bundle = await rollup(input);
    await bundle.write(output);
    await bundle.close();
  } finally {
    process.chdir(cwd);
  }
  console.log(`[cc-elements] dist/cdn built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return true;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await ensureCdnBuild({ force: process.argv.includes('--force') });
