// The worker service: take extract jobs from the queue and run the shared stages on them. Bad input fails once
// (UnrecoverableError, no retries); an outage is thrown again so BullMQ retries it with exponential backoff.
import { UnrecoverableError, Worker } from 'bullmq';
import { ErrorCode } from '@jixiao/contract';
import { markRunFailed } from '@jixiao/db';
import { EXTRACT_QUEUE, ExtractJob, redisConnection, type ExtractJobResult, type QueueSettings } from '@jixiao/queue';
import { processStoredFile, type StageDeps } from './process-stored-file.ts';

export interface WorkerDeps extends StageDeps {
  queue: QueueSettings;
  concurrency: number;
  /** lock length and stalled-job check period (ms); tests set them low to see a killed worker's job retaken */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
}

/** below BullMQ's maxStalledCount, so the run is closed here with a reason before BullMQ fails the job itself */
const MAX_WORKER_DEATHS = 2;

export type ExtractWorker = Worker<ExtractJob, ExtractJobResult>;

export function startExtractWorker(deps: WorkerDeps): ExtractWorker {
  const log = deps.logger.child({ service: 'worker' });
  const worker = new Worker<ExtractJob, ExtractJobResult>(
    EXTRACT_QUEUE,
    async (job) => {
      const payload = ExtractJob.parse(job.data);
      const jobLog = log.child({ sha256: payload.sha256, file: payload.fileName, runId: payload.runId, jobId: job.id });
      // starts that ended in neither a result nor a failure: the worker died on this job (stalled-job recovery
      // handed it on). Extraction runs in a child, so this is a worker killed from outside; a file that keeps
      // doing it must not crash-loop every worker that takes it.
      const diedOn = job.attemptsStarted - 1 - job.attemptsMade;
      if (diedOn >= MAX_WORKER_DEATHS) {
        const message = `${payload.fileName}: the worker reading it stopped ${diedOn} times before finishing; not tried again`;
        await markRunFailed(deps.db, payload.runId, ErrorCode.Crashed, message);
        throw new UnrecoverableError(`${ErrorCode.Crashed}: ${message}`);
      }
      try {
        const outcome = await processStoredFile({ ...deps, logger: jobLog }, payload.runId);
        if (outcome.status === 'failed') throw new UnrecoverableError(`${outcome.code}: ${outcome.message}`);
        return outcome.status === 'done'
          ? { runId: outcome.runId, status: 'done', reports: outcome.reports, indicators: outcome.indicators }
          : { runId: outcome.runId, status: 'skipped', reports: 0, indicators: 0 };
      } catch (err) {
        if (err instanceof UnrecoverableError) throw err;
        const attempts = job.opts.attempts ?? 1;
        const last = job.attemptsMade + 1 >= attempts;
        jobLog.error({ err, attempt: job.attemptsMade + 1, of: attempts }, last ? 'job failed for good' : 'job failed; will retry');
        // the last try leaves a readable failure behind (if the database is reachable by then)
        if (last) await markRunFailed(deps.db, payload.runId, 'Internal', (err as Error).message).catch(() => {});
        throw err;
      }
    },
    {
      connection: redisConnection(deps.queue.redisUrl),
      prefix: deps.queue.prefix,
      concurrency: deps.concurrency,
      // a slow OCR job keeps its lock renewed (every lockDuration/2); a crashed worker's job is retaken after this
      lockDuration: deps.lockDurationMs ?? 60_000,
      stalledInterval: deps.stalledIntervalMs ?? 30_000,
      maxStalledCount: MAX_WORKER_DEATHS + 1,
    },
  );
  worker.on('error', (err) => log.error({ err }, 'worker error'));
  log.info({ concurrency: deps.concurrency, prefix: deps.queue.prefix }, 'worker started');
  return worker;
}

/**
 * Stop taking jobs and let the running ones finish; after graceMs, close forcibly: their locks lapse and
 * BullMQ hands the jobs to another worker as stalled (the run is re-done from scratch, its transaction never
 * having committed).
 */
export async function stopExtractWorker(worker: ExtractWorker, graceMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const grace = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), graceMs)));
  const result = await Promise.race([worker.close().then(() => 'closed' as const), grace]);
  clearTimeout(timer);
  if (result === 'timeout') await worker.close(true);
}
