// `jixiao watch`: watch INBOX_DIR until SIGTERM/SIGINT. With REDIS_URL files go to the queue for `jixiao work`;
// without it they are processed here, in the embedded set-up.
import type { Command } from 'commander';
import { openArchiveStore } from '@jixiao/archive-store';
import { createLogger, loadConfig } from '@jixiao/config';
import { openDatabase } from '@jixiao/db';
import { startInboxWatcher } from '@jixiao/watcher';
import { dispatcherFor } from '@jixiao/worker';

export function registerWatch(program: Command): void {
  program
    .command('watch')
    .action(async () => {
      const config = loadConfig();
      const logger = createLogger(config);
      const database = openDatabase(config);
      await database.migrate();
      const store = openArchiveStore(config.archive);
      await store.ready();
      const dispatcher = dispatcherFor(config, database, store, logger);
      const watcher = await startInboxWatcher({
        inboxDir: config.inboxDir,
        fileStableMs: config.fileStableMs,
        archiveLimits: config.archiveLimits,
        maxBytes: config.limits.maxBytes,
        db: database.db,
        store,
        spoolDir: config.spoolDir,
        dispatch: dispatcher.dispatch,
        logger,
      });
      await new Promise<void>((resolve) => {
        process.once('SIGTERM', () => resolve());
        process.once('SIGINT', () => resolve());
      });
      await watcher.close();
      await dispatcher.close();
      await database.close();
      await store.close();
    });
}
