// `npm run test:stories`: the stories as tests, and the React wrappers' test, in headless Chromium (the same
// Chromium the web-test-runner suite finds: scripts/chromium.mjs; no browser is ever downloaded).
// - project `storybook`: every story renders, its play function drives the simulator and checks what shows,
//   then axe checks the result (`a11y.test: 'error'` in .storybook/preview.ts: a violation fails the story);
// - project `react`: test/*.vitest.ts: the React wrappers (React is CommonJS, which Vite converts and
//   web-test-runner does not), and Storybook's controls and theme composed from the stories.
// Counts go to test-results/vitest.json, which `npm test` adds to the web-test-runner's.
import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/chromium.mjs';

process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1';

/** A fresh object per project: vitest names each project's browser instances in place. */
const browser = () => ({
  enabled: true,
  headless: true,
  provider: playwright({ launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS } }),
  instances: [{ browser: 'chromium' as const }],
  screenshotFailures: false,
});

export default defineConfig({
  // The tests run on the simulator: the Webex SDK (chosen by name only) is not bundled for them.
  resolve: { alias: { '@webex/contact-center': fileURLToPath(new URL('./.storybook/webex-stub.ts', import.meta.url)) } },
  test: {
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    // Failures are real failures: a retry would hide a flaky story.
    retry: 0,
    projects: [
      {
        extends: true,
        plugins: [storybookTest({ configDir: fileURLToPath(new URL('./.storybook', import.meta.url)) })],
        test: { name: 'storybook', browser: browser() },
      },
      {
        extends: true,
        // Known up front (test/stories/storybook.vitest.ts composes stories), so Vite never re-optimizes and reloads mid-run.
        optimizeDeps: { include: ['storybook/preview-api', '@storybook/web-components', '@storybook/web-components-vite'] },
        test: { name: 'react', include: ['test/**/*.vitest.ts'], browser: browser() },
      },
    ],
  },
});
