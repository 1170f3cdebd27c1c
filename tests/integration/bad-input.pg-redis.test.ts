// Bad input through the deployed shape (inbox → watcher → queue → worker → Postgres): every bad file ends as a
// failed run whose message names the file and says what is wrong, its original bytes stay in the archive, the
// worker keeps running and the good files dropped beside them are stored. A file that is no report finishes
// with a warning. Fixtures: fixtures/bad (built by fixtures/bad/build.ts).
import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { extractionRuns, sourceFiles, warnings } from '@jixiao/db';
import { startStack, untilSettled, type Stack } from './support/stack.ts';

const BAD = fileURLToPath(new URL('../../fixtures/bad/', import.meta.url));
const SEEDS = fileURLToPath(new URL('../../fixtures/seeds/', import.meta.url));

/** file → the run's outcome: failed with this code, or done (with the warning code given) */
const CASES: [file: string, status: 'failed' | 'done', code: string][] = [
  ['empty.pdf', 'failed', 'EmptyFile'],
  ['truncated.pdf', 'failed', 'CorruptFile'],
  ['corrupt.pdf', 'failed', 'CorruptFile'],
  ['encrypted.pdf', 'failed', 'EncryptedPdf'],
  ['bomb.docx', 'failed', 'ArchiveBomb'],
  ['oversize.txt', 'failed', 'FileTooLarge'],
  ['two-pages.pdf', 'failed', 'TooManyPages'],
  ['blank.pdf', 'failed', 'NoContent'],
  ['unsupported.gif', 'failed', 'UnsupportedFormat'],
  ['not-a-report.txt', 'done', 'NoFormsFound'],
  // extensions that lie: the bytes decide
  ['docx-named.pdf', 'done', ''],
  ['png-named.docx', 'done', 'NoFormsFound'],
];

describe('bad input on Postgres and Redis', () => {
  let stack: Stack;
  const good = '2021年部门整体支出绩效自评表.txt';

  beforeAll(async () => {
    // limits low enough for small fixtures to cross them: 100 KiB, one page
    stack = await startStack({ label: 'bad_input', limits: { maxBytes: 100 * 1024, maxPages: 1, timeBudgetMs: 60_000 } });
    await stack.startWorker();
    await stack.startWatcher();
    const seed = (await import('node:fs/promises')).readdir(SEEDS).then((f) => f.sort()[2]);
    await copyFile(join(SEEDS, await seed), join(stack.inbox, good));
    for (const [file] of CASES) await copyFile(join(BAD, file), join(stack.inbox, file));
    // the empty file settles last (it waits 15 quiet periods)
    await untilSettled(stack, CASES.length + 1, 90_000);
  });

  afterAll(async () => {
    await stack?.close();
  });

  it.each(CASES)('%s ends %s (%s), naming the file, its bytes kept', async (file, status, code) => {
    const [row] = await stack.database.db
      .select({ run: extractionRuns, file: sourceFiles })
      .from(extractionRuns)
      .innerJoin(sourceFiles, eq(sourceFiles.id, extractionRuns.sourceFileId))
      .where(eq(sourceFiles.originalName, file));
    expect(row, `${file} has a run`).toBeDefined();
    expect(row.run.status).toBe(status);
    if (status === 'failed') {
      expect(row.run.errorCode).toBe(code);
      expect(row.run.errorMessage).toContain(file);
      // an empty file fails as it arrives (nothing to read, nothing to keep); the rest fail on their one attempt
      expect(row.run.attempts, 'bad input is not retried').toBe(code === 'EmptyFile' ? 0 : 1);
      console.info(`${file}: ${row.run.errorCode}: ${row.run.errorMessage}`);
    } else {
      const codes = (await stack.database.db.select().from(warnings).where(eq(warnings.runId, row.run.id))).map((w) => w.code);
      if (code) expect(codes).toContain(code);
      console.info(`${file}: done, ${row.file.mediaType}, warnings ${codes.join(', ') || 'none'}`);
    }
    if (code === 'EmptyFile') expect(row.file.archivePath).toBeNull();
    else expect(new Uint8Array(await readFile(join(stack.archiveDir, row.file.archivePath!)))).toEqual(new Uint8Array(await readFile(join(BAD, file))));
  });

  it('reads a lying extension by its bytes', async () => {
    const media = async (name: string) =>
      (await stack.database.db.select({ m: sourceFiles.mediaType }).from(sourceFiles).where(eq(sourceFiles.originalName, name)))[0].m;
    expect(await media('docx-named.pdf')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(await media('png-named.docx')).toBe('image/png');
  });

  it('keeps the worker running and stores the good file dropped beside the bad ones', async () => {
    expect(stack.worker!.isRunning()).toBe(true);
    const [row] = await stack.database.db
      .select({ status: extractionRuns.status })
      .from(extractionRuns)
      .innerJoin(sourceFiles, eq(sourceFiles.id, extractionRuns.sourceFileId))
      .where(eq(sourceFiles.originalName, good));
    expect(row.status).toBe('done');
  });
});
