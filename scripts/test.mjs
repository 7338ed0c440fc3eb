// `npm test`: installs the dependencies from the lockfile if they are not there (`npm ci`, as `npm start`
// does), finds (or installs) Chromium, then runs:
//   0. node: test/node/*.test.mjs, checks of the project's own scripts (test-results/node.tap);
//   1. web-test-runner: test/**/*.test.ts (its reporter writes test-results/summary.json); before it, the CDN
//      bundle is built (rollup's JS API) if a selected test file loads dist/cdn and it is missing or stale;
//   2. vitest: the stories as tests and the React wrappers' test (test-results/vitest.json).
// It writes the sum to test-results/totals.json (what .ci/run reads) and ends with the line
// `N passed, N failed` (`, N skipped` when tests were skipped: a test that called `this.skip()`, or `it.skip`).
// `npm test -- <web-test-runner options>` (say `--files test/components/cc-auth/cc-auth.test.ts`) runs the node checks and
// web-test-runner alone. Every tool runs from node_modules with this Node: never through npx.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { ensureInstalled, runBin } from './ensure-installed.mjs';

ensureInstalled();
const { chromiumPath } = await import('./chromium.mjs');
const { ensureCdnBuild } = await import('./ensure-cdn.mjs');

const RESULTS = 'test-results';
const SUMMARY = `${RESULTS}/summary.json`;
const VITEST = `${RESULTS}/vitest.json`;
const TOTALS = `${RESULTS}/totals.json`;
const NODE_TAP = `${RESULTS}/node.tap`;

process.env.CHROME_PATH = chromiumPath();
// Playwright (the story tests' browser driver) uses this Chromium; it must never fetch one of its own.
process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1';

const args = process.argv.slice(2);
const readJson = (file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
};

mkdirSync(RESULTS, { recursive: true });
rmSync(SUMMARY, { force: true });
rmSync(VITEST, { force: true });
rmSync(TOTALS, { force: true });
rmSync(NODE_TAP, { force: true });

// 0. Node-level checks (no browser).
const nodeTests = readdirSync('test/node').filter((f) => f.endsWith('.test.mjs')).map((f) => `test/node/${f}`);
const nodeStatus =
  spawnSync(
    process.execPath,
    ['--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${NODE_TAP}`, ...nodeTests],
    { stdio: 'inherit' },
  ).status ?? 1;
const tap = existsSync(NODE_TAP) ? readFileSync(NODE_TAP, 'utf8') : '';
const tapCount = (key) => Number(tap.match(new RegExp(`^# ${key} (\\d+)$`, 'm'))?.[1] ?? 0);
const nodeTotals = {
  passed: tapCount('pass'),
  failed: tapCount('fail') + tapCount('cancelled') + (tap ? 0 : 1),
  skipped: tapCount('skipped') + tapCount('todo'),
};

// 1. web-test-runner. The test files it will run that load the CDN bundle get a fresh one first.
// Its files: test/**/*.test.ts, in folders that mirror the sources (the node checks are .mjs, not .ts).
const browserTests = readdirSync('test', { recursive: true })
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => `test/${f.split('\\').join('/')}`)
  .sort();
const filesAt = args.indexOf('--files');
const selected = filesAt >= 0
  ? args.slice(filesAt + 1).filter((a) => !a.startsWith('--'))
  : browserTests;
// A pattern (`'test/cc-*.test.ts'`) is not a file: then any test file that loads dist/cdn counts.
const loadsCdn = (f) => readFileSync(f, 'utf8').includes('/dist/cdn/');
const needsCdn = selected.some((f) =>
  existsSync(f) ? loadsCdn(f) : browserTests.some(loadsCdn),
);
let cdnFailed = 0;
if (needsCdn) {
  try {
    await ensureCdnBuild();
  } catch (err) {
    console.error('[cc-elements] The CDN build failed:', err);
    cdnFailed = 1;
  }
}
const wtrStatus = runBin('@web/test-runner', 'web-test-runner', ['--config', 'web-test-runner.config.mjs', ...args]);
const wtr = readJson(SUMMARY);
const wtrTotals = {
  passed: wtr?.passed ?? 0,
  // No summary means the run did not get as far as reporting: count it as a failure.
  failed: (wtr?.failed ?? 1) + (wtr && wtrStatus !== 0 && wtr.failed === 0 ? 1 : 0) + cdnFailed,
  skipped: wtr?.skipped ?? 0,
};

// 2. vitest (stories and React), unless web-test-runner was given options of its own.
let vitestTotals = null;
let vitestStatus = 0;
if (args.length === 0) {
  console.log('\n[cc-elements] Stories and React wrappers (vitest, Storybook addon-vitest)…');
  vitestStatus = runBin('vitest', 'vitest', ['run']);
  const report = existsSync(VITEST) ? readJson(VITEST) : null;
  vitestTotals = {
    passed: report?.numPassedTests ?? 0,
    failed: (report?.numFailedTests ?? 1) + (report && vitestStatus !== 0 && report.numFailedTests === 0 ? 1 : 0),
    skipped: (report?.numPendingTests ?? 0) + (report?.numTodoTests ?? 0),
  };
}

const parts = { node: nodeTotals, wtr: wtrTotals, ...(vitestTotals ? { vitest: vitestTotals } : {}) };
const sum = (key) => Object.values(parts).reduce((total, part) => total + part[key], 0);
const totals = { passed: sum('passed'), failed: sum('failed'), skipped: sum('skipped'), parts };
writeFileSync(TOTALS, JSON.stringify(totals));

if (vitestTotals) {
  console.log(
    `\n[cc-elements] node checks ${nodeTotals.passed} passed, ${nodeTotals.failed} failed; ` +
      `web-test-runner ${wtrTotals.passed} passed, ${wtrTotals.failed} failed; ` +
      `stories and React ${vitestTotals.passed} passed, ${vitestTotals.failed} failed`,
  );
}
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(nodeStatus !== 0 || wtrStatus !== 0 || vitestStatus !== 0 || totals.failed > 0 ? 1 : 0);
