import { CcError } from '../../core/errors.js';

/** `readyTimeout` → `ready-timeout`: the attribute a property is also given as. */
export const attributeName = (name: string): string => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * A backend's options as `<cc-sdk>` hands them over: attributes (kebab-case strings) and properties (camelCase,
 * any type) in one record. Each reader looks for the camelCase name, then its attribute, and returns a value of
 * its type or `undefined`. A value that is there but unusable is not used; what was wrong with it is in
 * `problems` (for a warning), in words that name the attribute and the value.
 */
export class OptionReader {
  readonly #raw: Readonly<Record<string, unknown>>;
  readonly #backend: string;
  readonly problems: string[] = [];

  constructor(backend: string, raw: Readonly<Record<string, unknown>> = {}) {
    this.#backend = backend;
    this.#raw = raw;
  }

  #get(name: string): unknown {
    const value = this.#raw[name];
    return value !== undefined && value !== null ? value : this.#raw[attributeName(name)];
  }

  #problem(name: string, value: unknown, want: string): undefined {
    const shown = typeof value === 'string' ? `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"` : typeof value;
    this.problems.push(`The ${this.#backend} backend's ${attributeName(name)} must be ${want}; ${shown} is ignored.`);
    return undefined;
  }

  /** A non-empty string, trimmed. */
  text(name: string): string | undefined {
    const value = this.#get(name);
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') return this.#problem(name, value, 'text');
    return value.trim() || undefined;
  }

  /** A string the backend cannot work without: a CcError `invalid-request` when it is missing. */
  requiredText(name: string, missing: string): string {
    const value = this.text(name);
    if (value === undefined) throw new CcError('invalid-request', missing, 'connect');
    return value;
  }

  /** A number above zero (a duration, a count), from a number or a numeric string. */
  positive(name: string): number | undefined {
    const value = this.#get(name);
    if (value === undefined || value === null || value === '') return undefined;
    const n = typeof value === 'number' || typeof value === 'string' ? Number(value) : NaN;
    return Number.isFinite(n) && n > 0 ? n : this.#problem(name, value, 'a number above zero');
  }

  /** Words: an array of strings, or one string separated by spaces or commas. */
  list(name: string): string[] | undefined {
    const value = this.#get(name);
    if (Array.isArray(value)) return value.map(String).filter(Boolean);
    const words = this.text(name);
    return words ? words.split(/[\s,]+/).filter(Boolean) : undefined;
  }

  /** Numbers of zero or more (delays): an array, or one string separated by spaces or commas. */
  numbers(name: string): number[] | undefined {
    const value = this.#get(name);
    const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[\s,]+/).filter(Boolean) : undefined;
    if (value !== undefined && value !== null && !items) return this.#problem(name, value, 'a list of numbers');
    const numbers = items?.map(Number).filter((n) => Number.isFinite(n) && n >= 0);
    return numbers?.length ? numbers : undefined;
  }

  /** An object (a property only: attributes are strings). */
  object<T extends object>(name: string): T | undefined {
    const value = this.#raw[name];
    if (value === undefined || value === null) return undefined;
    return typeof value === 'object' ? (value as T) : this.#problem(name, value, 'an object (set it as a property)');
  }

  /** A function or a class (a property only). */
  func<T>(name: string): T | undefined {
    const value = this.#raw[name];
    if (value === undefined || value === null) return undefined;
    return typeof value === 'function' ? (value as T) : this.#problem(name, value, 'a function (set it as a property)');
  }
}
