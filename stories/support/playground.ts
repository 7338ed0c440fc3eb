// Controls from the custom-elements manifest: what Storybook is given (the public API only), and a render for
// Playground stories that applies every arg to the element (properties, CSS custom properties, event actions).
import type { ArgTypes } from '@storybook/web-components-vite';
import { nothing } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import generated from '../../custom-elements.json';
// Defined here too (not only by the preview), so a Playground can read an element's default strings when built.
import '../../define/all.js';

interface Item {
  name: string;
  kind?: string;
  privacy?: string;
  static?: boolean;
  description?: string;
  type?: { text: string };
  fieldName?: string;
  attribute?: string;
  [key: string]: unknown;
}

interface Declaration {
  tagName?: string;
  customElement?: boolean;
  members?: Item[];
  attributes?: Item[];
  events?: Item[];
  cssProperties?: Item[];
  cssParts?: Item[];
  slots?: Item[];
  [key: string]: unknown;
}

export interface Manifest {
  modules: { path: string; declarations?: Declaration[]; [key: string]: unknown }[];
  [key: string]: unknown;
}

/**
 * The manifest as Storybook should show it: public instance fields only (no private `#x`, protected or static
 * members, no methods), and each attribute folded into its property (named in the description), so a control
 * appears once.
 */
export function publicManifest(manifest: Manifest): Manifest {
  return {
    ...manifest,
    modules: manifest.modules.map((mod) => ({
      ...mod,
      declarations: mod.declarations?.map((decl) => {
        if (!decl.customElement) return decl;
        const members = (decl.members ?? [])
          .filter((m) => m.kind === 'field' && !m.static && !m.privacy && !m.name.startsWith('#'))
          .map((m) => ({
            ...m,
            description: [m.description, m.attribute ? `Attribute: \`${m.attribute}\`.` : 'Property only.'].filter(Boolean).join(' '),
          }));
        const fields = new Set(members.map((m) => m.name));
        const attributes = (decl.attributes ?? []).filter((a) => !a.fieldName || !fields.has(a.fieldName));
        return { ...decl, members, attributes };
      }),
    })),
  };
}

/** The kit's public API, from custom-elements.json: what the preview gives `setCustomElementsManifest`. */
export const manifest: Manifest = publicManifest(generated as unknown as Manifest);

function declaration(tag: string): Declaration {
  const decl = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tag);
  if (!decl) throw new Error(`<${tag}> is not in custom-elements.json: run \`npm run analyze\`.`);
  return decl;
}

/** `cc-task-incoming` → `onCcTaskIncoming`: Storybook's name for an event's action arg. */
export const actionArg = (event: string) =>
  `on${event.replace(/(^|-)([a-z])/g, (_m, _dash: string, c: string) => c.toUpperCase())}`;

/**
 * A CSS custom property that holds a colour: a global `--cc-color-*` token (but the scheme), one named for a
 * colour (`…-color`, `…-background`, `…-accent`), or one that defaults to a colour token.
 */
export function isColorToken(prop: { name: string; default?: unknown }): boolean {
  return (
    /^--cc-color-(?!scheme$)/.test(prop.name) ||
    /-(color|background|accent)$/.test(prop.name) ||
    /^var\(--cc-color-[a-z-]+\)$/.test(String(prop.default ?? '').trim())
  );
}

/** The element's own default strings (every key `strings` accepts, with its text), read from a fresh instance. */
export function defaultStrings(tag: string): Record<string, string> {
  const el = document.createElement(tag) as HTMLElement & { defaultStrings?: Record<string, string> };
  return { ...(el.defaultStrings ?? {}) };
}

/**
 * Controls the manifest cannot type: the `strings` object, listing every key with its default text (edit any
 * of them), and a control per CSS custom property: a colour picker for colour tokens, a text field for the
 * rest (the Playground applies them as inline styles).
 */
export function playgroundArgTypes(tag: string): ArgTypes {
  const decl = declaration(tag);
  const argTypes: ArgTypes = {};
  if (decl.members?.some((m) => m.name === 'strings')) {
    const keys = Object.keys(defaultStrings(tag));
    argTypes.strings = {
      control: 'object',
      description: `Replaces any visible string. Keys: ${keys.map((k) => `\`${k}\``).join(', ')}.`,
    };
  }
  if (decl.members?.some((m) => m.name === 'sdk')) argTypes.sdk = { control: 'text' };
  for (const prop of decl.cssProperties ?? []) {
    argTypes[prop.name] = { control: isColorToken(prop) ? { type: 'color' } : 'text' };
  }
  return argTypes;
}

/** The Playground's args: `strings` filled with the element's defaults, so the control shows every key. */
export function playgroundArgs(tag: string): Record<string, unknown> {
  const decl = declaration(tag);
  return decl.members?.some((m) => m.name === 'strings') ? { strings: defaultStrings(tag) } : {};
}

const listeners = new WeakMap<Element, AbortController>();

/** Renders `<tag>` with every arg applied: public fields as properties, `--x` as styles, `onX` as event listeners. */
export function renderElement(tag: string, args: Record<string, unknown>, content: unknown = nothing) {
  const decl = declaration(tag);
  const fields = new Set((decl.members ?? []).map((m) => m.name));
  const apply = (el: Element | undefined) => {
    if (!el) return;
    const target = el as HTMLElement & Record<string, unknown>;
    for (const [name, value] of Object.entries(args)) {
      if (name.startsWith('--')) {
        if (value) target.style.setProperty(name, String(value));
        else target.style.removeProperty(name);
      } else if (fields.has(name) && value !== undefined && target[name] !== value) {
        target[name] = value;
      }
    }
    listeners.get(el)?.abort();
    const controller = new AbortController();
    listeners.set(el, controller);
    for (const event of decl.events ?? []) {
      const handler = args[actionArg(event.name)];
      if (typeof handler === 'function') el.addEventListener(event.name, handler as EventListener, { signal: controller.signal });
    }
  };
  const name = unsafeStatic(tag);
  return staticHtml`<${name} ${ref(apply)}>${content}</${name}>`;
}
