import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../define/all.js';
import { createRig, keepRig, type DeskParameters, type Rig } from '../stories/support/desk.js';
import { manifest } from '../stories/support/playground.js';

// Controls and the args table come from the custom-elements manifest (`npm run analyze`).
setCustomElementsManifest(manifest);

// The kit's development warnings (a bad attribute value) are for page authors, not for the stories.
(globalThis as { ccElementsQuiet?: boolean }).ccElementsQuiet = true;

const preview: Preview = {
  // A Docs page per element, before its stories: the summary, the Playground, then the tables Storybook builds
  // from the manifest (properties and attributes, events, CSS parts, CSS custom properties, slots).
  tags: ['autodocs'],
  // Each story gets a simulated contact center of its own, on a manual clock unless it asks for the real one.
  loaders: [async ({ parameters }) => ({ rig: createRig(parameters.desk as DeskParameters | undefined) })],
  decorators: [
    // Every story runs inside a `<cc-sdk>` on the simulator backend. Built once per story: a control change
    // re-renders with the same `<cc-sdk>` and its desk (see keepRig), so args restyle what is on screen.
    (story, { parameters, loaded }) => {
      const params = (parameters.desk ?? {}) as DeskParameters;
      if (params.wrap === false) return story();
      const rig = loaded.rig as Rig | null;
      return rig
        ? html`<cc-sdk ${keepRig(rig)}>${story()}</cc-sdk>`
        : html`<cc-sdk backend="simulator" latency=${params.latency ?? 0}>${story()}</cc-sdk>`;
    },
  ],
  parameters: {
    layout: 'padded',
    options: { storySort: { order: ['Desk', 'Widgets', 'Elements'] } },
    controls: { expanded: true, sort: 'requiredFirst' },
    // Any axe violation fails the story's test (`npm run test:stories`) and shows in the Accessibility panel.
    a11y: { test: 'error' },
  },
};

export default preview;
