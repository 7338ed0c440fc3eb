// The server companion (cc-elements/server) for the repository's own scripts and Node tests: compiled once from
// server/index.ts with esbuild (fast, no full build needed on a fresh clone) into node_modules/.cache, so that its
// import of the TCCC SDK resolves from the project as a host's server would. Removed when the process ends.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { ROOT } from './ensure-installed.mjs';

let loaded;
/** `cc-elements/server`, as `npm run build` makes it (dist/server), compiled from the sources now. */
export function loadCompanion() {
  loaded ??= (async () => {
    const dir = join(ROOT, 'node_modules', '.cache', `cc-server-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    const outfile = join(dir, 'server.mjs');
    await build({
      entryPoints: [join(ROOT, 'server/index.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile,
      external: ['tencentcloud-sdk-nodejs', 'tencentcloud-sdk-nodejs/*'],
      logLevel: 'error',
    });
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
    return import(pathToFileURL(outfile).href);
  })();
  return loaded;
}
