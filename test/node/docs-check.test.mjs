// Docs drift: the README's events tables are the event catalog's rows (src/events/catalog.ts); each element's
// JSDoc (@event, @csspart, @cssproperty) is what custom-elements.json holds; an element's events are in the
// catalog (a widget's are requests, <cc-sdk> announces every outcome) with the catalog's detail fields; the README's events and parts rows of
// each element are its manifest's; and the parts its templates render are the parts it documents.
// (Tokens: tokens.test.mjs.) The checks live in docs-drift.mjs; here they run on the repository, then on
// copies with one drift injected.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detailFields, docsProblems, loadCatalog, readManifest, readReadme, readSources } from './docs-drift.mjs';

const real = { sources: readSources(), readme: readReadme(), manifest: readManifest(), catalog: await loadCatalog() };
const WRAPUP = 'components/cc-wrapup/cc-wrapup.ts';

const changed = (before, after, what) => {
  assert.notEqual(after, before, `the drift was injected into ${what}`);
  return after;
};
const withSource = (path, edit) => ({ ...real, sources: { ...real.sources, [path]: changed(real.sources[path], edit(real.sources[path]), path) } });
const withReadme = (edit) => ({ ...real, readme: changed(real.readme, edit(real.readme), 'the README') });
/** The manifest as `npm run analyze` would write it after `edit(declaration)` of `tag`. */
function analyzed(input, tag, edit) {
  const manifest = structuredClone(input.manifest);
  const declaration = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tag);
  edit(declaration);
  return { ...input, manifest };
}

test('the README, the JSDoc, the manifest, the catalog and the templates agree', () => {
  assert.deepEqual(docsProblems(real), []);
});

test("a catalog row changed without the README's events table is caught", () => {
  const catalog = { ...real.catalog, 'cc-task-end': { ...real.catalog['cc-task-end'], summary: 'A task ended (the call or chat is over).' } };
  assert.deepEqual(docsProblems({ ...real, catalog }), [
    'README: cc-task-end says "A task ended."; the catalog says "A task ended (the call or chat is over)." (node scripts/events-table.mjs --write)',
  ]);
});

test('a new request in the catalog, missing from the README, is caught', () => {
  const catalog = { ...real.catalog, 'cc-task-park-request': { kind: 'request', detail: '{taskId}', summary: 'Park a task.' } };
  const problems = docsProblems({ ...real, catalog });
  assert.equal(problems.length, 1, problems.join('\n'));
  assert.match(problems[0], /^the README's request table lists .*; the catalog has .*`cc-task-park-request` \(node scripts\/events-table\.mjs --write\)$/);
});

test('a part documented in the JSDoc but not yet in the manifest is caught (run npm run analyze)', () => {
  const problems = docsProblems(withSource(WRAPUP, (t) => t.replace(' * @csspart notes - The notes field.', ' * @csspart notes - The notes field.\n * @csspart footer - The footer.')));
  assert.deepEqual(problems, [
    "<cc-wrapup>: the JSDoc's @csspart (`base`, `code`, `counter`, `details`, `done`, `error`, `footer`, `header`, `notes`, `stop-auto-wrapup`, `submit`, `timer`) is not what custom-elements.json holds (`base`, `code`, `counter`, `details`, `done`, `error`, `header`, `notes`, `stop-auto-wrapup`, `submit`, `timer`): run npm run analyze",
  ]);
});

test('a documented part that no template renders, and that the README does not list, is caught', () => {
  const documented = withSource(WRAPUP, (t) => t.replace(' * @csspart notes - The notes field.', ' * @csspart notes - The notes field.\n * @csspart footer - The footer.'));
  const problems = docsProblems(analyzed(documented, 'cc-wrapup', (d) => d.cssParts.push({ name: 'footer', description: 'The footer.' })));
  assert.deepEqual(problems, [
    "<cc-wrapup>'s part footer is not in its README parts row",
    '<cc-wrapup> documents @csspart footer, which none of its templates renders',
  ]);
});

test('a part a template renders without documenting it is caught', () => {
  const problems = docsProblems(withSource(WRAPUP, (t) => t.replace('<span part="counter"', '<span part="counter progress"')));
  assert.deepEqual(problems, ['<cc-wrapup> renders part="progress", which its @csspart JSDoc does not document']);
});

test("an element's README rows drifting from its manifest are caught", () => {
  const events = docsProblems(withReadme((r) => r.replace('| events | `cc-wrapup-request`, `cc-task-auto-wrapup-cancel-request` |', '| events | `cc-wrapup-request`, `cc-task-auto-wrapup-cancel-request`, `cc-task-end-request` |')));
  assert.deepEqual(events, ["<cc-wrapup>'s README events row lists cc-task-end-request, which its @event JSDoc does not"]);
  const parts = docsProblems(withReadme((r) => r.replace('`code`, `notes`, `submit`, `error`, `done` |', '`code`, `notes`, `submit`, `done` |')));
  assert.deepEqual(parts, ["<cc-wrapup>'s part error is not in its README parts row"]);
});

test('a widget that documents an outcome as its event, or an event not in the catalog, is caught', () => {
  const line = " * @event {CcRequestEvent<'cc-wrapup-request'>} cc-wrapup-request";
  const outcome = withSource(WRAPUP, (t) => t.replace(line, ` * @event {CcOutcomeEvent<'cc-task-wrapup'>} cc-task-wrapup - Wrapped up.\n${line}`));
  const addEvent = (name, type) => (d) => d.events.push({ name, type: { text: type }, description: 'Wrapped up. `detail: {task, auxCodeId, notes}`' });
  assert.deepEqual(docsProblems(analyzed(outcome, 'cc-wrapup', addEvent('cc-task-wrapup', "CcOutcomeEvent<'cc-task-wrapup'>"))), [
    '<cc-wrapup> documents @event cc-task-wrapup, an outcome: widgets send requests',
    "<cc-wrapup>'s event cc-task-wrapup is not in its README events row",
  ]);
  const unknown = withSource(WRAPUP, (t) => t.replace(line, ` * @event {CcRequestEvent<'cc-wrapup-save-request'>} cc-wrapup-save-request - Saves.\n${line}`));
  const problems = docsProblems(analyzed(unknown, 'cc-wrapup', addEvent('cc-wrapup-save-request', "CcRequestEvent<'cc-wrapup-save-request'>")));
  assert.ok(problems.includes('<cc-wrapup> documents @event cc-wrapup-save-request, which is not in the event catalog'), problems.join('\n'));
});

test('<cc-sdk> must document every outcome it announces', () => {
  const path = 'components/cc-sdk/cc-sdk.ts';
  const stripped = withSource(path, (t) => t.replace(/^ \* @event \{CcOutcomeEvent<'cc-error'>\}.*\n/m, ''));
  const problems = docsProblems(analyzed(stripped, 'cc-sdk', (d) => (d.events = d.events.filter((e) => e.name !== 'cc-error'))));
  assert.deepEqual(problems, ['<cc-sdk> announces cc-error, which its @event JSDoc does not list']);
});

test("an event's JSDoc detail that differs from the catalog's fields is caught", () => {
  const catalog = { ...real.catalog, 'cc-task-end': { ...real.catalog['cc-task-end'], detail: '{task, wrapupRequired, reason}' } };
  const problems = docsProblems({ ...real, catalog });
  assert.ok(problems.includes("<cc-sdk>'s @event cc-task-end gives the detail `task`, `wrapupRequired`; the catalog `reason`, `task`, `wrapupRequired`"), problems.join('\n'));
  assert.deepEqual(
    ['{task, reason: \'declined\'|\'rona\'}', '{credential} (a handle) or {oauth: {clientId, state}}; frozen', '{}'].map((d) => detailFields(d).join()),
    ['reason,task', 'credential,oauth', ''],
  );
});
