// Storybook as a designer uses it, run by vitest in a real browser (`npm run test:stories`, project `react`):
// a control change restyles the story's state instead of rebuilding it, colour tokens get colour pickers,
// `strings` shows its keys, and the brand theme's font is a real sans-serif.
// The renderer's portable-stories set-up (a dependency of @storybook/web-components-vite).
import { setProjectAnnotations } from '@storybook/web-components';
import { composeStory } from 'storybook/preview-api';
import { render } from 'lit';
import { afterEach, describe, expect, it } from 'vitest';
import preview from '../../.storybook/preview.js';
import taskPanelMeta, { Playground as TaskPanelPlayground } from '../../stories/cc-task-panel.stories.js';
import wrapupMeta, { Playground as WrapupPlayground } from '../../stories/cc-wrapup.stories.js';
import { brandFontStack } from '../../stories/support/theme.js';

const project = setProjectAnnotations([preview]);
const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

let canvas: HTMLElement | null = null;
afterEach(() => {
  canvas?.remove();
  canvas = null;
});

describe('Storybook controls', () => {
  it('changing a control restyles and re-strings the connected call; the desk is not rebuilt', async () => {
    const story = composeStory(TaskPanelPlayground, taskPanelMeta, project);
    canvas = document.body.appendChild(document.createElement('div'));
    await story.run({ canvasElement: canvas });
    const panel = () => canvas!.querySelector('cc-task-panel')!;
    const header = () => squash(panel().shadowRoot!.querySelector('[part~="header"]')?.textContent);
    expect(header()).toContain('Priya Raman');
    const sdk = canvas.querySelector('cc-sdk')!;

    // What Storybook does when a control changes: the loaders run again (a new simulated contact center),
    // then the story renders again into the same root with the new args. No play function.
    await story.load();
    const strings = { ...(story.args.strings as Record<string, string>), hold: 'Put on hold' };
    render(story({ strings, '--cc-task-panel-gap': '20px' }), canvas.querySelector<HTMLElement>('#root-inner')!);
    await new Promise((r) => setTimeout(r, 50));

    expect(canvas.querySelector('cc-sdk')).toBe(sdk);
    expect(header()).toContain('Priya Raman');
    expect(squash(panel().shadowRoot!.textContent)).not.toContain('Log in to a station');
    expect(squash(panel().shadowRoot!.querySelector('[data-action="hold"]')?.textContent)).toBe('Put on hold');
    expect(panel().style.getPropertyValue('--cc-task-panel-gap')).toBe('20px');
  });

  it('colour tokens get a colour picker; other tokens a text field', () => {
    const story = composeStory(TaskPanelPlayground, taskPanelMeta, project);
    const control = (name: string) => {
      const c = story.argTypes[name]?.control as unknown;
      return typeof c === 'string' ? c : (c as { type?: string } | undefined)?.type;
    };
    expect(control('--cc-task-panel-offer-accent')).toBe('color');
    expect(control('--cc-task-panel-held-color')).toBe('color');
    expect(control('--cc-color-accent')).toBe('color');
    expect(control('--cc-color-surface')).toBe('color');
    expect(control('--cc-task-panel-gap')).toBe('text');
    expect(control('--cc-color-scheme')).toBe('text');
    expect(control('--cc-elevation')).toBe('text');
    const wrapup = composeStory(WrapupPlayground, wrapupMeta, project);
    expect((wrapup.argTypes['--cc-wrapup-background']?.control as { type?: string }).type).toBe('color');
  });

  it('`strings` lists every key with its default text', () => {
    const story = composeStory(WrapupPlayground, wrapupMeta, project);
    const strings = story.args.strings as Record<string, string>;
    expect(Object.keys(strings)).toEqual(expect.arrayContaining(['title', 'code', 'notes', 'submit']));
    expect(strings.submit).toBe('Submit');
    expect(String(story.argTypes.strings?.description)).toContain('`submit`');
  });
});

describe('Storybook brand theme', () => {
  it('sets a font this machine has: sans-serif, never the serif fallback', () => {
    const width = (family: string) => {
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = `16px ${family}`;
      return ctx.measureText('Wrap up: Call with Priya Raman · 0:42 WWiiMM').width;
    };
    // The face the stack resolves to draws like one of the machine's sans-serif faces, not like a serif one.
    const sans = ['system-ui', 'sans-serif', "'DejaVu Sans'", "'Liberation Sans'"].map(width);
    const serif = ['serif', "'Times New Roman'", "'DejaVu Serif'", "'Liberation Serif'"].map(width);
    expect(serif).not.toContain(width(brandFontStack));
    expect(sans).toContain(width(brandFontStack));
    expect(brandFontStack).toMatch(/sans-serif$/);
  });
});
