import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../define/all.js';
import { createRig, keepRig, type DeskParameters, type Rig } from '../stories/support/desk.js';
import { manifest } from '../stories/support/playground.js';

// Controls and the args table come from the custom-elements manifest (`npm run analyze`).
setCustomElementsManifest(manifest);

// The kit's development warnings (a bad attribute value) are for page authors, not for the stories.
(globalThis as { ccElementsQuiet?: boolean }).ccElementsQuiet = true;

/** The languages of the toolbar's Language menu: English and every bundle the kit ships. */
const LANGUAGES = [
  { value: '', title: 'English (the page’s)' },
  { value: 'fr', title: 'Français' },
  { value: 'de', title: 'Deutsch' },
  { value: 'es', title: 'Español' },
  { value: 'pt-BR', title: 'Português (Brasil)' },
  { value: 'ja', title: '日本語' },
  { value: 'zh-CN', title: '简体中文' },
  { value: 'ar', title: 'العربية (right to left)' },
];

const preview: Preview = {
  // The toolbar's Language menu sets `locale` on every story's `<cc-sdk>`: each widget in each language, Arabic
  // right to left. Stories whose checks read English text run in English (the default).
  globalTypes: {
    locale: {
      description: 'The language of the widgets (<cc-sdk locale>)',
      toolbar: { title: 'Language', icon: 'globe', items: LANGUAGES, dynamicTitle: true },
    },
  },
  initialGlobals: { locale: '' },
  // A Docs page per element, before its stories: the summary, the Playground, then the tables Storybook builds
  // from the manifest (properties and attributes, events, CSS parts, CSS custom properties, slots).
  tags: ['autodocs'],
  // Each story gets a simulated contact center of its own, on a manual clock unless it asks for the real one.
  loaders: [async ({ parameters }) => ({ rig: createRig(parameters.desk as DeskParameters | undefined) })],
  decorators: [
    // Every story runs inside a `<cc-sdk>` on the simulator backend. Built once per story: a control change
    // re-renders with the same `<cc-sdk>` and its desk (see keepRig), so args restyle what is on screen.
    (story, { parameters, loaded, globals }) => {
      const params = (parameters.desk ?? {}) as DeskParameters;
      if (params.wrap === false) return story();
      const rig = loaded.rig as Rig | null;
      const locale = typeof globals.locale === 'string' ? globals.locale : '';
      return rig
        ? html`<cc-sdk ${keepRig(rig)} locale=${locale}>${story()}</cc-sdk>`
        : // A story is not a CRM's tab: it keeps a session of its own (stories in other frames never lead it).
          html`<cc-sdk backend="simulator" tabs="independent" latency=${params.latency ?? 0} locale=${locale}>${story()}</cc-sdk>`;
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
