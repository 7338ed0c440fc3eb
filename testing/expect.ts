/**
 * The contract suite's own assertions: the few chai-style chains it uses (`expect(x).to.deep.equal(y)`,
 * `.to.include({…})`, `.to.have.length.at.least(n)`, `.to.be.a('string').and.not.equal('')`, …), with chai's
 * meaning, so the suite depends on no test library and runs under any runner (mocha, vitest, jest, node:test).
 * A failed check throws a ContractAssertionError (an Error every runner reports as a failure).
 * test/testing/testing-expect.test.ts checks each chain against chai on the same values.
 */

export class ContractAssertionError extends Error {
  override name = 'ContractAssertionError';
  constructor(
    message: string,
    readonly actual: unknown,
    readonly expected: unknown,
  ) {
    super(message);
  }
}

const tag = (value: unknown): string => Object.prototype.toString.call(value).slice(8, -1);

/** chai's `.a(type)` names: `typeof` for primitives, the class tag (lower case) for objects. */
const typeName = (value: unknown): string => (value === null ? 'null' : typeof value === 'object' ? tag(value).toLowerCase() : typeof value);

/** Deep equality of plain data (what backends emit): primitives, arrays, plain objects, dates. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (tag(a) !== tag(b)) return false;
  if (a instanceof Date) return a.getTime() === (b as Date).getTime();
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => deepEqual(item, other[i]));
  }
  const keys = (o: object) => Object.keys(o).sort();
  const ka = keys(a);
  const kb = keys(b);
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'function') return `[Function ${value.name || 'anonymous'}]`;
  try {
    const json = JSON.stringify(value, (_k, v: unknown) => (v === undefined ? '[undefined]' : v));
    if (json !== undefined) return json.length > 300 ? `${json.slice(0, 300)}…` : json;
  } catch {
    // a cycle: fall back to the tag
  }
  return String(value);
}

type Length = ((n: number) => Assertion) & { readonly at: { least(n: number): Assertion }; above(n: number): Assertion };
type Include = ((value: unknown) => Assertion) & { members(values: readonly unknown[]): Assertion };

export class Assertion {
  #negate = false;
  #deep = false;
  #length = false;

  constructor(
    private readonly actual: unknown,
    private readonly message?: string,
  ) {}

  /** Reads as English; changes nothing. */
  get to(): this {
    return this;
  }
  get be(): this {
    return this;
  }
  get and(): this {
    return this;
  }
  get have(): this {
    return this;
  }
  get at(): this {
    return this;
  }
  get not(): this {
    this.#negate = !this.#negate;
    return this;
  }
  get deep(): this {
    this.#deep = true;
    return this;
  }

  #check(pass: boolean, says: string, expected: unknown): this {
    if (pass === this.#negate) {
      const text = `expected ${show(this.actual)} to ${this.#negate ? 'not ' : ''}${says}`;
      throw new ContractAssertionError(this.message ? `${this.message}: ${text}` : text, this.actual, expected);
    }
    return this;
  }

  #same(a: unknown, b: unknown): boolean {
    return this.#deep ? deepEqual(a, b) : a === b;
  }

  /** Strictly equal (`===`), or deeply after `.deep`. */
  equal(expected: unknown): this {
    return this.#check(this.#same(this.actual, expected), `${this.#deep ? 'deeply ' : ''}equal ${show(expected)}`, expected);
  }

  /** Of type `type` (`'string'`, `'number'`, `'array'`, `'object'`, `'null'`…). */
  a(type: string): this {
    return this.#check(typeName(this.actual) === type.toLowerCase(), `be a ${type}`, type);
  }

  above(n: number): this {
    const value = this.#length ? (this.actual as { length: number }).length : (this.actual as number);
    return this.#check(typeof value === 'number' && value > n, `have ${this.#length ? 'a length ' : 'a value '}above ${n}`, n);
  }

  least(n: number): this {
    const value = this.#length ? (this.actual as { length: number }).length : (this.actual as number);
    return this.#check(typeof value === 'number' && value >= n, `have ${this.#length ? 'a length ' : 'a value '}of at least ${n}`, n);
  }

  /** `.length(n)`, or `.length.at.least(n)` / `.length.above(n)`. */
  get length(): Length {
    const check = (n: number) =>
      this.#check(this.#lengthOf() === n, `have a length of ${n} (it is ${this.#lengthOf()})`, n);
    this.#length = true;
    return Object.assign(check, { at: { least: (n: number) => this.least(n) }, above: (n: number) => this.above(n) });
  }

  #lengthOf(): number | undefined {
    const length = (this.actual as { length?: unknown } | null | undefined)?.length;
    return typeof length === 'number' ? length : undefined;
  }

  /**
   * A string contains the text; an array holds the value (`===`, or deeply after `.deep`); an object has each
   * of the given properties with the same value. `.include.members([…])`: an array holds each of the values.
   */
  get include(): Include {
    const check = (value: unknown) => {
      const actual = this.actual;
      let pass: boolean;
      if (typeof actual === 'string') pass = typeof value === 'string' && actual.includes(value);
      else if (Array.isArray(actual)) pass = actual.some((item) => this.#same(item, value));
      else if (actual !== null && typeof actual === 'object' && value !== null && typeof value === 'object') {
        // A subset of the properties; `.not.include({a, b})` then fails only when every one matches (as chai).
        pass = Object.entries(value).every(([k, v]) => k in actual && this.#same((actual as Record<string, unknown>)[k], v));
      } else pass = false;
      return this.#check(pass, `${this.#deep ? 'deeply ' : ''}include ${show(value)}`, value);
    };
    return Object.assign(check, {
      members: (values: readonly unknown[]) =>
        this.#check(
          Array.isArray(this.actual) && values.every((v) => (this.actual as unknown[]).some((item) => this.#same(item, v))),
          `include the members ${show(values)}`,
          values,
        ),
    });
  }

  get contain(): Include {
    return this.include;
  }

  /** The same values as `values`, in any order, as many times each. */
  members(values: readonly unknown[]): this {
    const actual = this.actual;
    let pass = Array.isArray(actual) && actual.length === values.length;
    if (pass) {
      const left = [...(actual as unknown[])];
      for (const v of values) {
        const i = left.findIndex((item) => this.#same(item, v));
        if (i < 0) {
          pass = false;
          break;
        }
        left.splice(i, 1);
      }
    }
    return this.#check(pass, `have the same members as ${show(values)}`, values);
  }
}

/** `expect(actual, message?)`: the chai-style chains the contract suite uses, with no test library. */
export function expect(actual: unknown, message?: string): Assertion {
  return new Assertion(actual, message);
}
