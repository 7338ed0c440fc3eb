// Finds commands in the project's scripts that could run a package that is not the project's own: `npx name`
// (which fetches an unpinned package when none is installed), `npm exec`, `pnpm dlx`, `yarn dlx`, and
// package.json scripts whose command is not `node`, `npm` or a binary the lockfile installs.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const FETCHING = /(?:^|[\s;&|(`'"[,])(npx|npm\s+exec|pnpm\s+dlx|yarn\s+dlx|bunx)(?=[\s'"`,\]]|$)/;

/** Code without its comments (`// …`, `/* … *\/` in JS; `# …` in shell), so prose about npx is allowed. */
export function withoutComments(text, kind) {
  if (kind === 'shell') return text.split('\n').map((line) => (/^\s*#/.test(line) ? '' : line.replace(/\s#\s.*$/, ''))).join('\n');
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

/** Each line of `text` that runs a fetching command: `[{line, text}]`. */
export function fetchingCommands(text, kind = 'js') {
  const code = withoutComments(text, kind).split('\n');
  return code.flatMap((line, i) => (FETCHING.test(line) ? [{ line: i + 1, text: line.trim() }] : []));
}

/** The command words of a package.json script (`a && b | c; d` → a, b, c, d), skipping `VAR=value` prefixes. */
export function commandWords(script) {
  return script
    .split(/&&|\|\||[;|]/)
    .map((part) => part.trim().split(/\s+/).filter((w) => !/^[A-Z_][A-Z0-9_]*=/.test(w))[0])
    .filter(Boolean);
}

/** Every problem in the project at `root`, as `file:line: text` strings. */
export function checkProject(root) {
  const problems = [];
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const bins = existsSync(join(root, 'node_modules/.bin')) ? new Set(readdirSync(join(root, 'node_modules/.bin'))) : null;
  for (const [name, script] of Object.entries(pkg.scripts ?? {})) {
    for (const hit of fetchingCommands(script, 'shell')) problems.push(`package.json scripts.${name}: ${hit.text}`);
    for (const word of commandWords(script)) {
      if (['node', 'npm'].includes(word)) continue;
      if (bins && !bins.has(word)) problems.push(`package.json scripts.${name}: "${word}" is not a binary in node_modules/.bin`);
    }
  }
  const files = [
    ...readdirSync(join(root, 'scripts')).filter((f) => /\.[cm]?[jt]s$/.test(f)).map((f) => [`scripts/${f}`, 'js']),
    ...(existsSync(join(root, 'examples/react/build.mjs')) ? [['examples/react/build.mjs', 'js']] : []),
    ['.ci/run', 'shell'],
  ];
  for (const [file, kind] of files) {
    for (const hit of fetchingCommands(readFileSync(join(root, file), 'utf8'), kind)) problems.push(`${file}:${hit.line}: ${hit.text}`);
  }
  return problems;
}
