// BullMQ's cancellation reaches the extraction: a job cancelled while a scan is being read stops its extraction
// child at once (not when the file is done), and the run is not failed for it: it stays unfinished for a next try.
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractionRuns } from '@jixiao/db';
import { createIsolatedExtractor, type IsolatedExtractor } from '@jixiao/pipeline';
import { jobIdOf } from '@jixiao/queue';
import { startStack, until, type Stack } from './support/stack.ts';

const SCAN = fileURLToPath(new URL('../../fixtures/scans/seed-000-p3-200dpi.pdf', import.meta.url));

describe('a cancelled job', () => {
  let stack: Stack;
  let extractor: IsolatedExtractor;
  beforeAll(async () => {
    stack = await startStack({ label: 'cancel', attempts: 1 });
    extractor = createIsolatedExtractor({ memoryMb: 2048 });
  });
  afterAll(async () => {
    await extractor?.close();
    await stack?.close();
  });

  it('stops its extraction within moments and leaves the run unfailed', async () => {
    const worker = await stack.startWorker({ extractor });
    await mkdir(stack.inbox, { recursive: true });
    await stack.startWatcher();
    await copyFile(SCAN, join(stack.inbox, 'scan.pdf'));
    const [run] = await until(
      async () => {
        const rows = await stack.database.db.select().from(extractionRuns).where(eq(extractionRuns.status, 'processing'));
        return rows.length > 0 ? rows : null;
      },
      30_000,
      'the scan taken',
    );
    // let the child start reading, then cancel
    await new Promise((r) => setTimeout(r, 500));
    const t0 = performance.now();
    expect(worker.cancelJob(jobIdOf(run.id), 'cancelled by the test')).toBe(true);
    const job = await until(async () => {
      const j = await stack.queue.getJob(jobIdOf(run.id));
      return j && (await j.getState()) === 'failed' ? j : null;
    }, 20_000, 'the job to stop').catch(async (err) => {
      const j = await stack.queue.getJob(jobIdOf(run.id));
      process.stderr.write(`state ${await j?.getState()} ${j?.failedReason} ${JSON.stringify(stack.log.lines.slice(-6))}\n`);
      throw err;
    });
    const stoppedMs = performance.now() - t0;
    expect(stoppedMs, 'stopped without waiting for the page to be read').toBeLessThan(5000);
    expect(job.attemptsMade).toBe(1);
    expect(stack.log.lines.some((l) => l.msg === 'extraction stored')).toBe(false);
    const [after] = await stack.database.db.select().from(extractionRuns).where(eq(extractionRuns.id, run.id));
    expect(after.status).toBe('processing');
    expect(after.errorCode).toBeNull();
  }, 90_000);
});
