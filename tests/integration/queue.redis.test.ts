// The extract queue on the real Redis: one job per file hash, and a new run for the same bytes (a new
// extractor version) is queued again once the old job has finished. Own key prefix, removed afterwards.
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { Worker } from 'bullmq';
import { loadTestSettings } from '@jixiao/config';
import { EXTRACT_QUEUE, enqueueExtraction, openExtractQueue, redisConnection } from '@jixiao/queue';

describe('extract queue on Redis', () => {
  const { redisUrl } = loadTestSettings();
  const prefix = `jixiao-test-${randomBytes(4).toString('hex')}`;
  const queue = openExtractQueue({ redisUrl, prefix, attempts: 2 });
  const sha256 = randomBytes(32).toString('hex');

  afterAll(async () => {
    await queue.obliterate({ force: true });
    await queue.close();
  });

  it('keys jobs by hash: the same bytes queued twice make one job', async () => {
    const a = await enqueueExtraction(queue, { runId: 1, sha256, fileName: 'a.pdf' });
    const b = await enqueueExtraction(queue, { runId: 1, sha256, fileName: 'copy.pdf' });
    expect(a.id).toBe(sha256);
    expect(b.id).toBe(sha256);
    expect(await queue.getJobCounts('waiting')).toEqual({ waiting: 1 });
  });

  it('queues a new run of the same bytes after the old job finished', async () => {
    const worker = new Worker(EXTRACT_QUEUE, async () => ({ ok: true }), { connection: redisConnection(redisUrl), prefix });
    try {
      await new Promise<void>((resolve) => worker.once('completed', () => resolve()));
    } finally {
      await worker.close();
    }
    const again = await enqueueExtraction(queue, { runId: 2, sha256, fileName: 'a.pdf' });
    expect(again.data.runId).toBe(2);
    expect(await queue.getJobCounts('waiting', 'completed')).toEqual({ waiting: 1, completed: 0 });
  });

  it('refuses a payload that is not a job', async () => {
    await expect(enqueueExtraction(queue, { runId: 3, sha256: 'not-a-hash', fileName: 'x' })).rejects.toThrow();
  });
});
