// The deployed shape, through the `jixiao` command: a `jixiao work` process, `jixiao ingest` through the queue
// (it waits for the jobs), SIGTERM letting the running job finish, and `jixiao status`. Needs Postgres and Redis.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { openLocalStore } from '@jixiao/archive-store';
import { loadTestSettings } from '@jixiao/config';
import { extractionRuns, openDatabase, reports, sourceFiles, type Database } from '@jixiao/db';
import { enqueueExtraction, openExtractQueue, type ExtractQueue } from '@jixiao/queue';
import { receiveFile } from '@jixiao/intake';
import { createScratchPostgres, type ScratchPostgres } from '../support/db.ts';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const JIXIAO = join(ROOT, 'bin/jixiao.mjs');
const SEEDS = join(ROOT, 'fixtures/seeds');

describe('jixiao work / ingest / status against Postgres and Redis', () => {
  const settings = loadTestSettings();
  const prefix = `jixiao-test-${randomBytes(4).toString('hex')}`;
  let scratch: ScratchPostgres;
  let database: Database;
  let queue: ExtractQueue;
  let work: string;
  let env: NodeJS.ProcessEnv;
  let worker: ChildProcess;
  let workerOutput = '';

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'jixiao-cli-'));
    scratch = await createScratchPostgres('cli');
    env = {
      ...process.env,
      DATABASE_URL: scratch.url,
      REDIS_URL: settings.redisUrl,
      QUEUE_PREFIX: prefix,
      ARCHIVE_DIR: join(work, 'archive'),
      DATA_DIR: join(work, 'data'),
      WORKER_CONCURRENCY: '1',
      LOG_LEVEL: 'info',
    };
    worker = spawn(process.execPath, [JIXIAO, 'work'], { env, cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
    worker.stdout!.on('data', (d) => (workerOutput += d));
    worker.stderr!.on('data', (d) => (workerOutput += d));
    database = openDatabase({ databaseUrl: scratch.url, pgliteDir: '' });
    queue = openExtractQueue({ redisUrl: settings.redisUrl, prefix, attempts: 3 });
  });

  afterAll(async () => {
    if (worker && worker.exitCode === null) worker.kill('SIGKILL');
    await queue?.obliterate({ force: true }).catch(() => {});
    await queue?.close();
    await database?.close();
    await scratch?.drop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('ingest through the queue waits for the worker and sums up', async () => {
    const { stdout } = await run(process.execPath, [JIXIAO, 'ingest', SEEDS], { env, cwd: work });
    expect(stdout).toMatch(/^files\s+5$/m);
    expect(stdout).toMatch(/^extracted\s+5$/m);
    expect(stdout).toMatch(/^failures\s+0$/m);
    expect(Number(/^reports\s+(\d+)$/m.exec(stdout)?.[1])).toBeGreaterThanOrEqual(5);
  });

  it('reprocess re-runs a file through the queue and replaces its rows', async () => {
    const [file] = await database.db.select().from(sourceFiles).orderBy(sourceFiles.id).limit(1);
    const rowsOf = async () => (await database.db.select({ n: count() }).from(reports).where(eq(reports.sourceFileId, file.id)))[0].n;
    const before = await rowsOf();
    const { stdout } = await run(process.execPath, [JIXIAO, 'reprocess', file.sha256!], { env, cwd: work });
    expect(stdout).toMatch(/^selected\s+1$/m);
    expect(stdout).toMatch(/^done\s+1$/m);
    expect(await rowsOf()).toBe(before);
    const runs = await database.db.select().from(extractionRuns).where(eq(extractionRuns.sourceFileId, file.id));
    expect(runs.map((r) => r.status)).toEqual(['done', 'done']);
  });

  it('on SIGTERM stops taking jobs, finishes the running one and exits 0', async () => {
    // twenty distinct files (a seed with a different last line each) queued behind a one-job-at-a-time worker
    const seed = await readFile(join(SEEDS, (await readdir(SEEDS)).sort()[0]), 'utf8');
    const runIds: number[] = [];
    for (let i = 0; i < 20; i++) {
      const path = join(work, `variant-${i}.txt`);
      await writeFile(path, `${seed}\n备注 ${i}\n`);
      const r = await receiveFile({ db: database.db, store: openLocalStore(join(work, 'archive')), spoolDir: join(work, 'spool') }, path);
      runIds.push(r.runId!);
      await enqueueExtraction(queue, { runId: r.runId!, sha256: r.sha256, fileName: r.fileName });
    }
    // wait until the worker has started on one of them, then stop it
    for (let i = 0; i < 600; i++) {
      const statuses = await database.db.select({ s: extractionRuns.status }).from(extractionRuns).where(eq(extractionRuns.status, 'processing'));
      if (statuses.length > 0 || workerOutput.includes('variant-')) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    const exited = new Promise<number | null>((resolve) => worker.once('exit', (code) => resolve(code)));
    worker.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(workerOutput).toContain('worker stopped');

    const runs = await database.db.select({ id: extractionRuns.id, status: extractionRuns.status }).from(extractionRuns);
    const ours = runs.filter((r) => runIds.includes(r.id));
    // nothing left half-done, and the queue still holds what the worker did not take
    expect(ours.filter((r) => r.status === 'processing')).toEqual([]);
    expect(ours.some((r) => r.status === 'done')).toBe(true);
    expect(ours.some((r) => r.status === 'queued')).toBe(true);
    expect((await queue.getJobCounts('waiting')).waiting).toBeGreaterThan(0);
  });

  it('status shows runs by status and the queue', async () => {
    const { stdout } = await run(process.execPath, [JIXIAO, 'status'], { env, cwd: work });
    expect(stdout).toMatch(/^ {2}done\s+\d+$/m);
    expect(stdout).toMatch(/^ {2}queued\s+[1-9]\d*$/m);
    expect(stdout).toMatch(/^queue$/m);
    expect(stdout).toMatch(/^ {2}waiting\s+[1-9]\d*$/m);
  });
});
