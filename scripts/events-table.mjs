// Prints the event catalog as Markdown tables (used to keep the README's event section true).
import { build } from 'esbuild';

const out = await build({ entryPoints: ['src/events/catalog.ts'], bundle: true, write: false, format: 'esm', platform: 'node' });
const mod = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
for (const kind of ['outcome', 'request']) {
  console.log(`| event | detail | when |\n|---|---|---|`);
  for (const [name, entry] of Object.entries(mod.eventCatalog)) {
    if (entry.kind === kind) console.log(`| \`${name}\` | \`${entry.detail.replace(/\|/g, '\\|')}\` | ${entry.summary} |`);
  }
  console.log('');
}
