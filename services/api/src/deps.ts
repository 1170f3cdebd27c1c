// What the API needs from the outside, built once at start (start-api.ts) or by a test.
import type { ArchiveLimits, Logger } from '@jixiao/config';
import type { Db } from '@jixiao/db';
import type { ExtractJob } from '@jixiao/queue';

export interface ApiDeps {
  db: Db;
  driver: 'pg' | 'pglite';
  archiveDir: string;
  /** the watcher's limits: an upload larger than maxBytes is refused while it streams in */
  limits: { maxBytes: number; maxPages: number; timeBudgetMs: number; maxPagePixels?: number };
  archiveLimits?: ArchiveLimits;
  /** the bearer token write routes require; null makes the API read-only */
  token: string | null;
  /** hand a queued run to the stages: the queue with Redis, this process without */
  dispatch: (job: ExtractJob) => Promise<void>;
  /** where uploads are written while they stream in (inside the data directory) */
  uploadDir: string;
  logger: Logger;
}
