// `jixiao reprocess [SHA256|DOCUMENT_ID] [--failed] [--older-than-version V] [--organisation X] [--year Y] [--all]`:
// run the extraction again on stored originals. Each selected file gets a new run; when it finishes, its rows
// replace the file's previous rows in one transaction (never duplicated). Through the queue when REDIS_URL is
// set (a `jixiao work` must be running; reprocess waits unless --no-wait), inline otherwise.
import type { Command } from 'commander';
import { pino } from 'pino';
import { ConfigError, createLogger, loadConfig } from '@jixiao/config';
import { openArchiveStore } from '@jixiao/archive-store';
import { openDatabase, queueRerun, runOutcomes, selectForReprocess, type ReprocessFilter } from '@jixiao/db';
import { EXTRACTOR_VERSION } from '@jixiao/pipeline';
import { dispatcherFor } from '@jixiao/worker';
import { printable } from '../printable.ts';

interface Options {
  failed?: boolean;
  olderThanVersion?: string;
  organisation?: string;
  year?: string;
  all?: boolean;
  wait: boolean;
  verbose?: boolean;
}

export function registerReprocess(program: Command): void {
  program
    .command('reprocess')
    .argument('[target]', "a file's sha256, or a document id (all its versions)")
    .option('--failed', 'files whose latest run failed')
    .option('--older-than-version <version>', `files last extracted by an extractor older than this (now ${EXTRACTOR_VERSION})`)
    .option('--organisation <name>', 'files with a report of this organisation')
    .option('--year <yyyy>', 'files with a report of this fiscal year')
    .option('--all', 'every stored file')
    .option('--no-wait', 'with REDIS_URL: queue the runs and return without waiting for them')
    .option('--verbose', 'log every file (JSON lines on stderr)')
    .action(async (target: string | undefined, opts: Options) => {
      const config = loadConfig();
      const filter: ReprocessFilter = {
        target,
        failed: opts.failed,
        olderThanVersion: opts.olderThanVersion,
        organisation: opts.organisation,
        year: opts.year === undefined ? undefined : Number(opts.year),
        all: opts.all,
      };
      if (filter.year !== undefined && !Number.isInteger(filter.year)) throw new ConfigError('--year', `--year must be a year such as 2021, got "${opts.year}"`);
      if (!target && !opts.failed && !opts.olderThanVersion && !opts.organisation && filter.year === undefined && !opts.all) {
        process.stderr.write('jixiao reprocess: say which files: a sha256 or document id, a filter, or --all\n');
        process.exitCode = 2;
        return;
      }
      const logger = createLogger({ logLevel: opts.verbose ? config.logLevel : 'error' }, pino.destination(2));
      const database = openDatabase(config);
      try {
        await database.migrate();
        const files = await selectForReprocess(database.db, filter);
        const runIds: number[] = [];
        for (const f of files) runIds.push(await queueRerun(database.db, f.sourceFileId, EXTRACTOR_VERSION));
        const jobs = files.map((f, i) => ({ runId: runIds[i], sha256: f.sha256, fileName: f.fileName }));
        const store = openArchiveStore(config.archive);
        const dispatcher = dispatcherFor(config, database, store, logger);
        try {
          for (const job of jobs) await dispatcher.dispatch(job);
          if (dispatcher.mode === 'queue' && !opts.wait) {
            process.stdout.write(`selected  ${files.length}\nqueued    ${jobs.length}\n`);
            return;
          }
          await dispatcher.settled(runIds);
        } finally {
          await dispatcher.close();
          await store.close();
        }
        const outcomes = await runOutcomes(database.db, runIds);
        const out = [
          `selected  ${files.length}`,
          `done      ${outcomes.filter((o) => o.status === 'done').length}`,
          `failed    ${outcomes.filter((o) => o.status === 'failed').length}`,
        ];
        for (const f of outcomes.filter((o) => o.status === 'failed')) out.push(printable(`  ✗ ${f.archiveMemberPath ?? f.fileName}: ${f.errorCode} ${f.errorMessage ?? ''}`.trimEnd()));
        process.stdout.write(out.join('\n') + '\n');
      } finally {
        await database.close();
      }
    });
}
