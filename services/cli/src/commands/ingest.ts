// `jixiao ingest DIR|FILE…`: archive, record and extract every file under the paths, then print a summary.
// With REDIS_URL the files go through the queue (a `jixiao work` must be running) and ingest waits for them;
// without it the same stages run here, one file at a time.
import { readdir, stat } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { pino } from 'pino';
import { createLogger, loadConfig, type Config, type Logger } from '@jixiao/config';
import { markRunFailed, openDatabase, runOutcomes, runsToLookAt, type Database } from '@jixiao/db';
import { lookAtLine } from '../look-at-line.ts';
import { enqueueExtraction, openExtractQueue, openExtractQueueEvents } from '@jixiao/queue';
import { isIgnoredName, receiveFile, type ReceivedFile } from '@jixiao/watcher';
import { processStoredFile, serviceStageDeps } from '@jixiao/worker';
import { printable } from '../printable.ts';

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .argument('<paths...>', 'files or folders (walked recursively)')
    .option('--verbose', 'log every file (JSON lines on stderr)')
    .action(async (paths: string[], opts: { verbose?: boolean }) => {
      const config = loadConfig();
      // the progress bar owns stderr: only errors are logged unless asked (failed files are listed at the end)
      const logger = createLogger({ logLevel: opts.verbose ? config.logLevel : 'error' }, pino.destination(2));
      const files = (await Promise.all(paths.map((p) => listInputs(resolve(p))))).flat();
      const database = openDatabase(config);
      try {
        await database.migrate();
        const bar = new cliProgress.SingleBar(
          { stream: process.stderr, format: 'ingest [{bar}] {value}/{total} {file}', hideCursor: true, clearOnComplete: true },
          cliProgress.Presets.shades_classic,
        );
        bar.start(files.length, 0, { file: '' });
        const received = config.redisUrl
          ? await ingestThroughQueue(config, database, files, logger, bar)
          : await ingestInline(config, database, files, logger, bar);
        bar.stop();
        await printSummary(database, files.length, received);
      } finally {
        await database.close();
      }
    });
}

interface Input {
  path: string;
  /** relative to the folder given (or the file's name): the identity of versions (docs/versions.md) */
  logicalPath: string;
}

const receiveDeps = (config: Config, database: Database) => ({ db: database.db, archiveDir: config.archiveDir, archiveLimits: config.archiveLimits, maxBytes: config.limits.maxBytes });

async function ingestInline(config: Config, database: Database, files: Input[], logger: Logger, bar: cliProgress.SingleBar) {
  const received: ReceivedFile[] = [];
  const stages = serviceStageDeps(config, database.db, logger);
  for (const { path, logicalPath } of files) {
    bar.update({ file: path });
    const r = await receiveFile(receiveDeps(config, database), path, logicalPath);
    received.push(r);
    for (const job of r.jobs) {
      const log = logger.child({ sha256: job.sha256, file: path, runId: job.runId });
      try {
        await processStoredFile({ ...stages, logger: log }, job.runId);
      } catch (err) {
        // not bad input but a bug or an outage: keep going, and leave the failure where `jixiao status` shows it
        log.error({ err }, 'extraction crashed');
        await markRunFailed(database.db, job.runId, 'Internal', (err as Error).message);
      }
    }
    bar.increment();
  }
  await stages.extractor.close();
  return received;
}

async function ingestThroughQueue(config: Config, database: Database, files: Input[], logger: Logger, bar: cliProgress.SingleBar) {
  const settings = { redisUrl: config.redisUrl!, prefix: config.queuePrefix };
  const queue = openExtractQueue({ ...settings, attempts: config.jobAttempts, backoffMs: config.jobBackoffMs });
  const events = openExtractQueueEvents(settings);
  try {
    await events.waitUntilReady();
    const received: ReceivedFile[] = [];
    const waits: Promise<unknown>[] = [];
    for (const { path, logicalPath } of files) {
      const r = await receiveFile(receiveDeps(config, database), path, logicalPath);
      received.push(r);
      const jobs = await Promise.all(r.jobs.map((j) => enqueueExtraction(queue, j)));
      // a failed job is already recorded on its run; here it only moves the bar (once per file)
      waits.push(
        Promise.all(jobs.map((job) => job.waitUntilFinished(events).catch((err) => logger.warn({ err: (err as Error).message, file: path }, 'job failed')))).finally(
          () => bar.increment({ file: path }),
        ),
      );
    }
    if (waits.length > 0) logger.info({ jobs: waits.length }, 'waiting for the queued files (is `jixiao work` running?)');
    await Promise.all(waits);
    return received;
  } finally {
    await events.close();
    await queue.close();
  }
}

async function printSummary(database: Database, fileCount: number, received: ReceivedFile[]) {
  const runIds = received.flatMap((r) => r.runIds);
  const outcomes = await runOutcomes(database.db, runIds);
  const failures = outcomes.filter((o) => o.status === 'failed');
  const lookAt = await runsToLookAt(database.db, { runIds });
  const rows: [string, number][] = [
    ['files', fileCount],
    ['already stored', received.filter((r) => r.runIds.length === 0).length],
    ['archive members', received.reduce((n, r) => n + (r.archive?.members ?? 0), 0)],
    ['extracted', outcomes.filter((o) => o.status === 'done').length],
    ['reports', outcomes.reduce((n, o) => n + o.reports, 0)],
    ['indicators', outcomes.reduce((n, o) => n + o.indicators, 0)],
    ['no form found', lookAt.filter((r) => r.why === 'no-form').length],
    ['needs review', lookAt.filter((r) => r.why === 'review').length],
    ['failures', failures.length],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  const out = rows.map(([k, v]) => `${k.padEnd(width)}  ${String(v).padStart(6)}`);
  out.push(...lookAt.map(lookAtLine));
  for (const f of failures) out.push(printable(`  ✗ ${f.archiveMemberPath ?? f.fileName}: ${f.errorCode} ${f.errorMessage ?? ''}`.trimEnd()));
  process.stdout.write(out.join('\n') + '\n');
}

/** Every file under a path with its path relative to it (a file given by name: its name). */
async function listInputs(root: string): Promise<Input[]> {
  if ((await stat(root)).isFile()) return isIgnoredName(root) ? [] : [{ path: root, logicalPath: basename(root) }];
  return (await listFiles(root)).map((path) => ({ path, logicalPath: relative(root, path) }));
}

/** Every file under a path, recursively, leaving out hidden, temporary and lock files; sorted for a stable order. */
async function listFiles(path: string): Promise<string[]> {
  const s = await stat(path);
  if (s.isFile()) return isIgnoredName(path) ? [] : [path];
  const entries = await readdir(path, { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .filter((e) => !isIgnoredName(e.name) && (e.isFile() || e.isDirectory()))
      .map((e) => listFiles(join(path, e.name))),
  );
  return nested.flat().sort();
}
