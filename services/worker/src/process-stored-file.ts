// The stages for one recorded file, shared by the queue worker and inline `jixiao ingest`: read the archived
// bytes, extract, store in one transaction. Bad input (ExtractionError) closes the run as failed with its
// code and message, and so does a reader that crashes on the bytes (the same bytes would crash it again);
// anything else (database down, archive unreadable) is thrown for the caller to retry or report.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileBudget, Logger } from '@jixiao/config';
import { ErrorCode, ExtractionError, isExtractionError } from '@jixiao/contract';
import { markRunFailed, saveExtraction, startRun, type Db } from '@jixiao/db';
import { extractFileTimed, type IsolatedExtractor } from '@jixiao/pipeline';
import { refuseIncomplete } from './refuse-incomplete.ts';

export interface StageDeps {
  db: Db;
  archiveDir: string;
  /** the file's budget; the fields beyond these three default to the readers' own */
  limits: Pick<FileBudget, 'maxBytes' | 'maxPages' | 'timeBudgetMs'> & Partial<FileBudget>;
  /** the job's logger, bound to { sha256, file, runId } by the caller */
  logger: Logger;
  /** test hook: sleep this long inside the stage (a test kills the worker meanwhile) */
  stageDelayMs?: number;
  /**
   * where the stages run: the services pass a child-process extractor (a crash, an out-of-memory or a hang
   * costs the child, not the service); without one they run in this process (tests of the stages)
   */
  extractor?: IsolatedExtractor;
}

export type ProcessOutcome =
  | { status: 'done'; runId: number; reports: number; indicators: number }
  | { status: 'failed'; runId: number; code: string; message: string }
  | { status: 'skipped'; runId: number };

/** `signal` cancels the extraction (the child is stopped); the run is then left to the caller, not failed. */
export async function processStoredFile(deps: StageDeps, runId: number, options: { signal?: AbortSignal } = {}): Promise<ProcessOutcome> {
  const t0 = performance.now();
  const run = await startRun(deps.db, runId);
  if (!run) {
    deps.logger.info({ runId }, 'run already finished: skipped');
    return { status: 'skipped', runId };
  }
  const log = deps.logger;
  try {
    if (!run.archivePath) throw new ExtractionError(ErrorCode.CorruptFile, `${run.archiveMemberPath ?? run.fileName}: no bytes were stored for this file`);
    if (deps.stageDelayMs) await new Promise((r) => setTimeout(r, deps.stageDelayMs));
    const meta = { fileName: run.fileName, archivePath: run.archiveMemberPath, ...deps.limits };
    const path = join(deps.archiveDir, run.archivePath);
    await refuseOversize(deps, path, run.fileName);
    const { extraction, timings } = deps.extractor
      ? await deps.extractor.extract({ path }, meta, options)
      : await extractStage(new Uint8Array(await readFile(path)), meta);
    const refused = refuseIncomplete(extraction, deps.limits.maxPages);
    if (refused) throw refused;
    const stored = await saveExtraction(deps.db, run, extraction, timings);
    if (!stored) {
      log.info('run finished meanwhile by another worker: skipped');
      return { status: 'skipped', runId };
    }
    log.info(
      {
        status: 'done',
        attempt: run.attempts,
        ms: { readMs: round(timings.readMs), reconstructMs: round(timings.reconstructMs), normaliseMs: round(timings.normaliseMs), storeMs: round(stored.storeMs), totalMs: round(performance.now() - t0) },
        rows: { reports: stored.reports, indicators: stored.indicators, fundingLines: stored.fundingLines, goals: stored.goals, warnings: stored.warnings },
      },
      'extraction stored',
    );
    return { status: 'done', runId, reports: stored.reports, indicators: stored.indicators };
  } catch (err) {
    if (!isExtractionError(err)) throw err;
    await markRunFailed(deps.db, runId, err.code, err.message);
    log.warn({ status: 'failed', code: err.code, message: err.message, ms: { totalMs: round(performance.now() - t0) } }, 'extraction failed');
    return { status: 'failed', runId, code: err.code, message: err.message };
  }
}

/** The pure stages; whatever they throw is about these bytes, never an outage, so it is an ExtractionError. */
async function extractStage(bytes: Uint8Array, meta: Parameters<typeof extractFileTimed>[1]) {
  try {
    return await extractFileTimed(bytes, meta);
  } catch (err) {
    if (isExtractionError(err)) throw err;
    const what = meta.archivePath ?? meta.fileName;
    throw new ExtractionError(ErrorCode.CorruptFile, `${what}: the file could not be read (${(err as Error).message})`, { cause: err });
  }
}

/** Refused before reading: a multi-gigabyte file dropped by mistake must not be loaded into memory. A missing
 * archive file throws as an outage (the archive folder may be a share that is down). */
async function refuseOversize(deps: StageDeps, path: string, fileName: string): Promise<void> {
  const { size } = await stat(path);
  if (size > deps.limits.maxBytes)
    throw new ExtractionError(ErrorCode.FileTooLarge, `${fileName}: ${size} bytes is over the limit of ${deps.limits.maxBytes} bytes`);
}

const round = (ms: number) => Math.round(ms * 10) / 10;
