// Numbers, durations, times and plurals in a locale, through `Intl`. Formatters are cached per locale: a
// widget re-renders every second while a timer runs.

const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();
const timeFormats = new Map<string, Intl.DateTimeFormat>();

function cached<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

const valid = new Map<string, string>();
/** The locale itself when Intl accepts it, else English (a typo in `lang` must not break a widget). */
function safe(locale: string): string {
  return cached(valid, locale, () => {
    try {
      return Intl.getCanonicalLocales(locale)[0] ?? 'en';
    } catch {
      return 'en';
    }
  });
}

/** Integers as the locale writes them (its digits and grouping): `formatNumber(1234, 'de')` → `1.234`. */
export function formatNumber(value: number, locale = 'en', minimumIntegerDigits = 1): string {
  const key = `${locale}|${minimumIntegerDigits}`;
  return cached(numberFormats, key, () =>
    new Intl.NumberFormat(safe(locale), { minimumIntegerDigits, useGrouping: minimumIntegerDigits === 1, maximumFractionDigits: 1 }),
  ).format(value);
}

/**
 * A timer, `m:ss` or `h:mm:ss`, in the locale's digits: `75000` → `1:15`; `3725000` → `1:02:05`
 * (`١:١٥` in `ar-EG`). Negative durations read as zero.
 */
export function formatDuration(ms: number, locale = 'en'): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => formatNumber(n, locale, 2);
  const one = (n: number) => formatNumber(n, locale, 1);
  return h > 0 ? `${one(h)}:${two(m)}:${two(s)}` : `${one(m)}:${two(s)}`;
}

/** A clock time in the locale's short style (`2:07 PM`, `14:07`, `١٤:٠٧`), from epoch milliseconds. */
export function formatTime(epochMs: number, locale = 'en'): string {
  return cached(timeFormats, `${locale}|time`, () => new Intl.DateTimeFormat(safe(locale), { timeStyle: 'short' })).format(epochMs);
}

/** A date and time in the locale's medium date and short time (`Jan 5, 2026, 2:07 PM`). */
export function formatDateTime(epochMs: number, locale = 'en'): string {
  return cached(timeFormats, `${locale}|datetime`, () => new Intl.DateTimeFormat(safe(locale), { dateStyle: 'medium', timeStyle: 'short' })).format(epochMs);
}

/** The plural category of a count in a locale (`one`, `few`, `other`…), by `Intl.PluralRules`. */
export function pluralOf(count: number, locale = 'en'): Intl.LDMLPluralRule {
  return cached(pluralRules, locale, () => new Intl.PluralRules(safe(locale))).select(count);
}

/** Fills `{name}` placeholders in a string. */
export function fill(template: string, values: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
