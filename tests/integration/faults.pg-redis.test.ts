// Faults against the real Postgres and Redis: a worker killed mid-job (its job is taken again once its lock
// lapses, and the database holds no duplicate rows), Postgres unreachable for a while (jobs retry with backoff
// and all complete once it is back), and jobs lost from Redis (the restarted watcher reconciles the database
// with the queue and nothing recorded is forgotten).
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { count, eq, inArray } from 'drizzle-orm';
import { extractionRuns, reports, sourceFiles } from '@jixiao/db';
import { extractFile } from '@jixiao/pipeline';
import { enqueueExtraction, jobIdOf } from '@jixiao/queue';
import { receiveFile } from '@jixiao/intake';
import { loadTestSettings } from '@jixiao/config';
import { startPostgresForwarder, type TcpForwarder } from '../support/tcp-forwarder.ts';
import { startStack, until, untilSettled, type Stack } from './support/stack.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SEEDS = join(ROOT, 'fixtures/seeds');

/** n distinct files: a seed with a different last line each */
async function variants(stack: Stack, n: number, tag: string): Promise<string[]> {
  const seed = await readFile(join(SEEDS, (await readdir(SEEDS)).sort()[2]), 'utf8');
  const paths: string[] = [];
  for (let i = 0; i < n; i++) {
    const path = join(stack.work, `${tag}-${i}.txt`);
    await writeFile(path, `${seed}\n备注 ${tag} ${i}\n`);
    paths.push(path);
  }
  return paths;
}

/** receive and enqueue, as the watcher does */
async function drop(stack: Stack, paths: string[]): Promise<number[]> {
  const runIds: number[] = [];
  for (const path of paths) {
    const r = await receiveFile({ db: stack.database.db, store: stack.store, spoolDir: join(stack.work, 'spool') }, path);
    for (const job of r.jobs) {
      await enqueueExtraction(stack.queue, job);
      runIds.push(job.runId);
    }
  }
  return runIds;
}

/** every file's rows exactly once: its reports count equals what extractFile returns for its bytes */
async function expectNoDuplicates(stack: Stack, paths: string[]) {
  for (const path of paths) {
    const extraction = await extractFile(new Uint8Array(await readFile(path)), { fileName: 'x.txt' });
    const [file] = await stack.database.db.select().from(sourceFiles).where(eq(sourceFiles.sha256, extraction.source.sha256));
    const [{ n }] = await stack.database.db.select({ n: count() }).from(reports).where(eq(reports.sourceFileId, file.id));
    expect(Number(n), path).toBe(extraction.reports.length);
    const runs = await stack.database.db.select().from(extractionRuns).where(eq(extractionRuns.sourceFileId, file.id));
    expect(runs.map((r) => r.status)).toEqual(['done']);
  }
}

describe('a worker killed mid-job', () => {
  let stack: Stack;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    stack = await startStack({ label: 'fault_kill' });
  });

  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await stack?.close();
  });

  it('is retaken once its lock lapses, and the database holds no duplicate rows', async () => {
    const env = {
      ...process.env,
      DATABASE_URL: stack.scratch.url,
      REDIS_URL: stack.redisUrl,
      QUEUE_PREFIX: stack.prefix,
      ARCHIVE_DIR: stack.archiveDir,
      DATA_DIR: join(stack.work, 'data'),
      WORKER_CONCURRENCY: '1',
      WORKER_LOCK_MS: '2000',
      WORKER_STALLED_INTERVAL_MS: '1000',
      // the stage sleeps long enough for the test to kill the worker while the job is active
      JIXIAO_TEST_STAGE_DELAY_MS: '60000',
      LOG_LEVEL: 'info',
    };
    let output = '';
    child = spawn(process.execPath, [join(ROOT, 'bin/jixiao.mjs'), 'work'], { env, cwd: stack.work, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const paths = await variants(stack, 2, 'killed');
    const runIds = await drop(stack, paths);
    const [taken] = await until(
      async () => {
        const rows = await stack.database.db.select().from(extractionRuns).where(inArray(extractionRuns.id, runIds));
        const processing = rows.filter((r) => r.status === 'processing');
        return processing.length > 0 ? processing : null;
      },
      30_000,
      'the child worker to take a job',
    );
    expect((await stack.queue.getJob(jobIdOf(taken.id)))?.processedOn).toBeTruthy();
    child.kill('SIGKILL');
    await new Promise((r) => child!.once('exit', r));
    expect(output).toContain('worker started');

    await stack.startWorker({ lockDurationMs: 2000, stalledIntervalMs: 1000 });
    await until(async () => (await stack.statuses(runIds)).done === runIds.length, 45_000, 'both runs done');
    await stack.log.waitFor((l) => l.msg === 'extraction stored' && l.runId === taken.id, 1000);
    const [again] = await stack.database.db.select().from(extractionRuns).where(eq(extractionRuns.id, taken.id));
    expect(again.attempts, 'the killed attempt and the one that finished').toBe(2);
    await expectNoDuplicates(stack, paths);
  }, 90_000);
});

describe('Postgres unreachable for a while', () => {
  let stack: Stack;
  let proxy: TcpForwarder;

  beforeAll(async () => {
    stack = await startStack({ label: 'fault_pg', attempts: 8, backoffMs: 300 });
    proxy = await startPostgresForwarder(loadTestSettings().adminDatabaseUrl);
  });

  afterAll(async () => {
    await stack?.close();
    await proxy?.stop().catch(() => {});
  });

  it('retries the jobs with backoff and completes them all once it is back', async () => {
    const url = new URL(stack.scratch.url);
    url.host = `127.0.0.1:${proxy.port}`;
    await stack.startWorker({ databaseUrl: url.toString() });
    await proxy.stop();
    const paths = await variants(stack, 4, 'outage');
    const runIds = await drop(stack, paths);
    // the worker cannot reach the database: its jobs fail and wait for their retry
    await stack.log.waitFor((l) => l.msg === 'job failed; will retry', 20_000);
    await new Promise((r) => setTimeout(r, 2000));
    expect((await stack.statuses(runIds)).done).toBe(0);
    await proxy.start();
    await until(async () => (await stack.statuses(runIds)).done === runIds.length, 60_000, 'all runs done after the outage');
    const retried = stack.log.lines.filter((l) => l.msg === 'job failed; will retry').length;
    console.info(`Postgres outage: ${runIds.length} jobs, ${retried} failed attempts retried with backoff, all done once it was back`);
    expect(retried).toBeGreaterThanOrEqual(runIds.length);
    await expectNoDuplicates(stack, paths);
  }, 90_000);
});

describe('jobs lost from Redis', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ label: 'fault_lost' });
  });

  afterAll(async () => {
    await stack?.close();
  });

  afterEach(async () => {
    await stack.stopWatcher();
  });

  it('are queued again by the restarted watcher, so no recorded file is forgotten', async () => {
    // files recorded and queued while no worker runs
    await stack.startWatcher();
    const paths = await variants(stack, 3, 'lost');
    for (const p of paths) await writeFile(join(stack.inbox, p.split('/').pop()!), await readFile(p));
    await until(async () => (await stack.queue.getJobCounts('waiting')).waiting === 3, 20_000, 'three waiting jobs');
    await stack.stopWatcher();
    // the inbox is emptied (files moved on after archiving): only the database remembers them now
    for (const p of paths) await rm(join(stack.inbox, p.split('/').pop()!));
    // Redis loses them (a restart without persistence); one run had been taken by a worker that died
    await stack.queue.obliterate({ force: true });
    const [first] = await stack.database.db.select().from(extractionRuns).orderBy(extractionRuns.id).limit(1);
    await stack.database.db.update(extractionRuns).set({ status: 'processing' }).where(eq(extractionRuns.id, first.id));
    await stack.startWorker();
    await new Promise((r) => setTimeout(r, 1000));
    expect((await stack.statuses()).done, 'nothing to do while the jobs are lost').toBe(0);

    await stack.startWatcher();
    const settled = await untilSettled(stack, 3, 30_000);
    expect(settled).toEqual({ queued: 0, processing: 0, done: 3, failed: 0 });
    await expectNoDuplicates(stack, paths);
  }, 60_000);
});
