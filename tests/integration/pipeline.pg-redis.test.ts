// inbox → watcher → queue → worker → Postgres, all in this process against the real Postgres and Redis
// (JIXIAO_TEST_DATABASE_URL / JIXIAO_TEST_REDIS_URL, default the local services .ci/run starts).
// Own scratch database and own BullMQ prefix, so nothing collides with other files or a running deployment.
import { randomBytes } from 'node:crypto';
import { copyFile, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { openLocalStore } from '@jixiao/archive-store';
import { loadTestSettings } from '@jixiao/config';
import type { Extraction } from '@jixiao/contract';
import { extractionRuns, openDatabase, sourceFiles, type Database } from '@jixiao/db';
import { extractFile } from '@jixiao/pipeline';
import { enqueueExtraction, jobIdOf, openExtractQueue, type ExtractQueue } from '@jixiao/queue';
import { startInboxWatcher, type InboxWatcher } from '@jixiao/watcher';
import { startExtractWorker, stopExtractWorker, type ExtractWorker } from '@jixiao/worker';
import { createScratchPostgres, type ScratchPostgres } from '../support/db.ts';
import { captureLog } from './support/log-capture.ts';
import { expectStoredEqualsExtraction, storedFor } from './support/stored-rows.ts';

const SEEDS = fileURLToPath(new URL('../../fixtures/seeds/', import.meta.url));

async function until<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('pipeline on Postgres and Redis', () => {
  const settings = loadTestSettings();
  const log = captureLog('info');
  const prefix = `jixiao-test-${randomBytes(4).toString('hex')}`;
  let scratch: ScratchPostgres;
  let database: Database;
  let queue: ExtractQueue;
  let worker: ExtractWorker;
  let watcher: InboxWatcher;
  let work: string;
  let inbox: string;
  let seeds: string[];
  const extractions = new Map<string, Extraction>();

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'jixiao-pipeline-'));
    inbox = join(work, 'inbox');
    scratch = await createScratchPostgres('pipeline');
    database = openDatabase({ databaseUrl: scratch.url, pgliteDir: '' });
    await database.migrate();
    const queueSettings = { redisUrl: settings.redisUrl, prefix };
    queue = openExtractQueue({ ...queueSettings, attempts: 3 });
    const limits = { maxBytes: 50 * 1024 * 1024, maxPages: 500, timeBudgetMs: 60_000 };
    worker = startExtractWorker({ db: database.db, store: openLocalStore(join(work, 'archive')), limits, logger: log.logger, queue: queueSettings, concurrency: 2 });
    watcher = await startInboxWatcher({
      inboxDir: inbox,
      store: openLocalStore(join(work, 'archive')),
      spoolDir: join(work, 'spool'),
      fileStableMs: 200,
      db: database.db,
      dispatch: async (job) => void (await enqueueExtraction(queue, job)),
      logger: log.logger,
    });
    seeds = (await readdir(SEEDS)).filter((f) => f.endsWith('.txt')).sort().map((f) => join(SEEDS, f));
    // what the stages return for each seed, computed directly: the database must hold exactly this
    for (const seed of seeds) extractions.set(basename(seed), await extractFile(new Uint8Array(await readFile(seed)), { fileName: basename(seed) }));
  });

  afterAll(async () => {
    await watcher?.close();
    if (worker) await stopExtractWorker(worker, 5000);
    await queue?.obliterate({ force: true }).catch(() => {});
    await queue?.close();
    await database?.close();
    await scratch?.drop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('stores every seed dropped into the inbox, row for row as extractFile returns it', async () => {
    const t0 = performance.now();
    await Promise.all(seeds.map((s) => copyFile(s, join(inbox, basename(s)))));
    await until(
      async () => {
        const [{ n }] = await database.db.select({ n: count() }).from(extractionRuns).where(eq(extractionRuns.status, 'done'));
        return Number(n) === seeds.length;
      },
      60_000,
      'five finished runs',
    );
    const seconds = (performance.now() - t0) / 1000;
    // the measured figure the issue asks for: drop → all five seeds stored
    console.info(`five seeds stored in ${seconds.toFixed(2)} s after the drop (stable-file wait 0.2 s)`);

    for (const extraction of extractions.values()) {
      await expectStoredEqualsExtraction(database.db, extraction);
      expect(extraction.reports.length, `${extraction.source.fileName} yields at least one report`).toBeGreaterThanOrEqual(1);
    }
    // one line at the end of each job: durations per stage and row counts
    const ends = log.lines.filter((l) => l.msg === 'extraction stored');
    expect(ends).toHaveLength(seeds.length);
    for (const line of ends) {
      expect(line).toMatchObject({ sha256: expect.any(String), file: expect.any(String), runId: expect.any(Number) });
      expect(Object.keys(line.ms as object)).toEqual(expect.arrayContaining(['readMs', 'reconstructMs', 'normaliseMs', 'storeMs', 'totalMs']));
      expect(Object.keys(line.rows as object)).toEqual(expect.arrayContaining(['reports', 'indicators']));
    }
  });

  it('creates nothing new when the same bytes are dropped again, under another name', async () => {
    const before = await database.db.select({ n: count() }).from(extractionRuns);
    await copyFile(seeds[0], join(inbox, 'again-' + basename(seeds[0])));
    await log.waitFor((l) => l.msg === 'already received: nothing to do' && l.file === 'again-' + basename(seeds[0]));
    expect(await database.db.select({ n: count() }).from(extractionRuns)).toEqual(before);
    expect(await database.db.select({ n: count() }).from(sourceFiles)).toEqual([{ n: seeds.length }]);
    const jobs = await queue.getJobCounts('completed', 'waiting', 'active', 'failed');
    expect(jobs).toEqual({ completed: seeds.length, waiting: 0, active: 0, failed: 0 });
  });

  it('fails a file it cannot read once, with its code, and does not retry it', async () => {
    const junk = randomBytes(4096);
    junk[0] = 0; // NUL bytes: not text, and no known file signature
    await writeFile(join(inbox, 'junk.bin'), junk);
    const sha = (await import('node:crypto')).createHash('sha256').update(junk).digest('hex');
    const stored = await until(
      async () => {
        const s = await storedFor(database.db, sha);
        return s?.runs[0]?.status === 'failed' ? s : null;
      },
      30_000,
      'the failed run',
    );
    expect(stored.runs[0]).toMatchObject({ errorCode: 'UnsupportedFormat', attempts: 1 });
    expect(stored.runs[0].errorMessage).toContain('junk.bin');
    const jobId = jobIdOf(stored.runs[0].id);
    const job = await until(async () => ((await queue.getJob(jobId))?.failedReason ? await queue.getJob(jobId) : null), 10_000, 'the failed job');
    expect(job!.attemptsMade).toBe(1);
  });
});
