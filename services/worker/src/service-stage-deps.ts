// The stages' dependencies as every service runs them (worker, watcher inline, ingest, reprocess, the API's
// inline dispatch): the file's budget from config, and extraction in child processes under a watchdog.
import type { Config, Logger } from '@jixiao/config';
import type { Db } from '@jixiao/db';
import { createIsolatedExtractor } from '@jixiao/pipeline';
import type { StageDeps } from './process-stored-file.ts';

export function serviceStageDeps(config: Config, db: Db, logger: Logger, concurrency = 1): StageDeps & { extractor: NonNullable<StageDeps['extractor']> } {
  return {
    db,
    archiveDir: config.archiveDir,
    limits: config.limits,
    logger,
    stageDelayMs: config.stageDelayMs,
    extractor: createIsolatedExtractor({ memoryMb: config.limits.memoryMb, concurrency }),
  };
}
