// `jixiao ingest DIR|FILE…`: archive, record and extract every file under the paths, then print a summary.
// With REDIS_URL the files go through the queue (a `jixiao work` must be running) and ingest waits for them;
// without it the same stages run here (WORKER_CONCURRENCY at a time on Postgres, one on PGlite).
import { readdir, stat } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { pino } from 'pino';
import { openArchiveStore } from '@jixiao/archive-store';
import { createLogger, loadConfig } from '@jixiao/config';
import { openDatabase, runOutcomes, runsToLookAt, type Database } from '@jixiao/db';
import { createIntake, isIgnoredName, type ReceivedFile } from '@jixiao/intake';
import { dispatcherFor } from '@jixiao/worker';
import { lookAtLine } from '../look-at-line.ts';
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
      const store = openArchiveStore(config.archive);
      try {
        await database.migrate();
        await store.ready();
        const bar = new cliProgress.SingleBar(
          { stream: process.stderr, format: 'ingest [{bar}] {value}/{total} {file}', hideCursor: true, clearOnComplete: true },
          cliProgress.Presets.shades_classic,
        );
        bar.start(files.length, 0, { file: '' });
        const dispatcher = dispatcherFor(config, database, store, logger);
        const intake = createIntake({ db: database.db, store, spoolDir: config.spoolDir, archiveLimits: config.archiveLimits, maxBytes: config.limits.maxBytes, dispatch: dispatcher.dispatch });
        const received: ReceivedFile[] = [];
        // the bar moves when all of a file's runs have finished, wherever they ran
        const fileOfRun = new Map<number, number>();
        const open: number[] = [];
        const finishRun = (runId: number) => {
          const i = fileOfRun.get(runId)!;
          if (--open[i] === 0) bar.increment({ file: files[i].path });
        };
        try {
          for (const [i, { path, logicalPath }] of files.entries()) {
            bar.update({ file: path });
            const r = await intake.receive(path, logicalPath);
            received.push(r);
            open.push(r.jobs.length);
            for (const job of r.jobs) fileOfRun.set(job.runId, i);
            if (r.jobs.length === 0) bar.increment();
          }
          if (dispatcher.mode === 'queue' && fileOfRun.size > 0) logger.info({ runs: fileOfRun.size }, 'waiting for the queued files (is `jixiao work` running?)');
          await dispatcher.settled([...fileOfRun.keys()], finishRun);
        } finally {
          await dispatcher.close();
        }
        bar.stop();
        await printSummary(database, files.length, received);
      } finally {
        await database.close();
        await store.close();
      }
    });
}

interface Input {
  path: string;
  /** relative to the folder given (or the file's name): the identity of versions (docs/versions.md) */
  logicalPath: string;
}

const LOOK_AT_SHOWN = 20;

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
  // failures are all listed; files to look at up to a screenful (an archive of scans' continuation pages can give
  // hundreds), the rest counted: `jixiao status --failures N` lists more
  out.push(...lookAt.slice(0, LOOK_AT_SHOWN).map(lookAtLine));
  if (lookAt.length > LOOK_AT_SHOWN) out.push(`  … and ${lookAt.length - LOOK_AT_SHOWN} more to look at: jixiao status --failures ${lookAt.length}`);
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
