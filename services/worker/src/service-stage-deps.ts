// The stages' dependencies as every service runs them (worker, watcher inline, ingest, reprocess, the API's
// inline dispatch): the file's budget and OCR threads from config, the archive store, and extraction in child
// processes under a watchdog.
import type { ArchiveStore } from '@jixiao/archive-store';
import type { Config, Logger } from '@jixiao/config';
import type { Db } from '@jixiao/db';
import { createIsolatedExtractor } from '@jixiao/pipeline';
import type { StageDeps } from './process-stored-file.ts';

export function serviceStageDeps(
  config: Config,
  db: Db,
  store: ArchiveStore,
  logger: Logger,
  concurrency = 1,
): StageDeps & { extractor: NonNullable<StageDeps['extractor']> } {
  return {
    db,
    store,
    limits: config.limits,
    ocrThreads: config.ocrThreads,
    logger,
    stageDelayMs: config.stageDelayMs,
    extractor: createIsolatedExtractor({ memoryMb: config.limits.memoryMb, concurrency }),
  };
}
