// The checks behind test/node/tokens.test.mjs and test/node/docs-check.test.mjs, as pure functions of the
// texts they compare (the sources, README.md, custom-elements.json, the event catalog), so that the tests can
// run them on the repository and on copies with one drift injected. Each returns a list of problems in words.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { build } from 'esbuild';

export const root = new URL('../..', import.meta.url).pathname;

/** Every .ts file under the given folders, as {path: text} with paths relative to the root. */
export function readSources(folders = ['components', 'src']) {
  const files = {};
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) files[relative(root, path).split(sep).join('/')] = readFileSync(path, 'utf8');
    }
  };
  for (const folder of folders) walk(join(root, folder));
  return files;
}

/** The event catalog (src/events/catalog.ts), compiled on the fly. */
export async function loadCatalog() {
  const out = await build({ entryPoints: [join(root, 'src/events/catalog.ts')], bundle: true, write: false, format: 'esm', platform: 'node', logLevel: 'silent' });
  const mod = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
  return mod.eventCatalog;
}

export const readReadme = () => readFileSync(join(root, 'README.md'), 'utf8');
export const readManifest = () => JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));

const all = (text, re) => [...text.matchAll(re)].map((m) => m[1]);
const sorted = (items) => [...new Set(items)].sort();
const minus = (a, b) => sorted(a).filter((x) => !new Set(b).has(x));
const list = (items) => items.map((x) => `\`${x}\``).join(', ');

/** The elements of the manifest: tag, class file, folder, superclass, and their own and inherited API. */
export function elementsOf(manifest) {
  const elements = [];
  for (const mod of manifest.modules) {
    for (const d of mod.declarations ?? []) {
      if (!d.tagName) continue;
      const own = (items) => (items ?? []).filter((i) => !i.inheritedFrom).map((i) => i.name);
      const inherited = (items) => (items ?? []).filter((i) => i.inheritedFrom).map((i) => i.name);
      elements.push({
        tag: d.tagName,
        name: d.name,
        path: mod.path,
        folder: mod.path.slice(0, mod.path.lastIndexOf('/') + 1),
        superclass: d.superclass?.name ?? null,
        events: (d.events ?? []).map((e) => e.name),
        eventTypes: Object.fromEntries((d.events ?? []).map((e) => [e.name, e.type?.text ?? ''])),
        eventDescriptions: Object.fromEntries((d.events ?? []).map((e) => [e.name, e.description ?? ''])),
        parts: own(d.cssParts),
        inheritedParts: inherited(d.cssParts),
        tokens: own(d.cssProperties),
        inheritedTokens: inherited(d.cssProperties),
      });
    }
  }
  return elements;
}

/** The manifest entries of a class that is not an element (CcWidget): what its subclasses inherit. */
function classOf(manifest, name) {
  for (const mod of manifest.modules) for (const d of mod.declarations ?? []) if (d.name === name && d.kind === 'class') return { ...d, path: mod.path };
  return null;
}

// --- README tables -------------------------------------------------------------------------------------------

/** The rows of the first Markdown table after `heading` (a line of the README), as arrays of cells. */
export function tableAfter(readme, heading, nth = 0) {
  const start = readme.indexOf(heading);
  if (start < 0) return null;
  const lines = readme.slice(start).split('\n');
  const tables = [];
  let current = null;
  for (const line of lines.slice(1)) {
    if (/^#{1,3} /.test(line)) break;
    if (line.startsWith('|')) {
      if (!current) tables.push((current = []));
      current.push(line);
    } else current = null;
  }
  const table = tables[nth];
  if (!table) return null;
  return table
    .slice(2)
    .map((line) => line.replace(/\\\|/g, '\u0000').split('|').slice(1, -1).map((cell) => cell.trim().replace(/\u0000/g, '|')));
}

/** The `| what | `a`, `b` |` row of an element's README table (events, parts, tokens), as names. */
function readmeRow(readme, tag, row) {
  const rows = tableAfter(readme, `### \`<${tag}>\``, 0) ?? [];
  const found = rows.find((cells) => cells[0] === row);
  if (!found) return null;
  // Names are the code spans that start the list items: `indicator` (`data-state` = …) counts `indicator` only.
  return found[1]
    .replace(/\([^)]*\)/g, '')
    .split(',')
    .map((item) => item.trim().match(/^`([^`]+)`/)?.[1])
    .filter(Boolean);
}

// --- Tokens --------------------------------------------------------------------------------------------------

/**
 * Private custom properties (`--_cc-*`): each one read (`var(--_cc-x)`) is set somewhere, and each one set is
 * read somewhere. Public tokens (`--cc-*`) read by the kit's styles: each is documented in the manifest (the
 * JSDoc `@cssproperty` of the element it belongs to) and in the README, the global ones are read in
 * src/styles/tokens.ts and listed in the README's Theming table, an element's own ones are read only in its
 * folder and listed in its README row; and nothing is documented that no style reads.
 */
export function tokenProblems({ sources, readme, manifest }) {
  const problems = [];

  // Private properties (`--_cc-*` shared by every element, `--_x` local to one): the shared ones are set in
  // src/ (the :host block every element includes), the local ones in the element's own folder.
  const scopeOf = (path) => (path.startsWith('components/') ? path.split('/').slice(0, 2).join('/') + '/' : 'src/');
  const privates = (filter, re) => sorted(Object.entries(sources).filter(([p]) => filter(p)).flatMap(([, t]) => all(t, re)));
  // Read: `var(--_x)` in a style, or `getPropertyValue('--_x')` in an element that reads a token's value (a
  // number such as <cc-queue-stats>' service-level target).
  const readRe = /(?:var\(|getPropertyValue\(\s*['"])\s*(--_[a-z0-9-]+)/g;
  // Set: a declaration (`--_x: …`, or `'--_x': …` in a style map) or `style.setProperty('--_x', …)`.
  const setRe = /(?:^|[\s{;'"]|setProperty\(\s*['"])(--_[a-z0-9-]+)(?:['"]?\s*:|['"]\s*,)/gm;
  const scopes = sorted(Object.keys(sources).map(scopeOf));
  const sharedSet = privates((p) => scopeOf(p) === 'src/', setRe);
  const everywhereRead = privates(() => true, readRe);
  // A sheet in src/ that several elements include (src/styles/card.ts) may read local properties (`--_gap`, not
  // `--_cc-*`): each element that imports it must set them, so those reads count in the importing element's folder.
  const isLocal = (name) => !name.startsWith('--_cc-');
  const sharedSheets = Object.keys(sources).filter((p) => scopeOf(p) === 'src/' && all(sources[p], readRe).some(isLocal));
  const importsOf = (scope) =>
    sharedSheets.filter((sheet) =>
      Object.entries(sources).some(([p, t]) => scopeOf(p) === scope && t.includes(`/${sheet.replace(/\.ts$/, '.js')}'`)),
    );
  const importedSheets = sorted(scopes.filter((scope) => scope !== 'src/').flatMap(importsOf));
  const sheetReads = (sheets) => sorted(sheets.flatMap((sheet) => all(sources[sheet], readRe).filter(isLocal)));
  for (const scope of scopes) {
    const inScope = (p) => scopeOf(p) === scope;
    const read =
      scope === 'src/'
        ? privates(inScope, readRe).filter((name) => !(sheetReads(importedSheets).includes(name) && !privates(inScope, setRe).includes(name)))
        : sorted([...privates(inScope, readRe), ...sheetReads(importsOf(scope))]);
    const set = privates(inScope, setRe);
    const where = scope === 'src/' ? 'src/' : scope;
    for (const name of minus(read, scope === 'src/' ? set : [...set, ...sharedSet])) problems.push(`private ${name} is read in ${where} (var(${name})) but never set`);
    for (const name of minus(set, scope === 'src/' ? everywhereRead : read)) problems.push(`private ${name} is set in ${where} but never read`);
  }

  const elements = elementsOf(manifest);
  const widget = classOf(manifest, 'CcWidget');
  const widgetTokens = (widget?.cssProperties ?? []).map((p) => p.name);
  const readIn = (filter) =>
    sorted(Object.entries(sources).filter(([path]) => filter(path)).flatMap(([, t]) => all(t, /var\(\s*(--cc-[a-z0-9-]+)/g)));
  const publicRead = readIn(() => true);
  const ownerOf = (token) => elements.find((e) => token.startsWith(`--${e.tag}-`));

  // The global tier: read in tokens.ts, documented on CcWidget (every widget inherits it) and in the Theming table.
  const global = readIn((p) => p === 'src/styles/tokens.ts');
  const theming = (tableAfter(readme, '## Theming') ?? []).flatMap((cells) => all(cells[0], /`(--cc-[a-z0-9-]+)`/g));
  for (const name of minus(global, theming)) problems.push(`global token ${name} (src/styles/tokens.ts) is not in the README's Theming table`);
  for (const name of minus(theming, global)) problems.push(`the README's Theming table lists ${name}, which src/styles/tokens.ts does not read`);

  const readmeTokens = new Set(all(readme.slice(readme.indexOf('## The elements')), /`(--cc-[a-z0-9-]+)`/g));
  for (const name of publicRead) {
    const owner = ownerOf(name);
    if (owner) {
      if (!owner.tokens.includes(name)) problems.push(`${name} is read but not documented on <${owner.tag}> (@cssproperty in ${owner.path})`);
      if (!(readmeRow(readme, owner.tag, 'tokens') ?? []).includes(name)) problems.push(`${name} is read but not in <${owner.tag}>'s README tokens row`);
      const outside = Object.entries(sources).filter(([p, t]) => !p.startsWith(owner.folder) && t.includes(`var(${name}`)).map(([p]) => p);
      for (const path of outside) problems.push(`${name} belongs to <${owner.tag}> but is read in ${path}`);
    } else {
      if (!widgetTokens.includes(name)) problems.push(`${name} is read but documented on no element (@cssproperty on CcWidget, src/base/cc-widget.ts)`);
      if (!global.includes(name) && !readmeTokens.has(name)) problems.push(`${name} is read but not in the README`);
      if (!global.includes(name) && !Object.keys(sources).some((p) => p.startsWith('src/base/') && sources[p].includes(`var(${name}`))) {
        problems.push(`${name} is neither a global token (src/styles/tokens.ts) nor one of the widgets' shared tokens (src/base/)`);
      }
    }
  }
  for (const element of elements) {
    for (const name of minus(element.tokens, readIn((p) => p.startsWith(element.folder)))) {
      problems.push(`<${element.tag}> documents ${name}, which none of its styles reads`);
    }
    const row = readmeRow(readme, element.tag, 'tokens') ?? [];
    for (const name of minus(element.tokens, row)) problems.push(`<${element.tag}>'s ${name} is not in its README tokens row`);
    for (const name of minus(row, element.tokens)) problems.push(`<${element.tag}>'s README tokens row lists ${name}, which its @cssproperty JSDoc does not`);
  }
  for (const name of minus(widgetTokens, publicRead)) problems.push(`CcWidget documents ${name}, which no style reads`);
  return problems;
}

// --- Events, parts, JSDoc ------------------------------------------------------------------------------------

/** The `@event`, `@csspart` and `@cssproperty` names of the JSDoc in one class file. */
export function jsdocOf(source) {
  return {
    events: all(source, /^\s*\*\s*@event\s+(?:\{[^}]*\}\s+)?([a-z][a-z0-9-]*)/gm),
    parts: all(source, /^\s*\*\s*@csspart\s+([a-z][a-z0-9-]*)/gm),
    tokens: all(source, /^\s*\*\s*@cssprop(?:erty)?\s+\[?(--[a-z0-9_-]+)/gm),
  };
}

/** The field names of every top-level `{…}` in a detail's description: `{a, b: {c}} or {d}` gives a, b, d. */
export function detailFields(text) {
  const fields = [];
  let depth = 0;
  let field = '';
  let naming = false;
  for (const ch of text) {
    if (ch === '{') {
      depth++;
      if (depth === 1) [field, naming] = ['', true];
      continue;
    }
    if (ch === '}') {
      if (depth === 1 && field.trim()) fields.push(field.trim());
      depth = Math.max(0, depth - 1);
      continue;
    }
    if (depth !== 1) continue;
    if (ch === ',') {
      if (field.trim()) fields.push(field.trim());
      [field, naming] = ['', true];
    } else if (ch === ':') naming = false;
    else if (naming) field += ch;
  }
  return sorted(fields);
}

/** Part names a folder's templates render: `part="a b"`, `part=a`, `setAttribute('part', 'a')`. */
export function partsRendered(sources, folder) {
  const names = [];
  for (const [path, text] of Object.entries(sources)) {
    if (!path.startsWith(folder)) continue;
    for (const value of all(text, /\spart="([^"$]*)"/g)) names.push(...value.split(/\s+/));
    for (const value of all(text, /\spart=([a-z][a-z0-9-]*)[\s>]/g)) names.push(value);
    for (const value of all(text, /setAttribute\(\s*'part',\s*'([^']+)'/g)) names.push(...value.split(/\s+/));
  }
  return sorted(names.filter(Boolean));
}

/**
 * The README's events tables are the catalog's rows (name, detail, summary) in its order; each element's
 * JSDoc (@event, @csspart, @cssproperty) is what custom-elements.json holds; its events are in the catalog
 * (a widget's are requests; `<cc-sdk>` announces every outcome); its README rows list the manifest's events
 * and parts; and the parts its templates render are the parts it documents.
 */
export function docsProblems({ sources, readme, manifest, catalog }) {
  const problems = [];
  const names = Object.keys(catalog);
  const outcomes = names.filter((n) => catalog[n].kind === 'outcome');
  const requests = names.filter((n) => catalog[n].kind === 'request');

  const tables = [
    ['outcome', tableAfter(readme, '## Events', 0), outcomes],
    ['request', tableAfter(readme, '## Events', 1), requests],
  ];
  for (const [kind, rows, expected] of tables) {
    if (!rows) {
      problems.push(`the README has no ${kind} events table under "## Events"`);
      continue;
    }
    const listed = rows.map((cells) => cells[0].replace(/`/g, ''));
    if (listed.join() !== expected.join()) {
      problems.push(`the README's ${kind} table lists ${list(listed)}; the catalog has ${list(expected)} (node scripts/events-table.mjs --write)`);
    }
    for (const cells of rows) {
      const name = cells[0].replace(/`/g, '');
      const entry = catalog[name];
      if (!entry) continue;
      if (cells[1] !== `\`${entry.detail}\``) problems.push(`README: ${name}'s detail is ${cells[1]}; the catalog says \`${entry.detail}\` (node scripts/events-table.mjs --write)`);
      if (cells[2] !== entry.summary) problems.push(`README: ${name} says "${cells[2]}"; the catalog says "${entry.summary}" (node scripts/events-table.mjs --write)`);
    }
  }

  const elements = elementsOf(manifest);
  const widget = classOf(manifest, 'CcWidget');
  const baseParts = (widget?.cssParts ?? []).map((p) => p.name);
  for (const element of elements) {
    const source = sources[element.path];
    if (!source) {
      problems.push(`custom-elements.json names ${element.path}, which does not exist`);
      continue;
    }
    const jsdoc = jsdocOf(source);
    for (const [what, documented, inManifest, inheritedToo] of [
      ['@event', jsdoc.events, element.events, []],
      ['@csspart', jsdoc.parts, element.parts, element.inheritedParts],
      ['@cssproperty', jsdoc.tokens, element.tokens, element.inheritedTokens],
    ]) {
      // The manifest counts an inherited name the class documents again (the panel's `connection`) as inherited.
      if (minus(inManifest, documented).length || minus(documented, [...inManifest, ...inheritedToo]).length) {
        problems.push(`<${element.tag}>: the JSDoc's ${what} (${list(sorted(documented))}) is not what custom-elements.json holds (${list(sorted(inManifest))}): run npm run analyze`);
      }
    }
    for (const name of element.events) {
      const entry = catalog[name];
      if (!entry) problems.push(`<${element.tag}> documents @event ${name}, which is not in the event catalog`);
      else if (element.tag !== 'cc-sdk' && entry.kind !== 'request') problems.push(`<${element.tag}> documents @event ${name}, an outcome: widgets send requests`);
      else if (!element.eventTypes[name].includes(`'${name}'`)) problems.push(`<${element.tag}>'s @event ${name} has the type ${element.eventTypes[name]}`);
      if (!entry) continue;
      const description = element.eventDescriptions[name];
      const at = description.indexOf('detail:');
      if (at < 0) problems.push(`<${element.tag}>'s @event ${name} does not say what its detail holds (\`detail: {…}\`)`);
      else if (detailFields(description.slice(at).replace(/`/g, '')).join() !== detailFields(entry.detail).join()) {
        problems.push(
          `<${element.tag}>'s @event ${name} gives the detail ${list(detailFields(description.slice(at).replace(/`/g, '')))}; the catalog ${list(detailFields(entry.detail))}`,
        );
      }
    }
    if (element.tag === 'cc-sdk') {
      for (const name of minus(outcomes, element.events)) problems.push(`<cc-sdk> announces ${name}, which its @event JSDoc does not list`);
      for (const name of minus(element.events, outcomes)) problems.push(`<cc-sdk>'s JSDoc lists ${name}, which is not an outcome`);
      continue;
    }
    const readmeEvents = readmeRow(readme, element.tag, 'events');
    const readmeParts = readmeRow(readme, element.tag, 'parts');
    if (!readmeEvents || !readmeParts) {
      problems.push(`the README's <${element.tag}> section has no events or parts row`);
      continue;
    }
    for (const name of minus(element.events, readmeEvents)) problems.push(`<${element.tag}>'s event ${name} is not in its README events row`);
    for (const name of minus(readmeEvents, element.events)) problems.push(`<${element.tag}>'s README events row lists ${name}, which its @event JSDoc does not`);
    for (const name of minus(element.parts, readmeParts)) problems.push(`<${element.tag}>'s part ${name} is not in its README parts row`);
    for (const name of minus(readmeParts, element.parts)) problems.push(`<${element.tag}>'s README parts row lists ${name}, which its @csspart JSDoc does not`);

    const rendered = partsRendered(sources, element.folder);
    const inherited = element.superclass === 'CcWidget' ? baseParts : [];
    for (const name of minus(rendered, [...element.parts, ...inherited])) problems.push(`<${element.tag}> renders part="${name}", which its @csspart JSDoc does not document`);
    const available = [...rendered, ...partsRendered(sources, 'src/base/')];
    for (const name of minus(element.parts, available)) problems.push(`<${element.tag}> documents @csspart ${name}, which none of its templates renders`);
  }
  for (const name of baseParts) {
    if (!partsRendered(sources, 'src/base/').includes(name)) problems.push(`CcWidget documents @csspart ${name}, which src/base/ never renders`);
    if (!readme.includes(`part \`${name}\``)) problems.push(`the README does not mention the widgets' shared part \`${name}\``);
  }
  return problems;
}
