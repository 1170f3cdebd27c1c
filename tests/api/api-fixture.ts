// A running API over a scratch Postgres database, filled by the real stages from fixture files, exactly as
// `jixiao serve` runs it (startApi with a Config): the API tests and the browser test share it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { loadConfig, type Config } from '@jixiao/config';
import { openDatabase, type Database } from '@jixiao/db';
import { startApi } from '@jixiao/api';
import { receiveFile } from '@jixiao/intake';
import { openLocalStore } from '@jixiao/archive-store';
import { processStoredFile } from '@jixiao/worker';
import { createScratchPostgres } from '../support/db.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const TOKEN = 'test-token-0123456789abcdef';
export const fixture = (path: string) => join(ROOT, 'fixtures', path);

export interface TestApi {
  api: Awaited<ReturnType<typeof startApi>>;
  /** a second connection to the same database, for checking rows directly */
  database: Database;
  url: string;
  config: Config;
  dispose(): Promise<void>;
}

export async function startTestApi(label: string, files: string[], settings: { token?: string | null; maxFileMb?: number } = {}): Promise<TestApi> {
  const scratch = await createScratchPostgres(label);
  const dataDir = await mkdtemp(join(tmpdir(), `jixiao-${label}-`));
  const config = loadConfig({
    DATABASE_URL: scratch.url,
    DATA_DIR: dataDir,
    API_TOKEN: settings.token === undefined ? TOKEN : (settings.token ?? ''),
    MAX_FILE_MB: settings.maxFileMb ? String(settings.maxFileMb) : undefined,
    LOG_LEVEL: 'silent',
  });
  const logger = pino({ level: 'silent' });
  const database = openDatabase(config);
  await database.migrate();
  const store = openLocalStore(config.archiveDir);
  for (const file of files) {
    const received = await receiveFile({ db: database.db, store, spoolDir: config.spoolDir }, file);
    for (const job of received.jobs)
      await processStoredFile({ db: database.db, store, limits: config.limits, logger }, job.runId);
  }
  const api = await startApi(config, logger, { host: '127.0.0.1', port: 0 });
  return {
    api,
    database,
    url: api.address,
    config,
    async dispose() {
      await api.close();
      await database.close();
      await scratch.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A multipart/form-data body with one file field, for inject(). */
export function multipartBody(fileName: string, bytes: Uint8Array): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----jixiao' + Math.random().toString(16).slice(2);
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const payload = Buffer.concat([Buffer.from(head), Buffer.from(bytes), Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
