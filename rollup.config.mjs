import resolve from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import { readdirSync } from 'node:fs';

const defines = Object.fromEntries(
  readdirSync('define')
    .filter((f) => f.endsWith('.ts'))
    .map((f) => [`define/${f.replace(/\.ts$/, '')}`, `define/${f}`]),
);

const ts = (extra = {}) => esbuild({ tsconfig: 'tsconfig.json', target: 'es2022', ...extra });

export default [
  // npm: one ES module per source module, lit external, so apps dedupe lit and tree-shake.
  {
    input: { index: 'index.ts', ...defines },
    external: [/^lit(\/|$)/, /^@lit\//],
    output: { dir: 'dist', format: 'es', preserveModules: true, preserveModulesRoot: '.', sourcemap: true },
    plugins: [resolve(), ts()],
  },
  // CDN: one file that defines every tag, lit included, minified. Lazily loaded backends become chunks.
  {
    input: { 'cc-elements': 'define/all.ts' },
    output: { dir: 'dist/cdn', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js', sourcemap: true },
    plugins: [resolve(), ts({ minify: true, legalComments: 'none' })],
  },
];
