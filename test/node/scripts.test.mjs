// Node-level tests of the project's own scripts (run by `npm test` before the browser suites).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { checkProject, commandWords, fetchingCommands } from '../../scripts/check-scripts.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

test('no script runs npx (or npm exec, dlx): every command is the project\'s own binary', () => {
  assert.deepEqual(checkProject(root), []);
});

test('the check finds a bare npx wherever a script could run it', () => {
  assert.equal(fetchingCommands("spawnSync('npx', ['web-test-runner'])").length, 1);
  assert.equal(fetchingCommands('execSync(`npx vitest run`)').length, 1);
  assert.equal(fetchingCommands('step npx tsc --noEmit', 'shell').length, 1);
  assert.equal(fetchingCommands('npm test && npx rollup -c', 'shell').length, 1);
  assert.equal(fetchingCommands('npm exec -- vitest', 'shell').length, 1);
  // Prose about npx in a comment is not a command.
  assert.equal(fetchingCommands('// never let npx fetch a package\nconst a = 1;').length, 0);
  assert.equal(fetchingCommands('# npx would fetch\nnpm ci', 'shell').length, 0);
  assert.equal(fetchingCommands("const npxLike = 'npxfoo';").length, 0);
});

test('package.json command words are split on &&, | and ;', () => {
  assert.deepEqual(commandWords('npm run analyze && rollup -c rollup.config.mjs && npm run build:types'), ['npm', 'rollup', 'npm']);
  assert.deepEqual(commandWords('CI=1 vitest run'), ['vitest']);
});

test('npm test and npm start reinstall when a direct dependency is missing or not the lockfile\'s version', async () => {
  const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { staleDependencies } = await import('../../scripts/ensure-installed.mjs');
  const dir = mkdtempSync(join(tmpdir(), 'cc-install-'));
  try {
    const lock = { packages: { '': { dependencies: { lit: '^3' }, devDependencies: { rollup: '4' } }, 'node_modules/lit': { version: '3.3.3' }, 'node_modules/rollup': { version: '4.67.4' } } };
    writeFileSync(join(dir, 'package-lock.json'), JSON.stringify(lock));
    const install = (name, version) => {
      mkdirSync(join(dir, 'node_modules', name), { recursive: true });
      writeFileSync(join(dir, 'node_modules', name, 'package.json'), JSON.stringify({ name, version }));
    };
    assert.deepEqual(staleDependencies(dir), ['lit', 'rollup']);
    install('lit', '3.3.3');
    install('rollup', '4.60.0');
    assert.deepEqual(staleDependencies(dir), ['rollup']);
    install('rollup', '4.67.4');
    assert.deepEqual(staleDependencies(dir), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
