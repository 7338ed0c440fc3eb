// Light classes: how the CDN entry defines every tag of the kit before the widgets' code has arrived.
//
// The entry (cc-elements.js) holds almost nothing: for each tag a small class that extends HTMLElement,
// defined at once (`customElements.whenDefined` resolves), that renders nothing and keeps what the page did
// meanwhile. The widgets' code comes in two chunks that the entry asks for as the first thing it does, side
// by side with the backend's files (preload.ts): the body (Lit, the store, the request runner, `<cc-sdk>` and
// `<cc-auth>`: what the desk needs before the agent can sign in, body.ts) and the rest of the desk (the task
// panel, the wrap-up, the station login and the state select, which show nothing that matters before the
// agent has signed in, panels.ts; the entry settles it once the desk has its backend). The widgets off the
// first screen (statistics, conversation, preflight) are a chunk each, fetched when the page has or adds one
// of their tags, else when it is idle (`onDemand`). As each part arrives, `settle` turns the light classes of
// its tags into their widgets:
//
// - the light class becomes a subclass of the widget's class (its prototype and its constructor's are
//   re-parented), so an element created from then on is simply a widget;
// - each element made before its code came (by the parser's upgrade, or `createElement`) is constructed again
//   in place: the widget's constructors run on that very element (Lit's base class is given a parent that
//   returns it, the constructor "return override" of JavaScript), then its attributes are replayed as an
//   upgrade would, the properties the page set meanwhile are set again through the widget's accessors
//   (properties win over attributes, as in Lit), and it is connected if it is in the document;
// - until then, `updateComplete` (and `<cc-sdk>`'s `request()`, `<cc-preflight>`'s `run()`) wait for the
//   widget's code instead of being missing,
//   and a widget renders nothing (an empty shadow root, which the widget then renders into): no unstyled
//   content, no layout of its own. `<cc-sdk>` has no look of its own anyway: what is inside it shows.
//
// The registry reads `observedAttributes` and the lifecycle callbacks when a tag is defined, so each light
// class names its widget's attributes up front (LIGHT_TAGS below; test/cdn/light.test.ts fails when they
// drift) and forwards the callbacks to the widget once it is there.
//
// This module must share nothing with the body: the entry awaits the body (top-level await, for its
// exports), so a module of the entry that the body imported would never finish loading.

/** A class of the body that a light class becomes: a Lit element (ReactiveElement's subclass). */
type WidgetClass = CustomElementConstructor & { readonly observedAttributes?: readonly string[] };

/** What the body hands over: each tag's class, and Lit's base class (the root of their constructors). */
export interface Body {
  readonly widgets: Readonly<Record<string, WidgetClass>>;
  readonly ReactiveElement: abstract new () => HTMLElement;
}

/** The desk's tags and the attributes each observes (its widget's `observedAttributes`). */
export const LIGHT_TAGS: Readonly<Record<string, readonly string[]>> = {
  'cc-sdk': ['backend', 'locale', 'release-delay', 'session', 'tabs', 'stats-events', 'scenario', 'persist', 'latency', 'token-endpoint', 'multi-login', 'sdk-url-endpoint', 'lang'],
  'cc-auth': ['sdk', 'client-id', 'redirect-uri', 'scopes', 'hide-token', 'expose-token', 'lang'],
  'cc-station-login': ['sdk', 'lang'],
  'cc-state-select': ['sdk', 'lang'],
  'cc-task-panel': ['sdk', 'lang'],
  'cc-wrapup': ['sdk', 'lang'],
  // Off the desk's first screen: their code is a chunk of its own each (see `onDemand`).
  'cc-queue-stats': ['sdk', 'sla-seconds', 'stale-after', 'stats-endpoint', 'poll-interval', 'sort', 'lang'],
  'cc-agent-stats': ['sdk', 'stale-after', 'stats-endpoint', 'poll-interval', 'lang'],
  'cc-conversation': ['sdk', 'task-id', 'lang'],
  'cc-preflight': ['sdk', 'auto', 'output-device', 'listen-ms', 'reach-timeout', 'lang'],
};

/** What fetches the code of a tag whose code the entry does not ask for at once (a widget off the first screen). */
const loaders = new Map<string, () => void>();

/**
 * Registers how the code of `tags` is fetched; it is fetched now if an element of one of them is waiting for
 * it, else as soon as one is made (the page adds the tag later). The idle-time prefetch is lazy-tags.ts's.
 */
export function onDemand(tags: readonly string[], load: () => void): void {
  for (const tag of tags) loaders.set(tag, load);
  if (waiting.some((el) => tags.includes(el.localName))) load();
}

/** A tag whose widget has come, with a promise of that for each tag. */
const settled = new Set<string>();
const arrivals = new Map<string, { promise: Promise<void>; resolve: () => void }>();
function arrival(tag: string): { promise: Promise<void>; resolve: () => void } {
  let entry = arrivals.get(tag);
  if (!entry) {
    let resolve!: () => void;
    const promise = new Promise<void>((r) => (resolve = r));
    entry = { promise, resolve };
    arrivals.set(tag, entry);
  }
  return entry;
}

/** Resolves once the widget of `tag` has come and every element made before it is that widget. */
export const widgetArrived = (tag: string): Promise<void> => arrival(tag).promise;

/** Elements made before their widget came, in the order they were made (document order for parsed ones). */
const waiting: HTMLElement[] = [];
const isWaiting = new WeakSet<HTMLElement>();

/** While an element is being constructed again in place: the element Lit's base class hands back. */
let adopting: HTMLElement | null = null;

/** Whether an element is its widget by now (the lifecycle callbacks go to the widget's). */
const live = (el: HTMLElement) => settled.has(el.localName) && !isWaiting.has(el);

/** What a light element answers before its widget is there: waits for it, then asks the widget. */
function waitingApi(tag: string): PropertyDescriptorMap {
  const api: PropertyDescriptorMap = {
    updateComplete: {
      configurable: true,
      get(this: HTMLElement & { updateComplete: Promise<boolean> }) {
        return widgetArrived(tag).then(() => this.updateComplete);
      },
    },
  };
  if (tag === 'cc-preflight') {
    // Its method: a run asked for meanwhile starts once its code is there (and resolves with the report).
    api.run = {
      configurable: true,
      value(this: HTMLElement & { run: () => Promise<unknown> }) {
        return widgetArrived(tag).then(() => this.run());
      },
    };
    api.result = { configurable: true, get: () => null };
  }
  if (tag === 'cc-sdk') {
    // Its programmatic API: a request sent meanwhile runs once the desk is there (it resolves as it would have).
    api.request = {
      configurable: true,
      value(this: HTMLElement & { request: (...args: unknown[]) => Promise<boolean> }, ...args: unknown[]) {
        return widgetArrived(tag).then(() => this.request(...args));
      },
    };
    // Documented as null until the backend's code has loaded.
    api.simulator = { configurable: true, get: () => null };
  }
  return api;
}

/** Defines `tag` with a light class, unless it is taken (another copy of the kit: that one is used). */
function defineLight(tag: string, attributes: readonly string[]): void {
  if (customElements.get(tag)) {
    if (!(globalThis as { ccElementsQuiet?: boolean }).ccElementsQuiet) console.warn(`[cc-elements] <${tag}> is already defined; this copy (the CDN build) is not used for it.`);
    return;
  }
  class Light extends HTMLElement {
    constructor() {
      // Once its widget has come, this calls the widget's constructor (Light's parent is the widget's class).
      super();
      if (!settled.has(tag)) {
        waiting.push(this);
        isWaiting.add(this);
        loaders.get(tag)?.();
        // A widget's shadow root, empty for now: the element shows nothing (not even content put inside it),
        // and the widget renders into this very root when it comes (Lit uses a root that is there). Not
        // <cc-sdk>'s: the page's content inside it shows as it is.
        if (tag !== 'cc-sdk') this.attachShadow({ mode: 'open' });
      }
    }

    connectedCallback(): void {
      if (live(this)) widgetOf(Light).connectedCallback?.call(this);
    }

    disconnectedCallback(): void {
      if (live(this)) widgetOf(Light).disconnectedCallback?.call(this);
    }

    attributeChangedCallback(name: string, old: string | null, value: string | null): void {
      if (live(this)) widgetOf(Light).attributeChangedCallback?.call(this, name, old, value);
    }
  }
  // Read once by the registry now; the widget's own list takes over when the body comes.
  Object.defineProperty(Light, 'observedAttributes', { configurable: true, value: attributes });
  // Until then, what the page may already call (updateComplete, request) sits between Light and HTMLElement.
  Object.setPrototypeOf(Light.prototype, Object.create(HTMLElement.prototype, waitingApi(tag)));
  customElements.define(tag, Light);
}

/** Defines every tag of the desk with its light class. */
export function defineLightTags(): void {
  for (const [tag, attributes] of Object.entries(LIGHT_TAGS)) defineLight(tag, attributes);
}

/** The lifecycle callbacks of a custom element. */
interface Callbacks {
  connectedCallback?(): void;
  disconnectedCallback?(): void;
  attributeChangedCallback?(name: string, old: string | null, value: string | null): void;
}

/** The prototype a light class's callbacks forward to: its widget's, once the body has come. */
const widgetOf = (Light: CustomElementConstructor) => Object.getPrototypeOf(Light.prototype) as Callbacks;

/** Builds `el` again in place as an instance of `Light` (by now a subclass of its widget). */
function construct(el: HTMLElement, Light: CustomElementConstructor): void {
  // What the page set on the element meanwhile (own properties) goes aside, and is set again afterwards
  // through the widget's accessors.
  const set = Object.keys(el).map((key) => [key, (el as unknown as Record<string, unknown>)[key]] as const);
  for (const [key] of set) delete (el as unknown as Record<string, unknown>)[key];
  isWaiting.delete(el);
  adopting = el;
  let made: HTMLElement;
  try {
    made = Reflect.construct(Light, [], Light) as HTMLElement;
  } finally {
    adopting = null;
  }
  if (made !== el) throw new Error(`[cc-elements] <${el.localName}> could not be upgraded in place.`);
  // As an upgrade would: each observed attribute it has, then the properties (they win), then connected.
  const observed = new Set((Light as WidgetClass).observedAttributes ?? []);
  for (const { name, value } of [...el.attributes]) if (observed.has(name)) (el as HTMLElement & Callbacks).attributeChangedCallback?.(name, null, value);
  for (const [key, value] of set) {
    try {
      (el as unknown as Record<string, unknown>)[key] = value;
    } catch {
      // A read-only property of the widget (`locale`): a widget would have refused it too.
    }
  }
  if (el.isConnected) (el as HTMLElement & Callbacks).connectedCallback?.();
}

/** Lit's base class, once given the parent that hands back the element being built again. */
let patched: object | null = null;

/**
 * A part of the widgets' code has come: the light classes of its tags become their widgets, and every element
 * of those tags made meanwhile is built again as one (`<cc-sdk>` first, so the widgets find their provider at
 * once; a widget that comes before its provider finds it when it connects, as always).
 */
export function settle(part: Body): void {
  if (patched !== part.ReactiveElement) {
    // Lit's base class gets a parent that hands back the element being built again (and else builds one as
    // HTMLElement does): the widget's constructors then run on the element the page already has.
    const base = function (this: unknown) {
      const el = adopting;
      adopting = null;
      return el ?? Reflect.construct(HTMLElement, [], new.target);
    } as unknown as CustomElementConstructor;
    base.prototype = HTMLElement.prototype;
    Object.setPrototypeOf(base, HTMLElement);
    Object.setPrototypeOf(part.ReactiveElement, base);
    patched = part.ReactiveElement;
  }

  const classes = new Map<string, CustomElementConstructor>();
  for (const [tag, Widget] of Object.entries(part.widgets)) {
    const Light = customElements.get(tag);
    if (settled.has(tag) || !Object.hasOwn(LIGHT_TAGS, tag)) continue;
    // Another copy of the kit defined this tag first: its class stays, as CcElement.define() does.
    if (!Light || Object.getPrototypeOf(Light) !== HTMLElement) continue;
    Object.setPrototypeOf(Light.prototype, Widget.prototype);
    Object.setPrototypeOf(Light, Widget);
    // Lit's own observedAttributes (it prepares the class: its properties, attributes and styles).
    delete (Light as { observedAttributes?: unknown }).observedAttributes;
    const observed = (Light as WidgetClass).observedAttributes ?? [];
    const missing = observed.filter((a) => !LIGHT_TAGS[tag].includes(a));
    if (missing.length > 0) console.warn(`[cc-elements] <${tag}> does not observe ${missing.join(', ')} (src/cdn/light.ts): changes to them are missed.`);
    classes.set(tag, Light);
    settled.add(tag);
  }
  const mine = waiting.filter((el) => classes.has(el.localName));
  const order = [...mine.filter((el) => el.localName === 'cc-sdk'), ...mine.filter((el) => el.localName !== 'cc-sdk')];
  const rest = waiting.filter((el) => !classes.has(el.localName));
  waiting.length = 0;
  waiting.push(...rest);
  for (const el of order) {
    try {
      construct(el, classes.get(el.localName)!);
    } catch (err) {
      console.error(err);
    }
  }
  for (const tag of classes.keys()) arrival(tag).resolve();
}
