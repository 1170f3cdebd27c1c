// `jixiao work`: run a queue worker until SIGTERM/SIGINT, then finish (or release) the running jobs.
import type { Command } from 'commander';
import { ConfigError, createLogger, loadConfig } from '@jixiao/config';
import { openDatabase } from '@jixiao/db';
import { serviceStageDeps, startExtractWorker, stopExtractWorker } from '@jixiao/worker';

/** How long running jobs may take to finish after SIGTERM (docker-compose gives the worker a little more). */
const SHUTDOWN_GRACE_MS = 30_000;

export function registerWork(program: Command): void {
  program
    .command('work')
    .action(async () => {
      const config = loadConfig();
      if (!config.redisUrl) throw new ConfigError('REDIS_URL', 'REDIS_URL is not set: `jixiao work` takes its jobs from the queue (without a queue, `jixiao ingest` and `jixiao watch` process files inline)');
      // the embedded database belongs to one process: a separate worker could not share it
      if (!config.databaseUrl) throw new ConfigError('DATABASE_URL', 'DATABASE_URL is not set: `jixiao work` runs beside a watcher, and the embedded database cannot be shared between processes');
      const logger = createLogger(config);
      const database = openDatabase(config);
      await database.migrate();
      const stages = serviceStageDeps(config, database.db, logger, config.workerConcurrency);
      const worker = startExtractWorker({
        ...stages,
        queue: { redisUrl: config.redisUrl, prefix: config.queuePrefix },
        concurrency: config.workerConcurrency,
        lockDurationMs: config.worker.lockDurationMs,
        stalledIntervalMs: config.worker.stalledIntervalMs,
      });
      await new Promise<void>((resolve) => {
        const stop = (signal: string) => {
          logger.info({ signal }, 'stopping: no new jobs, finishing running ones');
          resolve();
        };
        process.once('SIGTERM', stop);
        process.once('SIGINT', stop);
      });
      await stopExtractWorker(worker, SHUTDOWN_GRACE_MS);
      await stages.extractor.close();
      await database.close();
      logger.info('worker stopped');
    });
}
