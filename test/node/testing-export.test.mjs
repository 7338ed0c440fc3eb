// `cc-elements/testing` as a third party gets it: the npm build (rollup.config.mjs's ES-module build, with
// the same plugins) is written into a scratch copy of the package, where `import 'cc-elements/testing'`
// resolves through package.json's "exports" to dist/testing/index.js, `npm pack` lists it, and a backend
// written outside the repository (test/fixtures/acme-backend.js) runs the contract suite from node:test, a
// runner the suite knows nothing of. The same backend with one defect fails exactly the test about it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { rollup } from 'rollup';

const root = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
let dir;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cc-elements-testing-'));
  const cwd = process.cwd();
  process.chdir(root); // the config's paths are relative to the repository
  try {
    const [npmBuild] = (await import(pathToFileURL(join(root, 'rollup.config.mjs')).href)).default;
    // The main entry and the testing entry, exactly as the npm build makes them (the define entries add nothing here).
    const bundle = await rollup({ ...npmBuild, input: { index: 'index.ts', 'testing/index': 'testing/index.ts', 'src/backends/kit/index': 'src/backends/kit/index.ts' }, onwarn() {} });
    await bundle.write({ ...npmBuild.output, dir: join(dir, 'dist'), sourcemap: false });
    await bundle.close();
  } finally {
    process.chdir(cwd);
  }
  cpSync(join(root, 'package.json'), join(dir, 'package.json'));
  // lit, for the main entry (a dependency the app installs).
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
});

after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('package.json exports ./testing (types first) from dist/testing, inside the files npm ships', () => {
  assert.deepEqual(Object.keys(pkg.exports['./testing']), ['types', 'import']);
  assert.equal(pkg.exports['./testing'].import, './dist/testing/index.js');
  assert.equal(pkg.exports['./testing'].types, './dist/testing/index.d.ts');
  const build = JSON.parse(readFileSync(join(root, 'tsconfig.build.json'), 'utf8'));
  assert.ok(build.include.includes('testing'), 'tsconfig.build.json writes the .d.ts of testing/');
  const { NODE_TEST_CONTEXT: _, ...env } = process.env;
  const packed = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: dir, env, encoding: 'utf8' });
  assert.equal(packed.status, 0, packed.stderr);
  const files = JSON.parse(packed.stdout)[0].files.map((f) => f.path);
  for (const file of ['dist/testing/index.js', 'dist/testing/backend-contract.js', 'dist/testing/expect.js']) {
    assert.ok(files.includes(file), `npm pack ships ${file}`);
  }
});

test('import "cc-elements/testing" resolves to the built dist and needs no test library', () => {
  const probe = join(dir, 'probe.mjs');
  writeFileSync(
    probe,
    `const url = import.meta.resolve('cc-elements/testing');
const m = await import('cc-elements/testing');
console.log(JSON.stringify({ url, exports: Object.keys(m).sort() }));`,
  );
  const run = spawnSync(process.execPath, [probe], { cwd: dir, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const { url, exports } = JSON.parse(run.stdout);
  assert.equal(url, pathToFileURL(join(dir, 'dist/testing/index.js')).href);
  assert.deepEqual(exports, ['Assertion', 'ContractAssertionError', 'backendContract', 'deepEqual', 'deskOn', 'expect', 'until']);
  // What the entry pulls in: the kit's own modules only (no chai, no mocha, no @open-wc).
  const sources = ['backend-contract.js', 'expect.js', 'desk.js', 'until.js', 'index.js'].map((f) => readFileSync(join(dir, 'dist/testing', f), 'utf8'));
  for (const source of sources) {
    const specifiers = [...source.matchAll(/^(?:import|export)\b[^;'"]*?(?:from\s*)?['"]([^'"]+)['"]/gm)].map((m) => m[1]);
    if (source.includes('function backendContract')) assert.ok(specifiers.includes('./expect.js'), 'the import check reads the imports');
    for (const specifier of specifiers) assert.match(specifier, /^\.\.?\//, `imports ${specifier}`);
  }
});

test('import "cc-elements/backend-kit" gives a backend outside the repository the toolkit, from the built dist', () => {
  assert.deepEqual(Object.keys(pkg.exports['./backend-kit']), ['types', 'import']);
  assert.equal(pkg.exports['./backend-kit'].types, './dist/src/backends/kit/index.d.ts');
  const probe = join(dir, 'kit-probe.mjs');
  writeFileSync(
    probe,
    `import { BackendEvents, ConnectionState, OptionReader, TaskBook, withTimeout } from 'cc-elements/backend-kit';
import { ManualClock } from 'cc-elements';
const url = import.meta.resolve('cc-elements/backend-kit');
const events = new BackendEvents();
const heard = [];
events.subscribe((e) => heard.push(e.type + ':' + e.status));
const connection = new ConnectionState((e) => events.emit(e));
connection.set('connected');
connection.set('connected');
connection.set('reconnecting');
const clock = new ManualClock(0);
const late = withTimeout(clock, new Promise(() => {}), 1000, () => new Error('late'));
clock.advance(1000);
const timedOut = await late.then(() => 'no', (e) => e.message);
console.log(JSON.stringify({ url, heard, timedOut, book: typeof TaskBook, reader: typeof OptionReader }));`,
  );
  const run = spawnSync(process.execPath, [probe], { cwd: dir, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const result = JSON.parse(run.stdout);
  assert.equal(result.url, pathToFileURL(join(dir, 'dist/src/backends/kit/index.js')).href);
  assert.deepEqual(result.heard, ['connection:connected', 'connection:reconnecting'], 'a change is announced once');
  assert.equal(result.timedOut, 'late');
  assert.equal(result.book, 'function');
  assert.equal(result.reader, 'function');
});

/** Runs the contract suite from node:test on the acme backend (with `bug`, if given); returns the TAP output. */
function runSuite(bug) {
  const file = join(dir, 'acme.contract.test.mjs');
  writeFileSync(
    file,
    `import { describe, it, beforeEach, afterEach } from 'node:test';
import { backendContract } from 'cc-elements/testing';
import { CcError, backendNames, registerBackend } from 'cc-elements';
import { acmeCenter } from ${JSON.stringify(pathToFileURL(join(root, 'test/fixtures/acme-backend.js')).href)};

const bug = ${JSON.stringify(bug ?? null)} ?? undefined;
// As the third party's package does, so that <cc-sdk backend="acme"> can build it by name.
registerBackend('acme', () => acmeCenter({ CcError }, { bug }).backend);
if (!backendNames().includes('acme')) throw new Error('acme is not registered');
backendContract('acme from node:test', () => acmeCenter({ CcError }, { bug }), {
  runner: { describe, it, beforeEach, afterEach },
  // No audio in Node: calls ring the agent's phone.
  loginOption: 'EXTENSION',
});
`,
  );
  // A run of its own, not a subtest of this file's (node:test marks its children with NODE_TEST_CONTEXT).
  const { NODE_TEST_CONTEXT: _, ...env } = process.env;
  const run = spawnSync(process.execPath, ['--test', '--test-reporter=tap', file], { cwd: dir, env, encoding: 'utf8', timeout: 120000 });
  return run.stdout + run.stderr;
}

const count = (tap, key) => Number(tap.match(new RegExp(`^# ${key} (\\d+)$`, 'm'))?.[1] ?? NaN);

test('a third-party backend passes the whole suite from node:test, through the built entry', () => {
  const tap = runSuite();
  assert.equal(count(tap, 'fail'), 0, tap);
  assert.equal(count(tap, 'skipped'), 0, tap);
  assert.ok(count(tap, 'pass') >= 22, tap);
  assert.match(tap, /ok \d+ - follows a supervisor changing the state \(by remote\)/);
  assert.match(tap, /ok \d+ - refuses to decline a call that rings the phone, and keeps offering it/);
});

test('the suite fails that backend when it has a defect, with its own assertion error, and only there', () => {
  const tap = runSuite('remote-by-agent');
  assert.equal(count(tap, 'fail'), 1, tap);
  assert.match(tap, /not ok \d+ - follows a supervisor changing the state \(by remote\)/);
  assert.match(tap, /ContractAssertionError/);
  assert.match(tap, /expected .* to include \{"state":"Idle","by":"remote"\}/);
});

test('the scratch package is really the built one (not the TypeScript sources)', () => {
  assert.ok(existsSync(join(dir, 'dist/testing/backend-contract.js')));
  assert.ok(!existsSync(join(dir, 'testing')));
});
