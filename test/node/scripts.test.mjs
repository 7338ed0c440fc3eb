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
