// Storybook: every element in every state, on the in-page simulator. `npm run storybook` / `npm run build-storybook`.
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';
import { mergeConfig } from 'vite';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  // Docs: a page per element (autodocs, see preview.ts), its tables from the custom-elements manifest.
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(vite) {
    return mergeConfig(vite, {
      resolve: {
        alias: {
          // Stories run on the simulator: the Webex SDK (hundreds of CommonJS modules written for Node) stays out.
          '@webex/contact-center': fileURLToPath(new URL('./webex-stub.ts', import.meta.url)),
        },
      },
      // One copy of Lit: pre-bundling would give the kit and the stories different copies.
      // Known up front, so Vite never re-optimizes and reloads in the middle of a test run.
      optimizeDeps: {
        exclude: ['lit', 'lit-html', 'lit-element', '@lit/reactive-element', '@lit/context'],
        include: ['@storybook/web-components-vite', 'storybook/test', '@storybook/addon-a11y/preview', 'axe-core'],
      },
    });
  },
};

export default config;
