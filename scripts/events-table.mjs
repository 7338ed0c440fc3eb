// Prints the event catalog (src/events/catalog.ts) as the README's two Markdown tables, outcomes then requests.
// `--write` puts them in README.md in place of the two tables under "## Events"; test/node/docs-check.test.mjs
// fails while they differ.
import { readFileSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const out = await build({ entryPoints: ['src/events/catalog.ts'], bundle: true, write: false, format: 'esm', platform: 'node' });
const mod = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
const cell = (text) => text.replace(/\|/g, '\\|');
const tables = ['outcome', 'request'].map((kind) =>
  [
    `| event | detail | ${kind === 'outcome' ? 'when' : 'what'} |`,
    '|---|---|---|',
    ...Object.entries(mod.eventCatalog)
      .filter(([, entry]) => entry.kind === kind)
      .map(([name, entry]) => `| \`${name}\` | \`${cell(entry.detail)}\` | ${cell(entry.summary)} |`),
  ].join('\n'),
);

if (process.argv.includes('--write')) {
  const readme = readFileSync('README.md', 'utf8');
  const start = readme.indexOf('\n## Events\n');
  const end = readme.indexOf('\n## ', start + 1);
  if (start < 0 || end < 0) throw new Error('README.md has no "## Events" section');
  let section = readme.slice(start, end);
  const found = [...section.matchAll(/(?:^\|.*\n)+/gm)];
  if (found.length < 2) throw new Error('The "## Events" section of README.md has fewer than two tables');
  for (const i of [1, 0]) {
    const match = found[i];
    section = `${section.slice(0, match.index)}${tables[i]}\n${section.slice(match.index + match[0].length)}`;
  }
  writeFileSync('README.md', readme.slice(0, start) + section + readme.slice(end));
} else {
  console.log(`${tables.join('\n\n')}\n`);
}
