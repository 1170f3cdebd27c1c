// `jixiao serve`: open the configured database (PGlite by default, the one `jixiao ingest` filled), migrate, and
// listen. Without API_TOKEN the server is read-only and listens on 127.0.0.1 only, whatever host was asked for.
import { join } from 'node:path';
import type { Config, Logger } from '@jixiao/config';
import { openArchiveStore } from '@jixiao/archive-store';
import { openDatabase } from '@jixiao/db';
import { dispatcherFor } from '@jixiao/worker';
import { buildServer } from './server.ts';

export interface ServeOptions {
  host: string;
  port: number;
}

export async function startApi(config: Config, logger: Logger, options: ServeOptions) {
  const database = openDatabase(config);
  await database.migrate();
  const store = openArchiveStore(config.archive);
  await store.ready();
  const dispatcher = dispatcherFor(config, database, store, logger);
  const handedOn = new Set<number>();
  const app = await buildServer({
    db: database.db,
    driver: database.driver,
    store,
    limits: config.limits,
    archiveLimits: config.archiveLimits,
    token: config.apiToken,
    dispatch: (job) => (handedOn.add(job.runId), dispatcher.dispatch(job)),
    uploadDir: join(config.dataDir, 'uploads'),
    spoolDir: config.spoolDir,
    logger,
  });
  const host = config.apiToken ? options.host : '127.0.0.1';
  if (!config.apiToken && options.host !== '127.0.0.1' && options.host !== 'localhost')
    logger.warn({ asked: options.host }, 'no API_TOKEN: listening on 127.0.0.1 only (read-only)');
  const address = await app.listen({ host, port: options.port });
  logger.info({ address, database: database.driver, writable: config.apiToken !== null }, 'jixiao API listening');
  return {
    app,
    address,
    /** resolves when every run this server handed on has finished */
    idle: () => dispatcher.settled([...handedOn]),
    async close() {
      await app.close();
      await dispatcher.close();
      await database.close();
      await store.close();
    },
  };
}
