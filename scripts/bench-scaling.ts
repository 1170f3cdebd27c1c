// Throughput with 1, 2 and 4 worker processes (`jixiao work`, WORKER_CONCURRENCY=1 each), per format: text exports,
// born-digital PDFs and scans. Each round: a scratch Postgres database and BullMQ prefix, the archive in an S3
// store (s3rver) as on several hosts, the files received through the intake, the workers started first, then the
// clock runs from the first job queued to the last run finished (after one untimed file per process, which starts
// its extraction child). Prints files/min and pages/min, and the speed-up
// over one process measured in the same run. `npm run bench scaling` runs it alone (needs Postgres and Redis).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inArray } from 'drizzle-orm';
import { pino } from 'pino';
import { openS3Store } from '@jixiao/archive-store';
import { loadTestSettings } from '@jixiao/config';
import { extractionRuns, openDatabase } from '@jixiao/db';
import { createIntake } from '@jixiao/intake';
import { createDispatcher } from '@jixiao/worker';
import { createScratchPostgres } from '../tests/support/db.ts';
import { startS3Server } from '../tests/support/s3-server.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PROCESSES = [1, 2, 4];

interface Format {
  name: string;
  source: string;
  files: number;
  /** distinct bytes that read the same: a text line, or a PDF comment after %%EOF */
  variant: (bytes: Buffer, i: number) => Buffer;
}

const pdfVariant = (bytes: Buffer, i: number) => Buffer.concat([bytes, Buffer.from(`\n%bench variant ${i}\n`)]);
const FORMATS: Format[] = [
  { name: 'text', source: 'fixtures/forms/seed-001/form.tsv.txt', files: 40, variant: (b, i) => Buffer.concat([b, Buffer.from(`\n备注 bench ${i}\n`)]) },
  { name: 'born-digital PDF', source: 'fixtures/forms/seed-001/form.pdf', files: 16, variant: pdfVariant },
  { name: 'scan (PDF, 200 dpi)', source: 'fixtures/scans/seed-000-p3-200dpi.pdf', files: 4, variant: pdfVariant },
];

interface Round {
  files: number;
  pages: number;
  seconds: number;
}

async function round(format: Format, processes: number): Promise<Round> {
  const { redisUrl } = loadTestSettings();
  const work = await mkdtemp(join(tmpdir(), 'jixiao-bench-scale-'));
  const scratch = await createScratchPostgres('bench_scale');
  const s3 = await startS3Server();
  const database = openDatabase({ databaseUrl: scratch.url, pgliteDir: '' });
  const children: ChildProcess[] = [];
  try {
    await database.migrate();
    const store = openS3Store(s3.settings('jixiao-bench'));
    await store.ready();
    const prefix = `jixiao-bench-${randomBytes(4).toString('hex')}`;
    const env = {
      ...process.env,
      DATABASE_URL: scratch.url,
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: prefix,
      ARCHIVE_URL: 's3://jixiao-bench',
      S3_ENDPOINT: s3.endpoint,
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
      WORKER_CONCURRENCY: '1',
      LOG_LEVEL: 'info',
    };
    // workers up before the clock starts: their start-up is not throughput
    await Promise.all(
      Array.from({ length: processes }, (_, i) =>
        new Promise<void>((resolve, reject) => {
          const child = spawn(process.execPath, [join(ROOT, 'bin/jixiao.mjs'), 'work'], { env: { ...env, DATA_DIR: join(work, `host-${i}`) }, cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
          children.push(child);
          child.stdout!.on('data', (d) => String(d).includes('worker started') && resolve());
          child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
        }),
      ),
    );
    const logger = pino({ level: 'silent' });
    const dispatcher = createDispatcher({
      queue: { redisUrl, prefix },
      stages: { db: database.db, store, limits: { maxBytes: 1e9, maxPages: 500, timeBudgetMs: 600_000 }, logger },
      concurrency: 1,
      attempts: 3,
      backoffMs: 1000,
    });
    const intake = createIntake({ db: database.db, store, spoolDir: join(work, 'spool'), dispatch: async () => {} });
    const bytes = await readFile(join(ROOT, format.source));
    const jobs = [];
    for (let i = 0; i < format.files + processes; i++) {
      const path = join(work, `file-${i}`);
      await writeFile(path, format.variant(bytes, i));
      jobs.push(...(await intake.receive(path)).jobs);
    }
    // one file per process first, untimed: each worker's extraction child starts on its first file
    const warmUp = jobs.splice(0, processes);
    for (const job of warmUp) await dispatcher.dispatch(job);
    await dispatcher.settled(warmUp.map((j) => j.runId));
    const t0 = performance.now();
    for (const job of jobs) await dispatcher.dispatch(job);
    await dispatcher.settled(jobs.map((j) => j.runId));
    const seconds = (performance.now() - t0) / 1000;
    const runs = await database.db.select().from(extractionRuns).where(inArray(extractionRuns.id, jobs.map((j) => j.runId)));
    const failed = runs.filter((r) => r.status !== 'done');
    if (failed.length > 0) throw new Error(`${failed.length} runs not done: ${failed[0].errorCode} ${failed[0].errorMessage}`);
    await dispatcher.close();
    await store.close();
    return { files: runs.length, pages: runs.reduce((n, r) => n + (r.pageCount ?? 1), 0), seconds };
  } finally {
    const running = children.filter((c) => c.exitCode === null && c.signalCode === null);
    await Promise.all(running.map((c) => new Promise((r) => (c.once('exit', r), c.kill('SIGTERM')))));
    await database.close();
    await scratch.drop();
    await s3.close();
    await rm(work, { recursive: true, force: true });
  }
}

for (const format of FORMATS) {
  let one: Round | null = null;
  for (const processes of PROCESSES) {
    const r = await round(format, processes);
    one ??= r;
    const perMin = (n: number) => (n / r.seconds) * 60;
    const line = `${format.name.padEnd(20)} ${String(processes).padStart(2)} proc  ${String(r.files).padStart(3)} files ${String(r.pages).padStart(4)} pages  ${r.seconds.toFixed(1).padStart(6)} s  ${perMin(r.files).toFixed(1).padStart(7)} files/min ${perMin(r.pages).toFixed(1).padStart(7)} pages/min  ${(one.seconds / r.seconds).toFixed(2)}× one process  ${((r.seconds * processes) / r.pages).toFixed(2)} s CPU-slot/page`;
    process.stdout.write(line + '\n');
  }
}
process.stdout.write(`\ncores here: ${(await import('node:os')).availableParallelism()} (a speed-up past the core count is not to be expected)\n`);
