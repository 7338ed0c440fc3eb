// Shared by `npm start` and `npm test`: on a fresh clone (no node_modules, or one missing what the lockfile
// installs, or holding another version of a direct dependency than the lockfile says) it runs `npm ci`, so the
// lockfile decides every version. It also resolves the project's own
// command-line tools to a file run with this Node, so no script ever asks npx to fetch a package by name.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Packages the scripts run or import; if one is missing the install is incomplete. */
const NEEDED = ['@web/dev-server', '@web/test-runner', 'vitest', 'rollup', 'typescript', 'lit'];

const readJson = (file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
};

/** Direct dependencies whose installed version is not the lockfile's (a pull that changed the lockfile). */
export function staleDependencies(root = ROOT) {
  const lock = readJson(join(root, 'package-lock.json'));
  const project = lock?.packages?.[''];
  if (!project) return [];
  const names = Object.keys({ ...project.dependencies, ...project.devDependencies });
  return names.filter((name) => {
    const wanted = lock.packages[`node_modules/${name}`]?.version;
    const have = readJson(join(root, 'node_modules', name, 'package.json'))?.version;
    return wanted && have !== wanted;
  });
}

const installed = () =>
  existsSync(join(ROOT, 'node_modules/.package-lock.json')) &&
  NEEDED.every((name) => existsSync(join(ROOT, 'node_modules', name, 'package.json'))) &&
  staleDependencies().length === 0;

/** Installs the dependencies from the lockfile (`npm ci`) unless they are there already. */
export function ensureInstalled() {
  if (installed()) return;
  console.log('[cc-elements] Installing dependencies from package-lock.json (npm ci)…');
  // Under `npm run`/`npm test`, npm_execpath is the npm that started us: run the same one.
  const npmCli = process.env.npm_execpath;
  const [command, args] = npmCli && /\.[cm]?js$/.test(npmCli)
    ? [process.execPath, [npmCli, 'ci', '--no-audit', '--no-fund']]
    : [process.platform === 'win32' ? 'npm.cmd' : 'npm', ['ci', '--no-audit', '--no-fund']];
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('[cc-elements] npm ci failed; see above.');
    process.exit(result.status ?? 1);
  }
  if (!installed()) {
    console.error(`[cc-elements] npm ci finished but ${NEEDED.filter((n) => !existsSync(join(ROOT, 'node_modules', n))).join(', ')} is still missing.`);
    process.exit(1);
  }
}

/** The JS file behind a package's command (`bin('@web/test-runner', 'web-test-runner')`), to run with this Node. */
export function bin(pkg, name) {
  const dir = join(ROOT, 'node_modules', pkg);
  const json = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const entry = typeof json.bin === 'string' ? json.bin : json.bin?.[name ?? pkg.replace(/^@[^/]+\//, '')];
  if (!entry) throw new Error(`${pkg} has no command ${name ?? ''}`);
  return join(dir, entry);
}

/** Runs a package's command with this Node and the project's install; returns its exit status. */
export function runBin(pkg, name, args, options = {}) {
  const result = spawnSync(process.execPath, [bin(pkg, name), ...args], { stdio: 'inherit', cwd: ROOT, env: process.env, ...options });
  return result.status ?? 1;
}
