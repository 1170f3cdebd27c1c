// A poison file on the queue: its extraction takes more memory than one file may use, so the worker's child is
// stopped and the run fails once as OutOfMemory (never retried, bytes kept); the worker lives on and the form
// dropped after it is stored.
import { copyFile, mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractionRuns, sourceFiles } from '@jixiao/db';
import { eq } from 'drizzle-orm';
import { startStack, until, type Stack } from '../integration/support/stack.ts';

const FORM = fileURLToPath(new URL('../../fixtures/forms/seed-000/form.tsv.txt', import.meta.url));

describe('a poison file on the queue (Postgres and Redis)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ label: 'poison', isolatedMemoryMb: 256, concurrency: 1 });
    await mkdir(stack.inbox, { recursive: true });
    await stack.startWorker();
    await stack.startWatcher();
  }, 120_000);
  afterAll(async () => stack?.close());

  it('fails the poison file as OutOfMemory once and stores the next file', async () => {
    // 12 million characters of table rows (30 MB): reading them takes well over 256 MiB
    const row = '项目名称\t' + '指标'.repeat(20) + '\t≥500万人\t100%\n';
    await writeFile(join(stack.inbox, 'poison.txt'), row.repeat(Math.ceil(12e6 / row.length)));
    await until(async () => (await stack.statuses()).failed === 1, 60_000, 'the poison file to fail');
    await copyFile(FORM, join(stack.inbox, 'form.tsv.txt'));
    await until(async () => (await stack.statuses()).done === 1, 60_000, 'the next file to be stored');

    const runs = await stack.database.db.select().from(extractionRuns).innerJoin(sourceFiles, eq(extractionRuns.sourceFileId, sourceFiles.id));
    const poison = runs.find((r) => r.source_files.originalName === 'poison.txt')!;
    expect(poison.extraction_runs).toMatchObject({ status: 'failed', errorCode: 'OutOfMemory', attempts: 1 });
    expect(poison.extraction_runs.errorMessage).toContain('EXTRACT_MEMORY_MB');
    expect((await stat(join(stack.archiveDir, poison.source_files.archivePath!))).size).toBeGreaterThan(25e6);
    expect(stack.worker?.isRunning()).toBe(true);
  }, 150_000);
});
