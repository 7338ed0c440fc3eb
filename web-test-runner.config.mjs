import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { chromiumPath, CHROMIUM_ARGS } from './scripts/chromium.mjs';
import { summaryReporter } from './scripts/summary-reporter.mjs';
import { webexCloudPlugin } from './test/webex-cloud/server.mjs';
import { xucDoublePlugin } from './test/xuc-double/server.mjs';
import { tcccDoublePlugin } from './test/tccc-double/server.mjs';
import { serverCompanion } from './test/server-companion/plugin.mjs';
import { holdChunk } from './test/cdn/hold-chunk.mjs';

// The server companion's routes on the test server's own origin (cookies as behind a real site).
const companion = serverCompanion();

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 2,
  browserStartTimeout: 60000,
  testsFinishTimeout: 180000,
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }), webexCloudPlugin(), xucDoublePlugin(), tcccDoublePlugin(), companion.plugin],
  // holdChunk: test/cdn/light.test.ts holds a chunk of the CDN build back to see a page before it has come.
  middleware: [companion.middleware, holdChunk()],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS },
      // Each test file gets a window of its own: a background tab gets no animation frames, and fixtures wait for one.
      createPage: async ({ browser }) => (await browser.createBrowserContext()).newPage(),
    }),
  ],
  testFramework: { config: { timeout: 15000 } },
  reporters: [defaultReporter(), summaryReporter()],
};
