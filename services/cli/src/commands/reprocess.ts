// `jixiao reprocess [SHA256|DOCUMENT_ID] [--failed] [--older-than-version V] [--organisation X] [--year Y] [--all]`:
// run the extraction again on stored originals. Each selected file gets a new run; when it finishes, its rows
// replace the file's previous rows in one transaction (never duplicated). Through the queue when REDIS_URL is
// set (a `jixiao work` must be running; reprocess waits unless --no-wait), inline otherwise.
import type { Command } from 'commander';
import { pino } from 'pino';
import { ConfigError, createLogger, loadConfig } from '@jixiao/config';
import { markRunFailed, openDatabase, queueRerun, runOutcomes, selectForReprocess, type ReprocessFilter } from '@jixiao/db';
import { EXTRACTOR_VERSION } from '@jixiao/pipeline';
import { enqueueExtraction, openExtractQueue, openExtractQueueEvents } from '@jixiao/queue';
import { processStoredFile, serviceStageDeps } from '@jixiao/worker';
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
        if (config.redisUrl) {
          const settings = { redisUrl: config.redisUrl, prefix: config.queuePrefix };
          const queue = openExtractQueue({ ...settings, attempts: config.jobAttempts, backoffMs: config.jobBackoffMs });
          const events = opts.wait ? openExtractQueueEvents(settings) : null;
          try {
            await events?.waitUntilReady();
            const queued = await Promise.all(jobs.map((j) => enqueueExtraction(queue, j)));
            if (events) await Promise.all(queued.map((job) => job.waitUntilFinished(events).catch(() => {})));
          } finally {
            await events?.close();
            await queue.close();
          }
          if (!opts.wait) {
            process.stdout.write(`selected  ${files.length}\nqueued    ${jobs.length}\n`);
            return;
          }
        } else {
          const stages = serviceStageDeps(config, database.db, logger);
          for (const job of jobs) {
            const log = logger.child({ sha256: job.sha256, file: job.fileName, runId: job.runId });
            try {
              await processStoredFile({ ...stages, logger: log }, job.runId);
            } catch (err) {
              log.error({ err }, 'extraction crashed');
              await markRunFailed(database.db, job.runId, 'Internal', (err as Error).message);
            }
          }
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
