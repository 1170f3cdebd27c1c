// One try of an extract job, under the one crash policy the queue worker and the in-process dispatcher share:
// bad input closes the run as failed inside processStoredFile and is never retried; anything else (database,
// Redis or archive store unreachable, a bug) is thrown for the caller to try again with backoff, and the last try
// leaves the run failed with code Internal and the message, so `jixiao status` shows why.
import { markRunFailed } from '@jixiao/db';
import type { ExtractJob } from '@jixiao/queue';
import { processStoredFile, type ProcessOutcome, type StageDeps } from './process-stored-file.ts';

export interface Attempt {
  /** this try, from 1 */
  number: number;
  of: number;
}

export async function attemptJob(deps: StageDeps, job: ExtractJob, attempt: Attempt, signal?: AbortSignal): Promise<ProcessOutcome> {
  try {
    return await processStoredFile(deps, job.runId, { signal });
  } catch (err) {
    // cancelled (or shut down): not a failure of the file; the run stays unfinished for the next try
    if (signal?.aborted) throw err;
    const last = attempt.number >= attempt.of;
    deps.logger.error({ err, attempt: attempt.number, of: attempt.of }, last ? 'job failed for good' : 'job failed; will retry');
    if (last) await recordCrash(deps, job.runId, err as Error);
    throw err;
  }
}

/** The failure of the last try, written when the database answers (it may be what failed). */
async function recordCrash(deps: StageDeps, runId: number, err: Error): Promise<void> {
  await markRunFailed(deps.db, runId, 'Internal', err.message).catch((writeErr: unknown) =>
    deps.logger.error({ err: writeErr }, 'could not record the failure; the run stays unfinished and is handed on again'),
  );
}

/** The wait before try n + 1: `first`, doubled each time (2 s, 4 s, 8 s … by default), as BullMQ's backoff. */
export const backoffMs = (first: number, tried: number) => first * 2 ** (tried - 1);
