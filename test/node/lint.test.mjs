// The linter's config (eslint.config.mjs) applies the Lit and web-component rules to the kit's sources: a
// template with a duplicated binding, a tag-name binding, an element touching attributes in its constructor
// and a lifecycle callback that forgets `super` are each reported. (`npm run lint` runs it on the whole tree.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ESLint } from 'eslint';

const eslint = new ESLint();
const rulesOn = async (code, filePath = 'components/cc-example/cc-example.ts') => {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => m.ruleId ?? m.message);
};

test('the Lit rules catch broken templates in components', async () => {
  const rules = await rulesOn(`import { html } from 'lit';
import { CcElement } from '../../src/base/cc-element.js';
export class CcExample extends CcElement {
  override render() { return html\`<p @click=\${() => 1} @click=\${() => 2}></p><\${'b'}></b>\`; }
}
`);
  assert.ok(rules.includes('lit/no-duplicate-template-bindings'), rules.join());
  assert.ok(rules.includes('lit/binding-positions'), rules.join());
});

test('the web-component rules know the kit base classes', async () => {
  const rules = await rulesOn(`import { CcWidget } from '../../src/base/cc-widget.js';
export class CcExample extends CcWidget<Record<string, string>> {
  constructor() { super(); this.setAttribute('role', 'group'); }
  override connectedCallback() { this.toggleAttribute('hidden', false); }
}
`);
  assert.ok(rules.includes('wc/no-constructor-attributes'), rules.join());
  assert.ok(rules.includes('lit/lifecycle-super'), rules.join());
});

test('a clean element passes, so the rules are not simply failing everything', async () => {
  const rules = await rulesOn(`import { html } from 'lit';
import { CcElement } from '../../src/base/cc-element.js';
export class CcExample extends CcElement {
  override connectedCallback() { super.connectedCallback(); }
  override render() { return html\`<p part="status">\${this.localName}</p>\`; }
}
`);
  assert.deepEqual(rules, []);
});
