// Handing a queued run on: to BullMQ when REDIS_URL is set (a `jixiao work` takes it), else to the stages in this
// process, one file at a time on PGlite (one connection) and in the background, so a request never waits for OCR.
import type { Config, Logger } from '@jixiao/config';
import { markRunFailed, type Database } from '@jixiao/db';
import { enqueueExtraction, openExtractQueue, type ExtractJob } from '@jixiao/queue';
import { inlineDispatch, serviceStageDeps } from '@jixiao/worker';

export interface Dispatcher {
  dispatch: (job: ExtractJob) => Promise<void>;
  /** resolves once every inline run handed on so far has finished */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export function createDispatcher(config: Config, database: Database, logger: Logger): Dispatcher {
  if (config.redisUrl) {
    const queue = openExtractQueue({ redisUrl: config.redisUrl, prefix: config.queuePrefix, attempts: config.jobAttempts });
    return {
      dispatch: async (job) => void (await enqueueExtraction(queue, job)),
      idle: async () => {},
      close: () => queue.close(),
    };
  }
  const concurrency = database.driver === 'pglite' ? 1 : config.workerConcurrency;
  const stages = serviceStageDeps(config, database.db, logger, concurrency);
  const run = inlineDispatch(stages, concurrency);
  const running = new Set<Promise<void>>();
  return {
    dispatch: async (job) => {
      const p = run(job).catch(async (err: unknown) => {
        // not bad input (that closes the run itself) but a bug or an outage: leave it where `jixiao status` shows it
        logger.error({ err, runId: job.runId }, 'extraction crashed');
        await markRunFailed(database.db, job.runId, 'Internal', (err as Error).message).catch(() => {});
      });
      running.add(p);
      void p.finally(() => running.delete(p));
    },
    idle: async () => {
      while (running.size > 0) await Promise.all([...running]);
    },
    close: async () => {
      while (running.size > 0) await Promise.all([...running]);
      await stages.extractor.close();
    },
  };
}
