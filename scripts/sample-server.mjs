// The sample page's dev server, shared by `npm start` and `npm run start:webex-local`: serves the repository
// (TypeScript compiled on the fly, bare imports resolved) with demo/index.html as the app page.
const { startDevServer } = await import('@web/dev-server');
const { esbuildPlugin } = await import('@web/dev-server-esbuild');

/**
 * Starts the dev server on `port` (0: one chosen at run time) and `hostname`; `middleware` runs before the
 * file server (Koa middleware). Returns the server and the sample page's address.
 */
export async function startSamplePage({ port = 8000, hostname = 'localhost', middleware = [] } = {}) {
  const server = await startDevServer({
    config: {
      rootDir: '.',
      port,
      hostname,
      nodeResolve: true,
      appIndex: 'demo/index.html',
      open: false,
      watch: false,
      middleware,
      plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' })],
    },
    readCliArgs: false,
    readFileConfig: false,
    logStartMessage: false,
  });
  const actualPort = server.server?.address()?.port ?? server.config.port;
  return { server, origin: `http://${server.config.hostname}:${actualPort}`, address: `http://${server.config.hostname}:${actualPort}/demo/` };
}
