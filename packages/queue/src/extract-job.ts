// The one queue jixiao uses and the payload of its jobs. The job id is the run's id: the database hands out one
// queued run per file and extractor version (or per re-run asked for), so the same bytes are never queued twice
// while a job for them exists, and a re-run of the same bytes is a job of its own.
import { z } from 'zod';

export const EXTRACT_QUEUE = 'extract';
export const EXTRACT_JOB = 'extract-file';

export const ExtractJob = z.object({
  runId: z.number().int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  fileName: z.string(),
});
export type ExtractJob = z.infer<typeof ExtractJob>;

/** BullMQ refuses integer-looking custom ids. */
export const jobIdOf = (runId: number) => `run-${runId}`;

/** What a finished job returns (kept by BullMQ, read by `jixiao ingest` when it waits on the queue). */
export interface ExtractJobResult {
  runId: number;
  status: 'done' | 'failed' | 'skipped';
  reports: number;
  indicators: number;
}
