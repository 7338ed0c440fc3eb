// `npm start`: serves the sample CRM page on the simulator and prints its URL.
// On a fresh clone it installs the dependencies first, so this one command is enough.
import { ensureInstalled } from './ensure-installed.mjs';

ensureInstalled();

const { startDevServer } = await import('@web/dev-server');
const { esbuildPlugin } = await import('@web/dev-server-esbuild');

const port = Number(process.env.PORT ?? 8000);
const server = await startDevServer({
  config: {
    rootDir: '.',
    port,
    hostname: process.env.HOST ?? 'localhost',
    nodeResolve: true,
    appIndex: 'demo/index.html',
    open: false,
    watch: false,
    plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' })],
  },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});
const address = `http://${server.config.hostname}:${server.config.port}/demo/`;
console.log(`\n  cc-elements sample CRM page (simulator backend): ${address}\n  Press Ctrl+C to stop.\n`);
