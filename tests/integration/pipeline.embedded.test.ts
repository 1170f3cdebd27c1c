// The embedded default: no DATABASE_URL, no REDIS_URL. `jixiao ingest DIR` runs the stages inline into PGlite
// under DATA_DIR, with the same migrations; the stored rows must equal what extractFile returns.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { extractionRuns, indicatorFacts, openDatabase, sourceFiles } from '@jixiao/db';
import { extractFile } from '@jixiao/pipeline';
import { expectStoredEqualsExtraction } from './support/stored-rows.ts';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SEEDS = join(ROOT, 'fixtures/seeds');

describe('embedded mode (PGlite, inline ingest through the CLI)', () => {
  let work: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'jixiao-embedded-'));
    await cp(SEEDS, join(work, 'drop', 'nested'), { recursive: true });
    // a lock file and a partial download beside the seeds: ingest must leave them alone
    await cp(join(SEEDS, (await readdir(SEEDS))[0]), join(work, 'drop', '~$lock.docx'));
    await cp(join(SEEDS, (await readdir(SEEDS))[0]), join(work, 'drop', 'half.pdf.part'));
    // blank settings count as unset: whatever the caller's environment holds, this is the embedded set-up
    env = { ...process.env, DATABASE_URL: '', REDIS_URL: '', ARCHIVE_DIR: '', DATA_DIR: join(work, 'data') };
  });

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  const ingest = () => run(process.execPath, [join(ROOT, 'bin/jixiao.mjs'), 'ingest', join(work, 'drop')], { env, cwd: work });

  it('stores every seed, row for row as extractFile returns it', async () => {
    const { stdout } = await ingest();
    expect(stdout).toMatch(/^files\s+5$/m);
    expect(stdout).toMatch(/^extracted\s+5$/m);
    expect(stdout).toMatch(/^failures\s+0$/m);

    const database = openDatabase({ databaseUrl: null, pgliteDir: join(work, 'data', 'pglite') });
    try {
      const seeds = (await readdir(SEEDS)).filter((f) => f.endsWith('.txt')).sort();
      let indicatorTotal = 0;
      for (const seed of seeds) {
        const extraction = await extractFile(new Uint8Array(await readFile(join(SEEDS, seed))), { fileName: basename(seed) });
        await expectStoredEqualsExtraction(database.db, extraction);
        expect(extraction.reports.length, `${seed} yields at least one report`).toBeGreaterThanOrEqual(1);
        indicatorTotal += extraction.reports.reduce((n, r) => n + r.indicators.length, 0);
      }
      expect(stdout).toMatch(new RegExp(`^indicators\\s+${indicatorTotal}$`, 'm'));
      expect(await database.db.select({ n: count() }).from(indicatorFacts)).toEqual([{ n: indicatorTotal }]);
    } finally {
      await database.close();
    }
  });

  it('reprocess --all re-runs every file and replaces its rows, never duplicating them', async () => {
    const jixiao = (args: string[]) => run(process.execPath, [join(ROOT, 'bin/jixiao.mjs'), ...args], { env, cwd: work });
    const factCount = async () => {
      const database = openDatabase({ databaseUrl: null, pgliteDir: join(work, 'data', 'pglite') });
      try {
        return (await database.db.select({ n: count() }).from(indicatorFacts))[0].n;
      } finally {
        await database.close();
      }
    };
    const before = await factCount();
    const { stdout } = await jixiao(['reprocess', '--all']);
    expect(stdout).toMatch(/^selected\s+5$/m);
    expect(stdout).toMatch(/^done\s+5$/m);
    expect(stdout).toMatch(/^failed\s+0$/m);
    expect(await factCount()).toBe(before);
    await expect(jixiao(['reprocess'])).rejects.toMatchObject({ code: 2 });
  });

  it('stores nothing new when the same files are ingested again', async () => {
    const { stdout } = await ingest();
    expect(stdout).toMatch(/^already stored\s+5$/m);
    expect(stdout).toMatch(/^extracted\s+0$/m);
    const database = openDatabase({ databaseUrl: null, pgliteDir: join(work, 'data', 'pglite') });
    try {
      expect(await database.db.select({ n: count() }).from(sourceFiles)).toEqual([{ n: 5 }]);
      // five intake runs and five re-runs: ingesting again queues nothing
      expect(await database.db.select({ n: count() }).from(extractionRuns)).toEqual([{ n: 10 }]);
    } finally {
      await database.close();
    }
  });
});
