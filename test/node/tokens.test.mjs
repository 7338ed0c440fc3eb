// Token drift: no private custom property (`--_cc-*` shared, `--_x` local to an element) is read without
// being set or set without being read; every public `--cc-*` token the styles read is documented (the
// element's @cssproperty JSDoc, so custom-elements.json; the README's Theming table for the global ones in
// src/styles/tokens.ts, the element's README tokens row for its own), and nothing documented goes unread.
// The checks live in docs-drift.mjs; here they run on the repository, then on copies with one drift injected.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readManifest, readReadme, readSources, tokenProblems } from './docs-drift.mjs';

const real = { sources: readSources(), readme: readReadme(), manifest: readManifest() };

/** The repository with one file's text changed by `edit` (which must change it). */
function withSource(path, edit) {
  const before = real.sources[path];
  assert.ok(before, `${path} exists`);
  const after = edit(before);
  assert.notEqual(after, before, `the drift was injected into ${path}`);
  return { ...real, sources: { ...real.sources, [path]: after } };
}
const withReadme = (edit) => {
  const readme = edit(real.readme);
  assert.notEqual(readme, real.readme, 'the drift was injected into the README');
  return { ...real, readme };
};

test('the kit has no token drift', () => {
  assert.deepEqual(tokenProblems(real), []);
});

test('a private property read but never set is caught (a typo in var())', () => {
  const problems = tokenProblems(withSource('components/cc-wrapup/cc-wrapup.styles.ts', (t) => t.replace('var(--_cc-text-muted)', 'var(--_cc-text-mute)')));
  assert.deepEqual(problems, ['private --_cc-text-mute is read in components/cc-wrapup/ (var(--_cc-text-mute)) but never set']);
});

test("an element's local private property read in another element is caught", () => {
  // cc-wrapup sets --_timer; cc-auth does not, so reading it there finds nothing.
  const problems = tokenProblems(withSource('components/cc-auth/cc-auth.styles.ts', (t) => `${t}\n/* */ const x = css\`p { color: var(--_timer); }\`;`));
  assert.deepEqual(problems, ['private --_timer is read in components/cc-auth/ (var(--_timer)) but never set']);
});

test('a local private property a shared sheet reads is checked in every element that includes the sheet', () => {
  // src/styles/stats.ts reads --_stale; <cc-queue-stats> and <cc-agent-stats> include it and set it. One that
  // stops setting it is caught, and so is a typo in the shared sheet, in each element that includes it.
  assert.deepEqual(tokenProblems(withSource('components/cc-agent-stats/cc-agent-stats.styles.ts', (t) => t.replace(/\n\s*--_stale:[^;]*;/, ''))), [
    'private --_stale is read in components/cc-agent-stats/ (var(--_stale)) but never set',
    '<cc-agent-stats> documents --cc-agent-stats-stale-color, which none of its styles reads',
  ]);
  assert.deepEqual(tokenProblems(withSource('src/styles/stats.ts', (t) => t.replace('var(--_stale)', 'var(--_stal)'))), [
    'private --_stal is read in components/cc-agent-stats/ (var(--_stal)) but never set',
    'private --_stale is set in components/cc-agent-stats/ but never read',
    'private --_stal is read in components/cc-queue-stats/ (var(--_stal)) but never set',
    'private --_stale is set in components/cc-queue-stats/ but never read',
  ]);
});

test('a private property set but never read is caught, shared or local', () => {
  const shared = tokenProblems(withSource('src/styles/tokens.ts', (t) => t.replace('    --_cc-space: var(--cc-space, 8px);', '    --_cc-space: var(--cc-space, 8px);\n    --_cc-gutter: 12px;')));
  assert.deepEqual(shared, ['private --_cc-gutter is set in src/ but never read']);
  const local = tokenProblems(withSource('components/cc-wrapup/cc-wrapup.styles.ts', (t) => t.replace('--_gap: var(', '--_unused: 1px;\n    --_gap: var(')));
  assert.deepEqual(local, ['private --_unused is set in components/cc-wrapup/ but never read']);
});

test("a public token an element reads but does not document is caught (manifest and README)", () => {
  const problems = tokenProblems(
    withSource('components/cc-wrapup/cc-wrapup.styles.ts', (t) => t.replace('--_gap: var(', '--_border: var(--cc-wrapup-border-color, var(--_cc-border));\n    border-color: var(--_border);\n    --_gap: var(')),
  );
  assert.deepEqual(problems, [
    '--cc-wrapup-border-color is read but not documented on <cc-wrapup> (@cssproperty in components/cc-wrapup/cc-wrapup.ts)',
    "--cc-wrapup-border-color is read but not in <cc-wrapup>'s README tokens row",
  ]);
});

test('a documented token that no style reads any more is caught', () => {
  const problems = tokenProblems(withSource('components/cc-wrapup/cc-wrapup.styles.ts', (t) => t.replace('var(--cc-wrapup-timer-color, var(--_cc-warning))', 'var(--_cc-warning)')));
  assert.deepEqual(problems, ['<cc-wrapup> documents --cc-wrapup-timer-color, which none of its styles reads']);
});

test("an element's token read in another element is caught", () => {
  const problems = tokenProblems(withSource('components/cc-auth/cc-auth.styles.ts', (t) => t.replace('var(--cc-auth-gap, var(--_cc-space))', 'var(--cc-wrapup-gap, var(--_cc-space))')));
  assert.ok(problems.includes('--cc-wrapup-gap belongs to <cc-wrapup> but is read in components/cc-auth/cc-auth.styles.ts'), problems.join('\n'));
  assert.ok(problems.includes('<cc-auth> documents --cc-auth-gap, which none of its styles reads'), problems.join('\n'));
});

test('a new global token must be in the Theming table and on CcWidget', () => {
  const problems = tokenProblems(withSource('src/styles/tokens.ts', (t) => t.replace('    --_cc-space:', '    --_cc-link: var(--cc-color-link, blue);\n    color: var(--_cc-link);\n    --_cc-space:')));
  assert.deepEqual(problems, [
    "global token --cc-color-link (src/styles/tokens.ts) is not in the README's Theming table",
    '--cc-color-link is read but documented on no element (@cssproperty on CcWidget, src/base/cc-widget.ts)',
  ]);
});

test('the README drifting from the styles is caught: a token row or the Theming table', () => {
  const row = tokenProblems(withReadme((r) => r.replace('`--cc-auth-background`, `--cc-auth-gap`, ', '`--cc-auth-background`, ')));
  assert.deepEqual(row, ["--cc-auth-gap is read but not in <cc-auth>'s README tokens row", "<cc-auth>'s --cc-auth-gap is not in its README tokens row"]);
  const theming = tokenProblems(withReadme((r) => r.replace('| `--cc-color-focus` | focus ring |', '| `--cc-color-focus`, `--cc-color-link` | focus ring |')));
  assert.deepEqual(theming, ["the README's Theming table lists --cc-color-link, which src/styles/tokens.ts does not read"]);
});
