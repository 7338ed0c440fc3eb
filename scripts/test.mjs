// `npm test`: finds (or installs) Chromium, then runs the whole suite in it:
//   1. web-test-runner: test/**/*.test.ts (its reporter writes test-results/summary.json);
//   2. vitest: the stories as tests and the React wrappers' test (test-results/vitest.json).
// It writes the sum of both to test-results/totals.json (what .ci/run reads) and ends with the line
// `N passed, N failed`.
// `npm test -- <web-test-runner options>` (say `--files test/cc-auth.test.ts`) runs web-test-runner alone.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { chromiumPath } from './chromium.mjs';

const RESULTS = 'test-results';
const SUMMARY = `${RESULTS}/summary.json`;
const VITEST = `${RESULTS}/vitest.json`;
const TOTALS = `${RESULTS}/totals.json`;

process.env.CHROME_PATH = chromiumPath();
// Playwright (the story tests' browser driver) uses this Chromium; it must never fetch one of its own.
process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1';

const args = process.argv.slice(2);
const run = (command, commandArgs) => spawnSync(command, commandArgs, { stdio: 'inherit', env: process.env }).status ?? 1;
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

// 1. web-test-runner.
const wtrStatus = run('npx', ['web-test-runner', '--config', 'web-test-runner.config.mjs', ...args]);
const wtr = readJson(SUMMARY);
const wtrTotals = {
  passed: wtr?.passed ?? 0,
  // No summary means the run did not get as far as reporting: count it as a failure.
  failed: (wtr?.failed ?? 1) + (wtr && wtrStatus !== 0 && wtr.failed === 0 ? 1 : 0),
  skipped: wtr?.skipped ?? 0,
};

// 2. vitest (stories and React), unless web-test-runner was given options of its own.
let vitestTotals = null;
let vitestStatus = 0;
if (args.length === 0) {
  console.log('\n[cc-elements] Stories and React wrappers (vitest, Storybook addon-vitest)…');
  vitestStatus = run('npx', ['vitest', 'run']);
  const report = existsSync(VITEST) ? readJson(VITEST) : null;
  vitestTotals = {
    passed: report?.numPassedTests ?? 0,
    failed: (report?.numFailedTests ?? 1) + (report && vitestStatus !== 0 && report.numFailedTests === 0 ? 1 : 0),
    skipped: (report?.numPendingTests ?? 0) + (report?.numTodoTests ?? 0),
  };
}

const parts = { wtr: wtrTotals, ...(vitestTotals ? { vitest: vitestTotals } : {}) };
const sum = (key) => Object.values(parts).reduce((total, part) => total + part[key], 0);
const totals = { passed: sum('passed'), failed: sum('failed'), skipped: sum('skipped'), parts };
writeFileSync(TOTALS, JSON.stringify(totals));

if (vitestTotals) {
  console.log(
    `\n[cc-elements] web-test-runner ${wtrTotals.passed} passed, ${wtrTotals.failed} failed; ` +
      `stories and React ${vitestTotals.passed} passed, ${vitestTotals.failed} failed`,
  );
}
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(wtrStatus !== 0 || vitestStatus !== 0 || totals.failed > 0 ? 1 : 0);
