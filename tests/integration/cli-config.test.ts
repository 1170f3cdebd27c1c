// A bad setting stops the CLI at start-up with one line naming it and a non-zero exit code.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function jixiao(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(ROOT, 'bin/jixiao.mjs'), ...args], { env: { ...process.env, ...env } }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('jixiao with a bad setting', () => {
  it.each([
    // (the other settings' rules are unit-tested in packages/config; one spawn shows the start-up path)
    [['status'], { WORKER_CONCURRENCY: 'abc' }, 'WORKER_CONCURRENCY'],
  ])('jixiao %s with %o names the setting in one line', async (args, env, name) => {
    const { code, stdout, stderr } = await jixiao(args, env);
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(name);
  });
});
