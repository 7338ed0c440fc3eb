// `npm test`: finds (or installs) Chromium, then runs the whole suite in it with web-test-runner.
import { spawnSync } from 'node:child_process';
import { chromiumPath } from './chromium.mjs';

process.env.CHROME_PATH = chromiumPath();
const result = spawnSync('npx', ['web-test-runner', '--config', 'web-test-runner.config.mjs', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: process.env,
});
process.exit(result.status ?? 1);
