// The extract queue on the real Redis: one job per run, so a run handed on twice makes one job, a new run of the
// same bytes (a re-run, a new extractor version) is a job of its own, and a stale finished job of a run still
// unfinished in the database is replaced. Own key prefix, removed afterwards.
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { Worker } from 'bullmq';
import { loadTestSettings } from '@jixiao/config';
import { EXTRACT_QUEUE, enqueueExtraction, jobIdOf, openExtractQueue, redisConnection } from '@jixiao/queue';

describe('extract queue on Redis', () => {
  const { redisUrl } = loadTestSettings();
  const prefix = `jixiao-test-${randomBytes(4).toString('hex')}`;
  const queue = openExtractQueue({ redisUrl, prefix, attempts: 2 });
  const sha256 = randomBytes(32).toString('hex');

  afterAll(async () => {
    await queue.obliterate({ force: true });
    await queue.close();
  });

  it('keys jobs by run: the same run handed on twice makes one job', async () => {
    const a = await enqueueExtraction(queue, { runId: 1, sha256, fileName: 'a.pdf' });
    const b = await enqueueExtraction(queue, { runId: 1, sha256, fileName: 'copy.pdf' });
    expect(a.id).toBe(jobIdOf(1));
    expect(b.id).toBe(jobIdOf(1));
    expect(await queue.getJobCounts('waiting')).toEqual({ waiting: 1 });
  });

  it('queues a new run of the same bytes, and replaces a finished job handed on again', async () => {
    const worker = new Worker(EXTRACT_QUEUE, async () => ({ ok: true }), { connection: redisConnection(redisUrl), prefix });
    try {
      await new Promise<void>((resolve) => worker.once('completed', () => resolve()));
    } finally {
      await worker.close();
    }
    const again = await enqueueExtraction(queue, { runId: 2, sha256, fileName: 'a.pdf' });
    expect(again.data.runId).toBe(2);
    expect(await queue.getJobCounts('waiting', 'completed')).toEqual({ waiting: 1, completed: 1 });
    // the database says run 1 is unfinished (its job was lost or stale): handing it on again queues it afresh
    await enqueueExtraction(queue, { runId: 1, sha256, fileName: 'a.pdf' });
    expect(await queue.getJobCounts('waiting', 'completed')).toEqual({ waiting: 2, completed: 0 });
  });

  it('refuses a payload that is not a job', async () => {
    await expect(enqueueExtraction(queue, { runId: 3, sha256: 'not-a-hash', fileName: 'x' })).rejects.toThrow();
  });
});
