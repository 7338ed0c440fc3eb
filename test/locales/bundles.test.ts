/**
 * The locale bundles against the widgets' English tables: every key of every widget in every bundle, no key a
 * widget no longer has, the same placeholders, the plural forms each language needs, and a table for every
 * widget tag the kit defines. A failure names the bundle, the widget and the key.
 */
import { expect } from '@open-wc/testing';
import { englishTables } from '../../src/locales/english.js';
import { BUNDLED_LOCALES, loadBundle, type Bundle } from '../../src/locales/index.js';

type Table = Readonly<Record<string, string>>;
const PLURAL = /_(zero|one|two|few|many)$/;
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

async function bundles(): Promise<[string, Bundle][]> {
  const all: [string, Bundle][] = [];
  for (const locale of BUNDLED_LOCALES) {
    const bundle = await loadBundle(locale);
    if (!bundle) throw new Error(`The "${locale}" bundle did not load.`);
    all.push([locale, bundle]);
  }
  return all;
}

const tablesOf = (bundle: Bundle) => bundle as unknown as Readonly<Record<string, Table | undefined>>;
const english = englishTables as unknown as Readonly<Record<string, Table>>;

describe('locale bundles', () => {
  it('ship French, German, Spanish, Brazilian Portuguese, Japanese, Simplified Chinese and Arabic', () => {
    expect([...BUNDLED_LOCALES].sort()).to.deep.equal(['ar', 'de', 'es', 'fr', 'ja', 'pt-BR', 'zh-CN']);
  });

  it('have every key of every widget’s English table', async () => {
    const missing: string[] = [];
    for (const [locale, bundle] of await bundles()) {
      for (const [tag, table] of Object.entries(english)) {
        const translated = tablesOf(bundle)[tag];
        if (!translated) {
          missing.push(`bundle "${locale}" (src/locales/bundles/${locale}.ts) has no section for <${tag}>`);
          continue;
        }
        for (const key of Object.keys(table)) {
          if (PLURAL.test(key)) continue;
          if (typeof translated[key] !== 'string') missing.push(`bundle "${locale}" lacks ${tag} → ${key} (English: ${JSON.stringify(table[key])})`);
        }
      }
    }
    expect(missing, `Add these keys, translated, to src/locales/bundles/<locale>.ts:\n${missing.join('\n')}\n`).to.deep.equal([]);
  });

  it('keep no key a widget no longer has, and no section for a widget that does not exist', async () => {
    const stale: string[] = [];
    for (const [locale, bundle] of await bundles()) {
      for (const [tag, translated] of Object.entries(tablesOf(bundle))) {
        const table = english[tag];
        if (!table) {
          stale.push(`bundle "${locale}" has a section for <${tag}>, which has no English table in src/locales/english.ts`);
          continue;
        }
        for (const key of Object.keys(translated ?? {})) {
          const base = key.replace(PLURAL, '');
          if (!(base in table)) stale.push(`bundle "${locale}" has ${tag} → ${key}, which the widget's English table does not have`);
        }
      }
    }
    expect(stale, stale.join('\n')).to.deep.equal([]);
  });

  it('keep the placeholders of the English text, and leave no text empty that English fills', async () => {
    const wrong: string[] = [];
    for (const [locale, bundle] of await bundles()) {
      for (const [tag, translated] of Object.entries(tablesOf(bundle))) {
        const table = english[tag] ?? {};
        for (const [key, text] of Object.entries(translated ?? {})) {
          const base = key.replace(PLURAL, '');
          const source = table[base];
          if (source === undefined) continue;
          const want = placeholders(source);
          const got = placeholders(text);
          // A plural form may spell its number out ("un chiffre"); every other text keeps every placeholder.
          const ok = key === base ? got.join() === want.join() : got.every((p) => want.includes(p));
          if (!ok) wrong.push(`bundle "${locale}", ${tag} → ${key}: placeholders {${got.join('}, {')}} where English has {${want.join('}, {')}}`);
          if (source.trim() !== '' && text.trim() === '') wrong.push(`bundle "${locale}", ${tag} → ${key} is empty`);
        }
      }
    }
    expect(wrong, wrong.join('\n')).to.deep.equal([]);
  });

  it('have the plural forms their language needs wherever English varies with {count}', async () => {
    const missing: string[] = [];
    for (const [locale, bundle] of await bundles()) {
      const rules = new Intl.PluralRules(locale);
      // The categories whole numbers up to 1000 fall into (French "many" is for millions: never a count here).
      const needed = new Set(Array.from({ length: 1001 }, (_, n) => rules.select(n)).filter((c) => c !== 'other'));
      for (const [tag, table] of Object.entries(english)) {
        const plural = new Set(Object.keys(table).filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')));
        for (const key of plural) {
          for (const category of needed) {
            if (typeof tablesOf(bundle)[tag]?.[`${key}_${category}`] !== 'string') missing.push(`bundle "${locale}" lacks ${tag} → ${key}_${category}`);
          }
        }
      }
    }
    expect(missing, missing.join('\n')).to.deep.equal([]);
  });

  it('cover every widget the kit defines (its tags in custom-elements.json)', async () => {
    const manifest = (await (await fetch('/custom-elements.json')).json()) as { modules: { declarations?: { tagName?: string }[] }[] };
    const tags = manifest.modules.flatMap((m) => (m.declarations ?? []).map((d) => d.tagName)).filter((t): t is string => !!t && t !== 'cc-sdk');
    expect(tags.length).to.be.greaterThan(6);
    const without = tags.filter((tag) => !(tag in english));
    expect(without, `Widgets with no English table in src/locales/english.ts (nor a section in the bundles): ${without.join(', ')}`).to.deep.equal([]);
  });
});
