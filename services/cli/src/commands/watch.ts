// `jixiao watch`: watch INBOX_DIR until SIGTERM/SIGINT. With REDIS_URL files go to the queue for `jixiao work`;
// without it they are processed here, in the embedded set-up.
import type { Command } from 'commander';
import { createLogger, loadConfig } from '@jixiao/config';
import { openDatabase } from '@jixiao/db';
import { enqueueExtraction, openExtractQueue } from '@jixiao/queue';
import { startInboxWatcher } from '@jixiao/watcher';
import { inlineDispatch, serviceStageDeps } from '@jixiao/worker';

export function registerWatch(program: Command): void {
  program
    .command('watch')
    .action(async () => {
      const config = loadConfig();
      const logger = createLogger(config);
      const database = openDatabase(config);
      await database.migrate();
      // PGlite is one connection: a second file's queries must not run inside the first one's transaction
      const inlineConcurrency = database.driver === 'pglite' ? 1 : config.workerConcurrency;
      const queue = config.redisUrl
        ? openExtractQueue({ redisUrl: config.redisUrl, prefix: config.queuePrefix, attempts: config.jobAttempts, backoffMs: config.jobBackoffMs })
        : null;
      const dispatch = queue
        ? async (job: Parameters<typeof enqueueExtraction>[1]) => void (await enqueueExtraction(queue, job))
        : inlineDispatch(serviceStageDeps(config, database.db, logger, inlineConcurrency), inlineConcurrency);
      const watcher = await startInboxWatcher({
        inboxDir: config.inboxDir,
        archiveDir: config.archiveDir,
        fileStableMs: config.fileStableMs,
        archiveLimits: config.archiveLimits,
        maxBytes: config.limits.maxBytes,
        db: database.db,
        dispatch,
        logger,
      });
      await new Promise<void>((resolve) => {
        process.once('SIGTERM', () => resolve());
        process.once('SIGINT', () => resolve());
      });
      await watcher.close();
      await queue?.close();
      await database.close();
    });
}
