// `npm run lint`: ESLint 9 (flat config) with typescript-eslint and the Lit and web-component rules, over the
// code that ships and the stories. CI runs it as a step of its own (.ci/run).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: ['dist/**', 'storybook-static/**', 'test-results/**', 'node_modules/**', 'custom-elements.json'],
  },
  {
    files: ['index.ts', 'src/**/*.ts', 'components/**/*.ts', 'define/**/*.ts', 'react/**/*.ts', 'testing/**/*.ts', 'stories/**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended, wc.configs['flat/best-practice'], lit.configs['flat/recommended']],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.browser },
    },
    // The wc and lit rules look at classes that extend these (Lit's base and the kit's two).
    settings: {
      wc: { elementBaseClasses: ['LitElement', 'CcElement', 'CcWidget'] },
      lit: { elementBaseClasses: ['CcElement', 'CcWidget'] },
    },
    rules: {
      // Lit's base classes always implement the lifecycle callbacks: a guard around `super.connectedCallback()`
      // would hide a missing call, which lit/lifecycle-super reports instead.
      'wc/guard-super-call': 'off',
      'lit/lifecycle-super': 'error',
      'lit/no-classfield-shadowing': 'error',
      'lit/no-invalid-escape-sequences': 'error',
      'lit/no-native-attributes': 'error',
      'lit/no-template-bind': 'error',
      'lit/no-this-assign-in-render': 'error',
      'lit/no-useless-template-literals': 'error',
      // Off: the kit binds `value=` only on radio buttons, where it names the choice and never changes; text fields
      // use `.value` (the rule cannot tell the two apart).
      'lit/no-value-attribute': 'off',
      'lit/attribute-names': 'error',
      'lit/prefer-nothing': 'error',
      'lit/quoted-expressions': ['error', 'never'],
      // `tsc` already reports unused locals and parameters; this rule only adds the `_`-named rest siblings
      // that drop a key from a copy (`({ available: _, ...d }) => d`).
      '@typescript-eslint/no-unused-vars': ['error', { varsIgnorePattern: '^_', argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // The server companion (cc-elements/server): Node code, no elements.
    files: ['server/**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { varsIgnorePattern: '^_', argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // The Webex SDK types its event listeners' arguments as `any`; the adapter's listener type says so once.
    files: ['src/backends/webex/webex-types.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
