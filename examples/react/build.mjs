// `npm run example:react`: bundles the React example with esbuild into examples/react/dist/ (open
// dist/index.html from a web server). `npm run example:react -- --serve` serves it on http://localhost:8001/.
import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const outdir = here('./dist');
mkdirSync(outdir, { recursive: true });
copyFileSync(here('./index.html'), `${outdir}/index.html`);

const options = {
  entryPoints: { main: here('./main.tsx') },
  outdir,
  bundle: true,
  format: 'esm',
  target: 'es2022',
  jsx: 'automatic',
  // The kit's TypeScript settings (legacy decorators) with JSX on top.
  tsconfig: here('./tsconfig.json'),
  // The example runs on the simulator; the Webex SDK is only imported when that backend is chosen.
  external: ['@webex/contact-center'],
  define: { 'process.env.NODE_ENV': '"production"' },
  minify: true,
  sourcemap: true,
  logLevel: 'info',
};

if (process.argv.includes('--serve')) {
  const context = await esbuild.context(options);
  await context.watch();
  const { port } = await context.serve({ servedir: outdir, port: 8001 });
  console.log(`React example: http://localhost:${port}/`);
} else {
  await esbuild.build(options);
}
