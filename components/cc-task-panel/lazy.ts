/**
 * A module the panel loads on first use (its own chunk in the CDN build), shared by every panel on the page:
 * the consult/transfer form and the New call form are not needed for the first paint, so the entry does not
 * carry them. `load()` starts the import once; a failed import can be tried again.
 */
export class LazyModule<M> {
  #import: () => Promise<M>;
  #module: M | null = null;
  #loading: Promise<M> | null = null;
  #failure: string | null = null;

  constructor(load: () => Promise<M>) {
    this.#import = load;
  }

  /** The module once it has loaded, else null. */
  get module(): M | null {
    return this.#module;
  }

  /** Why the last try failed (shown with a way to try again), or null. */
  get failure(): string | null {
    return this.#failure;
  }

  /** The import under way, if any. */
  get loading(): Promise<M> | null {
    return this.#loading;
  }

  /** Starts loading (once); resolves to the module, or to null when it could not be loaded. */
  load(): Promise<M | null> {
    if (this.#module) return Promise.resolve(this.#module);
    this.#failure = null;
    this.#loading ??= this.#import().then(
      (module) => {
        this.#module = module;
        this.#loading = null;
        return module;
      },
      (err: unknown) => {
        this.#failure = err instanceof Error ? err.message : String(err);
        this.#loading = null;
        throw err;
      },
    );
    return this.#loading.catch(() => null);
  }
}

/** The panel's forms (consult/transfer and New call): one chunk, loaded when either is first needed. */
export const forms = new LazyModule(() => import('./forms.js'));
