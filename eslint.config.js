// ESLint for every workspace (turbo runs `lint` per package; `npm run lint` runs them all).
// The import boundary: a package imports only the @jixiao packages its package.json declares, so the turbo task
// graph, the lint and docs/architecture.md's "may depend on" column (checked by tests/architecture) say the same
// thing; and no package reaches into another's files by a relative path.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;
const workspaces = ['packages', 'services'].flatMap((group) =>
  readdirSync(join(root, group)).map((name) => {
    const manifest = JSON.parse(readFileSync(join(root, group, name, 'package.json'), 'utf8'));
    return { dir: `${group}/${name}`, name: manifest.name, allowed: Object.keys(manifest.dependencies ?? {}).filter((d) => d.startsWith('@jixiao/')) };
  }),
);
const everyPackage = workspaces.map((w) => w.name);

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'fixtures/**', 'migrations/**', '.jixiao/**'] },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      'no-debugger': 'error',
      'no-dupe-keys': 'error',
      'no-self-assign': 'error',
      'no-unreachable': 'error',
      'no-unsafe-finally': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  ...workspaces.map((w) => ({
    files: [`${w.dir}/src/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: everyPackage
            .filter((p) => p !== w.name && !w.allowed.includes(p))
            .map((p) => ({ name: p, message: `${w.name} does not declare ${p} in its package.json (see docs/architecture.md: may depend on)` })),
          patterns: [{ group: ['../../*', '**/packages/*/src/**', '**/services/*/src/**'], message: `import another package by its @jixiao name, not by path` }],
        },
      ],
    },
  })),
  {
    // services log through pino (STYLE.md); the CLI prints to stdout/stderr through process streams
    files: ['packages/*/src/**/*.ts', 'services/*/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-console': 'error' },
  },
);
