// The monorepo's bones hold: every package's declared @jixiao dependencies stay inside docs/architecture.md's
// "may depend on" column, and ESLint (whose import rule is built from those declarations) passes on every package.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** folder (`packages/db`) → the short names its row allows (`contract`, `config`) */
function allowedByDoc(): Map<string, Set<string> | 'all'> {
  const rows = readFileSync(join(ROOT, 'docs/architecture.md'), 'utf8')
    .split('\n')
    .map((l) => l.match(/^\| `((?:packages|services)\/[a-z-]+)` \|.*\| ([^|]+) \|$/))
    .filter((m) => m !== null);
  return new Map<string, Set<string> | 'all'>(
    rows.map(([, folder, column]): [string, Set<string> | 'all'] => {
      const words = column!.trim();
      if (words === '—') return [folder!, new Set<string>()];
      if (words.startsWith('every package')) return [folder!, 'all'];
      return [folder!, new Set(words.split(',').map((w) => w.trim().split(/\s/)[0]!))];
    }),
  );
}

const workspaces = ['packages', 'services'].flatMap((group) => readdirSync(join(ROOT, group)).map((name) => `${group}/${name}`));

describe('architecture', () => {
  const doc = allowedByDoc();

  it.each(workspaces)('%s declares only what docs/architecture.md lets it depend on', (folder) => {
    const manifest = JSON.parse(readFileSync(join(ROOT, folder, 'package.json'), 'utf8'));
    const declared = Object.keys(manifest.dependencies ?? {}).filter((d) => d.startsWith('@jixiao/')).map((d) => d.slice('@jixiao/'.length));
    const allowed = doc.get(folder);
    expect(allowed, `${folder} has a row in docs/architecture.md`).toBeDefined();
    if (allowed !== 'all') expect(declared.filter((d) => !allowed!.has(d)), `${folder} declares more than it may`).toEqual([]);
  });

  it('ESLint passes on every package and service, import boundaries included', async () => {
    const eslint = new ESLint({ cwd: ROOT });
    const results = await eslint.lintFiles(['packages', 'services']);
    const problems = results.flatMap((r) => r.messages.map((m) => `${r.filePath.slice(ROOT.length)}:${m.line} ${m.ruleId}: ${m.message}`));
    expect(problems).toEqual([]);
  });

  it('the import rule refuses a package that is not declared', async () => {
    const eslint = new ESLint({ cwd: ROOT });
    const [result] = await eslint.lintText("import { openDatabase } from '@jixiao/db';\n", { filePath: join(ROOT, 'packages/reconstruct/src/probe.ts') });
    expect(result!.messages.map((m) => m.ruleId)).toContain('no-restricted-imports');
  });
});
