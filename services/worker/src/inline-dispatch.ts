// The embedded set-up (no REDIS_URL): the watcher hands files straight to the stages in its own process,
// a bounded number at a time, instead of to the queue.
import pLimit from 'p-limit';
import type { ExtractJob } from '@jixiao/queue';
import { processStoredFile, type StageDeps } from './process-stored-file.ts';

export function inlineDispatch(deps: StageDeps, concurrency: number): (job: ExtractJob) => Promise<void> {
  const limit = pLimit(concurrency);
  // a run handed on twice (the start-up reconciliation and the inbox scan both find it) is processed once
  const pending = new Set<number>();
  return async (job) => {
    if (pending.has(job.runId)) return;
    pending.add(job.runId);
    try {
      await limit(async () => {
        const log = deps.logger.child({ sha256: job.sha256, file: job.fileName, runId: job.runId });
        await processStoredFile({ ...deps, logger: log }, job.runId);
      });
    } finally {
      pending.delete(job.runId);
    }
  };
}
