// Producer side: open the extract queue and add a job for a stored file.
import { Queue, QueueEvents } from 'bullmq';
import { redisConnection, type QueueSettings } from './connection.ts';
import { EXTRACT_JOB, EXTRACT_QUEUE, ExtractJob, jobIdOf, type ExtractJobResult } from './extract-job.ts';

export type ExtractQueue = Queue<ExtractJob, ExtractJobResult, typeof EXTRACT_JOB>;

export function openExtractQueue(settings: QueueSettings & { attempts: number; backoffMs?: number }): ExtractQueue {
  return new Queue<ExtractJob, ExtractJobResult, typeof EXTRACT_JOB>(EXTRACT_QUEUE, {
    connection: redisConnection(settings.redisUrl),
    prefix: settings.prefix,
    defaultJobOptions: {
      attempts: settings.attempts,
      // 2 s, 4 s, 8 s, …: long enough to ride out a database restart
      backoff: { type: 'exponential', delay: settings.backoffMs ?? 2000 },
      // keep finished jobs for a while so `ingest` can read results and duplicates keep being refused by id
      removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
      removeOnFail: { age: 30 * 24 * 3600 },
    },
  });
}

export function openExtractQueueEvents(settings: QueueSettings): QueueEvents {
  return new QueueEvents(EXTRACT_QUEUE, { connection: redisConnection(settings.redisUrl), prefix: settings.prefix });
}

/**
 * Add one job keyed by the run. While the run's job waits or runs, BullMQ ignores the add. Callers only hand
 * on runs the database holds as unfinished, so a finished job for one is stale (its worker died after the
 * job failed for good, or its last failure could not be written): it is removed and the run queued afresh.
 */
export async function enqueueExtraction(queue: ExtractQueue, job: ExtractJob) {
  const payload = ExtractJob.parse(job);
  const jobId = jobIdOf(payload.runId);
  const existing = await queue.getJob(jobId);
  if (existing && (existing.finishedOn ?? 0) > 0) await existing.remove();
  return queue.add(EXTRACT_JOB, payload, { jobId });
}
