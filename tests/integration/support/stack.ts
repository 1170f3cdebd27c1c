// The deployed shape in one test process: a scratch Postgres database, an own BullMQ prefix on the real Redis,
// an inbox watcher and a queue worker. Each piece can be stopped and started again (fault tests).
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, inArray } from 'drizzle-orm';
import { openLocalStore, type ArchiveStore } from '@jixiao/archive-store';
import { loadTestSettings, type ArchiveLimits } from '@jixiao/config';
import { extractionRuns, openDatabase, type Database, type RunStatus } from '@jixiao/db';
import { enqueueExtraction, openExtractQueue, type ExtractQueue } from '@jixiao/queue';
import { startInboxWatcher, type InboxWatcher } from '@jixiao/watcher';
import { startExtractWorker, stopExtractWorker, type ExtractWorker } from '@jixiao/worker';
import { createScratchPostgres, type ScratchPostgres } from '../../support/db.ts';
import { captureLog, type CapturedLog } from './log-capture.ts';
import { createIsolatedExtractor, type IsolatedExtractor } from '@jixiao/pipeline';

export const DEFAULT_LIMITS = { maxBytes: 50 * 1024 * 1024, maxPages: 500, timeBudgetMs: 60_000 };

export interface StackOptions {
  label: string;
  limits?: typeof DEFAULT_LIMITS;
  archiveLimits?: ArchiveLimits;
  attempts?: number;
  backoffMs?: number;
  concurrency?: number;
  /** where received bytes go; a local directory under the stack's folder when absent */
  store?: ArchiveStore;
  /** run the worker's extractions in child processes with this memory, as `jixiao work` does */
  isolatedMemoryMb?: number;
}

export interface Stack {
  scratch: ScratchPostgres;
  database: Database;
  queue: ExtractQueue;
  log: CapturedLog;
  work: string;
  inbox: string;
  archiveDir: string;
  store: ArchiveStore;
  prefix: string;
  redisUrl: string;
  worker: ExtractWorker | null;
  watcher: InboxWatcher | null;
  /** start a worker in this process, against the given database URL (default the scratch database) */
  startWorker(options?: { databaseUrl?: string; lockDurationMs?: number; stalledIntervalMs?: number; extractor?: IsolatedExtractor }): Promise<ExtractWorker>;
  stopWorker(): Promise<void>;
  startWatcher(): Promise<InboxWatcher>;
  stopWatcher(): Promise<void>;
  /** runs by status */
  statuses(runIds?: number[]): Promise<Record<RunStatus, number>>;
  close(): Promise<void>;
}

export async function until<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function startStack(options: StackOptions): Promise<Stack> {
  const { redisUrl } = loadTestSettings();
  const work = await mkdtemp(join(tmpdir(), `jixiao-${options.label}-`));
  const scratch = await createScratchPostgres(options.label);
  const database = openDatabase({ databaseUrl: scratch.url, pgliteDir: '' });
  await database.migrate();
  const prefix = `jixiao-test-${randomBytes(4).toString('hex')}`;
  const queue = openExtractQueue({ redisUrl, prefix, attempts: options.attempts ?? 3, backoffMs: options.backoffMs ?? 200 });
  const log = captureLog('info');
  const limits = options.limits ?? DEFAULT_LIMITS;
  const workerDatabases: Database[] = [];
  let extractor: IsolatedExtractor | undefined;

  const stack: Stack = {
    scratch,
    database,
    queue,
    log,
    work,
    inbox: join(work, 'inbox'),
    archiveDir: join(work, 'archive'),
    store: options.store ?? openLocalStore(join(work, 'archive')),
    prefix,
    redisUrl,
    worker: null,
    watcher: null,
    async startWorker(o = {}) {
      // the worker's own pool, so pointing it elsewhere (a proxy) leaves the test's connection alone
      const db = o.databaseUrl ? openDatabase({ databaseUrl: o.databaseUrl, pgliteDir: '' }) : database;
      if (db !== database) workerDatabases.push(db);
      stack.worker = startExtractWorker({
        db: db.db,
        store: stack.store,
        limits,
        logger: log.logger,
        queue: { redisUrl, prefix },
        concurrency: options.concurrency ?? 2,
        lockDurationMs: o.lockDurationMs,
        stalledIntervalMs: o.stalledIntervalMs,
        extractor: o.extractor ?? (options.isolatedMemoryMb ? (extractor ??= createIsolatedExtractor({ memoryMb: options.isolatedMemoryMb, concurrency: options.concurrency ?? 2 })) : undefined),
      });
      return stack.worker;
    },
    async stopWorker() {
      if (stack.worker) await stopExtractWorker(stack.worker, 5000);
      stack.worker = null;
    },
    async startWatcher() {
      stack.watcher = await startInboxWatcher({
        inboxDir: stack.inbox,
        store: stack.store,
        spoolDir: join(work, 'spool'),
        fileStableMs: 200,
        archiveLimits: options.archiveLimits,
        db: database.db,
        dispatch: async (job) => void (await enqueueExtraction(queue, job)),
        logger: log.logger,
      });
      return stack.watcher;
    },
    async stopWatcher() {
      await stack.watcher?.close();
      stack.watcher = null;
    },
    async statuses(runIds) {
      const rows = await database.db
        .select({ status: extractionRuns.status, n: count() })
        .from(extractionRuns)
        .where(runIds ? inArray(extractionRuns.id, runIds) : undefined)
        .groupBy(extractionRuns.status);
      const out: Record<RunStatus, number> = { queued: 0, processing: 0, done: 0, failed: 0 };
      for (const r of rows) out[r.status] = Number(r.n);
      return out;
    },
    async close() {
      await stack.stopWatcher().catch(() => {});
      await stack.stopWorker().catch(() => {});
      await extractor?.close();
      await queue.obliterate({ force: true }).catch(() => {});
      await queue.close();
      for (const db of workerDatabases) await db.close().catch(() => {});
      await database.close();
      await scratch.drop();
      await rm(work, { recursive: true, force: true });
    },
  };
  return stack;
}

/** Wait until no run is queued or processing (and at least `atLeast` runs exist). */
export async function untilSettled(stack: Stack, atLeast: number, timeoutMs: number): Promise<Record<RunStatus, number>> {
  return until(
    async () => {
      const s = await stack.statuses();
      return s.queued === 0 && s.processing === 0 && s.done + s.failed >= atLeast ? s : null;
    },
    timeoutMs,
    `${atLeast} finished runs`,
  );
}

