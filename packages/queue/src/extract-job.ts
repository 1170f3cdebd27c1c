// The one queue jixiao uses and the payload of its jobs. The job id is the file's sha256, so the same bytes
// are never queued twice while a job for them exists; the database (one run per file and extractor version)
// guards the rest.
import { z } from 'zod';

export const EXTRACT_QUEUE = 'extract';
export const EXTRACT_JOB = 'extract-file';

export const ExtractJob = z.object({
  runId: z.number().int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  fileName: z.string(),
});
export type ExtractJob = z.infer<typeof ExtractJob>;

/** What a finished job returns (kept by BullMQ, read by `jixiao ingest` when it waits on the queue). */
export interface ExtractJobResult {
  runId: number;
  status: 'done' | 'failed' | 'skipped';
  reports: number;
  indicators: number;
}
